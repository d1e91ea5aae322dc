// Checks setInterval firing repeatedly, clearInterval after N ticks, and interleaving with timeouts.
let ticks = 0;
const id = setInterval(() => {
  ticks++;
  console.log("tick", ticks);
  if (ticks === 5) {
    clearInterval(id);
    console.log("cleared");
    setTimeout(() => console.log("after clear, ticks still", ticks), 20);
  }
}, 20);
let fast = 0;
const fastId = setInterval(() => {
  fast++;
  if (fast === 3) clearInterval(fastId);
}, 1);
setTimeout(() => console.log("fast interval ran", fast, "times"), 300);
const selfClearing = setInterval(() => {
  console.log("runs once");
  clearInterval(selfClearing);
}, 0);
