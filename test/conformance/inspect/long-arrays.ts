// Checks util.inspect grouping: arrays over 6 items are aligned in columns, over 72 chars wrap.
console.log([1, 2, 3, 4, 5, 6, 7]);
console.log([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
const xs: number[] = [];
for (let i = 0; i < 30; i++) xs.push(i * 37);
console.log(xs);
const words: string[] = [];
for (let i = 0; i < 12; i++) words.push("word" + i);
console.log(words);
const long: string[] = ["a fairly long string number one", "another fairly long string", "and a third"];
console.log(long);
const big: number[] = [];
for (let i = 0; i < 150; i++) big.push(i);
console.log(big);
console.log([1.5, 22.25, 333.125, 4, 55555, 6, 7.75, 8, 9]);
