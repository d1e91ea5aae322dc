// Checks async functions on firmware: many concurrent tasks awaiting timers and microtasks.
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
async function worker(id: number): Promise<number> {
  let acc = 0;
  for (let i = 0; i < 10; i++) {
    await null;
    acc += id * i;
  }
  await sleep(id * 40); // 40 ms apart: the order stays the same when a loaded machine delays timers
  return acc;
}
async function main(): Promise<void> {
  const order: number[] = [];
  const tasks = [3, 1, 2].map((id) => worker(id).then((v) => (order.push(id), v)));
  const results = await Promise.all(tasks);
  console.log(results.join(","), order.join(","));
  let spins = 0;
  for (let i = 0; i < 10000; i++) {
    await Promise.resolve(i);
    spins++;
  }
  console.log("awaited", spins);
}
main().then(() => console.log("main done"));
console.log("sync end");
