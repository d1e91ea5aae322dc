// Checks indexOf/lastIndexOf/includes/startsWith/endsWith with positions and empty needles.
const s = "banana bandana";
console.log(s.indexOf("an"), s.indexOf("an", 2), s.indexOf("an", 100), s.indexOf("xyz"));
console.log(s.lastIndexOf("an"), s.lastIndexOf("an", 5), s.lastIndexOf("b", 0), s.lastIndexOf("zz"));
console.log(s.indexOf(""), s.indexOf("", 5), s.indexOf("", 99), s.lastIndexOf(""));
console.log(s.indexOf("a", -5), s.lastIndexOf("a", -5));
console.log(s.includes("band"), s.includes("band", 8), s.includes(""), s.includes("Ban"));
console.log(s.startsWith("ban"), s.startsWith("ana", 1), s.startsWith(""), s.startsWith("bandana", 7));
console.log(s.endsWith("ana"), s.endsWith("banana", 6), s.endsWith("n", 3), s.endsWith(""));
let count = 0;
let pos = s.indexOf("a");
while (pos !== -1) {
  count++;
  pos = s.indexOf("a", pos + 1);
}
console.log("a count", count);
console.log("😀x😀".indexOf("x"), "😀x😀".lastIndexOf("😀"));
