// Checks util.inspect of typed arrays, ArrayBuffer and DataView.
console.log(new Uint8Array([1, 2, 3]));
console.log(new Int16Array(2));
console.log(new Float64Array([0.5, -0]));
console.log([new Uint8Array(0)]);
console.log(new Uint8Array(10));
console.log(new ArrayBuffer(4));
console.log(new DataView(new ArrayBuffer(2)));
console.log(new Uint8ClampedArray([300, -5]));
const big = new Uint16Array(120);
for (let i = 0; i < big.length; i++) big[i] = i * 3;
console.log(big);
