// Checks JSON.parse rejects invalid input with SyntaxError (only name and instanceof are compared).
const bad = ["", "{", "[1,]", "{\"a\":1,}", "'single'", "undefined", "NaN", "01", "1.", ".5", "+1", "{a:1}", "\"\\x41\"", "\"tab\there\"", "[1 2]", "tru", "nul", "\"unterminated", "{} extra", "0x10"];
for (const s of bad) {
  try {
    JSON.parse(s);
    console.log("parsed?!", JSON.stringify(s));
  } catch (e) {
    console.log(JSON.stringify(s), (e as Error).name, e instanceof SyntaxError);
  }
}
const good = ["0", "-0", "1e5", "\"\"", "{}", "[]", " true "];
console.log(good.map((s) => typeof JSON.parse(s)).join(","));
