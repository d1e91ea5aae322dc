// Checks deeply nested mixed array/object destructuring, defaults at every level, and loops.
const data = {
  users: [
    { name: "a", roles: ["admin", "dev"], meta: { age: 30 } },
    { name: "b", roles: [], meta: {} as { age?: number } },
  ],
};
const {
  users: [{ name: n1, roles: [r1, r2 = "none"], meta: { age: a1 = 0 } }, { name: n2, roles: [r3 = "guest"], meta: { age: a2 = -1 } }],
} = data;
console.log(n1, r1, r2, a1, n2, r3, a2);
for (const { name, roles: [primary = "nobody"] } of data.users) console.log(name, primary);
const matrix = [[1, 2], [3, 4]];
const [[m00, m01], [, m11]] = matrix;
console.log(m00, m01, m11);
const m = new Map([["k1", { v: [10, 20] }]]);
for (const [k, { v: [first, second] }] of m) console.log(k, first + second);
function parse(s: string): { ok: boolean; value?: number } {
  const n = Number(s);
  return Number.isNaN(n) ? { ok: false } : { ok: true, value: n };
}
const { ok, value = -1 } = parse("x");
const { ok: ok2, value: value2 = -1 } = parse("42");
console.log(ok, value, ok2, value2);
