// Checks slice/substring/substr-free slicing: negative, swapped, NaN and out-of-range arguments.
const s = "abcdefgh";
console.log(s.slice(2), s.slice(2, 5), s.slice(-3), s.slice(-3, -1), s.slice(5, 2), s.slice(-100, 2));
console.log(s.substring(2, 5), s.substring(5, 2), s.substring(-3), s.substring(-3, 2), s.substring(NaN, 3));
console.log(s.slice(0, 100), JSON.stringify(s.slice(8)), JSON.stringify(s.substring(4, 4)));
console.log(s.slice(1.7, 4.2), s.substring(1.7, 4.9));
console.log(s.at(0), s.at(-1), s.at(100), s.at(-9));
console.log(s.slice(), s.substring(0) === s);
const words = "the quick brown fox";
const first = words.slice(0, words.indexOf(" "));
const last = words.slice(words.lastIndexOf(" ") + 1);
console.log(first, last);
console.log("abc".slice(-0), "abc".substring(Infinity), "abc".slice(1, -1));
