// Checks ToInt32/ToUint32 conversions done by the bitwise operators.
const values: number[] = [0, -0, 1, -1, 3e9, -3e9, 2 ** 31, 2 ** 32, 2 ** 32 + 5, 1.9, -1.9, NaN, Infinity, -Infinity, 1e21, 4294967296.5];
for (const v of values) {
  console.log(v, v | 0, v >>> 0, ~~v);
}
console.log(3e9 | 0, -1 >>> 0, 2147483648 | 0);
console.log(0xffffffff | 0, 0x80000000 >> 0, 0x7fffffff + 1 | 0);
console.log(~0, ~-1, ~5, ~2147483647);
console.log(1 << 31, 1 << 32, 1 << 33, (1 << 31) >>> 0);
const hash = (s: string): number => {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
};
console.log(hash("hello world"), hash("the quick brown fox jumps over"));
console.log(hash("hello world") >>> 0);
