// Checks JSON.parse of nested data, number forms, escapes, whitespace, duplicate keys, and order.
const text = '{"a": [1, 2.5, -3e2, 0.1, 1E+2, -0], "b": {"c": "x\\ny", "d": null, "e": true}, "f": "\\u00e9"}';
const v = JSON.parse(text) as { a: number[]; b: { c: string; d: null; e: boolean }; f: string };
console.log(v.a.join(","), Object.is(v.a[5], -0), v.b.c, v.b.d, v.b.e, v.f);
console.log(JSON.parse(" \n\t 42 \r\n"), JSON.parse('"str"'), JSON.parse("null"), JSON.parse("[]").length);
const dup = JSON.parse('{"k": 1, "k": 2, "2": "two", "1": "one"}') as Record<string, unknown>;
console.log(JSON.stringify(dup), Object.keys(dup).join(","));
console.log(JSON.parse("123456789012345678901234567890"), JSON.parse("1e400"), JSON.parse("5e-324"));
const deep = JSON.parse("[[[[[[[[[[1]]]]]]]]]]") as unknown[];
let cur: unknown = deep;
let depth = 0;
while (Array.isArray(cur)) {
  cur = cur[0];
  depth++;
}
console.log(depth, cur);
const rt = { x: [1, { y: "z" }], n: 1.5 };
console.log(JSON.stringify(JSON.parse(JSON.stringify(rt))) === JSON.stringify(rt));
const list = JSON.parse('[{"id":1},{"id":2}]') as { id: number }[];
console.log(list.map((o) => o.id * 10).join(","));
