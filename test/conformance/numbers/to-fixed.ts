// Checks Number.prototype.toFixed: rounding of binary fractions, large values, negatives, -0.
const xs = [0, 1, 1.005, 1.45, 1.55, 2.5, -2.5, 0.000001, 123.456, -1.5, 1e20, 1e21, 0.1 + 0.2, 1234.5678];
for (const x of xs) {
  console.log(x, x.toFixed(0), x.toFixed(1), x.toFixed(2), x.toFixed(5));
}
console.log((-0).toFixed(2), (-0.0001).toFixed(2), (-0.5).toFixed(0));
console.log(NaN.toFixed(2), Infinity.toFixed(1), (-Infinity).toFixed(0));
console.log((1.23e-10).toFixed(20), (0.5).toFixed(100).length);
console.log((8.345).toFixed(2), (8.335).toFixed(2), (10.235).toFixed(2));
console.log((255).toFixed(3), (1e15 + 0.5).toFixed(1));
try {
  console.log((1).toFixed(101));
} catch (e) {
  console.log(e instanceof RangeError);
}
