// Checks sparse arrays: holes vs undefined, length, and how each method treats holes.
const s: (number | undefined)[] = [1, , 3, undefined, 5];
console.log(s.length, 1 in s, 3 in s, s[1], s[3]);
const visited: number[] = [];
s.forEach((_, i) => visited.push(i));
console.log(visited.join(","));
console.log(s.map((x) => (x === undefined ? "u" : x)).length, Object.keys(s).join(","));
console.log(s.filter(() => true).length, s.join("-"), JSON.stringify(s));
console.log(s.indexOf(undefined), s.includes(undefined), s.findIndex((x) => x === undefined));
const grow: number[] = [];
grow[5] = 1;
console.log(grow.length, Object.keys(grow).join(","), grow.filter(() => true).length);
console.log([...grow].filter((x) => x === undefined).length);
let iterations = 0;
for (const v of grow) if (v === undefined) iterations++;
console.log(iterations);
const keys: string[] = [];
for (const k in grow) keys.push(k);
console.log(keys.join(","), grow.reduce((acc) => acc + 1, 0));
