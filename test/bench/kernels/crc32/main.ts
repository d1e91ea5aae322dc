// Kernel "crc32": table-driven CRC-32 (IEEE 802.3, reflected, poly 0xEDB88320) over 1 MiB of
// deterministic pseudo-random bytes in a Uint8Array, chained over several passes. Prints one line.
const SIZE = 1 << 20;
const PASSES = 12;

function makeTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** xorshift32 bytes: the same stream as baseline.c */
function fill(buf: Uint8Array, seed: number): void {
  let x = seed;
  for (let i = 0; i < buf.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    buf[i] = x & 0xff;
  }
}

function crc32(table: Uint32Array, buf: Uint8Array, start: number): number {
  let crc = ~start >>> 0;
  for (let i = 0; i < buf.length; i++) crc = table[(crc ^ buf[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

function main(): void {
  const table = makeTable();
  const data = new Uint8Array(SIZE);
  fill(data, 2463534242);
  let crc = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    data[pass] ^= 0x5a; // each pass sees different data
    crc = crc32(table, data, crc);
  }
  console.log(`crc32: ${SIZE} bytes x ${PASSES} passes: crc ${crc}`);
}

main();
