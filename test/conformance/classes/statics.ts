// Checks static fields, static methods, static blocks, and static inheritance.
const log: string[] = [];
class Registry {
  static count = 0;
  static readonly names: string[] = [];
  static {
    log.push("static block, count=" + Registry.count);
    Registry.count = 100;
  }
  static register(name: string): number {
    Registry.names.push(name);
    return ++this.count;
  }
}
console.log(log.join(";"));
console.log(Registry.register("a"), Registry.register("b"), Registry.names.join(","));
class Sub extends Registry {
  static extra = Sub.count + 1;
}
console.log(Sub.count, Sub.extra, Sub.register("c"), Registry.count, Sub.count);
class Counter {
  static #instances = 0;
  constructor() {
    Counter.#instances++;
  }
  static get instances(): number {
    return Counter.#instances;
  }
}
new Counter();
new Counter();
console.log(Counter.instances);
