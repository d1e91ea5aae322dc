// Checks number comparisons and equality: == coercions with strings/booleans/null, relational ops.
const n = 1;
const s = "1";
console.log(n === Number(s), String(n) === s);
console.log(0.1 + 0.2 === 0.3, Math.abs(0.1 + 0.2 - 0.3) < Number.EPSILON);
console.log(1 < 2, 2 <= 2, 3 > 4, -0 < 0, -0 <= 0);
console.log("10" < "9", 10 < 9, Number("10") < Number("9"));
console.log(null === null, undefined === undefined);
const vals: (number | string | boolean | null | undefined)[] = [0, "", "0", false, null, undefined, NaN];
for (const a of vals) {
  console.log(String(a), vals.map((b) => (a === b ? "=" : "-")).join(""), Boolean(a));
}
console.log(Math.max(1, 2) === 2, [1, 2, 3].indexOf(2));
