// Checks Array.from/Array.of/new Array(n), array-likes, mapping functions, keys/values/entries.
console.log(Array.from("abc").join("|"), Array.from([1, 2, 3], (x) => x * 2).join(","));
console.log(Array.from({ length: 4 }, (_, i) => i * i).join(","));
console.log(Array.from(new Set([1, 1, 2])).join(","), Array.from(new Map([["k", 1]]))[0].join("="));
console.log(Array.of(7).length, Array.of(1, 2, 3).join(","), new Array(7).length, new Array(1, 2).join(","));
console.log(new Array<number>(3).join("-"), JSON.stringify(new Array(2)));
console.log([...Array(3).keys()].join(","), [..."xy"].entries().next().value?.join(":"));
console.log([...["a", "b"].entries()].map(([i, v]) => i + v).join(","), [...[5, 6].values()].join(","));
const matrix = Array.from({ length: 3 }, (_, r) => Array.from({ length: 3 }, (_, c) => r * 3 + c));
console.log(matrix.map((row) => row.join(" ")).join(" / "));
try {
  new Array(-1);
} catch (e) {
  console.log((e as Error).name);
}
const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);
console.log(range(3, 8).join(","), range(5, 5).length);
