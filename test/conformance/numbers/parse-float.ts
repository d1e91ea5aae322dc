// Checks parseFloat and Number(): edge inputs, whitespace, exponents, hex, empty strings.
const inputs = ["3.14", "  3.14abc", "-.5", "+.5e2", "1e400", "-1e-400", ".", "e5", "1e", "1.2.3", "Infinity", "-Infinityx", "0x10", "", " ", "\n", "12_000", "0b11", "0o17", "1,000", "00012", "-0"];
for (const s of inputs) {
  console.log(JSON.stringify(s), parseFloat(s), Number(s));
}
console.log(Number(null), Number(undefined), Number(true), Number(false));
console.log(Number([]), Number([5]), Number([1, 2]), Number({}));
console.log(+"  42  ", +"4 2", -"3", +"\t7\t");
console.log(Number.parseFloat("1.5e3"), Number.parseFloat === parseFloat);
console.log(Object.is(parseFloat("-0"), -0), Object.is(Number("-0"), -0));
