// Checks objects used as dictionaries: counting, grouping, string keys that look like numbers.
const text = "the cat and a horse and the elephant";
const counts: Record<string, number> = {};
for (const w of text.split(" ")) counts[w] = (counts[w] ?? 0) + 1;
console.log(JSON.stringify(counts));
const groups: Record<number, string[]> = {};
for (const w of text.split(" ")) (groups[w.length] ??= []).push(w);
console.log(JSON.stringify(groups));
const byKey: { [k: string]: number } = {};
byKey["1"] = 1;
byKey[1] = 2;
byKey["1.0"] = 3;
byKey[1.0] = 4;
console.log(JSON.stringify(byKey));
const proto = {};
console.log(Object.keys(proto).length, "constructor" in proto, JSON.stringify({ __a: 1, _b: 2 }));
