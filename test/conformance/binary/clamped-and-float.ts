// Checks Uint8ClampedArray rounding (half to even) and clamping, Float32 rounding, Float64 exactness.
const inputs = [-5, 0, 0.5, 1.5, 2.5, 3.5, 254.5, 255.5, 300, NaN, Infinity, -Infinity, 1.49, 127.5];
const cl = new Uint8ClampedArray(inputs.length);
for (let i = 0; i < inputs.length; i++) cl[i] = inputs[i];
console.log(Array.from(cl).join(","));
const f32 = new Float32Array([0.1, 1 / 3, 16777217, 3.4e38, 3.5e38, 1e-46, -0, NaN, 2 ** 24 + 1, 1.5]);
console.log(Array.from(f32).map(String).join(" "));
console.log(Object.is(f32[6], -0), f32[0] === Math.fround(0.1), f32[0] === 0.1);
const f64 = new Float64Array([0.1, 2 ** 53 + 1, -0, 1e308 * 10]);
console.log(Array.from(f64).map(String).join(" "));
const f = new Float32Array(1);
f[0] = 0.1;
f[0] += 0.2;
console.log(f[0], f[0].toFixed(7));
