// Checks while, do-while (runs at least once), for with empty parts, and loop edge cases.
let i = 10;
do {
  console.log("do body", i);
} while (i < 5);
let w = 0;
while (w < 3) w++;
console.log(w);
let total = 0;
for (let a = 0, b = 10; a < b; a += 2, b -= 1) total += a * b;
console.log(total);
let k = 0;
for (;;) {
  if (++k >= 4) break;
}
console.log(k);
const collatz = (n: number): number => {
  let steps = 0;
  while (n !== 1) {
    n = n % 2 === 0 ? n / 2 : 3 * n + 1;
    steps++;
  }
  return steps;
};
console.log(collatz(27), collatz(1), collatz(97));
let sum = 0;
for (let x = 0.1; x < 1; x += 0.1) sum++;
console.log(sum);
for (let down = 3; down--; ) console.log("down", down);
