// Checks Math.round/floor/ceil/trunc at the half-way points and near-half values.
const xs = [2.5, -2.5, 3.5, -3.5, 0.5, -0.5, 0.49999999999999994, -0.49999999999999994, 1.4999999999999998, 2 ** 52 + 0.5, -(2 ** 52) - 0.5, 1e20 + 0.5];
for (const x of xs) {
  console.log(x, Math.round(x), Math.floor(x), Math.ceil(x), Math.trunc(x));
}
console.log(Math.round(NaN), Math.round(Infinity), Math.round(-Infinity));
console.log(Object.is(Math.round(-0.5), -0), Object.is(Math.ceil(-0.5), -0));
console.log(Math.round(1.005 * 100) / 100, Math.round(2.675 * 100) / 100);
console.log(Math.floor(-0), Math.trunc(0.9), Math.trunc(-0.9));
const roundTo = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
console.log(roundTo(3.14159, 2), roundTo(-3.14159, 3), roundTo(1234.5, -2));
