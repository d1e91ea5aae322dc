// Checks default parameters (evaluated per call, referencing earlier params), rest and optional params.
function greet(name: string, greeting = "Hello", punct: string = greeting === "Hello" ? "!" : "."): string {
  return `${greeting}, ${name}${punct}`;
}
console.log(greet("a"), greet("b", "Hi"), greet("c", undefined, "?"), greet("d", "Hello", ""));
let evals = 0;
function withDefault(list: number[] = (evals++, [])): number[] {
  list.push(1);
  return list;
}
console.log(withDefault().length, withDefault().length, evals, withDefault([5]).join(","));
function sum(...nums: number[]): number {
  return nums.reduce((a, b) => a + b, 0);
}
console.log(sum(), sum(1), sum(1, 2, 3), sum(...[4, 5], 6));
function tagged(first: string, ...rest: (string | number)[]): string {
  return first + ":" + rest.length + ":" + rest.join("/");
}
console.log(tagged("x"), tagged("x", 1, "two", 3));
function opt(a: number, b?: number): string {
  return b === undefined ? `only ${a}` : `${a} and ${b}`;
}
console.log(opt(1), opt(1, 2), opt.length, sum.length, greet.length);
const args = [1, 2] as const;
const f = (x: number, y: number): number => x * y;
console.log(f(...args), Math.max(...[3, 9, 2]));
