// expect-error: FinalizationRegistry
// FinalizationRegistry callbacks depend on garbage-collection timing; not supported.
const registry = new FinalizationRegistry((held: string) => console.log("collected", held));
registry.register({}, "obj");
console.log("registered");
