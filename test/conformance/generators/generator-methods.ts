// Checks generator methods on classes and objects, and iterating Map-like state via generators.
class Matrix {
  constructor(private rows: number[][]) {}
  *cells(): Generator<[number, number, number]> {
    for (let r = 0; r < this.rows.length; r++) {
      for (let c = 0; c < this.rows[r].length; c++) yield [r, c, this.rows[r][c]];
    }
  }
  *diagonal(): Generator<number> {
    for (let i = 0; i < Math.min(this.rows.length, this.rows[0].length); i++) yield this.rows[i][i];
  }
}
const m = new Matrix([[1, 2], [3, 4], [5, 6]]);
console.log([...m.cells()].map(([r, c, v]) => `${r}${c}=${v}`).join(" "));
console.log([...m.diagonal()].join(","));
const obj = {
  data: ["x", "y", "z"],
  *reversed(): Generator<string> {
    for (let i = this.data.length - 1; i >= 0; i--) yield this.data[i];
  },
};
console.log([...obj.reversed()].join(""));
function* zip<A, B>(a: Iterable<A>, b: Iterable<B>): Generator<[A, B]> {
  const ib = b[Symbol.iterator]();
  for (const x of a) {
    const y = ib.next();
    if (y.done) return;
    yield [x, y.value];
  }
}
console.log([...zip([1, 2, 3], "ab")].map((p) => p.join("")).join(","));
function* enumerate<T>(it: Iterable<T>, start = 0): Generator<[number, T]> {
  let i = start;
  for (const x of it) yield [i++, x];
}
for (const [i, s] of enumerate(["first", "second"], 1)) console.log(i, s);
