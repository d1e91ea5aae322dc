// Checks array length semantics: writes past the end, truncation, out-of-range and non-integer reads.
const a = [1, 2, 3];
a[5] = 6;
console.log(a.length, JSON.stringify(a));
a.length = 2;
console.log(JSON.stringify(a), a[2]);
a.length = 0;
console.log(a.length, JSON.stringify(a));
const b = [10, 20, 30];
console.log(b[-1], b[3], b[1.5], b["1" as unknown as number]);
b[b.length] = 40;
console.log(b.length, b[b.length - 1]);
try {
  b.length = -1;
} catch (e) {
  console.log((e as Error).name);
}
const c: string[] = [];
c[0] = "x";
c[2] = "z";
console.log(c.length, c.join("|"));
