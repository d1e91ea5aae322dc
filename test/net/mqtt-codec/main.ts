// Unit program for rumpsdk/mqtt-packet, built for --board=host by test/net/mqtt.test.ts: prints one
// line per case ("name: hex bytes" or a decoded packet or "error <code>"); the spec holds the
// expected lines, worked out by hand from the MQTT 3.1.1 standard.
import { utf8Encode } from "rumpsdk/bytes";
import {
  encodeAck, encodeConnect, encodeDisconnect, encodePingreq, encodePublish, encodeRemainingLength,
  encodeSubscribe, encodeUnsubscribe, MqttError, MqttReader, PUBCOMP, PUBACK, PUBREL, withDup, type Packet,
} from "rumpsdk/mqtt-packet";

function hex(b: Uint8Array, max: number = 64): string {
  const parts: string[] = [];
  for (let i = 0; i < b.length && i < max; i++) parts.push((b[i] < 16 ? "0" : "") + b[i].toString(16));
  return parts.join(" ") + (b.length > max ? ` ...(${b.length})` : "");
}

function bytes(s: string): Uint8Array {
  const parts = s.split(" ");
  const b = new Uint8Array(parts.length);
  for (let i = 0; i < parts.length; i++) b[i] = parseInt(parts[i], 16);
  return b;
}

function show(p: Packet): string {
  let s = `type=${p.type}`;
  if (p.type === 2) s += ` sp=${p.sessionPresent} rc=${p.returnCode}`;
  if (p.id) s += ` id=${p.id}`;
  if (p.type === 3) s += ` topic=${p.topic} qos=${p.qos} dup=${p.dup} retain=${p.retain} payload=[${hex(p.payload, 8)}]`;
  if (p.type === 9) s += ` granted=${p.granted.join(",")}`;
  return s;
}

function enc(name: string, f: () => Uint8Array): void {
  try {
    console.log(`${name}: ${hex(f())}`);
  } catch (e) {
    console.log(`${name}: error ${e instanceof MqttError ? e.code : String(e)}`);
  }
}

/** Feeds chunks to a fresh reader; prints every packet or the error. */
function dec(name: string, chunks: Uint8Array[], maxPacket: number = 1024): void {
  const r = new MqttReader(maxPacket);
  const out: string[] = [];
  try {
    for (const c of chunks) {
      r.push(c);
      for (let p = r.next(); p !== undefined; p = r.next()) out.push(show(p));
    }
    out.push(`pending=${r.pending}`);
  } catch (e) {
    out.push(`error ${e instanceof MqttError ? e.code : String(e)}`);
  }
  console.log(`${name}: ${out.join(" | ")}`);
}

function split(b: Uint8Array, at: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (const a of at) { out.push(b.subarray(from, a)); from = a; }
  out.push(b.subarray(from));
  return out;
}

function filled(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = i & 0xff;
  return b;
}

// ---- encoding ----
enc("connect-basic", () => encodeConnect({ clientId: "abc", cleanSession: true, keepAlive: 60 }));
enc("connect-full", () => encodeConnect({ clientId: "c", cleanSession: false, keepAlive: 10, username: "u", password: "p", will: { topic: "w", payload: "bye", qos: 1, retain: true } }));
enc("connect-empty-id", () => encodeConnect({ clientId: "", cleanSession: true, keepAlive: 0 }));
enc("connect-empty-id-session", () => encodeConnect({ clientId: "", cleanSession: false, keepAlive: 0 }));
enc("connect-password-only", () => encodeConnect({ clientId: "x", cleanSession: true, keepAlive: 0, password: "p" }));
enc("publish-qos0", () => encodePublish("a/b", "hi", 0, false, false, 0));
enc("publish-qos1-retain", () => encodePublish("t", new Uint8Array([1, 2]), 1, true, false, 10));
enc("publish-qos1-dup", () => withDup(encodePublish("t", new Uint8Array([1, 2]), 1, true, false, 10)));
enc("publish-qos0-dupflag-ignored", () => encodePublish("t", "", 0, false, true, 0));
enc("publish-utf8-topic", () => encodePublish("\u00e9", "", 0, false, false, 0));
enc("publish-wildcard", () => encodePublish("a/#", "x", 0, false, false, 0));
enc("publish-plus", () => encodePublish("a/+/b", "x", 0, false, false, 0));
enc("publish-empty-topic", () => encodePublish("", "x", 0, false, false, 0));
enc("publish-id0", () => encodePublish("t", "x", 1, false, false, 0));
enc("publish-qos3", () => encodePublish("t", "x", 3, false, false, 1));
enc("publish-rem127", () => encodePublish("t", filled(124), 0, false, false, 0).subarray(0, 4));
enc("publish-rem128", () => encodePublish("t", filled(125), 0, false, false, 0).subarray(0, 5));
enc("publish-rem16383", () => encodePublish("t", filled(16380), 0, false, false, 0).subarray(0, 5));
enc("publish-rem16384", () => encodePublish("t", filled(16381), 0, false, false, 0).subarray(0, 6));
enc("varint-0", () => encodeRemainingLength(0));
enc("varint-2097151", () => encodeRemainingLength(2097151));
enc("varint-2097152", () => encodeRemainingLength(2097152));
enc("varint-max", () => encodeRemainingLength(268435455));
enc("varint-over", () => encodeRemainingLength(268435456));
enc("subscribe", () => encodeSubscribe(1, ["a/+", "#"], [1, 0]));
enc("subscribe-bad-hash", () => encodeSubscribe(1, ["a/#/b"], [0]));
enc("subscribe-bad-plus", () => encodeSubscribe(1, ["a+"], [0]));
enc("unsubscribe", () => encodeUnsubscribe(2, ["a/+"]));
enc("puback", () => encodeAck(PUBACK, 0x1234));
enc("pubrel", () => encodeAck(PUBREL, 5));
enc("pubcomp", () => encodeAck(PUBCOMP, 65535));
enc("pingreq", () => encodePingreq());
enc("disconnect", () => encodeDisconnect());

// ---- decoding ----
dec("connack", [bytes("20 02 00 00")]);
dec("connack-session", [bytes("20 02 01 00")]);
dec("connack-refused", [bytes("20 02 00 05")]);
const pub = bytes("30 07 00 03 61 2f 62 68 69");
const chunks: Uint8Array[] = [];
for (let i = 0; i < pub.length; i++) chunks.push(pub.subarray(i, i + 1));
dec("publish-bytewise", chunks);
dec("coalesced", [bytes("20 02 00 00 90 03 00 01 01 d0 00 32 08 00 01 74 00 0a 68 69 21 40 02 00 07 50 02 00 08 62 02 00 09 70 02 00 0a b0 02 00 0b")]);
const big = new Uint8Array(3 + 203);
big.set(bytes("30 cb 01 00 01 74"), 0);
big.set(filled(200), 6);
dec("publish-split-varint", split(big, [2, 100]));
dec("two-and-a-half", [bytes("d0 00 d0 00 d0")]);
dec("publish-qos2-dup", [bytes("3c 06 00 01 74 00 05 ff")]);
dec("suback-failure", [bytes("90 04 00 02 01 80")]);
dec("utf8-topic", [utf8Encode("\u0030\u0005\u0000\u0003t\u00e9")]);
// malformed input: each must be an error, never a crash
dec("bad-connack-length", [bytes("20 03 00 00 00")]);
dec("bad-connack-flags", [bytes("20 02 02 00")]);
dec("bad-connack-code", [bytes("20 02 00 06")]);
dec("bad-connect-from-server", [bytes("10 00")]);
dec("bad-subscribe-from-server", [bytes("82 00")]);
dec("bad-type-0", [bytes("00 00")]);
dec("bad-type-15", [bytes("f0 00")]);
dec("bad-qos3", [bytes("36 05 00 01 74 00 01")]);
dec("bad-qos0-dup", [bytes("38 03 00 01 74")]);
dec("bad-varint-5", [bytes("30 ff ff ff ff 01")]);
dec("bad-puback-flags", [bytes("42 02 00 01")]);
dec("bad-puback-length", [bytes("40 03 00 01 00")]);
dec("bad-pubrel-flags", [bytes("60 02 00 01")]);
dec("bad-topic-overrun", [bytes("30 05 00 05 61 62 63")]);
dec("bad-empty-topic", [bytes("30 02 00 00")]);
dec("bad-publish-short", [bytes("30 01 00")]);
dec("bad-id0", [bytes("32 05 00 01 74 00 00")]);
dec("bad-id-missing", [bytes("32 04 00 01 74 00")]);
dec("bad-utf8-overlong", [bytes("30 04 00 02 c0 80")]);
dec("bad-utf8-surrogate", [bytes("30 05 00 03 ed a0 80")]);
dec("bad-utf8-nul", [bytes("30 03 00 01 00")]);
dec("bad-topic-wildcard", [bytes("30 03 00 01 23")]);
dec("bad-suback-code", [bytes("90 03 00 01 03")]);
dec("bad-suback-empty", [bytes("90 02 00 01")]);
dec("bad-pingresp-length", [bytes("d0 01 00")]);
dec("too-large", [bytes("30 e8 07 00")], 100);
console.log("done");
