// Checks `this` in methods vs arrow-function fields, detached methods, and callbacks.
class Clicker {
  count = 0;
  name = "clicker";
  incArrow = (): number => ++this.count;
  incMethod(): number {
    return ++this.count;
  }
}
const c = new Clicker();
const arrow = c.incArrow;
arrow();
arrow();
console.log(c.count);
const method = c.incMethod;
try {
  method();
} catch (e) {
  console.log("detached:", e instanceof TypeError);
}
[1, 2, 3].forEach(c.incArrow);
console.log(c.count);
[1, 2].forEach(() => c.incMethod());
console.log(c.count);
const other = { count: 100, incMethod: c.incMethod };
console.log(other.incMethod(), c.count);
class Greeter {
  constructor(private greeting: string) {}
  greetAll(names: string[]): string[] {
    return names.map((n) => `${this.greeting}, ${n}`);
  }
}
console.log(new Greeter("Hi").greetAll(["a", "b"]).join("; "));
