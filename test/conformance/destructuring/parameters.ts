// Checks destructuring in function parameters: objects with defaults, arrays, and whole-parameter defaults.
interface Opts {
  size?: number;
  label?: string;
  tags?: string[];
}
function render({ size = 10, label = "none", tags = [] }: Opts = {}): string {
  return `${label}:${size}:${tags.join("|")}`;
}
console.log(render(), render({}), render({ size: 3 }), render({ label: "L", tags: ["a", "b"] }));
function sum([a, b = 10, ...rest]: number[]): number {
  return a + b + rest.reduce((x, y) => x + y, 0);
}
console.log(sum([1]), sum([1, 2]), sum([1, 2, 3, 4]));
const pairs: [string, { n: number }][] = [["x", { n: 1 }], ["y", { n: 2 }]];
console.log(pairs.map(([k, { n }]) => k.repeat(n)).join(","));
const points = [{ x: 1, y: 2 }, { x: 3, y: 4 }];
console.log(points.map(({ x, y }) => x * y).join(","));
function swap<A, B>([a, b]: [A, B]): [B, A] {
  return [b, a];
}
console.log(swap([1, "one"]).join(" "));
const entries = Object.entries({ a: 1, b: 2 }).map(([key, value]) => ({ key, value }));
console.log(JSON.stringify(entries));
