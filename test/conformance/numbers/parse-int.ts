// Checks parseInt: radix detection, prefixes, whitespace, junk suffixes, signs and failures.
const inputs = ["42", "  42  ", "-42", "+7", "0x1F", "0X1f", "-0x10", "08", "010", "1e3", "12.9", "abc", "", "  ", "3px", "\t\n 99", "Infinity", "0b101", "123456789012345678901234"];
for (const s of inputs) {
  console.log(JSON.stringify(s), parseInt(s), parseInt(s, 16));
}
console.log(parseInt("z", 36), parseInt("ZZ", 36), parseInt("11", 2), parseInt("12", 2));
console.log(parseInt("10", 0), parseInt("10", 1), parseInt("10", 37), parseInt("10", 37.9));
console.log(Number.parseInt("777", 8), Number.parseInt === parseInt);
console.log(parseInt(String(0.0000005)), parseInt(String(1e21)));
console.log(Object.is(parseInt("-0"), -0));
