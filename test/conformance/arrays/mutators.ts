// Checks push/pop/shift/unshift/splice return values and effects, incl. empty arrays and odd indices.
const a: number[] = [];
console.log(a.push(1), a.push(2, 3), a.unshift(0), a.unshift(-2, -1), a.join(","));
console.log(a.pop(), a.shift(), a.join(","), a.length);
const empty: number[] = [];
console.log(empty.pop(), empty.shift(), empty.length);
const s = [0, 1, 2, 3, 4, 5, 6];
console.log(s.splice(2, 2).join(","), s.join(","));
console.log(s.splice(-2).join(","), s.join(","));
console.log(s.splice(1, 0, 10, 11).length, s.join(","));
console.log(s.splice(1, 1, 99).join(","), s.join(","));
console.log(s.splice(100, 1, 7).length, s.join(","));
console.log(s.splice(-100, 1).join(","), s.join(","));
console.log(s.splice(1, -5).length, s.splice(0).join(","), s.length);
const q = [1, 2, 3];
q.length = 1;
console.log(q.join(","), q.length);
q.length = 3;
console.log(q.join(","), q[2], 2 in q);
