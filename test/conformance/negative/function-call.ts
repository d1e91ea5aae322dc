// expect-error: Function constructor
// Calling Function(...) without new is the same run-time code generation.
const f = Function("return 42") as () => number;
console.log(f());
