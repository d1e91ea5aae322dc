// Checks numeric algorithms in doubles: gcd/lcm, integer sqrt, Newton iteration, Kahan sum, primes.
const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;
console.log(gcd(48, 18), gcd(-12, 8), gcd(17, 5), lcm(4, 6), lcm(21, 6));
let l = 1;
for (let i = 1; i <= 20; i++) l = lcm(l, i);
console.log(l);
const isqrt = (n: number): number => {
  let x = Math.floor(Math.sqrt(n));
  while (x * x > n) x--;
  while ((x + 1) * (x + 1) <= n) x++;
  return x;
};
console.log(isqrt(0), isqrt(15), isqrt(16), isqrt(1e15), isqrt(2 ** 52 - 1));
let guess = 1;
for (let i = 0; i < 6; i++) guess = (guess + 2 / guess) / 2;
console.log(guess, guess === Math.SQRT2);
let naive = 0;
let kahan = 0;
let comp = 0;
for (let i = 0; i < 1000; i++) {
  naive += 0.1;
  const y = 0.1 - comp;
  const t = kahan + y;
  comp = t - kahan - y;
  kahan = t;
}
console.log(naive, kahan);
const sieve = new Uint8Array(1000).fill(1);
sieve[0] = sieve[1] = 0;
for (let i = 2; i * i < 1000; i++) if (sieve[i]) for (let j = i * i; j < 1000; j += i) sieve[j] = 0;
console.log(sieve.reduce((a, b) => a + b, 0), sieve.lastIndexOf(1));
