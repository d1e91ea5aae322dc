// Checks iterating strings: for-of by code point, index loops by code unit, spread and entries.
const s = "hé😀!";
const units: string[] = [];
for (let i = 0; i < s.length; i++) units.push(s.charCodeAt(i).toString(16));
console.log(units.join(" "));
const points: string[] = [];
for (const cp of s) points.push((cp.codePointAt(0) ?? 0).toString(16));
console.log(points.join(" "));
console.log([..."abc"].map((c, i) => c + i).join(","));
const counts = new Map<string, number>();
for (const ch of "mississippi") counts.set(ch, (counts.get(ch) ?? 0) + 1);
console.log([...counts.entries()].map(([k, v]) => k + v).join(" "));
const it = "xy"[Symbol.iterator]();
console.log(JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()));
let vowels = 0;
for (const ch of "The quick brown fox") if ("aeiou".includes(ch)) vowels++;
console.log(vowels);
console.log(Array.from("héllo", (c) => c.toUpperCase()).join("-"));
