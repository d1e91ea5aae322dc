// Checks catch without a binding, catch variable scoping/shadowing, and the error object identity.
let attempts = 0;
function flaky(): number {
  attempts++;
  if (attempts < 3) throw new Error("try again");
  return attempts;
}
let result = -1;
while (result < 0) {
  try {
    result = flaky();
  } catch {
    console.log("retrying after attempt", attempts);
  }
}
console.log("result", result);
const e = "outer e";
try {
  throw new Error("inner e");
} catch (e) {
  console.log((e as Error).message);
}
console.log(e);
const original = new Error("same");
try {
  throw original;
} catch (caught) {
  console.log(caught === original);
}
try {
  throw new TypeError("destructured");
} catch (err) {
  const { name, message } = err as Error;
  console.log(name, message);
}
