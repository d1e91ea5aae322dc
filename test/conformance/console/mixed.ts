// Checks console.log with many mixed arguments and values built at run time.
const xs: number[] = [];
for (let i = 0; i < 5; i++) xs.push(i * i);
console.log("squares", xs, "sum", xs.reduce((a, b) => a + b, 0));
const rec: Record<string, number | string> = { id: 7, name: "seven" };
console.log("record", rec, "keys", Object.keys(rec));
console.log(true, [false], { t: true });
console.log(null, [null], { n: null });
console.log(undefined, [undefined], { u: undefined });
console.log(1, [1], { one: 1 }, "1", ["1"], { one: "1" });
const pair: [string, number] = ["k", 2];
console.log(pair, ...pair);
console.log(...[1, 2, 3], ...["a"]);
console.log([1, 2, 3].map(String), [1, 2, 3].map((n) => n / 2));
