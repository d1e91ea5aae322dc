// Checks object destructuring: renaming, defaults (only for undefined), nested patterns, rest, computed keys.
const cfg = { host: "h", port: 0, opts: { retries: 3, tls: { on: true } }, empty: null, extra1: 1, extra2: 2 };
const { host, port = 80, missing = "def", empty = "not used" } = cfg as typeof cfg & { missing?: string };
console.log(host, port, missing, empty);
const { host: h2, opts: { retries, tls: { on: tlsOn } } } = cfg;
console.log(h2, retries, tlsOn);
const { host: _h, port: _p, opts: _o, ...others } = cfg;
console.log(Object.keys(others).join(","), _h, _p, typeof _o);
const key = "port";
const { [key]: dynamicPort } = cfg;
console.log(dynamicPort);
let a = 0;
let b = 0;
({ a, b } = { a: 1, b: 2 });
console.log(a, b);
const { length } = "hello";
const { 0: first, [2]: third } = ["x", "y", "z"];
console.log(length, first, third);
let evaluated = 0;
const { v = ++evaluated } = { v: undefined };
const { w = ++evaluated } = { w: 5 };
console.log(v, w, evaluated);
try {
  const { x } = null as unknown as { x: number };
  console.log(x);
} catch (e) {
  console.log((e as Error).name);
}
