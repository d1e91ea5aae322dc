// Checks console.log of functions, classes, arrows and symbols, alone and inside containers.
function named(): number {
  return 1;
}
const arrow = (): number => 2;
class Klass {}
console.log(named);
console.log(arrow);
console.log(Klass);
console.log(() => 0);
console.log([named, arrow]);
console.log({ f: named });
console.log(Symbol("s"), Symbol());
console.log([Symbol("in array")]);
console.log(typeof named, typeof Klass, named.name, arrow.name, Klass.name);
