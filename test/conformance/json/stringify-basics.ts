// Checks JSON.stringify of primitives, nested values, NaN/Infinity -> null, omitted undefined/functions.
console.log(JSON.stringify(1), JSON.stringify("s"), JSON.stringify(true), JSON.stringify(null));
console.log(JSON.stringify(NaN), JSON.stringify(-Infinity), JSON.stringify(-0), JSON.stringify(1e21), JSON.stringify(1e-7));
console.log(JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify(Symbol("x")));
console.log(JSON.stringify([undefined, () => 1, NaN, null, Symbol("y")]));
console.log(JSON.stringify({ u: undefined, f: () => 1, n: null, nan: NaN, s: Symbol("z"), ok: 1 }));
console.log(JSON.stringify({ a: [1, { b: [2, { c: [] }] }], d: {} }));
console.log(JSON.stringify([new Map([[1, 2]]), new Set([1])]), JSON.stringify(new Uint8Array([1, 2])));
console.log(JSON.stringify({ 2: "b", 1: "a", z: 0, y: 1 }));
console.log(JSON.stringify("a\"b\\c"), JSON.stringify([[[]]]), JSON.stringify([{}]));
class P {
  x = 1;
  #hidden = 2;
  get y(): number {
    return this.#hidden;
  }
  m(): number {
    return 3;
  }
}
console.log(JSON.stringify(new P()), JSON.stringify([new P()]));
console.log(JSON.stringify({ date: { toJSON: () => "converted" } }));
