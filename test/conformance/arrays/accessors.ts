// Checks non-mutating accessors: slice/concat/indexOf/lastIndexOf/includes (NaN and -0)/at/join.
const a = [1, 2, 3, 2, 1, NaN, -0];
console.log(a.slice(1, 3).join(","), a.slice(-2).join(","), a.slice(3, 1).length, a.slice().length);
console.log(a.indexOf(2), a.lastIndexOf(2), a.indexOf(2, 2), a.lastIndexOf(1, -4), a.indexOf(9));
console.log(a.indexOf(NaN), a.includes(NaN), a.includes(0), a.indexOf(0), a.includes(2, 4));
console.log(a.at(0), a.at(-3), a.at(10));
const c: (number | number[])[] = [1, 2];
const d = c.concat([3, 4], 5, [[6]]);
console.log(d.length, JSON.stringify(d), c.length);
console.log([null, undefined, 1].join("-"), [[1, 2], [3]].join(";"), [].join(), [undefined].join());
const words = ["apple", "banana"];
console.log(words.includes("apple"), words.includes("app"), words.indexOf("banana"));
console.log(Array.isArray(a), Array.isArray("abc"), Array.isArray({ length: 0 }));
