// Checks generator functions: lazy execution, next() results, return values, and exhaustion.
const log: string[] = [];
function* gen(): Generator<number, string, undefined> {
  log.push("start");
  yield 1;
  log.push("after 1");
  yield 2;
  log.push("after 2");
  return "done";
}
const g = gen();
console.log(log.length);
console.log(JSON.stringify(g.next()), log.join(","));
console.log(JSON.stringify(g.next()));
console.log(JSON.stringify(g.next()));
console.log(JSON.stringify(g.next()), log.join(","));
console.log([...gen()].join(","));
function* counter(limit: number): Generator<number> {
  for (let i = 0; i < limit; i++) yield i * i;
}
console.log([...counter(5)].join(","), Array.from(counter(3), (x) => x + 1).join(","));
let total = 0;
for (const v of counter(4)) total += v;
console.log(total);
const it = counter(2);
console.log(it[Symbol.iterator]() === it);
