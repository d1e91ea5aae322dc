// Checks object literals: shorthand, computed keys, methods, nested literals, and property access.
const x = 1;
const y = "why";
const key = "dyn";
const obj = {
  x,
  y,
  [key]: true,
  [key + "2"]: 2,
  ["a" + 1]: "a1",
  [`t${x + 1}`]: "template",
  method(): string {
    return `x=${this.x}`;
  },
  nested: { inner: [1, 2, 3] },
};
console.log(obj.x, obj.y, obj.dyn, obj.dyn2, obj.a1, obj.t2);
console.log(obj.method(), obj.nested.inner[2], obj["nested"]["inner"].length);
console.log(Object.keys(obj).join(","));
const counter = { n: 0, inc(): number { return ++this.n; } };
counter.inc();
counter.inc();
console.log(counter.n);
const numKeys = { 1: "one", 2.5: "two and a half", 0x10: "sixteen" };
console.log(numKeys[1], numKeys[2.5], numKeys[16], Object.keys(numKeys).join(","));
