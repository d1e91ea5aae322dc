// Checks typed array methods: numeric default sort, map keeps type, filter/reduce/indexOf/join/fill.
const t = new Int16Array([10, -5, 100, 2, -300, 7]);
console.log(t.slice().sort().join(","), Array.from(t).sort().join(","));
const doubled = t.map((x) => x * 1000);
console.log(doubled.join(","), doubled instanceof Int16Array);
console.log(t.filter((x) => x > 0).join(","), t.reduce((a, b) => a + b, 0), t.indexOf(2), t.includes(-5));
console.log(t.join("|"), t.toString(), String(new Uint8Array(0)));
const f = new Float64Array(4).fill(1.5);
console.log(f.join(","), f.some((x) => x > 1), f.every((x) => x === 1.5));
const u = new Uint8Array([3, 1, 2]);
u.reverse();
console.log(u.join(","), u.at(-1), u.find((x) => x < 3), u.findIndex((x) => x === 3));
console.log([...u.entries()].map((e) => e.join(":")).join(" "), [...u.keys()].join(""));
const nan = new Float32Array([NaN, 1, -Infinity, -0, 0]);
console.log(nan.sort().join(","), nan.includes(NaN), nan.indexOf(NaN));
console.log(Uint8Array.of(1, 2, 300).join(","), Uint8Array.from([1.7, -1]).join(","));
