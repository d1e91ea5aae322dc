// Checks switch: fallthrough, default in the middle, strict matching, string cases, block scoping.
function classify(n: number): string {
  const out: string[] = [];
  switch (n) {
    case 0:
      out.push("zero");
    case 1:
      out.push("le-one");
      break;
    default:
      out.push("default");
    case 2:
      out.push("two-or-fallthrough");
      break;
    case 3: {
      const local = "three";
      out.push(local);
      return out.join("+") + "!";
    }
  }
  return out.join("+");
}
for (const n of [0, 1, 2, 3, 4]) console.log(n, classify(n));
function kind(v: string | number): string {
  switch (v) {
    case "1":
      return "string one";
    case 1:
      return "number one";
    case "a":
    case "b":
      return "a or b";
  }
  return "other";
}
console.log(kind("1"), kind(1), kind("b"), kind(2));
let hits = 0;
const probe = (x: number): number => (hits++, x);
switch (2) {
  case probe(1):
  case probe(2):
  case probe(3):
}
console.log("cases evaluated", hits);
switch (NaN) {
  case NaN:
    console.log("NaN matched");
    break;
  default:
    console.log("NaN never matches");
}
