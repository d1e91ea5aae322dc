// Checks ordering: sync code, then microtasks (promise jobs, queueMicrotask) in FIFO order, then timers.
console.log("sync 1");
setTimeout(() => console.log("timeout 0"), 0);
Promise.resolve().then(() => console.log("micro 1"));
queueMicrotask(() => console.log("queueMicrotask"));
Promise.resolve()
  .then(() => console.log("micro 2"))
  .then(() => console.log("micro 2b"))
  .then(() => console.log("micro 2c"));
Promise.resolve().then(() => console.log("micro 3"));
new Promise<void>((resolve) => {
  console.log("executor runs synchronously");
  resolve();
}).then(() => console.log("micro 4"));
setTimeout(() => {
  console.log("timeout 1");
  Promise.resolve().then(() => console.log("micro inside timeout"));
}, 0);
setTimeout(() => console.log("timeout 2"), 0);
console.log("sync 2");
