// Checks Promise.all/allSettled/race/any with resolved, rejected and timer-delayed inputs.
const delay = <T>(ms: number, v: T): Promise<T> => new Promise((res) => setTimeout(() => res(v), ms));
const fail = (ms: number, msg: string): Promise<never> =>
  new Promise((_, rej) => setTimeout(() => rej(new Error(msg)), ms));
async function main(): Promise<void> {
  console.log((await Promise.all([delay(30, "a"), delay(10, "b"), 3])).join(","));
  console.log((await Promise.all([])).length);
  try {
    await Promise.all([delay(60, 1), fail(10, "first failure"), fail(40, "second")]);
  } catch (e) {
    console.log("all rejected:", (e as Error).message);
  }
  const settled = await Promise.allSettled([delay(5, 1), fail(1, "nope"), Promise.resolve(3)]);
  console.log(settled.map((s) => (s.status === "fulfilled" ? `ok:${s.value}` : `err:${(s.reason as Error).message}`)).join(" "));
  console.log("race:", await Promise.race([delay(40, "slow"), delay(5, "fast")]));
  console.log("race sync:", await Promise.race([Promise.resolve("resolved"), delay(0, "timer")]));
  console.log("any:", await Promise.any([fail(1, "x"), delay(10, "eventually")]));
  try {
    await Promise.any([fail(1, "p"), fail(2, "q")]);
  } catch (e) {
    console.log((e as Error).name, (e as AggregateError).errors.length);
  }
}
main();
