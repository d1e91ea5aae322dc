// Checks async iteration patterns: sequential await in for-of, for await over promises, async generators.
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
async function* ticker(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) {
    await sleep(1);
    yield i;
  }
}
async function main(): Promise<void> {
  const out: number[] = [];
  for (const ms of [15, 5, 10]) {
    await sleep(ms);
    out.push(ms);
  }
  console.log("sequential", out.join(","));
  const ps = [3, 1, 2].map((ms) => sleep(ms * 5).then(() => ms));
  for await (const v of ps) console.log("for await", v);
  for await (const t of ticker(3)) console.log("async gen", t);
  let total = 0;
  for (let i = 1; i <= 3; i++) total += await Promise.resolve(i * 100);
  console.log("total", total);
  const gen = ticker(10);
  console.log(JSON.stringify(await gen.next()), JSON.stringify(await gen.return(-1)), JSON.stringify(await gen.next()));
}
main().then(() => console.log("done"));
