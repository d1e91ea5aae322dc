// Checks several views over one ArrayBuffer: aliasing, byteOffset/byteLength, little-endian layout.
const buf = new ArrayBuffer(8);
const u8 = new Uint8Array(buf);
const u16 = new Uint16Array(buf);
const u32 = new Uint32Array(buf);
const f64 = new Float64Array(buf);
u32[0] = 0x11223344;
console.log(Array.from(u8.slice(0, 4)).map((b) => b.toString(16)).join(" "), u16[0].toString(16), u16[1].toString(16));
f64[0] = 1;
console.log(Array.from(u8).join(","), u32[1].toString(16));
const tail = new Uint8Array(buf, 4, 2);
tail[0] = 0xab;
console.log(tail.byteOffset, tail.byteLength, tail.length, u8[4].toString(16), buf.byteLength);
const i16 = new Int16Array(buf, 2, 3);
console.log(i16.length, i16.byteOffset, i16.byteLength, u16.BYTES_PER_ELEMENT, Float64Array.BYTES_PER_ELEMENT);
try {
  new Uint32Array(buf, 1);
} catch (e) {
  console.log((e as Error).name);
}
try {
  new Uint8Array(buf, 9);
} catch (e) {
  console.log((e as Error).name);
}
console.log(new Uint8Array(new ArrayBuffer(0)).length, new Uint8Array([1, 2]).buffer.byteLength);
