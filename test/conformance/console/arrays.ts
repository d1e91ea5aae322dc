// Checks console.log of short arrays: quoted strings inside, nested arrays, empty, -0, null/undefined.
console.log([]);
console.log([1, 2, 3]);
console.log(["a", "b"]);
console.log([1, "a", true, null, undefined]);
console.log([[1, 2], [3, [4, 5]]]);
console.log([-0, 0, NaN]);
console.log([[]], [[], []]);
console.log(["it's"], ['say "hi"']);
console.log([1.5, -2.25, 1e21, 1e-7]);
console.log("label:", [1, 2], "end");
const nested: unknown[] = [1, [2, [3]]];
console.log(nested);
console.log([1, 2, 3, 4, 5, 6]);
