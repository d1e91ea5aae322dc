// Checks Math functions with exact results: floor/ceil/trunc/sign/abs/min/max/pow/sqrt/cbrt/hypot.
const xs = [0, -0, 1.5, -1.5, 7, -7, 0.2];
for (const x of xs) console.log(x, Math.floor(x), Math.ceil(x), Math.trunc(x), Math.sign(x), Math.abs(x));
console.log(Math.min(3, 1, 2), Math.max(3, 1, 2), Math.min(-0, 0), Object.is(Math.max(-0, 0), 0));
console.log(Math.pow(2, 10), 2 ** 0.5 === Math.SQRT2, Math.pow(-2, 3), Math.pow(10, -2), Math.pow(4, 0.5));
console.log(Math.sqrt(144), Math.sqrt(2) * Math.sqrt(2) === 2, Math.sqrt(0), Math.sqrt(-0), Math.cbrt(27), Math.cbrt(-8));
console.log(Math.hypot(3, 4), Math.hypot(5, 12), Math.hypot(), Math.hypot(-3), Math.hypot(1, 2, 2));
console.log(Math.abs(-Infinity), Math.sign(NaN), Math.sign(-3), Math.floor(-Infinity), Math.abs(-2147483648));
console.log(Math.max(NaN, 1), Math.min(Infinity, -Infinity), Math.pow(NaN, 0), Math.pow(1, NaN));
console.log(Math.floor(2 ** 53 + 0.5), Math.ceil(-1e-300), Object.is(Math.ceil(-1e-300), -0));
