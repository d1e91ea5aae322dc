// Checks transcendental Math functions printed at reduced precision (toFixed(10)) to avoid libm ulp noise.
const f = (x: number): string => x.toFixed(10);
const xs = [0, 0.5, 1, 2, Math.PI / 6, Math.PI / 4, 10];
for (const x of xs) {
  console.log(f(x), f(Math.sin(x)), f(Math.cos(x)), f(Math.tan(x)), f(Math.exp(x)), f(Math.atan(x)));
}
for (const x of [0.001, 0.5, 1, 2, 10, 1000]) {
  console.log(f(Math.log(x)), f(Math.log2(x)), f(Math.log10(x)), f(Math.log1p(x)), f(Math.sqrt(x)));
}
console.log(f(Math.asin(0.5)), f(Math.acos(0.5)), f(Math.atan2(1, -1)), f(Math.atan2(-0, -1)));
console.log(f(Math.sinh(1)), f(Math.cosh(1)), f(Math.tanh(0.5)), f(Math.asinh(1)), f(Math.acosh(2)), f(Math.atanh(0.5)));
console.log(f(Math.expm1(1e-5)), f(Math.pow(2, 0.5)), f(Math.cbrt(2)), f(Math.hypot(1, 1)));
console.log(Math.log(0), Math.log(-1), Math.exp(-Infinity), Math.atan(Infinity) === Math.PI / 2, Math.asin(2));
console.log(Math.sin(0), Object.is(Math.sin(-0), -0), Math.cos(0), Math.exp(0), Math.log(1), Math.tanh(Infinity));
