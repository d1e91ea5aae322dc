// Checks async/await: return values, await of non-promises, try/catch around awaits, sequential order.
async function double(x: number): Promise<number> {
  await null;
  return x * 2;
}
async function failing(msg: string): Promise<never> {
  await Promise.resolve();
  throw new TypeError(msg);
}
async function main(): Promise<void> {
  console.log("main start");
  const a = await double(2);
  const b = await 7;
  console.log("values", a, b);
  try {
    await failing("bad input");
    console.log("unreachable");
  } catch (e) {
    console.log("caught", (e as Error).name, (e as Error).message);
  } finally {
    console.log("finally after await");
  }
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += await double(i);
  console.log("loop sum", sum);
  const result = await failing("x").catch(() => "fallback");
  console.log(result);
}
const done = main();
console.log("main returned a promise", done instanceof Promise);
done.then(() => console.log("main finished"));
