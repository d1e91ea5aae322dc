// Checks shift operators: counts are taken mod 32, sign propagation, unsigned shift of negatives.
const counts = [0, 1, 31, 32, 33, 63, 64, -1];
for (const c of counts) {
  console.log(c, 1 << c, -8 >> c, -8 >>> c, 0x12345678 >>> c);
}
console.log(5 >> 1, -5 >> 1, -5 >>> 1);
console.log(0xdeadbeef >> 0, 0xdeadbeef >>> 0, 0xdeadbeef >> 4, 0xdeadbeef >>> 4);
console.log(255 << 24, (255 << 24) >>> 0);
console.log(1.7 << 1, -1.7 << 1, 2.5 >> 0.9);
let x = 1;
x <<= 10;
x >>= 2;
x >>>= 1;
console.log(x);
let y = -1;
y >>>= 28;
console.log(y);
