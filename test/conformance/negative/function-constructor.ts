// expect-error: Function constructor
// new Function compiles source text at run time; the AOT compiler rejects it.
const add = new Function("a", "b", "return a + b") as (a: number, b: number) => number;
console.log(add(1, 2));
