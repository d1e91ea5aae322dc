// Checks infinite generators consumed lazily: take, filter and map helpers built from generators.
function* naturals(): Generator<number> {
  let n = 0;
  for (;;) yield n++;
}
function* take<T>(it: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const x of it) {
    yield x;
    if (--n === 0) return;
  }
}
function* filter<T>(it: Iterable<T>, pred: (x: T) => boolean): Generator<T> {
  for (const x of it) if (pred(x)) yield x;
}
function* map<T, U>(it: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of it) yield f(x);
}
console.log([...take(naturals(), 5)].join(","));
console.log([...take(filter(naturals(), (n) => n % 7 === 3), 4)].join(","));
console.log([...take(map(naturals(), (n) => n * n), 6)].join(","));
function* primes(): Generator<number> {
  const found: number[] = [];
  for (let n = 2; ; n++) {
    if (found.every((p) => n % p !== 0)) {
      found.push(n);
      yield n;
    }
  }
}
console.log([...take(primes(), 15)].join(" "));
function* fib(): Generator<number> {
  let [a, b] = [0, 1];
  for (;;) {
    yield a;
    [a, b] = [b, a + b];
  }
}
console.log([...take(fib(), 12)].join(","), [...take(fib(), 0)].length);
