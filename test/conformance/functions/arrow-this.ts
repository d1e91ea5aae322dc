// Checks lexical `this` in arrow functions vs dynamic `this` in function expressions.
class Timer {
  ticks = 0;
  label = "T";
  runArrow(steps: number[]): number {
    steps.forEach(() => this.ticks++);
    return this.ticks;
  }
  nested(): string {
    const outer = () => {
      const inner = () => this.label + this.ticks;
      return inner();
    };
    return outer();
  }
}
const t = new Timer();
console.log(t.runArrow([1, 2, 3]), t.nested());
const obj = {
  name: "obj",
  regular(): string {
    return this.name;
  },
  viaArrow(): () => string {
    return () => this.name;
  },
};
const got = obj.viaArrow();
console.log(obj.regular(), got());
const other = { name: "other", regular: obj.regular, viaArrow: obj.viaArrow };
console.log(other.regular(), other.viaArrow()());
function Legacy(this: { v: number } | undefined): string {
  return this === undefined ? "no this" : "v=" + this.v;
}
console.log(Legacy.call(undefined), Legacy.call({ v: 3 }), Legacy.apply({ v: 4 }, []));
