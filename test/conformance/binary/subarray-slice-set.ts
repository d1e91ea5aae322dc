// Checks subarray (shared) vs slice (copy), set with offsets and overlap, and ArrayBuffer.slice.
const a = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]);
const sub = a.subarray(2, 5);
const sl = a.slice(2, 5);
sub[0] = 100;
sl[1] = 200;
console.log(Array.from(a).join(","), Array.from(sub).join(","), Array.from(sl).join(","));
console.log(a.subarray(-2).join(","), a.subarray(5, 2).length, a.slice(-3, -1).join(","));
const dst = new Uint8Array(6);
dst.set([9, 8], 1);
dst.set(new Uint8Array([7, 7]), 4);
console.log(dst.join(","));
try {
  dst.set([1, 2, 3], 4);
} catch (e) {
  console.log((e as Error).name);
}
const overlap = new Uint8Array([1, 2, 3, 4, 5, 6]);
overlap.set(overlap.subarray(0, 4), 2);
console.log(overlap.join(","));
const ab = new Uint8Array([10, 20, 30, 40]).buffer;
const part = ab.slice(1, 3);
console.log(part.byteLength, new Uint8Array(part).join(","), ab.slice(-1).byteLength);
const widened = new Uint16Array(new Uint8Array([255, 1, 2]));
console.log(widened.join(","), new Int8Array(new Uint8Array([200, 100])).join(","));
