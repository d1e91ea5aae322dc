// Checks util.inspect depth limit (nested objects beyond depth 2 shown as [Object]/[Array]).
console.log({ a: { b: { c: { d: 1 } } } });
console.log([[[[1]]]]);
console.log([[[["deep"]]], [[2]]]);
console.log({ l1: { l2: { l3: [1, 2] }, sibling: [[[0]]] } });
const tree = { value: 1, children: [{ value: 2, children: [{ value: 3, children: [] }] }] };
console.log(tree);
console.log(new Map([["k", { inner: { deeper: { deepest: true } } }]]));
const chain: { next?: object; n: number } = { n: 0 };
let cur = chain;
for (let i = 1; i < 5; i++) {
  const next = { n: i };
  cur.next = next;
  cur = next;
}
console.log(chain);
