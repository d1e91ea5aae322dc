// The smallest complete firmware: a greeting, a timer callback a few times, uptime and memory, exit 0.
import { exit, memory, uptime } from "rumpsdk/sys";

console.log(`hello: rumpsdk firmware up, ${uptime().toFixed(3)} ms after kernel entry`);

let ticks = 0;
const timer = setInterval(() => {
  ticks++;
  console.log(`hello: tick ${ticks} at ${uptime().toFixed(1)} ms`);
  if (ticks === 3) {
    clearInterval(timer);
    const m = memory();
    console.log(`hello: uptime ${uptime().toFixed(1)} ms, memory in use ${m.heapUsed} of ${m.heapSize} bytes`);
    exit(0);
  }
}, 100);
