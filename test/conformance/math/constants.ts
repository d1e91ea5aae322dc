// Checks Math constants and a few derived identities, printed with full and reduced precision.
console.log(Math.PI, Math.E, Math.LN2, Math.LN10);
console.log(Math.LOG2E, Math.LOG10E, Math.SQRT2, Math.SQRT1_2);
console.log((Math.PI * 2).toFixed(10), (Math.E ** 2).toFixed(10));
const degToRad = (d: number): number => (d * Math.PI) / 180;
for (const d of [0, 30, 45, 90, 180, 270, 360]) console.log(d, degToRad(d).toFixed(10), Math.sin(degToRad(d)).toFixed(10));
console.log(Math.round(Math.PI * 1e6) / 1e6, Math.floor(Math.E * 1000));
console.log(Number.EPSILON, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, Number.MAX_VALUE);
console.log(typeof Math, String(Math), Object.keys(Math).length);
console.log(Math.PI.toFixed(4), Math.E.toPrecision(3), Math.SQRT2.toExponential(2));
