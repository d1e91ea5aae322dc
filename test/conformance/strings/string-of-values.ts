// Checks String(x), toString() and implicit conversion for arrays, objects, nested and custom values.
class Point {
  constructor(public x: number, public y: number) {}
  toString(): string {
    return `(${this.x}, ${this.y})`;
  }
}
const p = new Point(1, 2);
console.log(String(p), `${p}`, "" + p, [p, p].join(" "));
console.log(String([p]), String({ toString: () => "custom" }));
console.log(String([1, [2, [3, [4]]]]), String([, 1, , 2]), [null, undefined, 0].toString());
console.log((123).toString(), true.toString(), [1, 2].toString(), ({}).toString());
console.log(String(Symbol("tag")), Symbol("d").description);
console.log(String(function named(): void {}).length > 0, typeof String(Math.max));
const valueOf = { valueOf: (): number => 42 };
console.log(Number(valueOf) + 1, `${valueOf}` === "[object Object]");
console.log(String(new Error("boom")), String(new TypeError("bad")));
console.log(String(new Map()), String(new Set([1])), String([new Map()]));
console.log(String(-0), String([-0]), String([NaN, Infinity]));
