// Checks JSON.stringify indentation: numbers (clamped to 10), strings (first 10 chars), empty containers.
const data = { name: "x", list: [1, [2, 3], {}], empty: [], obj: { a: null, b: { c: true } } };
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify(data.list, null, "--"));
console.log(JSON.stringify([1, 2], null, 20));
console.log(JSON.stringify({ k: [1] }, null, "abcdefghijklmnop"));
console.log(JSON.stringify({ a: 1 }, null, 0), JSON.stringify({ a: 1 }, null, ""), JSON.stringify({ a: 1 }, null, -3));
console.log(JSON.stringify([], null, 2), JSON.stringify({}, null, 2), JSON.stringify([[]], null, 2));
console.log(JSON.stringify("top", null, 4), JSON.stringify([undefined], null, 1));
console.log(JSON.stringify({ a: [{}, []] }, null, "\t"));
