// Checks Math.min/max/abs/round with mixed argument kinds: strings, booleans, null, arrays and NaN.
const toNum = (v: unknown): number => Number(v);
const inputs: unknown[] = ["3", true, false, null, [], [7], "", " 8 ", "x"];
console.log(inputs.map(toNum).map(String).join(","));
console.log(Math.max(...inputs.map(toNum)), Math.max(...inputs.slice(0, 8).map(toNum)));
console.log(Math.min(...[5, 2, 8].map((x) => x * -1)), Math.abs(Number("-5")), Math.round(Number("2.5")));
const data = [3.2, -1.7, 4.9, 0.1, -0.1];
console.log(data.map(Math.round).map(String).join(","), data.map(Math.trunc).map(String).join(","));
console.log(data.map((x) => Math.sign(x)).join(","), data.reduce((a, b) => Math.max(a, b), -Infinity));
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
console.log(clamp(5, 0, 3), clamp(-5, 0, 3), clamp(NaN, 0, 3), clamp(2, 0, 3));
