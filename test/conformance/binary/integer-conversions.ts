// Checks stores into integer typed arrays: wraparound modulo 2^n, fractions truncated, NaN -> 0.
const inputs = [0, 1, -1, 127, 128, 255, 256, -129, 65535, 65536, -32769, 2 ** 31, 2 ** 32 + 3, 1.9, -1.9, NaN, Infinity, -Infinity, 1e20];
const u8 = new Uint8Array(inputs.length);
const i8 = new Int8Array(inputs.length);
const u16 = new Uint16Array(inputs.length);
const i16 = new Int16Array(inputs.length);
const u32 = new Uint32Array(inputs.length);
const i32 = new Int32Array(inputs.length);
for (let i = 0; i < inputs.length; i++) {
  u8[i] = i8[i] = u16[i] = i16[i] = u32[i] = i32[i] = inputs[i];
}
for (let i = 0; i < inputs.length; i++) {
  console.log(inputs[i], u8[i], i8[i], u16[i], i16[i], u32[i], i32[i]);
}
const c = new Uint8Array(1);
c[0] = 250;
c[0] += 10;
console.log(c[0]);
c[0]--;
c[0] -= 10;
console.log(c[0]);
