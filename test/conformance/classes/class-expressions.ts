// Checks class expressions, classes as values, factories returning classes, and mixins.
const Anon = class {
  hello(): string {
    return "anon";
  }
};
console.log(new Anon().hello(), Anon.name);
class Thing {
  kind = "thing";
}
function Timestamped(Base: typeof Thing) {
  return class extends Base {
    stamp = 123;
  };
}
const Stamped = Timestamped(Thing);
const st = new Stamped();
console.log(st.kind, st.stamp, st instanceof Thing);
const registry: Record<string, new () => { run(): string }> = {
  a: class { run(): string { return "ran a"; } },
  b: class { run(): string { return "ran b"; } },
};
for (const k of Object.keys(registry)) console.log(new registry[k]().run());
function make(n: number) {
  return class Numbered {
    value = n;
  };
}
const C5 = make(5);
console.log(new C5().value, new (make(7))().value);
