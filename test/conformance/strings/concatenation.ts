// Checks + with strings and other types: numbers, booleans, null, undefined, arrays, objects.
console.log("a" + 1, 1 + "a", 1 + 2 + "3", "1" + 2 + 3, "1" + (2 + 3));
console.log("x" + true, "x" + null, "x" + undefined, "x" + NaN, "x" + -0);
console.log("x" + [1, 2], "x" + [], "x" + [[1, [2]], 3], "x" + [null, undefined]);
console.log("x" + {}, "x" + { a: 1 });
console.log("" + 1e21 + 1e-7, "" + 0.1 * 3);
console.log(String(null), String(undefined), String(true), String(123.5));
console.log(String([1, "a", null]), String({}), String([]), String([[]]));
console.log(String(["a", ["b", ["c"]]]), String([undefined, 1]));
let s = "";
for (let i = 0; i < 5; i++) s += i;
console.log(s);
s += false;
console.log(s, s.length);
const parts: (string | number | boolean)[] = ["n=", 4, ", ok=", true];
console.log(parts.join(""), "a".concat("b", "c"), "v".concat(String(1), String(2)));
console.log("a" < "b" ? "yes" + 1 : "no");
