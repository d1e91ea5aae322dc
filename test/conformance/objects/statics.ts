// Checks Object.keys/values/entries/assign/fromEntries/freeze/isFrozen on plain objects.
const src = { a: 1, b: "two", c: [3] };
console.log(Object.keys(src), Object.values(src).length, Object.entries(src).length);
for (const [k, v] of Object.entries(src)) console.log(k, JSON.stringify(v));
const target: Record<string, unknown> = { a: 0, z: 26 };
const result = Object.assign(target, src, { d: 4 }, null, undefined);
console.log(result === target, Object.keys(target).join(","));
console.log(JSON.stringify(Object.fromEntries([["x", 1], ["y", 2]])));
const doubled = Object.fromEntries(Object.entries({ p: 1, q: 2 }).map(([k, v]) => [k, v * 2]));
console.log(JSON.stringify(doubled));
const frozen = Object.freeze({ n: 1 });
console.log(Object.isFrozen(frozen), Object.isFrozen({}));
console.log(Object.keys("hi").join(","), Object.values("hi").join(","), Object.keys([4, 5]).join(","));
console.log(Object.entries([7, 8]).map((e) => e.join(":")).join(" "));
