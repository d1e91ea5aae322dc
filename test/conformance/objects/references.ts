// Checks object identity and aliasing: shared references, equality, mutation through aliases.
const a = { n: 1 };
const b = a;
const c = { n: 1 };
console.log(a === b, a === c, a == c);
b.n = 2;
console.log(a.n);
const list = [a, a, c];
list[0].n = 3;
console.log(list[1].n, list[2].n, list.indexOf(c), list.lastIndexOf(a));
function mutate(o: { n: number }): void {
  o.n *= 10;
}
function replace(o: { n: number }): void {
  o = { n: -1 };
  o.n = -2;
}
mutate(a);
replace(a);
console.log(a.n);
const graph: { id: number; next: { id: number } | null }[] = [{ id: 1, next: null }, { id: 2, next: null }];
graph[0].next = graph[1];
graph[1].id = 22;
console.log(graph[0].next?.id);
