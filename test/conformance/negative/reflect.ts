// expect-error: Reflect
// The Reflect API (meta-programming over arbitrary objects) is not supported.
const o = { a: 1 };
console.log(Reflect.ownKeys(o), Reflect.has(o, "a"));
