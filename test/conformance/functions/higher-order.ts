// Checks higher-order functions: compose, pipe, curry, partial application and function returns.
const compose = <T>(...fns: ((x: T) => T)[]) => (x: T): T => fns.reduceRight((acc, f) => f(acc), x);
const pipe = <T>(...fns: ((x: T) => T)[]) => (x: T): T => fns.reduce((acc, f) => f(acc), x);
const inc = (x: number): number => x + 1;
const dbl = (x: number): number => x * 2;
const sq = (x: number): number => x * x;
console.log(compose(inc, dbl, sq)(3), pipe(inc, dbl, sq)(3));
function curry3(f: (a: number, b: number, c: number) => number) {
  return (a: number) => (b: number) => (c: number) => f(a, b, c);
}
console.log(curry3((a, b, c) => a * 100 + b * 10 + c)(1)(2)(3));
function partial(f: (a: string, b: string) => string, a: string): (b: string) => string {
  return (b) => f(a, b);
}
const hello = partial((a, b) => a + " " + b, "hello");
console.log(hello("world"), hello("there"));
const times = (n: number, f: (i: number) => void): void => {
  for (let i = 0; i < n; i++) f(i);
};
const acc: number[] = [];
times(4, (i) => acc.push(i * i));
console.log(acc.join(","));
function memoize(f: (n: number) => number): (n: number) => number {
  const cache = new Map<number, number>();
  return (n) => {
    if (!cache.has(n)) cache.set(n, f(n));
    return cache.get(n) ?? NaN;
  };
}
let work = 0;
const slowSq = memoize((n) => (work++, n * n));
console.log(slowSq(4), slowSq(4), slowSq(5), work);
