// Checks class get/set accessors, validation in setters, and accessors on the prototype.
class Temperature {
  private celsius = 0;
  get fahrenheit(): number {
    return this.celsius * 1.8 + 32;
  }
  set fahrenheit(f: number) {
    this.celsius = (f - 32) / 1.8;
  }
  get kelvin(): number {
    return this.celsius + 273.15;
  }
}
const t = new Temperature();
console.log(t.fahrenheit, t.kelvin);
t.fahrenheit = 212;
console.log(t.fahrenheit, t.kelvin.toFixed(2));
class Bounded {
  #value = 0;
  constructor(private readonly max: number) {}
  get value(): number {
    return this.#value;
  }
  set value(v: number) {
    if (v > this.max) throw new RangeError(`${v} > ${this.max}`);
    this.#value = v;
  }
}
const b = new Bounded(10);
b.value = 5;
try {
  b.value = 11;
} catch (e) {
  console.log((e as Error).name, (e as Error).message);
}
console.log(b.value, Object.keys(b).join(","), "value" in b);
