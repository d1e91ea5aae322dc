// Checks Math.clz32, Math.imul, Math.fround and integer emulation helpers built on them.
const vals = [0, 1, 2, 255, 256, 0x7fffffff, 0x80000000, -1, 2 ** 32, 0.5, NaN];
for (const v of vals) console.log(v, Math.clz32(v));
console.log(Math.imul(3, 4), Math.imul(-5, 12), Math.imul(0xffffffff, 5), Math.imul(0x7fffffff, 2));
console.log(Math.imul(0x12345678, 0x9abcdef0), Math.imul(2 ** 32 + 3, 2), Math.imul(1.9, 2.9));
console.log(Math.fround(1.5), Math.fround(0.1), Math.fround(5.5e-46), Math.fround(3.5e38), Math.fround(-0));
console.log(Math.fround(16777217), Math.fround(2 ** 128), Math.fround(NaN));
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
console.log(fnv1a(""), fnv1a("a"), fnv1a("hello world").toString(16));
let seed = 42;
const lcg = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
console.log([lcg(), lcg(), lcg()].join(","));
const log2floor = (n: number): number => 31 - Math.clz32(n);
console.log(log2floor(1), log2floor(1000), log2floor(2 ** 31));
