// Checks user-defined Error subclasses: name, extra fields, instanceof through the chain, toString.
class AppError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
    this.name = "AppError";
  }
}
class NotFound extends AppError {
  constructor(what: string) {
    super(`${what} not found`, 404);
    this.name = "NotFound";
  }
}
class Silent extends Error {}
const errs: Error[] = [new AppError("bad", 500), new NotFound("page"), new Silent("quiet")];
for (const e of errs) {
  console.log(e.name, e.message, String(e), e instanceof Error, e instanceof AppError, e instanceof NotFound);
  if (e instanceof AppError) console.log("code", e.code);
}
function find(id: number): string {
  if (id < 0) throw new RangeError("negative id");
  if (id > 10) throw new NotFound("item " + id);
  return "item" + id;
}
for (const id of [1, -1, 11]) {
  try {
    console.log(find(id));
  } catch (e) {
    if (e instanceof NotFound) console.log("404:", e.message);
    else if (e instanceof RangeError) console.log("range:", e.message);
    else throw e;
  }
}
console.log(new NotFound("x").constructor.name, Object.getPrototypeOf(NotFound) === AppError);
