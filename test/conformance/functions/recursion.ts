// Checks recursion: factorial, fibonacci with memo, mutual recursion, and Ackermann-small.
function fact(n: number): number {
  return n <= 1 ? 1 : n * fact(n - 1);
}
console.log(fact(0), fact(10), fact(20), fact(170) > 1e300, fact(171));
const memo = new Map<number, number>();
function fib(n: number): number {
  if (n < 2) return n;
  const hit = memo.get(n);
  if (hit !== undefined) return hit;
  const v = fib(n - 1) + fib(n - 2);
  memo.set(n, v);
  return v;
}
console.log(fib(10), fib(50), fib(78));
function isEven(n: number): boolean {
  return n === 0 ? true : isOdd(n - 1);
}
function isOdd(n: number): boolean {
  return n === 0 ? false : isEven(n - 1);
}
console.log(isEven(10), isOdd(7), isEven(999));
function ack(m: number, n: number): number {
  if (m === 0) return n + 1;
  if (n === 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
console.log(ack(2, 3), ack(3, 3));
function hanoi(n: number, from: string, to: string, via: string, moves: string[]): void {
  if (n === 0) return;
  hanoi(n - 1, from, via, to, moves);
  moves.push(from + to);
  hanoi(n - 1, via, to, from, moves);
}
const moves: string[] = [];
hanoi(4, "A", "C", "B", moves);
console.log(moves.length, moves.slice(0, 5).join(" "));
