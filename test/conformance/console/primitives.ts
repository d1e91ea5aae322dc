// Checks console.log of primitives at top level: numbers, strings (unquoted), booleans, null, undefined.
console.log(1);
console.log("text");
console.log(1, "two", true, false, null, undefined);
console.log(-0, 0, NaN, -Infinity, 1.5e300, 2e-7);
console.log("");
console.log("", "");
console.log();
console.log("a\tb");
console.log("line1\nline2");
console.log("  spaced  ", "x");
console.log('single \'quotes\' and "double"');
console.log("unicode: é 😀 日本");
console.log(0.1 + 0.2, 100 / 3, 2 ** 64);
console.log(typeof 1, typeof "s", typeof undefined, typeof null, typeof {}, typeof [], typeof (() => 1));
