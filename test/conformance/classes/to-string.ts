// Checks toString/valueOf overrides used by template literals, concatenation, join and arithmetic.
class Money {
  constructor(private cents: number) {}
  toString(): string {
    return `$${(this.cents / 100).toFixed(2)}`;
  }
  valueOf(): number {
    return this.cents;
  }
}
const a = new Money(1999);
const b = new Money(1);
console.log(`${a}`, String(a), [a, b].join(" + "));
console.log(a.valueOf() + b.valueOf(), +a, Number(b));
console.log(`${a} > ${b}: ${a > b}`);
class Tag {
  constructor(private name: string) {}
  toString(): string {
    return "<" + this.name + ">";
  }
}
const tags = [new Tag("a"), new Tag("b")];
console.log(`${tags}`, tags.join(""), String(tags));
class Plain {}
console.log(`${new Plain()}`);
