// Checks that closures and their captured environments are collected: 200000 short-lived closures.
let acc = 0;
for (let i = 0; i < 200000; i++) {
  const captured = { n: i };
  const f = (): number => captured.n * 2;
  acc = (acc + f()) % 1000003;
}
console.log(acc);
function makeAdders(n: number): ((x: number) => number)[] {
  const out: ((x: number) => number)[] = [];
  for (let i = 0; i < n; i++) out.push((x) => x + i);
  return out;
}
let total = 0;
for (let round = 0; round < 100; round++) {
  const adders = makeAdders(1000);
  total += adders[round](round);
}
console.log(total);
const keep: (() => number)[] = [];
for (let i = 0; i < 100000; i++) {
  const big = [i, i + 1, i + 2];
  const g = (): number => big[0] + big[2];
  if (i % 10000 === 0) keep.push(g);
}
console.log(keep.length, keep.map((g) => g()).join(","));
