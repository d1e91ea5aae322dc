// Checks functions as values: stored in arrays/maps/objects, passed around, compared, with properties.
type Op = (a: number, b: number) => number;
const ops: Record<string, Op> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
};
for (const sym of Object.keys(ops)) console.log(sym, ops[sym](12, 4));
const table = new Map<string, Op>(Object.entries(ops));
console.log(table.get("*")?.(6, 7), table.has("%"));
const rpn = (expr: string): number => {
  const stack: number[] = [];
  for (const tok of expr.split(" ")) {
    const op = ops[tok];
    if (op) {
      const b = stack.pop() ?? 0;
      const a = stack.pop() ?? 0;
      stack.push(op(a, b));
    } else stack.push(Number(tok));
  }
  return stack[0];
};
console.log(rpn("3 4 + 2 *"), rpn("10 2 8 * + 3 -"), rpn("1 3 /"));
const f1 = (): number => 1;
const f2 = f1;
console.log(f1 === f2, f1 === ((): number => 1), typeof f1);
const list: (() => string)[] = [() => "a", () => "b"];
console.log(list.map((f) => f()).join(""));
