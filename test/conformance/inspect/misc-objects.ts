// Checks util.inspect of boxed primitives, promises, errors without stacks, and null-prototype objects.
console.log(Promise.resolve(5));
console.log(Promise.reject(new Error("x")).catch(() => 0) instanceof Promise);
console.log(new Promise<void>(() => {}));
const pending = Promise.resolve([1, "a"]);
console.log(pending);
console.log([Promise.resolve(null)]);
console.log({ p: Promise.resolve({ a: 1 }) });
console.log(new WeakMap(), new WeakSet());
console.log(Object(1) as object, Object("s") as object);
console.log([undefined, null].map((v) => typeof v));
