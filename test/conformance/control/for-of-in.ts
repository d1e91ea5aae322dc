// Checks for-of over arrays/strings/Maps/Sets and for-in over own enumerable keys in spec order.
for (const [i, v] of ["x", "y"].entries()) console.log(i, v);
for (const ch of "hi!") console.log(ch);
const m = new Map<string, number>([["one", 1], ["two", 2]]);
for (const [k, v] of m) console.log(k, v);
for (const v of new Set([3, 1, 3, 2])) console.log("set", v);
const o: Record<string, number> = { b: 1, a: 2, 2: 3, 1: 4 };
for (const k in o) console.log("key", k, o[k]);
class Base {
  inherited = 1;
}
class Derived extends Base {
  own = 2;
  method(): number {
    return 3;
  }
}
const keys: string[] = [];
for (const k in new Derived()) keys.push(k);
console.log(keys.join(","));
const arr = [10, 20, 30];
const idx: string[] = [];
for (const i in arr) idx.push(typeof i + ":" + i);
console.log(idx.join(" "));
const mutating = [1, 2, 3];
for (const v of mutating) {
  if (v < 3) mutating.push(v * 10);
}
console.log(mutating.join(","));
