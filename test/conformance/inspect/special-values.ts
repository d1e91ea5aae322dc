// Checks util.inspect of sparse arrays, circular references, getters, and extra array properties.
const sparse: number[] = [1, 2, 3];
sparse[6] = 7;
console.log(sparse);
console.log(new Array(3), [, 1], [1, , 2]);
interface Node1 {
  name: string;
  self?: Node1;
}
const cyc: Node1 = { name: "loop" };
cyc.self = cyc;
console.log(cyc);
const withGetter = {
  get computed(): number {
    return 42;
  },
  set writeOnly(v: number) {},
  plain: 1,
};
console.log(withGetter);
const tagged = Object.assign([1, 2], { extra: "prop" });
console.log(tagged);
console.log(Object.create(null) as object);
console.log({ [Symbol("sym")]: 1, regular: 2 });
