// Checks &, |, ^, ~ on mixed signs and large values, and common bit tricks.
console.log(5 & 3, 5 | 3, 5 ^ 3);
console.log(-5 & 3, -5 | 3, -5 ^ 3);
console.log(0xff00ff00 & 0x0ff00ff0, 0xff00ff00 | 0x0ff00ff0, 0xff00ff00 ^ 0x0ff00ff0);
console.log((0xff00ff00 & 0x0ff00ff0) >>> 0, (0xff00ff00 ^ 0xffffffff) >>> 0);
console.log(2 ** 40 & 0xff, (2 ** 40 + 7) & 0xff, 1.5 & 1, -0 | 0);
const popcount = (n: number): number => {
  let v = n >>> 0;
  let c = 0;
  while (v !== 0) {
    v &= v - 1;
    c++;
  }
  return c;
};
console.log(popcount(0), popcount(255), popcount(-1), popcount(0x80000001));
const isPow2 = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;
console.log(isPow2(1), isPow2(64), isPow2(96), isPow2(1 << 30));
let flags = 0;
flags |= 1 << 3;
flags |= 1 << 5;
flags &= ~(1 << 3);
flags ^= 1;
console.log(flags, flags.toString(2));
console.log((0x12345678 & 0xffff).toString(16), ((0x12345678 >>> 16) & 0xff).toString(16));
