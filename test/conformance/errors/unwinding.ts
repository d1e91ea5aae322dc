// Checks exceptions unwinding through nested calls, closures and array callbacks, and state afterwards.
const trace: string[] = [];
function level(n: number): number {
  trace.push("enter " + n);
  try {
    if (n === 0) throw new Error("bottom");
    return level(n - 1) + 1;
  } finally {
    trace.push("leave " + n);
  }
}
try {
  level(3);
} catch (e) {
  trace.push("caught " + (e as Error).message);
}
console.log(trace.join(", "));
let processed = 0;
try {
  [1, 2, 3, 4].forEach((x) => {
    if (x === 3) throw new Error("stop at " + x);
    processed++;
  });
} catch (e) {
  console.log((e as Error).message, processed);
}
const makeThrower = (msg: string) => (): never => {
  throw new Error(msg);
};
const throwers = [makeThrower("a"), makeThrower("b")];
for (const t of throwers) {
  try {
    t();
  } catch (e) {
    console.log("closure threw", (e as Error).message);
  }
}
const sorted = [3, 1, 2];
try {
  sorted.sort((a, b) => {
    if (a === 2 || b === 2) throw new Error("cmp");
    return a - b;
  });
} catch (e) {
  console.log("sort aborted", (e as Error).message, sorted.length);
}
