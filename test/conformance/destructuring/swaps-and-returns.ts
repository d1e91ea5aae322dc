// Checks destructuring for swaps, multiple return values, and assignment-pattern evaluation order.
let a = 1;
let b = 2;
let c = 3;
[a, b, c] = [c, a, b];
console.log(a, b, c);
const arr = [10, 20, 30];
[arr[0], arr[2]] = [arr[2], arr[0]];
console.log(arr.join(","));
function minMax(xs: number[]): [number, number] {
  return [Math.min(...xs), Math.max(...xs)];
}
const [lo, hi] = minMax([4, -2, 9, 0]);
console.log(lo, hi);
function divmod(x: number, y: number): { q: number; r: number } {
  return { q: Math.floor(x / y), r: x % y };
}
const { q, r } = divmod(17, 5);
console.log(q, r);
const log: string[] = [];
const src = (): number[] => (log.push("source"), [1, 2]);
const target: { p?: number; q?: number } = {};
const obj = (): typeof target => (log.push("target"), target);
[obj().p, obj().q] = src();
console.log(log.join(","), target.p, target.q);
let x = 0;
let y = 0;
({ x, y = x * 2 } = { x: 5 } as { x: number; y?: number });
console.log(x, y);
