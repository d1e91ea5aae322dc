// Checks trim/trimStart/trimEnd, padStart/padEnd with long and empty fills, repeat and its errors.
const raw = " \t\n hi there \r\n ";
console.log(JSON.stringify(raw.trim()), JSON.stringify(raw.trimStart()), JSON.stringify(raw.trimEnd()));
console.log(JSON.stringify("\u00a0\ufeffx\u2028".trim()));
console.log("5".padStart(3, "0"), "5".padEnd(3, "0"), "abc".padStart(2), "abc".padStart(6));
console.log("abc".padStart(10, "123"), "abc".padEnd(10, "12345"), "abc".padStart(6, ""), "x".padEnd(4) + "|");
console.log("ab".repeat(3), JSON.stringify("ab".repeat(0)), "-".repeat(10));
try {
  "x".repeat(-1);
} catch (e) {
  console.log(e instanceof RangeError, (e as Error).name);
}
const table: [string, number][] = [["apple", 3], ["kiwi", 12], ["banana", 150]];
for (const [name, n] of table) console.log(name.padEnd(8, ".") + String(n).padStart(5));
const hex = (n: number): string => "0x" + n.toString(16).padStart(8, "0");
console.log(hex(255), hex(0xdeadbeef));
