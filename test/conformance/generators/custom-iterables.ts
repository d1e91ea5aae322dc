// Checks the iterator protocol: classes with [Symbol.iterator], hand-written iterators, spread, for-of.
class Range implements Iterable<number> {
  constructor(private from: number, private to: number, private step = 1) {}
  [Symbol.iterator](): Iterator<number> {
    let cur = this.from;
    const { to, step } = this;
    return {
      next: (): IteratorResult<number> => {
        if (cur >= to) return { done: true, value: undefined };
        const value = cur;
        cur += step;
        return { done: false, value };
      },
    };
  }
}
const r = new Range(0, 10, 3);
console.log([...r].join(","), [...r].length, Array.from(r).join("|"));
const [first, second] = new Range(5, 100);
console.log(first, second);
class LinkedList<T> {
  private head: { value: T; next: LinkedList<T>["head"] } | null = null;
  push(value: T): this {
    this.head = { value, next: this.head };
    return this;
  }
  *[Symbol.iterator](): Generator<T> {
    for (let n = this.head; n !== null; n = n.next) yield n.value;
  }
}
const list = new LinkedList<string>().push("c").push("b").push("a");
console.log([...list].join(""), Math.max(...new LinkedList<number>().push(3).push(9).push(4)));
let closed = 0;
const tracked: Iterable<number> = {
  [Symbol.iterator]: (): Iterator<number> => {
    let i = 0;
    return {
      next: (): IteratorResult<number> => ({ done: false, value: i++ }),
      return: (): IteratorResult<number> => {
        closed++;
        return { done: true, value: undefined };
      },
    };
  },
};
for (const v of tracked) if (v >= 2) break;
const [x0, x1] = tracked;
console.log(closed, x0, x1);
