// expect-error: WeakRef
// WeakRef exposes garbage-collection timing; not supported.
const ref = new WeakRef({ big: true });
console.log(ref.deref() !== undefined);
