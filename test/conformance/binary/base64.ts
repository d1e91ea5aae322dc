// Checks a hand-written base64 encoder/decoder over Uint8Array, incl. padding cases.
const ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function encode(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += ALPHA[(n >> 18) & 63] + ALPHA[(n >> 12) & 63];
    out += i + 1 < b.length ? ALPHA[(n >> 6) & 63] : "=";
    out += i + 2 < b.length ? ALPHA[n & 63] : "=";
  }
  return out;
}
function decode(s: string): Uint8Array {
  const clean = s.replaceAll("=", "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const ch of clean) {
    acc = (acc << 6) | ALPHA.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
const text = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
for (const s of ["", "f", "fo", "foo", "foob", "fooba", "foobar", "Man is distinguished"]) {
  const e = encode(text(s));
  console.log(JSON.stringify(s), e, String.fromCharCode(...decode(e)) === s);
}
const all = new Uint8Array(256).map((_, i) => i);
const enc = encode(all);
console.log(enc.length, enc.slice(0, 20), decode(enc).every((v, i) => v === i));
