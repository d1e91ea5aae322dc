// Checks built-in prototypes when the first thing a program does with one is an unusual path:
// a write that walks the prototypes, `in`, hasOwnProperty, defineProperty, delete, seal, for-in,
// Object.keys, freeze. (The SDK runtime fills a built-in prototype's methods on its first use; each
// section reaches a different prototype through a value, not its constructor, and touches it so.)
type Loose = Record<string, unknown>;

// Object.prototype: a write to a fresh object walks the prototypes (for setters) first
const o: Loose = {};
o.x = 1;
console.log("toString" in o, o.hasOwnProperty("x"), JSON.stringify(o), `${o}`);

// Array.prototype: first touched by hasOwnProperty and Object.hasOwn
const arrayProto = Object.getPrototypeOf([]) as object;
console.log(Object.prototype.hasOwnProperty.call(arrayProto, "push"), Object.hasOwn(arrayProto, "nope"));
console.log([3, 1, 2].sort().join(","));

// String.prototype: first touched by defineProperty
Object.defineProperty(Object.getPrototypeOf("s"), "shout", {
  value: function (this: string) { return this.toUpperCase() + "!"; },
  enumerable: false,
  writable: true,
});
console.log(("hey" as unknown as { shout(): string }).shout(), "abc".indexOf("c"));

// Number.prototype: first touched by a plain write, then by `in`
(Object.getPrototypeOf(1) as Loose).twice = function (this: number) { return this * 2; };
console.log((21 as unknown as { twice(): number }).twice(), (2.5).toFixed(2), "toFixed" in Object.getPrototypeOf(1));

// Boolean.prototype: first touched by delete (of a method), then by seal
const boolProto = Object.getPrototypeOf(true) as { valueOf?: unknown };
console.log(delete boolProto.valueOf, Object.hasOwn(boolProto, "valueOf"), Object.isFrozen(boolProto));
Object.seal(boolProto);
console.log(true.toString(), false.toString(), Object.getOwnPropertyNames(boolProto).join(","));

// Function.prototype: first touched by for-in over a function (inherited keys), then Object.keys
function add(this: { base: number }, x: number): number { return this.base + x; }
const fkeys: string[] = [];
for (const k in add) fkeys.push(k);
console.log(fkeys.length, Object.keys(Object.getPrototypeOf(add)).length);
console.log(add.call({ base: 1 }, 2), add.bind({ base: 10 })(5));

// the array iterator prototype: first touched by freeze, then a method call on an iterator
const it = ["a", "b"].entries();
const iterProto = Object.freeze(Object.getPrototypeOf(it)) as Loose;
console.log(Object.isFrozen(iterProto), it.next().value, [...it].length);
try {
  iterProto.next = null;
  console.log("written");
} catch {
  console.log("next is read-only");
}
