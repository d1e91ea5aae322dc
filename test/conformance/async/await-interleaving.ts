// Checks how two async functions interleave at each await (microtask ticks), deterministically.
const log: string[] = [];
async function worker(name: string, steps: number): Promise<string> {
  for (let i = 0; i < steps; i++) {
    log.push(`${name}${i}`);
    await undefined;
  }
  return name + " done";
}
async function main(): Promise<void> {
  const pa = worker("a", 3);
  const pb = worker("b", 2);
  log.push("both started");
  const results = await Promise.all([pa, pb]);
  log.push(results.join("+"));
  console.log(log.join(" "));
  const order: number[] = [];
  const p1 = (async () => {
    order.push(1);
    await null;
    order.push(3);
  })();
  order.push(2);
  await p1;
  order.push(4);
  console.log(order.join(","));
}
main().then(() => console.log("end"));
