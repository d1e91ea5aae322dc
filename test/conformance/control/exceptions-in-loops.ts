// Checks control flow through try/finally inside loops: break, continue and return pass finally.
const log: string[] = [];
for (let i = 0; i < 4; i++) {
  try {
    if (i === 1) continue;
    if (i === 3) break;
    log.push("body" + i);
  } finally {
    log.push("fin" + i);
  }
}
console.log(log.join(" "));
function findFirst(xs: number[], pred: (x: number) => boolean): number {
  for (const x of xs) {
    try {
      if (pred(x)) return x;
    } finally {
      log.length = 0;
      log.push("checked " + x);
    }
  }
  return -1;
}
console.log(findFirst([1, 4, 9], (x) => x > 3), log.join(""));
let attempts = 0;
while (true) {
  try {
    attempts++;
    if (attempts < 3) throw new Error("retry");
    break;
  } catch {
    continue;
  }
}
console.log("attempts", attempts);
