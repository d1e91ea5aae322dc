// Checks errors raised by the runtime itself: calling non-functions, reading from null/undefined.
function attempt(label: string, f: () => unknown): void {
  try {
    f();
    console.log(label, "ok");
  } catch (e) {
    console.log(label, (e as Error).name, e instanceof TypeError);
  }
}
const nothing = (): { x: { y: number } } | null => null;
const undef = (): { x: number } | undefined => undefined;
attempt("null prop", () => (nothing() as { x: { y: number } }).x);
attempt("undefined prop", () => (undef() as { x: number }).x);
attempt("call non-function", () => (5 as unknown as () => void)());
attempt("new non-constructor", () => new (((): number => 1) as unknown as new () => object)());
attempt("set on frozen", () => {
  const o = Object.freeze({ a: 1 });
  (o as { a: number }).a = 2;
});
attempt("array length", () => new Array(-5));
attempt("toFixed range", () => (1).toFixed(200));
attempt("optional ok", () => nothing()?.x.y);
attempt("const reassign via eval-free path", () => {
  const fns: (() => number)[] = [];
  return fns[0]();
});
