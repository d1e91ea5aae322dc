// Checks a table-driven CRC-32 (IEEE) over byte buffers: unsigned results and known check values.
const table = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  table[n] = c >>> 0;
}
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
console.log(crc32(ascii("123456789")).toString(16));
console.log(crc32(ascii("")), crc32(ascii("a")).toString(16));
console.log(crc32(ascii("The quick brown fox jumps over the lazy dog")).toString(16).padStart(8, "0"));
const big = new Uint8Array(65536);
for (let i = 0; i < big.length; i++) big[i] = (i * 31 + 7) & 0xff;
console.log(crc32(big), crc32(big.subarray(1000, 2000)).toString(16));
console.log(table[1].toString(16), table[255].toString(16));
