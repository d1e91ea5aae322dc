// Checks the Promise constructor: only the first resolve/reject counts, executor throws reject, thenables.
const p1 = new Promise<number>((resolve, reject) => {
  resolve(1);
  resolve(2);
  reject(new Error("ignored"));
});
p1.then((v) => console.log("first resolve wins", v));
const p2 = new Promise<number>(() => {
  throw new Error("executor threw");
});
p2.catch((e: Error) => console.log("rejected with", e.message));
const thenable = {
  then(onFulfilled: (v: string) => void): void {
    onFulfilled("from thenable");
  },
};
Promise.resolve(thenable).then((v) => console.log(v));
const resolved = Promise.resolve(42);
console.log(Promise.resolve(resolved) === resolved);
let resolveLater: (v: string) => void = () => {};
const deferred = new Promise<string>((r) => {
  resolveLater = r;
});
deferred.then((v) => console.log("deferred got", v));
setTimeout(() => resolveLater("late value"), 5);
Promise.reject(new Error("handled later")).catch((e: Error) => console.log("catch", e.message));
const chained = new Promise<number>((r) => r(Promise.resolve(7)));
chained.then((v) => console.log("adopted", v));
