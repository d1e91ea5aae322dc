// Checks SameValueZero keys in Map/Set: NaN equals NaN, -0 and +0 are one key, 1 vs "1" differ.
const m = new Map<unknown, string>();
m.set(NaN, "nan");
m.set(0, "zero");
m.set(-0, "minus zero");
m.set("1", "string one");
m.set(1, "number one");
console.log(m.size, m.get(NaN), m.get(0), m.get(-0), m.get(1), m.get("1"));
console.log(Object.is([...m.keys()][1], 0), Object.is([...m.keys()][1], -0));
const s = new Set<unknown>([NaN, NaN, 0, -0, "0", null, undefined, null]);
console.log(s.size, s.has(NaN), s.has(-0), s.has(undefined));
const arrKey = [1];
m.set(arrKey, "array");
console.log(m.get(arrKey), m.get([1]));
m.set(true, "bool");
console.log(m.get(true), m.get("true"), m.has(false));
const keys = [...m.keys()].map((k) => typeof k);
console.log(keys.join(","));
