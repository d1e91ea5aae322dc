// Checks object spread: shallow copy, override order, spreading null/undefined/arrays/strings.
const base = { a: 1, b: 2, nested: { v: 1 } };
const copy = { ...base };
copy.a = 100;
copy.nested.v = 99;
console.log(base.a, base.nested.v, copy.a);
const over = { ...base, b: 20, c: 30 };
const defaults: { b?: number; c: number } = { b: 20, c: 30 };
const under = { ...defaults, ...base };
console.log(over.b, under.b, Object.keys(over).join(","), Object.keys(under).join(","));
const none = (flag: boolean): { z: number } | null | undefined => (flag ? null : undefined);
const fromNothing = { ...none(true), ...none(false), k: 1 };
console.log(JSON.stringify(fromNothing));
console.log(JSON.stringify(Object.assign({}, "hey")), JSON.stringify({ ...[10, 20] }));
const cond = (flag: boolean) => ({ always: 1, ...(flag ? { sometimes: 2 } : {}) });
console.log(JSON.stringify(cond(true)), JSON.stringify(cond(false)));
const { a, ...rest } = base;
console.log(a, Object.keys(rest).join(","));
