// Checks console.log of Map and Set: empty, primitives, string keys quoted, nested in arrays.
console.log(new Map());
console.log(new Set());
console.log(new Map<string, number>([["a", 1], ["b", 2]]));
console.log(new Map<number, string>([[1, "one"]]));
console.log(new Set([1, 2, 3]));
console.log(new Set(["x", "y"]));
console.log([new Set([1])], { m: new Map([[true, null]]) });
const m = new Map<string, number[]>();
m.set("list", [1, 2]);
console.log(m);
console.log(new Set([NaN, -0]));
