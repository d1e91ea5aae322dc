// rumpsdk/mqtt-packet: MQTT 3.1.1 control packets (OASIS standard, 2014) as bytes, without I/O.
// The client in mqtt.ts uses it; it is exported for tests and for tools that speak MQTT themselves.
//   import { encodePublish, MqttReader } from "rumpsdk/mqtt-packet";
//
// Every packet is a fixed header (type << 4 | flags, then the "remaining length" as a varint of
// 7-bit groups, least significant first, at most 4 bytes), a variable header and a payload.
// Strings are a 16-bit big-endian byte count and UTF-8. The reader takes the bytes of a TCP
// stream in chunks of any size (partial and coalesced packets) and hands out whole packets; a
// packet a server may not send, or one that breaks the spec's rules, throws an MqttError with
// code "malformed" (the client then closes the connection).
import { utf8Decode, utf8Encode } from "./bytes";

export const CONNECT = 1;
export const CONNACK = 2;
export const PUBLISH = 3;
export const PUBACK = 4;
export const PUBREC = 5;
export const PUBREL = 6;
export const PUBCOMP = 7;
export const SUBSCRIBE = 8;
export const SUBACK = 9;
export const UNSUBSCRIBE = 10;
export const UNSUBACK = 11;
export const PINGREQ = 12;
export const PINGRESP = 13;
export const DISCONNECT = 14;

/** The largest remaining length the 4-byte varint can say (268,435,455). */
export const MAX_REMAINING = 268435455;

/**
 * An MQTT failure. code: "malformed" (bad bytes from the broker), "too-large", "invalid"
 * (a bad argument: topic, string too long...), "refused" (CONNACK return code in returnCode),
 * "timeout", "closed", "not-connected", "queue-full", "subscribe-failed".
 */
export class MqttError extends Error {
  code: string;
  returnCode: number;
  constructor(code: string, message: string, returnCode: number = -1) {
    super(message);
    this.name = "MqttError";
    this.code = code;
    this.returnCode = returnCode;
  }
}

/** The meaning of a CONNACK return code (3.2.2.3). */
export function connackReason(code: number): string {
  switch (code) {
    case 0: return "accepted";
    case 1: return "unacceptable protocol version";
    case 2: return "identifier rejected";
    case 3: return "server unavailable";
    case 4: return "bad user name or password";
    case 5: return "not authorized";
  }
  return `return code ${code}`;
}

/** One decoded packet; the fields that do not apply to its type are 0, false, "" or empty. */
export interface Packet {
  type: number;
  flags: number;
  /** packet identifier (PUBLISH with QoS > 0, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK) */
  id: number;
  /** PUBLISH */
  topic: string;
  payload: Uint8Array;
  qos: number;
  dup: boolean;
  retain: boolean;
  /** CONNACK */
  sessionPresent: boolean;
  returnCode: number;
  /** SUBACK: the granted QoS (0, 1, 2) or 0x80 (failure) per topic filter */
  granted: number[];
}

// ---- encoding ----

/** Bytes of the remaining-length varint for n. */
export function varintSize(n: number): number {
  return n < 128 ? 1 : n < 16384 ? 2 : n < 2097152 ? 3 : 4;
}

/** Writes n as the remaining-length varint at b[at]; returns the index after it. */
function writeRemainingLength(b: Uint8Array, at: number, n: number): number {
  let pos = at;
  do {
    let d = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) d |= 0x80;
    b[pos++] = d;
  } while (n > 0);
  return pos;
}

/** The remaining-length varint of n (0..268,435,455) as bytes. */
export function encodeRemainingLength(n: number): Uint8Array {
  if (!(n >= 0 && n <= MAX_REMAINING)) throw new MqttError("too-large", `remaining length ${n} is not in 0..${MAX_REMAINING}`);
  const b = new Uint8Array(varintSize(n));
  writeRemainingLength(b, 0, n);
  return b;
}

/** A packet being written into an exactly sized array. */
class Out {
  buf: Uint8Array;
  pos = 0;
  constructor(first: number, remaining: number) {
    if (remaining > MAX_REMAINING) throw new MqttError("too-large", `packet of ${remaining} bytes is over MQTT's limit`);
    this.buf = new Uint8Array(1 + varintSize(remaining) + remaining);
    this.byte(first);
    this.pos = writeRemainingLength(this.buf, 1, remaining);
  }
  byte(b: number): void {
    this.buf[this.pos++] = b;
  }
  u16(n: number): void {
    this.buf[this.pos++] = (n >> 8) & 0xff;
    this.buf[this.pos++] = n & 0xff;
  }
  bytes(b: Uint8Array): void {
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  /** a length-prefixed string or binary field */
  field(b: Uint8Array): void {
    this.u16(b.length);
    this.bytes(b);
  }
}

/** The UTF-8 of a string field, checked against the 65,535-byte limit. */
function strField(s: string, what: string): Uint8Array {
  const b = utf8Encode(s);
  if (b.length > 65535) throw new MqttError("invalid", `${what} is longer than 65535 bytes`);
  if (s.indexOf("\u0000") >= 0) throw new MqttError("invalid", `${what} contains U+0000`);
  return b;
}

function binField(v: string | Uint8Array, what: string): Uint8Array {
  const b = typeof v === "string" ? utf8Encode(v) : v;
  if (b.length > 65535) throw new MqttError("invalid", `${what} is longer than 65535 bytes`);
  return b;
}

function checkId(id: number): void {
  if (!(id >= 1 && id <= 65535 && Math.floor(id) === id)) throw new MqttError("invalid", `packet identifier ${id} is not in 1..65535`);
}

function checkQos(qos: number): void {
  if (qos !== 0 && qos !== 1 && qos !== 2) throw new MqttError("invalid", `QoS ${qos} is not 0, 1 or 2`);
}

/** A topic name for PUBLISH: non-empty, no wildcards. */
export function checkTopicName(topic: string): void {
  if (topic.length === 0) throw new MqttError("invalid", "empty topic name");
  if (topic.indexOf("+") >= 0 || topic.indexOf("#") >= 0) throw new MqttError("invalid", `topic name "${topic}" contains a wildcard`);
}

/** A topic filter for SUBSCRIBE/UNSUBSCRIBE: non-empty, "#" only last and alone in its level, "+" alone in its level. */
export function checkTopicFilter(filter: string): void {
  if (filter.length === 0) throw new MqttError("invalid", "empty topic filter");
  const levels = filter.split("/");
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i];
    if (l.indexOf("#") >= 0 && (l !== "#" || i !== levels.length - 1)) throw new MqttError("invalid", `topic filter "${filter}": "#" must be the whole last level`);
    if (l.indexOf("+") >= 0 && l !== "+") throw new MqttError("invalid", `topic filter "${filter}": "+" must be a whole level`);
  }
}

export interface Will {
  topic: string;
  payload: string | Uint8Array;
  qos?: number;
  retain?: boolean;
}

export interface ConnectFields {
  clientId: string;
  cleanSession: boolean;
  /** seconds, 0..65535 (0: no keep-alive) */
  keepAlive: number;
  username?: string;
  password?: string | Uint8Array;
  will?: Will;
}

/** CONNECT (3.1): protocol "MQTT" level 4, flags, keep-alive, then client id, will, user name, password. */
export function encodeConnect(c: ConnectFields): Uint8Array {
  const id = strField(c.clientId, "client identifier");
  if (id.length === 0 && !c.cleanSession) throw new MqttError("invalid", "an empty client identifier needs a clean session");
  if (!(c.keepAlive >= 0 && c.keepAlive <= 65535)) throw new MqttError("invalid", `keep-alive ${c.keepAlive} is not in 0..65535 seconds`);
  let flags = c.cleanSession ? 0x02 : 0;
  let rem = 10 + 2 + id.length;
  let willTopic: Uint8Array = new Uint8Array(0);
  let willMsg: Uint8Array = new Uint8Array(0);
  const will = c.will;
  if (will !== undefined) {
    checkTopicName(will.topic);
    const q = will.qos ?? 0;
    checkQos(q);
    willTopic = strField(will.topic, "will topic");
    willMsg = binField(will.payload, "will message");
    flags |= 0x04 | (q << 3) | (will.retain ? 0x20 : 0);
    rem += 2 + willTopic.length + 2 + willMsg.length;
  }
  let user: Uint8Array = new Uint8Array(0);
  let pass: Uint8Array = new Uint8Array(0);
  if (c.username !== undefined) {
    user = strField(c.username, "user name");
    flags |= 0x80;
    rem += 2 + user.length;
  }
  if (c.password !== undefined) {
    if (c.username === undefined) throw new MqttError("invalid", "a password needs a user name in MQTT 3.1.1");
    pass = binField(c.password, "password");
    flags |= 0x40;
    rem += 2 + pass.length;
  }
  const o = new Out(CONNECT << 4, rem);
  o.u16(4);
  o.byte(0x4d); o.byte(0x51); o.byte(0x54); o.byte(0x54); // "MQTT"
  o.byte(4); // protocol level 4 = 3.1.1
  o.byte(flags);
  o.u16(c.keepAlive);
  o.field(id);
  if (will !== undefined) {
    o.field(willTopic);
    o.field(willMsg);
  }
  if (c.username !== undefined) o.field(user);
  if (c.password !== undefined) o.field(pass);
  return o.buf;
}

/** PUBLISH (3.3): flags DUP (bit 3), QoS (bits 2-1), RETAIN (bit 0); topic; packet id when QoS > 0; payload. */
export function encodePublish(topic: string, payload: string | Uint8Array, qos: number, retain: boolean, dup: boolean, id: number): Uint8Array {
  checkTopicName(topic);
  checkQos(qos);
  if (qos > 0) checkId(id);
  const t = strField(topic, "topic name");
  const p = typeof payload === "string" ? utf8Encode(payload) : payload;
  const o = new Out((PUBLISH << 4) | (dup && qos > 0 ? 0x08 : 0) | (qos << 1) | (retain ? 1 : 0), 2 + t.length + (qos > 0 ? 2 : 0) + p.length);
  o.field(t);
  if (qos > 0) o.u16(id);
  o.bytes(p);
  return o.buf;
}

/** PUBLISH bytes again with the DUP flag set (for a retransmission of QoS 1/2). */
export function withDup(publish: Uint8Array): Uint8Array {
  const b = publish.slice(0);
  if ((b[0] & 0x06) !== 0) b[0] |= 0x08;
  return b;
}

/** The two-byte-id acknowledgements: PUBACK, PUBREC, PUBREL (flags 0b0010), PUBCOMP, UNSUBACK. */
export function encodeAck(type: number, id: number): Uint8Array {
  checkId(id);
  const o = new Out((type << 4) | (type === PUBREL ? 0x02 : 0), 2);
  o.u16(id);
  return o.buf;
}

/** SUBSCRIBE (3.8): flags 0b0010, packet id, then (filter, requested QoS) pairs. */
export function encodeSubscribe(id: number, filters: string[], qos: number[]): Uint8Array {
  checkId(id);
  if (filters.length === 0 || filters.length !== qos.length) throw new MqttError("invalid", "SUBSCRIBE needs at least one filter and a QoS for each");
  const fs: Uint8Array[] = [];
  let rem = 2;
  for (let i = 0; i < filters.length; i++) {
    checkTopicFilter(filters[i]);
    checkQos(qos[i]);
    const f = strField(filters[i], "topic filter");
    fs.push(f);
    rem += 2 + f.length + 1;
  }
  const o = new Out((SUBSCRIBE << 4) | 0x02, rem);
  o.u16(id);
  for (let i = 0; i < fs.length; i++) {
    o.field(fs[i]);
    o.byte(qos[i]);
  }
  return o.buf;
}

/** UNSUBSCRIBE (3.10): flags 0b0010, packet id, then filters. */
export function encodeUnsubscribe(id: number, filters: string[]): Uint8Array {
  checkId(id);
  if (filters.length === 0) throw new MqttError("invalid", "UNSUBSCRIBE needs at least one filter");
  const fs: Uint8Array[] = [];
  let rem = 2;
  for (const f of filters) {
    checkTopicFilter(f);
    const b = strField(f, "topic filter");
    fs.push(b);
    rem += 2 + b.length;
  }
  const o = new Out((UNSUBSCRIBE << 4) | 0x02, rem);
  o.u16(id);
  for (const b of fs) o.field(b);
  return o.buf;
}

/** PINGREQ: C0 00. */
export function encodePingreq(): Uint8Array {
  return new Out(PINGREQ << 4, 0).buf;
}

/** DISCONNECT: E0 00. */
export function encodeDisconnect(): Uint8Array {
  return new Out(DISCONNECT << 4, 0).buf;
}

// ---- decoding ----

function malformed(msg: string): MqttError {
  return new MqttError("malformed", `malformed packet from the broker: ${msg}`);
}

/** Strict UTF-8 check of b[from, to) for MQTT strings: no overlongs, surrogates, > U+10FFFF or U+0000 (1.5.3). */
function validUtf8(b: Uint8Array, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 0x80) { i++; continue; }
    let n = 0;
    let cp = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) { n = 1; cp = c & 0x1f; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; cp = c & 0x0f; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; cp = c & 0x07; min = 0x10000; }
    else return false;
    if (i + n >= to) return false; // truncated sequence
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if ((d & 0xc0) !== 0x80) return false;
      cp = cp * 64 + (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

function emptyPacket(type: number, flags: number): Packet {
  return { type, flags, id: 0, topic: "", payload: new Uint8Array(0), qos: 0, dup: false, retain: false, sessionPresent: false, returnCode: 0, granted: [] };
}

/** Decodes the body b[from, to) of a packet a server sends (CONNACK, PUBLISH, PUB*, SUBACK, UNSUBACK, PINGRESP). */
export function decodeServerPacket(first: number, b: Uint8Array, from: number, to: number): Packet {
  const type = first >> 4;
  const flags = first & 0x0f;
  const len = to - from;
  const p = emptyPacket(type, flags);
  const fixedFlags = type === PUBREL ? 0x02 : 0;
  if (type !== PUBLISH && flags !== fixedFlags) throw malformed(`packet type ${type} with flags ${flags}`);
  switch (type) {
    case CONNACK:
      if (len !== 2) throw malformed(`CONNACK of ${len} bytes`);
      if ((b[from] & 0xfe) !== 0) throw malformed("CONNACK with reserved flags set");
      if (b[from + 1] > 5) throw malformed(`CONNACK return code ${b[from + 1]}`);
      p.sessionPresent = (b[from] & 1) === 1;
      p.returnCode = b[from + 1];
      if (p.returnCode !== 0 && p.sessionPresent) throw malformed("refusing CONNACK with session present");
      return p;
    case PUBLISH: {
      p.qos = (flags >> 1) & 3;
      p.dup = (flags & 0x08) !== 0;
      p.retain = (flags & 1) !== 0;
      if (p.qos === 3) throw malformed("PUBLISH with QoS 3");
      if (p.qos === 0 && p.dup) throw malformed("PUBLISH with QoS 0 and DUP");
      if (len < 2) throw malformed("PUBLISH without a topic");
      const tlen = (b[from] << 8) | b[from + 1];
      let pos = from + 2 + tlen;
      if (pos > to) throw malformed("PUBLISH topic longer than the packet");
      if (tlen === 0) throw malformed("PUBLISH with an empty topic");
      if (!validUtf8(b, from + 2, pos)) throw malformed("PUBLISH topic is not valid UTF-8");
      p.topic = utf8Decode(b, from + 2, pos);
      if (p.topic.indexOf("+") >= 0 || p.topic.indexOf("#") >= 0) throw malformed("PUBLISH topic with a wildcard");
      if (p.qos > 0) {
        if (pos + 2 > to) throw malformed("PUBLISH without a packet identifier");
        p.id = (b[pos] << 8) | b[pos + 1];
        if (p.id === 0) throw malformed("PUBLISH with packet identifier 0");
        pos += 2;
      }
      p.payload = b.slice(pos, to);
      return p;
    }
    case PUBACK:
    case PUBREC:
    case PUBREL:
    case PUBCOMP:
    case UNSUBACK:
      if (len !== 2) throw malformed(`packet type ${type} of ${len} bytes`);
      p.id = (b[from] << 8) | b[from + 1];
      if (p.id === 0) throw malformed(`packet type ${type} with packet identifier 0`);
      return p;
    case SUBACK:
      if (len < 3) throw malformed(`SUBACK of ${len} bytes`);
      p.id = (b[from] << 8) | b[from + 1];
      if (p.id === 0) throw malformed("SUBACK with packet identifier 0");
      for (let i = from + 2; i < to; i++) {
        const g = b[i];
        if (g !== 0 && g !== 1 && g !== 2 && g !== 0x80) throw malformed(`SUBACK return code ${g}`);
        p.granted.push(g);
      }
      return p;
    case PINGRESP:
      if (len !== 0) throw malformed(`PINGRESP of ${len} bytes`);
      return p;
  }
  throw malformed(`packet type ${type} is not one a server sends`);
}

/**
 * Reassembles packets from a byte stream: push() each chunk as it arrives, then call next() until it
 * returns undefined. next() throws MqttError "malformed" or "too-large"; after that the stream is
 * unusable (close the connection).
 */
export class MqttReader {
  private buf: Uint8Array;
  private start = 0;
  private end = 0;
  /** the largest packet accepted (fixed header included), bytes */
  maxPacket: number;

  constructor(maxPacket: number = 256 * 1024) {
    this.maxPacket = maxPacket;
    this.buf = new Uint8Array(512);
  }

  /** Bytes received but not yet handed out as a packet. */
  get pending(): number {
    return this.end - this.start;
  }

  /** Forgets everything buffered (a new connection). */
  reset(): void {
    this.start = 0;
    this.end = 0;
  }

  push(chunk: Uint8Array): void {
    const n = chunk.length;
    if (this.end + n > this.buf.length) {
      // move the unread bytes to the front of an array big enough for them and the chunk
      const live = this.end - this.start;
      let cap = this.buf.length;
      while (cap < live + n) cap *= 2;
      const nb = new Uint8Array(cap);
      nb.set(this.buf.subarray(this.start, this.end), 0);
      this.buf = nb;
      this.start = 0;
      this.end = live;
    }
    this.buf.set(chunk, this.end);
    this.end += n;
  }

  next(): Packet | undefined {
    const avail = this.end - this.start;
    if (avail < 2) return undefined;
    const b = this.buf;
    let rem = 0;
    let mul = 1;
    let i = 1;
    for (;;) {
      if (i >= avail) return undefined; // the length is not complete yet
      const d = b[this.start + i];
      rem += (d & 0x7f) * mul;
      i++;
      if ((d & 0x80) === 0) break;
      if (i > 4) throw malformed("remaining length longer than 4 bytes");
      mul *= 128;
    }
    if (i + rem > this.maxPacket) throw new MqttError("too-large", `packet of ${i + rem} bytes from the broker is over the limit of ${this.maxPacket}`);
    if (avail < i + rem) return undefined;
    const from = this.start + i;
    const to = from + rem;
    const first = b[this.start];
    this.start = to;
    if (this.start === this.end) {
      this.start = 0;
      this.end = 0;
    }
    // decode after the bookkeeping: payloads are copied out, so the buffer may be reused
    return decodeServerPacket(first, b, from, to);
  }
}
