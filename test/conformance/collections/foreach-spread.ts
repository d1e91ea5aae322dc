// Checks Map/Set forEach argument order, spread into arrays, Array.from with mapping, entries().
const m = new Map<string, number>([["one", 1], ["two", 2]]);
m.forEach((value, key, map) => console.log(key, value, map === m));
const s = new Set(["x", "y"]);
s.forEach((v, k, set) => console.log(v, k, set.size));
console.log([...m].length, [...m][0].join(":"), [...m.values()].join(","));
console.log(Array.from(m, ([k, v]) => k.length * v).join(","));
console.log([...s.entries()].map((e) => e.join("=")).join(","), [...s.keys()].join(""));
const inverted = new Map([...m].map(([k, v]) => [v, k]));
console.log(inverted.get(2), inverted.size);
const it = m.keys();
console.log(JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()));
const obj = Object.fromEntries(m);
console.log(JSON.stringify(obj), JSON.stringify([...new Set([1, 2])]));
console.log(new Map(Object.entries({ a: 1 })).get("a"));
