// Checks DataView getters/setters for all widths in big- and little-endian byte order.
const buf = new ArrayBuffer(16);
const dv = new DataView(buf);
const bytes = new Uint8Array(buf);
const hex = (): string => Array.from(bytes).map((b) => b.toString(16).padStart(2, "0")).join("");
dv.setUint32(0, 0xdeadbeef);
dv.setUint32(4, 0xdeadbeef, true);
dv.setInt16(8, -2);
dv.setInt16(10, -2, true);
dv.setUint16(12, 0x1234, true);
dv.setInt8(14, -1);
dv.setUint8(15, 0x7f);
console.log(hex());
console.log(dv.getUint32(0).toString(16), dv.getUint32(0, true).toString(16), dv.getInt32(0), dv.getInt32(4, true));
console.log(dv.getInt16(8), dv.getUint16(8), dv.getInt16(10, true), dv.getUint16(12).toString(16), dv.getUint16(12, true).toString(16));
console.log(dv.getInt8(14), dv.getUint8(14), dv.getUint8(15));
dv.setFloat32(0, 1.5);
dv.setFloat64(8, -0.1, true);
console.log(hex());
console.log(dv.getFloat32(0), dv.getFloat32(0, true), dv.getFloat64(8, true), dv.getFloat64(8));
dv.setFloat32(4, 0.1, true);
console.log(dv.getFloat32(4, true), dv.getUint32(4, true).toString(16));
const view = new DataView(buf, 4, 4);
console.log(view.byteOffset, view.byteLength, view.getUint8(0) === bytes[4]);
try {
  view.getUint32(1);
} catch (e) {
  console.log((e as Error).name);
}
dv.setUint16(0, 70000);
console.log(dv.getUint16(0));
