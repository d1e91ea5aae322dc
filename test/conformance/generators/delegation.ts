// Checks yield* delegation to generators, arrays and strings, and the delegated return value.
function* inner(): Generator<string, number> {
  yield "a";
  yield "b";
  return 99;
}
function* outer(): Generator<string | number> {
  yield "start";
  const r = yield* inner();
  yield r;
  yield* [1, 2];
  yield* "xy";
  yield "end";
}
console.log([...outer()].join(","));
interface Tree {
  v: number;
  kids: Tree[];
}
function* walk(t: Tree, depth = 0): Generator<string> {
  yield "-".repeat(depth) + t.v;
  for (const k of t.kids) yield* walk(k, depth + 1);
}
const tree: Tree = { v: 1, kids: [{ v: 2, kids: [{ v: 4, kids: [] }] }, { v: 3, kids: [] }] };
console.log([...walk(tree)].join(" "));
function* flatten(xs: unknown[]): Generator<unknown> {
  for (const x of xs) {
    if (Array.isArray(x)) yield* flatten(x);
    else yield x;
  }
}
console.log([...flatten([1, [2, [3, [4]], 5], [[6]]])].join(","));
