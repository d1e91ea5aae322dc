// Checks the order of try/catch/finally blocks, nested try, and finally running on every exit path.
const log: string[] = [];
function run(mode: string): string {
  try {
    log.push("try:" + mode);
    if (mode === "throw") throw new Error("boom");
    if (mode === "return") return "returned";
    log.push("try-end");
  } catch (e) {
    log.push("catch:" + (e as Error).message);
    return "caught";
  } finally {
    log.push("finally:" + mode);
  }
  return "fell-through";
}
for (const m of ["normal", "throw", "return"]) {
  log.length = 0;
  const r = run(m);
  console.log(r, "|", log.join(" "));
}
log.length = 0;
try {
  try {
    throw new Error("inner");
  } finally {
    log.push("inner finally");
  }
} catch (e) {
  log.push("outer catch " + (e as Error).message);
} finally {
  log.push("outer finally");
}
console.log(log.join(" | "));
