// Checks the firmware event loop: timeouts in delay order, an interval cleared after N ticks, microtasks.
const events: string[] = [];
setTimeout(() => events.push("t150"), 150);
setTimeout(() => events.push("t10"), 10);
setTimeout(() => events.push("t0"), 0);
Promise.resolve().then(() => events.push("micro"));
let ticks = 0;
const id = setInterval(() => {
  ticks++;
  events.push("tick" + ticks);
  if (ticks === 3) clearInterval(id);
}, 20);
const cancelled = setTimeout(() => events.push("cancelled!"), 30);
clearTimeout(cancelled);
setTimeout(() => {
  console.log(events.join(" "));
  let n = 0;
  const again = (): void => {
    n++;
    if (n < 100) setTimeout(again, 0);
    else console.log("chained timeouts", n);
  };
  again();
}, 300);
console.log("scheduled");
