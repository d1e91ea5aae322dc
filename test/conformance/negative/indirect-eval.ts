// expect-error: eval
// Indirect eval through an alias is still run-time code evaluation.
const e = eval;
console.log(e("2 * 3"));
