// Checks built-in error classes: name, message, String(e), instanceof relationships, default messages.
const errors: Error[] = [new Error("e"), new TypeError("t"), new RangeError("r"), new SyntaxError("s"), new ReferenceError("f"), new EvalError("v"), new URIError("u")];
for (const e of errors) {
  console.log(e.name, e.message, String(e), e instanceof Error, e instanceof TypeError, e instanceof RangeError);
}
const empty = new Error();
console.log(JSON.stringify(empty.message), String(empty), empty.name);
console.log(String(new TypeError()), new RangeError(undefined).message === "");
const withCause = new Error("outer", { cause: new Error("inner") });
console.log(withCause.message, (withCause.cause as Error).message);
const e2 = new Error("changed");
e2.name = "CustomName";
console.log(String(e2));
e2.message = "new message";
console.log(String(e2), e2.toString());
console.log(typeof new Error("x").stack);
console.log(Object.keys(new Error("k")).length, JSON.stringify(new Error("j")));
