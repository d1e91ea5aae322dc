// Checks a realistic mix: timers scheduling microtasks and async functions awaiting timers.
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
async function task(name: string, ms: number): Promise<void> {
  console.log(name, "start");
  await sleep(ms);
  console.log(name, "woke after", ms);
  await null;
  console.log(name, "after microtask");
}
setTimeout(() => {
  console.log("timer 60");
  queueMicrotask(() => console.log("micro from timer 60"));
}, 60);
task("A", 30);
task("B", 10);
Promise.resolve().then(() => console.log("first microtask"));
setTimeout(() => console.log("timer 0"), 0);
(async () => {
  await sleep(100);
  console.log("final");
})();
