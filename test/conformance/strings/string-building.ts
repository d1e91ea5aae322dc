// Checks building large strings piece by piece and reading them back (length, hash, slices).
let s = "";
for (let i = 0; i < 10000; i++) s += String.fromCharCode(97 + (i % 26));
console.log(s.length, s.slice(0, 30), s.slice(-5));
let h = 5381;
for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0;
console.log(h >>> 0);
const parts: string[] = [];
for (let i = 0; i < 1000; i++) parts.push(i.toString(16));
const joined = parts.join(":");
console.log(joined.length, joined.slice(0, 40), joined.lastIndexOf(":"));
let nested = "x";
for (let i = 0; i < 12; i++) nested = nested + nested;
console.log(nested.length, nested === "x".repeat(4096));
const lines: string[] = [];
for (let row = 1; row <= 4; row++) {
  let line = "";
  for (let col = 1; col <= 4; col++) line += String(row * col).padStart(4);
  lines.push(line);
}
console.log(lines.join("\n"));
