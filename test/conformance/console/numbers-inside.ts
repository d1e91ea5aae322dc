// Checks number formatting inside arrays, objects, Maps and Sets (same as top level, -0 kept).
console.log([0, -0, 1, -1]);
console.log([0.1 + 0.2, 1 / 3]);
console.log([1e21, 1e-7, 2 ** 53]);
console.log([NaN, Infinity, -Infinity]);
console.log({ a: -0, b: 0.5, c: -1e-9 });
console.log(new Set([-0, 1.25]));
console.log(new Map([[-1, 0.1]]));
console.log([255, 0xff, 1_000]);
console.log([Number.MAX_SAFE_INTEGER]);
console.log({ big: 123456789012345680000 });
console.log([[-0], { z: -0 }]);
