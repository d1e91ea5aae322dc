// Checks split with string separators and limits, empty strings and separators at the edges.
console.log("a,b,c".split(","), "a,b,c".split(",", 2), "a,b,c".split(",", 0));
console.log(",a,,b,".split(","), "abc".split(""), "".split(","), "".split(""));
console.log("a, b, c".split(", "), "abc".split("abc"), "abc".split("x"));
console.log("one  two".split(" "), "path/to/file.txt".split("/").pop());
console.log("a-b-c".split("-").join("+"), [1, 2, 3].join(), [1, 2, 3].join(""));
const csv = "name,age\nalice,30\nbob,25";
const rows = csv.split("\n").map((line) => line.split(","));
for (const row of rows) console.log(row.length, row.join("|"));
const parts = "k1=v1;k2=v2;k3".split(";");
for (const p of parts) {
  const [k, v] = p.split("=");
  console.log(k, v === undefined ? "(none)" : v);
}
console.log("x".split("x"), "xx".split("x").length);
