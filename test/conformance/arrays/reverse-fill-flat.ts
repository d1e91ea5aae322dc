// Checks reverse (in place), fill with ranges, flat with depths, flatMap, copyWithin.
const r = [1, 2, 3, 4];
console.log(r.reverse() === r, r.join(","));
console.log(new Array(5).fill(0).join(","), [1, 2, 3, 4, 5].fill(9, 1, 3).join(","), [1, 2, 3].fill(7, -1).join(","));
console.log([1, 2, 3].fill(0, 5).join(","), [1, 2, 3].fill(4, 1, -5).join(","));
const nested = [1, [2, [3, [4, [5]]]]];
console.log(JSON.stringify(nested.flat()), JSON.stringify(nested.flat(2)), JSON.stringify(nested.flat(Infinity)));
console.log([1, , 3, [4, , 6]].flat().length);
console.log(["a b", "c"].flatMap((s) => s.split(" ")).join(","), [1, 2].flatMap((n) => [n, n * 10]).join(","));
console.log([1, 2, 3, 4, 5].copyWithin(0, 3).join(","), [1, 2, 3, 4, 5].copyWithin(1, 0, 2).join(","));
const shared = new Array(2).fill([]);
shared[0].push(1);
console.log(JSON.stringify(shared));
console.log([..."abc"].reverse().join(""), [].reverse().length);
