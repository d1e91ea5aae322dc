// Checks UTF-16 semantics: length and indexing of surrogate pairs and emoji, code points.
const s = "a😀b";
console.log(s.length, s[0], s.charCodeAt(1), s.charCodeAt(2), s[3]);
console.log(s.codePointAt(1), s.codePointAt(2), s.codePointAt(3), s.codePointAt(9));
console.log([...s].length, Array.from(s).length);
for (const ch of s) console.log(ch, ch.length);
const family = "👨‍👩‍👧";
console.log(family.length, [...family].length);
const composed: string = "\u00e9";
const decomposed: string = "e\u0301";
console.log(composed.length, decomposed.length, composed === decomposed);
console.log(String.fromCharCode(0xd83d, 0xde00) === "😀");
console.log(String.fromCodePoint(0x1f600, 65), String.fromCodePoint(0x10ffff).length);
console.log("😀".split("").length, "😀".split("").map((c) => c.charCodeAt(0).toString(16)));
console.log(s.slice(1, 3), s.slice(1, 2).length, s.at(-1), s.at(-2)?.charCodeAt(0));
console.log("日本語".length, "日本語"[1], "日本語".charCodeAt(2));
const reversed = [..."ab😀c"].reverse().join("");
console.log(reversed, reversed.length);
console.log("\u00e9\u{1F600}".length, "\x41\u0042\u{43}");
