// Checks toPrecision and toExponential: digits, exponent form switch, rounding and errors.
const xs = [0, 1, 123.456, 0.000123, 1e21, 123456, -9.995, 5e-7, 99.99, 1 / 3];
for (const x of xs) {
  console.log(x.toPrecision(1), x.toPrecision(3), x.toPrecision(8));
}
for (const x of xs) {
  console.log(x.toExponential(), x.toExponential(0), x.toExponential(2));
}
console.log((-0).toPrecision(2), NaN.toPrecision(3), (-Infinity).toExponential(2));
console.log((1.25).toExponential(1), (1.35).toExponential(1), (12345).toPrecision(2));
try {
  (1).toPrecision(0);
} catch (e) {
  console.log(e instanceof RangeError);
}
