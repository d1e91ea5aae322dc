// Checks Number.prototype.toString(radix) for integers, negatives and fractions.
const ints = [0, 1, 255, -255, 4096, 2 ** 32, 2 ** 53, 123456789];
for (const n of ints) {
  console.log(n.toString(2), n.toString(8), n.toString(16), n.toString(36));
}
console.log((0.5).toString(2), (0.25).toString(16), (-0.75).toString(2));
console.log((3.75).toString(16), (10.5).toString(3));
console.log((255).toString(10), (-0).toString(16), NaN.toString(2), Infinity.toString(16));
console.log((35).toString(36), (36).toString(36), (1295).toString(36));
try {
  (10).toString(1);
} catch (e) {
  console.log(e instanceof RangeError);
}
