// Checks deep recursion of about 10000 frames (non-tail calls) completes and unwinds correctly.
function depth(n: number): number {
  return n === 0 ? 0 : 1 + depth(n - 1);
}
console.log(depth(10000));
function sumTo(n: number): number {
  if (n === 0) return 0;
  return n + sumTo(n - 1);
}
console.log(sumTo(10000));
interface ListNode {
  v: number;
  next: ListNode | null;
}
let head: ListNode | null = null;
for (let i = 0; i < 5000; i++) head = { v: i, next: head };
function len(n: ListNode | null): number {
  return n === null ? 0 : 1 + len(n.next);
}
console.log(len(head));
let calls = 0;
function repeatDeep(): void {
  calls++;
  if (calls % 9000 !== 0) repeatDeep();
}
for (let i = 0; i < 3; i++) repeatDeep();
console.log(calls);
