// Checks getters and setters in object literals, including computed values and validation.
const temp = {
  celsius: 20,
  get fahrenheit(): number {
    return this.celsius * 9 / 5 + 32;
  },
  set fahrenheit(f: number) {
    this.celsius = (f - 32) * 5 / 9;
  },
};
console.log(temp.fahrenheit);
temp.fahrenheit = 212;
console.log(temp.celsius, temp.fahrenheit);
const log: string[] = [];
const watched = {
  _v: 0,
  get v(): number {
    log.push("get");
    return this._v;
  },
  set v(x: number) {
    log.push("set " + x);
    this._v = x < 0 ? 0 : x;
  },
};
watched.v = 5;
watched.v = -3;
watched.v += 2;
console.log(watched.v, log.join(", "));
console.log(JSON.stringify(temp), Object.keys(watched).join(","));
const readonlyish = { get only(): string { return "r"; } };
console.log(readonlyish.only, "only" in readonlyish);
