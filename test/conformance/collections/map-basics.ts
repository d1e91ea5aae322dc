// Checks Map: insertion order, overwrite keeps position, delete + re-insert moves to end, size, get/has.
const m = new Map<string, number>();
m.set("b", 1).set("a", 2).set("c", 3);
console.log([...m.keys()].join(","), m.size);
m.set("b", 10);
console.log([...m.entries()].map(([k, v]) => k + v).join(","));
console.log(m.delete("b"), m.delete("zz"), m.size);
m.set("b", 20);
console.log([...m.keys()].join(","), m.get("b"), m.get("nope"), m.has("a"));
m.clear();
console.log(m.size, [...m].length);
const counts = new Map<string, number>();
for (const w of "a b a c b a".split(" ")) counts.set(w, (counts.get(w) ?? 0) + 1);
console.log([...counts].map(([k, v]) => `${k}=${v}`).join(" "));
const objKey = { id: 1 };
const objMap = new Map<object, string>([[objKey, "found"]]);
console.log(objMap.get(objKey), objMap.get({ id: 1 }));
