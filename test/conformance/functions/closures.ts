// Checks closures capturing locals: counters, shared mutable captures, and independent instances.
function makeCounter(start: number): { inc: () => number; dec: () => number; get: () => number } {
  let n = start;
  return { inc: () => ++n, dec: () => --n, get: () => n };
}
const a = makeCounter(0);
const b = makeCounter(100);
a.inc();
a.inc();
b.dec();
console.log(a.get(), b.get());
let shared = 0;
const add = (k: number): void => {
  shared += k;
};
const read = (): number => shared;
add(5);
shared *= 2;
add(1);
console.log(read());
function adder(x: number): (y: number) => (z: number) => number {
  return (y) => (z) => x + y + z;
}
console.log(adder(1)(2)(3), adder(10)(20)(30));
const fns: (() => string)[] = [];
{
  let msg = "first";
  fns.push(() => msg);
  msg = "changed";
}
console.log(fns[0]());
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      done = true;
      value = f();
    }
    return value as T;
  };
}
let calls = 0;
const init = once(() => ++calls * 10);
console.log(init(), init(), calls);
