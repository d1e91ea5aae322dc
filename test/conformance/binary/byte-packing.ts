// Checks manual byte packing: a little binary record format written and read with DataView and shifts.
interface Rec {
  id: number;
  temp: number;
  flags: number;
  name: string;
}
function encode(r: Rec): Uint8Array {
  const out = new Uint8Array(4 + 4 + 1 + 1 + r.name.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, r.id, true);
  dv.setFloat32(4, r.temp, false);
  out[8] = r.flags;
  out[9] = r.name.length;
  for (let i = 0; i < r.name.length; i++) out[10 + i] = r.name.charCodeAt(i);
  return out;
}
function decode(b: Uint8Array): Rec {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const len = b[9];
  return { id: dv.getUint32(0, true), temp: dv.getFloat32(4), flags: b[8], name: String.fromCharCode(...b.subarray(10, 10 + len)) };
}
const rec: Rec = { id: 0xcafebabe, temp: 21.5, flags: 0b1010, name: "sensor" };
const bytes = encode(rec);
console.log(Array.from(bytes).map((x) => x.toString(16).padStart(2, "0")).join(" "));
console.log(JSON.stringify(decode(bytes)));
const u16be = (hi: number, lo: number): number => ((hi << 8) | lo) & 0xffff;
const u32le = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
console.log(u16be(0x12, 0x34).toString(16), u32le(bytes, 0).toString(16), u32le(bytes, 0) === rec.id);
