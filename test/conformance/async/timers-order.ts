// Checks setTimeout ordering by delay, ties in registration order, nested timers, and clearTimeout.
const start: string[] = [];
setTimeout(() => console.log("t60"), 60);
setTimeout(() => console.log("t20"), 20);
setTimeout(() => console.log("t40 first"), 40);
setTimeout(() => console.log("t40 second"), 40);
setTimeout(() => console.log("t0"), 0);
setTimeout(() => console.log("no delay arg"));
const cancelled = setTimeout(() => console.log("never printed"), 30);
clearTimeout(cancelled);
clearTimeout(undefined);
setTimeout(
  (a: string, b: number) => {
    console.log("args", a, b);
    setTimeout(() => console.log("nested after 80+20"), 20);
  },
  80,
  "x",
  42,
);
setTimeout(() => console.log("t150 last"), 150);
start.push("registered");
console.log(start.join(""));
