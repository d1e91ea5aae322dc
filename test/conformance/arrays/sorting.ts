// Checks sort: default string order (numbers sort as strings!), comparators, stability, undefined last.
console.log([10, 9, 1, 100, 25, -3, -20].sort().join(","));
console.log([10, 9, 1, 100, 25, -3, -20].sort((a, b) => a - b).join(","));
console.log([10, 9, 1, 100, 25].sort((a, b) => b - a).join(","));
console.log(["b", "a", "C", "A", "c", "B"].sort().join(""));
console.log([true, false, true].sort().join(","));
console.log([3, undefined, 1, undefined, 2].sort().map(String).join(","));
const people = [
  { name: "ann", age: 30 },
  { name: "bob", age: 25 },
  { name: "cid", age: 30 },
  { name: "dee", age: 25 },
  { name: "eve", age: 35 },
];
console.log(people.sort((a, b) => a.age - b.age).map((p) => p.name).join(","));
console.log(people.sort((a, b) => (a.name < b.name ? 1 : -1)).map((p) => p.name).join(","));
const arr = [3, 1, 2];
const same = arr.sort();
console.log(same === arr, arr.join(","));
const big: number[] = [];
for (let i = 0; i < 200; i++) big.push((i * 7919) % 211);
big.sort((a, b) => a - b);
console.log(big.slice(0, 8).join(","), big.slice(-3).join(","));
console.log([0.5, -0, 0, -1, NaN, 2].sort((a, b) => a - b).map(String).join(","));
console.log(["10", "9", "1e1", "010"].sort().join(","));
