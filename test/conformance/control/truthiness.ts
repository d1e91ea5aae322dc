// Checks truthiness of every primitive and object kind in if/while/ternary and Boolean().
const values: unknown[] = [0, -0, 1, -1, NaN, Infinity, "", " ", "0", "false", null, undefined, [], {}, [0], new Map(), () => 0];
const row: string[] = [];
for (const v of values) {
  let cond = "F";
  if (v) cond = "T";
  row.push(cond);
}
console.log(row.join(""));
console.log(values.map((v) => (Boolean(v) ? 1 : 0)).join(""));
console.log(values.filter(Boolean).length);
let n = 3;
let loops = 0;
while (n) {
  n--;
  loops++;
}
console.log(loops);
const str = "";
console.log(str ? "non-empty" : "empty", str.length ? "has" : "none");
