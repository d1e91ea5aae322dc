// Checks finally overriding: a return in finally replaces a return value and swallows an exception.
function overrideReturn(): string {
  try {
    return "try";
  } finally {
    // eslint-disable-next-line no-unsafe-finally
    return "finally";
  }
}
function swallow(): string {
  try {
    throw new Error("lost");
  } finally {
    // eslint-disable-next-line no-unsafe-finally
    return "swallowed";
  }
}
function replaceThrow(): void {
  try {
    throw new Error("first");
  } finally {
    // eslint-disable-next-line no-unsafe-finally
    throw new Error("second");
  }
}
console.log(overrideReturn(), swallow());
try {
  replaceThrow();
} catch (e) {
  console.log((e as Error).message);
}
function valueCapturedBeforeFinally(): number {
  let x = 1;
  try {
    return x;
  } finally {
    x = 2;
  }
}
console.log(valueCapturedBeforeFinally());
function breakInFinally(): string {
  for (;;) {
    try {
      throw new Error("x");
    } finally {
      // eslint-disable-next-line no-unsafe-finally
      break;
    }
  }
  return "after break";
}
console.log(breakInFinally());
