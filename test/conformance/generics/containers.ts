// Checks generic data structures: a binary-heap priority queue and a typed event emitter.
class MinHeap<T> {
  private a: T[] = [];
  constructor(private less: (x: T, y: T) => boolean) {}
  push(x: T): void {
    this.a.push(x);
    let i = this.a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(this.a[i], this.a[p])) break;
      [this.a[i], this.a[p]] = [this.a[p], this.a[i]];
      i = p;
    }
  }
  pop(): T | undefined {
    const top = this.a[0];
    const last = this.a.pop();
    if (this.a.length > 0 && last !== undefined) {
      this.a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.a.length && this.less(this.a[l], this.a[m])) m = l;
        if (r < this.a.length && this.less(this.a[r], this.a[m])) m = r;
        if (m === i) break;
        [this.a[i], this.a[m]] = [this.a[m], this.a[i]];
        i = m;
      }
    }
    return top;
  }
  get size(): number {
    return this.a.length;
  }
}
const h = new MinHeap<number>((x, y) => x < y);
for (const n of [5, 3, 8, 1, 9, 2, 7]) h.push(n);
const out: number[] = [];
while (h.size > 0) out.push(h.pop() ?? -1);
console.log(out.join(","), h.pop());
type Events = { data: [string, number]; close: [] };
class Emitter<E extends Record<string, unknown[]>> {
  private handlers: { [K in keyof E]?: ((...args: E[K]) => void)[] } = {};
  on<K extends keyof E>(name: K, f: (...args: E[K]) => void): void {
    (this.handlers[name] ??= []).push(f);
  }
  emit<K extends keyof E>(name: K, ...args: E[K]): number {
    const list = this.handlers[name] ?? [];
    for (const f of list) f(...args);
    return list.length;
  }
}
const em = new Emitter<Events>();
em.on("data", (s, n) => console.log("data", s, n));
em.on("data", (s) => console.log("again", s.toUpperCase()));
em.on("close", () => console.log("closed"));
console.log(em.emit("data", "x", 1), em.emit("close"));
