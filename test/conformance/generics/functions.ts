// Checks generic functions: inference, explicit type arguments, constraints with keyof, defaults.
function identity<T>(x: T): T {
  return x;
}
console.log(identity(5), identity("s"), identity<boolean>(true), identity([1, 2]).length);
function pluck<T, K extends keyof T>(items: T[], key: K): T[K][] {
  return items.map((i) => i[key]);
}
const people = [{ name: "ann", age: 3 }, { name: "bob", age: 5 }];
console.log(pluck(people, "name").join(","), pluck(people, "age").join(","));
function longest<T extends { length: number }>(a: T, b: T): T {
  return a.length >= b.length ? a : b;
}
console.log(longest("abc", "de"), longest([1], [1, 2]).length);
function groupBy<T, K extends string | number>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    m.set(k, [...(m.get(k) ?? []), x]);
  }
  return m;
}
const g = groupBy([1, 2, 3, 4, 5, 6], (n) => (n % 3 === 0 ? "fizz" : "other"));
console.log([...g].map(([k, v]) => `${k}:${v.join("")}`).join(" "));
function withDefault<T = string>(v?: T): T[] {
  return v === undefined ? [] : [v];
}
console.log(withDefault().length, withDefault(3)[0], withDefault<number>(4)[0]);
function firstOr<T, D>(xs: T[], d: D): T | D {
  return xs.length > 0 ? xs[0] : d;
}
console.log(firstOr([], "none"), firstOr([9], "none"));
