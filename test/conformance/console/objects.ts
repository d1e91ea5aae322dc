// Checks console.log of short plain objects: key quoting, string values quoted, nesting, empty.
console.log({});
console.log({ a: 1 });
console.log({ a: 1, b: "two", c: true, d: null, e: undefined });
console.log({ nested: { deep: { x: 1 } } });
console.log({ list: [1, 2], obj: {} });
console.log({ "needs-quote": 1, ok_name: 2, $dollar: 3, "1": 4 });
console.log({ "with space": "v", "": "empty" });
console.log({ neg: -0, nan: NaN, inf: -Infinity });
console.log("obj", { k: "v" }, 42);
console.log([{ a: 1 }, { b: 2 }]);
const o: Record<string, number> = {};
o.z = 1;
o.y = 2;
o[10] = 3;
console.log(o);
