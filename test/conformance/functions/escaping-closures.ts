// Checks closures that outlive their frames: captured loop state, callbacks stored then called later.
const pending: (() => void)[] = [];
const out: string[] = [];
function schedule(tag: string, n: number): void {
  let local = n;
  pending.push(() => {
    local *= 2;
    out.push(`${tag}:${local}`);
  });
  pending.push(() => out.push(`${tag} again:${local}`));
}
schedule("a", 1);
schedule("b", 10);
for (const f of pending) f();
console.log(out.join(" "));
function makeAccumulators(n: number): ((x: number) => number)[] {
  const res: ((x: number) => number)[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    res.push((x) => {
      total += x * (i + 1);
      return total;
    });
  }
  return res;
}
const accs = makeAccumulators(3);
console.log(accs[0](1), accs[1](1), accs[2](1), accs[0](10));
const deep = (a: number) => (b: number) => (c: number) => () => a * b * c;
const thunk = deep(2)(3)(4);
console.log(thunk(), thunk());
