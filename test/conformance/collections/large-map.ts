// Checks Maps and Sets with 50000 entries: growth, lookups, deletes of half, and order afterwards.
const m = new Map<number, number>();
for (let i = 0; i < 50000; i++) m.set(i * 7, i);
console.log(m.size, m.get(7 * 49999), m.get(3));
for (let i = 0; i < 50000; i += 2) m.delete(i * 7);
console.log(m.size, [...m.keys()].slice(0, 4).join(","));
let sum = 0;
for (const v of m.values()) sum += v;
console.log(sum);
const s = new Set<string>();
for (let i = 0; i < 50000; i++) s.add("k" + (i % 1000));
console.log(s.size, s.has("k999"), s.has("k1000"));
const strKeys = new Map<string, number>();
for (let i = 0; i < 20000; i++) strKeys.set(String(i), i);
console.log(strKeys.get("12345"), strKeys.size);
