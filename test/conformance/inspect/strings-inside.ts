// Checks how strings are quoted and escaped inside arrays and objects (not at top level).
console.log(["plain"]);
console.log(["it's"]);
console.log(['"double"']);
console.log(["both ' and \""]);
console.log(["tab\there", "nl\nhere"]);
console.log(["back\\slash"]);
console.log({ s: "" });
console.log(["é", "😀"]);
console.log(["\u0001", "\u007f"]);
console.log(["`tick`", "it's `x`"]);
console.log("top 'level'", ["in 'array'"]);
