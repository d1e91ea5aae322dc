// Checks toJSON methods (called with the key), nested toJSON, and classes controlling serialization.
class Money {
  constructor(private cents: number, private currency: string) {}
  toJSON(): string {
    return `${(this.cents / 100).toFixed(2)} ${this.currency}`;
  }
}
console.log(JSON.stringify({ price: new Money(1999, "EUR"), list: [new Money(5, "USD")] }));
const keys: string[] = [];
const spy = {
  toJSON(key: string): number {
    keys.push(JSON.stringify(key));
    return 1;
  },
};
JSON.stringify({ a: spy, b: [spy], c: { d: spy } });
JSON.stringify(spy);
console.log(keys.join(" "));
const returnsUndef = { toJSON: (): undefined => undefined };
console.log(JSON.stringify({ x: returnsUndef, y: 1 }), JSON.stringify([returnsUndef]), JSON.stringify(returnsUndef));
const nested = { toJSON: () => ({ inner: { toJSON: () => "deep" } }) };
console.log(JSON.stringify(nested));
