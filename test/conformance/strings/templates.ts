// Checks template literals: nested expressions, nested templates, escapes, multi-line text.
const name = "world";
const n = 3;
console.log(`hello ${name}`, `${n} + ${n} = ${n + n}`);
console.log(`${n > 2 ? `big ${n * 10}` : "small"}`);
console.log(`a${`b${`c${1 + 1}`}`}d`);
console.log(`list: ${[1, 2, 3].map((x) => `<${x}>`).join("")}`);
console.log(`${null} ${undefined} ${true} ${-0} ${NaN} ${[1, [2, 3]]} ${{}}`);
console.log(`tab\there`, `dollar \${x} and $ alone`, `back\`tick`);
const multi = `line1
  line2
line3`;
console.log(multi);
console.log(multi.split("\n").length);
console.log(`${"x".repeat(3)}${1e21}${0.1 + 0.2}`);
const obj = { a: 1, toString(): string { return "OBJ"; } };
console.log(`${obj}`, `${[obj, obj]}`);
console.log(`\u0041\x42\u{1F600}`.length);
console.log(String.raw`a\nb${1}\t`);
