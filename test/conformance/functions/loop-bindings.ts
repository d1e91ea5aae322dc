// Checks per-iteration let bindings: closures pushed in for/for-of/for-in loops vs var-like sharing.
const fromFor: (() => number)[] = [];
for (let i = 0; i < 3; i++) fromFor.push(() => i);
console.log(fromFor.map((f) => f()).join(","));
const fromForOf: (() => string)[] = [];
for (const s of ["a", "b", "c"]) fromForOf.push(() => s);
console.log(fromForOf.map((f) => f()).join(","));
const fromForIn: (() => string)[] = [];
for (const k in { x: 1, y: 2 }) fromForIn.push(() => k);
console.log(fromForIn.map((f) => f()).join(","));
const sharedOuter: (() => number)[] = [];
let j = 0;
for (; j < 3; j++) sharedOuter.push(() => j);
console.log(sharedOuter.map((f) => f()).join(","));
const mutated: (() => number)[] = [];
for (let i = 0; i < 6; i++) {
  mutated.push(() => i);
  i++;
}
console.log(mutated.map((f) => f()).join(","));
const whileFns: (() => number)[] = [];
let w = 0;
while (w < 3) {
  const captured = w * 10;
  whileFns.push(() => captured);
  w++;
}
console.log(whileFns.map((f) => f()).join(","));
const counters: (() => number)[] = [];
for (let i = 0; i < 2; i++) {
  let c = 0;
  counters.push(() => (c += i + 1));
}
console.log(counters[0](), counters[0](), counters[1](), counters[1]());
