// Checks type narrowing constructs at run time: typeof, instanceof, in, discriminants, user guards.
type Value = string | number | boolean | null | undefined | number[] | { kind: "pt"; x: number };
function describe(v: Value): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "string") return "string of " + v.length;
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return "array of " + v.length;
  return "point " + v.x;
}
const vals: Value[] = ["hey", 3, 3.5, true, null, undefined, [1, 2], { kind: "pt", x: 9 }];
console.log(vals.map(describe).join("; "));
class Cat {
  meow(): string {
    return "meow";
  }
}
class Dog {
  bark(): string {
    return "woof";
  }
}
const speak = (a: Cat | Dog): string => (a instanceof Cat ? a.meow() : a.bark());
console.log(speak(new Cat()), speak(new Dog()));
interface Fish {
  swim: () => string;
}
interface Bird {
  fly: () => string;
}
const isFish = (p: Fish | Bird): p is Fish => "swim" in p;
const pets: (Fish | Bird)[] = [{ swim: () => "splash" }, { fly: () => "flap" }];
console.log(pets.map((p) => (isFish(p) ? p.swim() : p.fly())).join(","));
const maybe: (string | undefined)[] = ["a", undefined, "b"];
const defined = maybe.filter((s): s is string => s !== undefined);
console.log(defined.join(""), defined.length);
