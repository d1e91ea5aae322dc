// Checks % with negative operands, fractions, zero and infinities; and integer division idioms.
const pairs: [number, number][] = [[7, 3], [-7, 3], [7, -3], [-7, -3], [5.5, 2], [-5.5, 2], [0, 5], [-0, 5], [5, 0], [5, Infinity], [Infinity, 5], [1e17, 7], [0.3, 0.1]];
for (const [a, b] of pairs) {
  console.log(`${a} % ${b} =`, a % b);
}
console.log(Math.floor(-7 / 2), Math.trunc(-7 / 2), (-7 / 2) | 0);
const mod = (a: number, n: number): number => ((a % n) + n) % n;
console.log(mod(-1, 5), mod(-6, 5), mod(13, 5));
let r = 10;
r %= 4;
console.log(r);
console.log(2 ** -1, (-2) ** 3, (-8) ** (1 / 3));
console.log(7 / 2, -7 / 2, 1 / 3);
