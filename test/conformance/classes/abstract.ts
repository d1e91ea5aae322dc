// Checks abstract classes: abstract methods implemented by subclasses, template-method pattern.
abstract class Shape {
  abstract area(): number;
  abstract readonly name: string;
  describe(): string {
    return `${this.name} with area ${this.area().toFixed(2)}`;
  }
}
class Circle extends Shape {
  readonly name = "circle";
  constructor(private r: number) {
    super();
  }
  area(): number {
    return Math.PI * this.r * this.r;
  }
}
class Rect extends Shape {
  readonly name = "rect";
  constructor(private w: number, private h: number) {
    super();
  }
  area(): number {
    return this.w * this.h;
  }
}
const shapes: Shape[] = [new Circle(1), new Rect(2, 3), new Circle(0.5)];
for (const s of shapes) console.log(s.describe());
const total = shapes.reduce((sum, s) => sum + s.area(), 0);
console.log(total.toFixed(4));
console.log(shapes.map((s) => s instanceof Shape).join(","));
