// Checks Number.prototype.toFixed over many values like uptimes, measurements and exact ties
// (binary fractions ending in 5 at the rounding digit), negatives included.
let seed = 12345;
const next = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
};
for (let i = 0; i < 600; i++) {
  const r = next();
  const x = i % 3 === 0 ? r / 1000 : i % 3 === 1 ? (r % 200000 - 100000) / 64 : (r / 2147483648) * 2000 - 1000;
  console.log(x.toFixed(0), x.toFixed(1), x.toFixed(2), x.toFixed(3), x.toFixed(6));
}
