// Checks -0: how it prints, Object.is, arithmetic that produces it, and where it vanishes.
const nz = -0;
console.log(nz);
console.log(0 * -1);
console.log(-0 + 0);
console.log(-0 - 0);
console.log(Object.is(nz, 0), Object.is(nz, -0), nz === 0);
console.log(1 / nz, 1 / 0);
console.log(String(nz), `${nz}`, nz + "");
console.log(nz.toString(), nz.toFixed(2));
console.log(JSON.stringify(nz));
console.log(Math.round(-0.4), Object.is(Math.round(-0.4), -0));
console.log(Math.sign(-0), Math.abs(-0));
console.log(Math.min(0, -0), Math.max(-0, 0));
console.log(-5 % 5, Object.is(-5 % 5, -0));
console.log(Math.trunc(-0.9), Math.ceil(-0.5));
console.log([-0].includes(0), [-0].indexOf(0));
const parsed: number = -Number("0");
console.log(parsed, Object.is(parsed, -0));
