// Checks interfaces and structural typing: classes and literals satisfying the same interface.
interface Sized {
  size(): number;
  readonly label: string;
}
class Box implements Sized {
  readonly label = "box";
  constructor(private n: number) {}
  size(): number {
    return this.n;
  }
}
class Bag {
  label = "bag";
  items: string[] = ["x", "y"];
  size(): number {
    return this.items.length;
  }
}
const literal: Sized = { label: "lit", size: () => 42 };
const all: Sized[] = [new Box(3), new Bag(), literal];
for (const s of all) console.log(s.label, s.size());
function biggest(xs: Sized[]): string {
  let best = xs[0];
  for (const x of xs) if (x.size() > best.size()) best = x;
  return best.label;
}
console.log(biggest(all));
interface Named { name: string }
interface Aged { age: number }
type Person = Named & Aged;
const p: Person = { name: "Ann", age: 30 };
const greet = (n: Named): string => "hi " + n.name;
console.log(greet(p), greet({ name: "Bo" }));
