// Checks class fields (initializer order), constructor parameter properties, methods and this.
const order: string[] = [];
class Widget {
  id = (order.push("field id"), 1);
  label: string;
  tags: string[] = [];
  constructor(label: string, readonly weight: number = 2) {
    order.push("ctor " + label);
    this.label = label;
  }
  describe(): string {
    return `${this.label}#${this.id} w=${this.weight} tags=${this.tags.length}`;
  }
  tag(t: string): this {
    this.tags.push(t);
    return this;
  }
}
const w = new Widget("knob");
console.log(order.join(" | "));
console.log(w.describe());
console.log(w.tag("a").tag("b").describe());
const w2 = new Widget("slider", 7);
console.log(w2.describe(), w.describe === w2.describe);
const bound = w2.describe.bind(w);
console.log(bound());
console.log(Object.keys(w).join(","));
