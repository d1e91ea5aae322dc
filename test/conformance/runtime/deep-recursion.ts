// Checks deep recursion on the firmware stack: 10000 non-tail frames, repeated, and mutual recursion.
function down(n: number): number {
  return n === 0 ? 0 : 1 + down(n - 1);
}
let total = 0;
for (let i = 0; i < 5; i++) total += down(10000);
console.log(total);
function ping(n: number): number {
  return n === 0 ? 0 : pong(n - 1) + 1;
}
function pong(n: number): number {
  return n === 0 ? 0 : ping(n - 1) + 1;
}
console.log(ping(8000));
interface Tree {
  l: Tree | null;
  r: Tree | null;
}
function build(depth: number): Tree | null {
  return depth === 0 ? null : { l: build(depth - 1), r: depth % 100 === 0 ? build(1) : null };
}
function count(t: Tree | null): number {
  return t === null ? 0 : 1 + count(t.l) + count(t.r);
}
console.log(count(build(5000)));
