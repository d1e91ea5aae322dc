// Checks charCodeAt/codePointAt/charAt/fromCharCode, out-of-range indices and wraparound.
const s = "Hello";
console.log(s.charCodeAt(0), s.charCodeAt(4), s.charCodeAt(5), s.charCodeAt(-1));
console.log(s.charAt(1), JSON.stringify(s.charAt(10)), s.codePointAt(0));
console.log(String.fromCharCode(72, 105), String.fromCharCode(), String.fromCharCode(0x10041));
console.log(String.fromCharCode(65.9), String.fromCharCode(-1).charCodeAt(0));
let caesar = "";
for (const ch of "Attack at Dawn!") {
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) caesar += String.fromCharCode(((c - 65 + 13) % 26) + 65);
  else if (c >= 97 && c <= 122) caesar += String.fromCharCode(((c - 97 + 13) % 26) + 97);
  else caesar += ch;
}
console.log(caesar);
const codes: number[] = [];
for (let i = 0; i < 5; i++) codes.push("abcde".charCodeAt(i) - 96);
console.log(codes.join(","));
console.log("\0".charCodeAt(0), "\n".charCodeAt(0), "\t".length, "\\".charCodeAt(0));
console.log(String.fromCharCode(...[0x48, 0x49, 0x21]));
