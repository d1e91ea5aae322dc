// Checks NaN and Infinity: printing, comparisons, Object.is, isNaN vs Number.isNaN, arithmetic.
const nan = NaN;
console.log(nan, Infinity, -Infinity);
console.log(nan === nan, nan !== nan, Object.is(nan, NaN));
console.log(nan < 1, nan > 1, nan == nan);
console.log(Number.isNaN(nan), Number.isNaN(Number("x")), isNaN(Number("abc")));
console.log(0 / 0, 1 / 0, -1 / 0);
console.log(Infinity - Infinity, Infinity * 0, Infinity / Infinity);
console.log(Infinity + 1 === Infinity, -Infinity < -1e308);
console.log(Number.isFinite(Infinity), Number.isFinite(1e308), isFinite(Number("12")));
console.log(1e308 * 10, -1e308 * 10);
console.log(Number.MAX_VALUE, Number.MIN_VALUE);
console.log(Number.MAX_VALUE * 2, Number.MIN_VALUE / 2);
console.log(String(NaN), String(-Infinity), `${Infinity}`);
console.log(Math.max(), Math.min());
console.log(Math.max(1, NaN, 3), Math.min(NaN, 1));
console.log(Math.sqrt(-1), Math.pow(0, -1));
console.log(NaN ** 0, 1 ** Infinity);
