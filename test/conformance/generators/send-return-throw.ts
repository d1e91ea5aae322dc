// Checks next(value) passing values in, return() running finally, and throw() into a generator.
function* accumulator(): Generator<number, number, number> {
  let sum = 0;
  for (;;) {
    const v = yield sum;
    if (v < 0) return sum;
    sum += v;
  }
}
const acc = accumulator();
console.log(acc.next(999).value, acc.next(5).value, acc.next(10).value, JSON.stringify(acc.next(-1)));
const log: string[] = [];
function* guarded(): Generator<number> {
  try {
    yield 1;
    yield 2;
  } finally {
    log.push("cleanup");
  }
}
const g = guarded();
g.next();
console.log(JSON.stringify(g.return(42)), log.join(","), JSON.stringify(g.next()));
const unstarted = guarded();
console.log(JSON.stringify(unstarted.return(7)), log.length);
function* catcher(): Generator<string> {
  for (;;) {
    try {
      yield "waiting";
    } catch (e) {
      yield "caught " + (e as Error).message;
    }
  }
}
const c = catcher();
c.next();
console.log(c.throw(new Error("x")).value, c.next().value);
const plain = guarded();
try {
  plain.throw(new Error("before start"));
} catch (e) {
  console.log("propagated", (e as Error).message, log.length);
}
