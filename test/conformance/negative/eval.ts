// expect-error: eval
// Direct eval needs a JavaScript interpreter at run time; the AOT compiler rejects it.
const x: unknown = eval("1 + 1");
console.log(x);
