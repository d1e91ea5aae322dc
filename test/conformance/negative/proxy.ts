// expect-error: Proxy
// Proxy traps make every property access dynamic; not supported.
const target = { a: 1 };
const p = new Proxy(target, { get: (t, k) => (k in t ? 1 : 0) });
console.log(p.a);
