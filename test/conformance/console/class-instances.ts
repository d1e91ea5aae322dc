// Checks console.log of class instances: ClassName prefix, fields, empty instances, inheritance.
class Empty {}
class Point {
  constructor(public x: number, public y: number) {}
  norm(): number {
    return Math.abs(this.x) + Math.abs(this.y);
  }
}
class Point3 extends Point {
  z = 0;
}
class Named {
  label = "n";
  items: number[] = [1, 2];
}
console.log(new Empty());
console.log(new Point(1, 2));
console.log(new Point3(3, 4));
console.log(new Named());
console.log([new Point(0, 0)]);
console.log({ p: new Point(5, 6) });
console.log("point:", new Point(-0, 1.5));
