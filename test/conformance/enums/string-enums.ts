// Checks string enums (no reverse mapping), heterogeneous enums, and switching over enum values.
enum Direction {
  Up = "UP",
  Down = "DOWN",
  Left = "LEFT",
  Right = "RIGHT",
}
console.log(Direction.Up, Direction.Left, Object.keys(Direction).join(","), Object.values(Direction).join(","));
function move(d: Direction): [number, number] {
  switch (d) {
    case Direction.Up:
      return [0, -1];
    case Direction.Down:
      return [0, 1];
    case Direction.Left:
      return [-1, 0];
    case Direction.Right:
      return [1, 0];
  }
}
let x = 0;
let y = 0;
for (const d of [Direction.Up, Direction.Up, Direction.Right, Direction.Down]) {
  const [dx, dy] = move(d);
  x += dx;
  y += dy;
}
console.log(x, y);
enum Mixed {
  No = 0,
  Yes = "YES",
}
console.log(Mixed.No, Mixed.Yes, Mixed[0], JSON.stringify(Mixed));
const parse = (s: string): Direction | undefined => Object.values(Direction).find((v) => v === s);
console.log(parse("LEFT"), parse("left"));
