// Checks enum declaration merging and enums used in classes, interfaces and discriminated unions.
enum Kind {
  Circle,
  Square,
}
enum Kind {
  Triangle = 2,
}
interface CircleShape {
  kind: Kind.Circle;
  r: number;
}
interface SquareShape {
  kind: Kind.Square;
  side: number;
}
interface TriangleShape {
  kind: Kind.Triangle;
  base: number;
  h: number;
}
type Shape = CircleShape | SquareShape | TriangleShape;
function area(s: Shape): number {
  switch (s.kind) {
    case Kind.Circle:
      return 3 * s.r * s.r;
    case Kind.Square:
      return s.side * s.side;
    case Kind.Triangle:
      return (s.base * s.h) / 2;
  }
}
const shapes: Shape[] = [{ kind: Kind.Circle, r: 2 }, { kind: Kind.Square, side: 3 }, { kind: Kind.Triangle, base: 4, h: 5 }];
for (const s of shapes) console.log(Kind[s.kind], area(s));
console.log(Object.keys(Kind).length, Kind.Triangle, Kind[2]);
