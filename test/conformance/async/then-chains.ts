// Checks then chains: value passing, returning promises (adoption), catch recovery and finally.
Promise.resolve(1)
  .then((v) => v + 1)
  .then((v) => Promise.resolve(v * 10))
  .then((v) => {
    console.log("chain value", v);
    throw new Error("fail at " + v);
  })
  .then(() => console.log("skipped"))
  .catch((e: Error) => {
    console.log("caught", e.message);
    return "recovered";
  })
  .finally(() => console.log("finally runs, no argument"))
  .then((v) => console.log("after finally", v));
Promise.reject(new RangeError("rejected"))
  .then(
    () => console.log("not called"),
    (e: Error) => console.log("onRejected", e.name),
  )
  .then((v) => console.log("then after onRejected", v));
Promise.resolve("keep")
  .finally(() => "ignored")
  .then((v) => console.log("finally passes through", v));
const p = Promise.resolve(5);
p.then((v) => console.log("branch a", v));
p.then((v) => console.log("branch b", v * 2));
