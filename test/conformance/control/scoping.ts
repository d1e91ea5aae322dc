// Checks block scoping of let/const, shadowing, temporal dead zone errors, and const objects.
const x = "outer";
{
  const x = "inner";
  console.log(x);
  {
    const x = "innermost";
    console.log(x);
  }
}
console.log(x);
function shadow(x: number): number {
  {
    const x = 100;
    if (x > 0) return x;
  }
  return x;
}
console.log(shadow(1));
try {
  const readEarly = (): number => later;
  readEarly();
  const later = 5;
  console.log(later);
} catch (e) {
  console.log("TDZ:", e instanceof ReferenceError);
}
const frozenRef = { n: 1 };
frozenRef.n = 2;
console.log(frozenRef.n);
let counter = 0;
if (counter === 0) {
  let counter = 10;
  counter++;
  console.log("inner", counter);
}
console.log("outer", counter);
