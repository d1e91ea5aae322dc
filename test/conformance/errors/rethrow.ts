// Checks rethrowing, wrapping errors with context, and throwing non-Error values.
function parse(s: string): number {
  const n = Number(s);
  if (Number.isNaN(n)) throw new TypeError(`not a number: ${s}`);
  return n;
}
function parseAll(xs: string[]): number[] {
  try {
    return xs.map(parse);
  } catch (e) {
    if (e instanceof TypeError) throw new Error("parseAll failed", { cause: e });
    throw e;
  }
}
try {
  parseAll(["1", "x", "3"]);
} catch (e) {
  const err = e as Error;
  console.log(err.message, "<-", (err.cause as Error).message);
}
const thrown: unknown[] = [];
for (const v of [42, "str", null, undefined, { code: 1 }, [1, 2]]) {
  try {
    throw v;
  } catch (e) {
    thrown.push(e);
  }
}
console.log(thrown.map((t) => (t === null ? "null" : typeof t)).join(","), JSON.stringify(thrown));
try {
  try {
    throw new RangeError("original");
  } catch (e) {
    console.log("first handler", (e as Error).name);
    throw e;
  }
} catch (e) {
  console.log("second handler", (e as Error).message, e instanceof RangeError);
}
