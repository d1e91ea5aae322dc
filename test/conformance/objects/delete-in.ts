// Checks delete and the in operator, undefined-valued properties vs missing ones, hasOwn.
const o: { a?: number; b?: number | undefined; c?: number } = { a: 1, b: undefined };
console.log("a" in o, "b" in o, "c" in o, "toString" in o);
console.log(o.b === undefined, o.c === undefined, Object.keys(o).length);
console.log(delete o.a, "a" in o, Object.keys(o).join(","));
console.log(delete o.c, Object.keys(o).join(","));
console.log(Object.hasOwn(o, "b"), Object.hasOwn(o, "toString"));
console.log(Object.prototype.hasOwnProperty.call(o, "b"));
const arr = [1, 2, 3];
console.log(1 in arr, 3 in arr, "length" in arr);
delete arr[1];
console.log(arr.length, 1 in arr, arr[1]);
const dict: Record<string, number> = { x: 1, y: 2, z: 3 };
for (const k of Object.keys(dict)) if (dict[k] % 2 === 1) delete dict[k];
console.log(JSON.stringify(dict));
