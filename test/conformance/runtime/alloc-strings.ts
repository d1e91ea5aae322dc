// Checks string garbage: 200000 temporary strings from concatenation and number formatting.
let totalLength = 0;
let hash = 0;
for (let i = 0; i < 200000; i++) {
  const s = "item-" + i + ":" + (i * 0.5).toFixed(1);
  totalLength += s.length;
  if (i % 50000 === 0) console.log(s);
  hash = (hash * 31 + s.charCodeAt(s.length - 1)) | 0;
}
console.log(totalLength, hash);
let kept = "";
for (let i = 0; i < 200000; i++) {
  const piece = String(i % 10);
  if (i % 1000 === 0) kept += piece;
}
console.log(kept.length, kept.slice(0, 20));
const parts: string[] = [];
for (let round = 0; round < 20; round++) {
  parts.length = 0;
  for (let i = 0; i < 5000; i++) parts.push(`r${round}-${i}`);
}
const joined = parts.join(",");
console.log(joined.length, joined.slice(0, 24));
