// Checks console.log format specifiers in the first argument (%s %d %i %f %j %o %%) and leftovers.
console.log("%s is %d years", "Ada", 36);
console.log("%i and %f", 42.9, "3.5");
console.log("100%% sure", "extra");
console.log("%s", { a: 1 });
console.log("%d", "abc");
console.log("%s %s", "only one");
console.log("no specifiers", "%s");
console.log("%j", { b: [1, 2] });
console.log("%c styled", "color: red");
console.log("%o", [1]);
console.log("%O", { deep: { er: 1 } });
console.log(5, "%s", "x");
