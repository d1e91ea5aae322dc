// Checks generic classes with constraints: a typed stack, a keyed cache, and a bounded max-finder.
class Stack<T> {
  private items: T[] = [];
  push(x: T): this {
    this.items.push(x);
    return this;
  }
  pop(): T | undefined {
    return this.items.pop();
  }
  get size(): number {
    return this.items.length;
  }
}
const s = new Stack<number>().push(1).push(2).push(3);
console.log(s.pop(), s.size, s.pop(), s.pop(), s.pop(), s.size);
interface HasId { id: number }
class Store<T extends HasId> {
  private byId = new Map<number, T>();
  add(x: T): void {
    this.byId.set(x.id, x);
  }
  get(id: number): T | undefined {
    return this.byId.get(id);
  }
  ids(): number[] {
    return [...this.byId.keys()].sort((a, b) => a - b);
  }
}
const store = new Store<{ id: number; name: string }>();
store.add({ id: 3, name: "c" });
store.add({ id: 1, name: "a" });
console.log(store.ids().join(","), store.get(3)?.name, store.get(2)?.name);
class Pair<A, B> {
  constructor(readonly first: A, readonly second: B) {}
  swap(): Pair<B, A> {
    return new Pair(this.second, this.first);
  }
}
const pr = new Pair("x", 1).swap();
console.log(pr.first, pr.second);
