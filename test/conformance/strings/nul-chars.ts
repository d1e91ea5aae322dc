// NUL characters (U+0000) are ordinary string content in JS: searching, splitting, comparing and
// measuring strings that contain (or do not contain) them must not treat NUL as a terminator.
const plain: string = "user";
const withNul: string = "a\u0000b\u0000c";
console.log(plain.indexOf("\u0000"), plain.includes("\u0000"), plain.lastIndexOf("\u0000"));
console.log(withNul.length, withNul.indexOf("\u0000"), withNul.lastIndexOf("\u0000"), withNul.indexOf("\u0000", 2));
console.log(withNul.split("\u0000").join("|"), withNul.split("\u0000").length);
console.log(withNul.includes("b\u0000c"), withNul.startsWith("a\u0000"), withNul.endsWith("\u0000c"));
console.log(withNul.replace("\u0000", "-"), withNul.replaceAll("\u0000", "+"));
console.log(withNul.charCodeAt(1), withNul.slice(1, 4).length, "\u0000".length, "" + "\u0000" === "\u0000");
const abc: string = "abc";
console.log(abc < "abc\u0000", abc + "\u0000" === abc, ["x\u0000", "x"].sort().map((s) => s.length).join(","));
const m = new Map<string, number>([["k", 1], ["k\u0000", 2]]);
console.log(m.size, m.get("k"), m.get("k\u0000"), JSON.stringify(withNul));
console.log(plain.indexOf(""), "".indexOf("\u0000"), "\u0000".indexOf("\u0000"));
