// rumpsdk/sntp: the time of day from an NTP server (SNTP v4, RFC 4330) over UDP, and a wall clock.
//   import { sntpTime, syncClock, wallClock, formatUtc } from "rumpsdk/sntp";
//   sntpTime("pool.ntp.org", (err, unixMs) => console.log(formatUtc(unixMs)));
//   syncClock("10.0.2.2", (err) => { if (!err) console.log(formatUtc(wallClock()!)); });
//
// A query is one 48-byte datagram: LI 0, version 4, mode 3 (client) and a transmit timestamp the
// server echoes as "originate" (the reply is matched on it). With t1/t4 the local send/receive
// times (uptime) and T2/T3 the server's receive/transmit times: offset = ((T2 - t1) + (T3 - t4)) / 2,
// delay = (t4 - t1) - (T3 - T2). The device has no battery clock: the wall clock is uptime + offset.
import { NetError, UdpSocket } from "./net.ts";
import { uptime } from "./sys.ts";

/** Seconds from the NTP epoch (1900-01-01) to the Unix epoch (1970-01-01). */
const NTP_TO_UNIX = 2208988800;
const TWO_32 = 4294967296;

export interface SntpOptions {
  /** the server's UDP port (default 123) */
  port?: number;
  /** how long to wait for each answer (default 2000 ms) */
  timeoutMs?: number;
  /** queries sent before giving up (default 3) */
  attempts?: number;
}

export interface SntpResult {
  /** the time of day (ms since 1970, UTC) when the answer arrived */
  unixMs: number;
  /** the wall clock minus uptime(): unixMs = uptime() + offsetMs */
  offsetMs: number;
  /** the round trip through the network, ms */
  delayMs: number;
  /** the server's stratum (1: a reference clock, 2..15: further away) */
  stratum: number;
}

/** An SNTP failure: code "timeout", "kiss-of-death" (stratum 0, the kiss code in the message), "unsynchronized", or a NetError's. */
export class SntpError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "SntpError";
    this.code = code;
  }
}

function u32(b: Uint8Array, at: number): number {
  return b[at] * 16777216 + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
}

/** An NTP timestamp (seconds since 1900 and a 32-bit fraction) at b[at] as Unix ms; 0 for a zero timestamp. */
export function ntpToUnixMs(b: Uint8Array, at: number): number {
  let sec = u32(b, at);
  const frac = u32(b, at + 4);
  if (sec === 0 && frac === 0) return 0;
  // RFC 4330 section 3: with the top bit clear the time is in era 1 (from 2036-02-07 on)
  if (sec < 0x80000000) sec += TWO_32;
  return (sec - NTP_TO_UNIX) * 1000 + (frac / TWO_32) * 1000;
}

/** Writes Unix ms as an NTP timestamp at b[at]. */
export function unixMsToNtp(ms: number, b: Uint8Array, at: number): void {
  let sec = Math.floor(ms / 1000) + NTP_TO_UNIX;
  const frac = Math.floor(((ms - Math.floor(ms / 1000) * 1000) / 1000) * TWO_32);
  sec = sec % TWO_32;
  for (let i = 3; i >= 0; i--) { b[at + i] = sec % 256; sec = Math.floor(sec / 256); }
  let f = frac;
  for (let i = 7; i >= 4; i--) { b[at + i] = f % 256; f = Math.floor(f / 256); }
}

/**
 * Asks `server` (an IPv4 address or a name) for the time: up to `attempts` queries, `timeoutMs`
 * apart. The callback runs exactly once, with the result or an SntpError / NetError (the last
 * failed send, when no query could be sent).
 */
export function sntpQuery(server: string, cb: (err: Error | null, r: SntpResult | null) => void, opts: SntpOptions = {}): void {
  const port = opts.port ?? 123;
  const timeoutMs = opts.timeoutMs ?? 2000;
  const attempts = opts.attempts ?? 3;
  const sock = new UdpSocket();
  const req = new Uint8Array(48);
  let sentAt = 0;
  let tries = 0;
  let timer = -1;
  let done = false;
  let lastErr: Error | null = null; // a failed send (no route yet while DHCP runs...) is retried like a lost answer

  const finish = (err: Error | null, r: SntpResult | null) => {
    if (done) return;
    done = true;
    if (timer >= 0) clearTimeout(timer);
    sock.close();
    cb(err, r);
  };

  const send = () => {
    tries++;
    req.fill(0);
    req[0] = 0x23; // LI 0, VN 4, mode 3 (client)
    sentAt = uptime();
    // our transmit time (as if uptime were the wall clock; only echoed back), with random low bits
    unixMsToNtp(sentAt, req, 40);
    req[47] = Math.floor(Math.random() * 256);
    req[46] = Math.floor(Math.random() * 256);
    sock.send(req, server, port);
    timer = setTimeout(() => {
      timer = -1;
      if (tries < attempts) send();
      else finish(lastErr ?? new SntpError("timeout", `no answer from ${server}:${port} after ${attempts} queries of ${timeoutMs} ms`), null);
    }, timeoutMs);
  };

  sock.onError((e: NetError) => { lastErr = e; });
  sock.onMessage((b: Uint8Array, address: string, from: number) => {
    const arrived = uptime();
    if (done || b.length < 48 || from !== port) return;
    const mode = b[0] & 7;
    if (mode !== 4 && mode !== 5) return; // not a server's answer
    for (let i = 0; i < 8; i++) if (b[24 + i] !== req[40 + i]) return; // not the answer to our query
    const li = b[0] >> 6;
    const stratum = b[1];
    if (stratum === 0) {
      const kiss = String.fromCharCode(b[12], b[13], b[14], b[15]);
      finish(new SntpError("kiss-of-death", `${server} answered kiss-of-death "${kiss}"`), null);
      return;
    }
    const t2 = ntpToUnixMs(b, 32);
    const t3 = ntpToUnixMs(b, 40);
    if (li === 3 || stratum > 15 || t3 === 0) {
      finish(new SntpError("unsynchronized", `${server} has no synchronized clock`), null);
      return;
    }
    const offset = (t2 - sentAt + (t3 - arrived)) / 2;
    const delay = arrived - sentAt - (t3 - t2);
    finish(null, { unixMs: arrived + offset, offsetMs: offset, delayMs: delay < 0 ? 0 : delay, stratum });
  });
  send();
}

/** The time of day from `server`, as ms since 1970 (UTC); NaN with the error. */
export function sntpTime(server: string, cb: (err: Error | null, unixMs: number) => void, opts: SntpOptions = {}): void {
  sntpQuery(server, (err, r) => cb(err, r === null ? NaN : r.unixMs), opts);
}

let clockOffset = NaN;

/** Sets the wall clock from `server` (callback with null on success). Call again now and then to correct drift. */
export function syncClock(server: string, cb: (err: Error | null) => void = () => {}, opts: SntpOptions = {}): void {
  sntpQuery(server, (err, r) => {
    if (r !== null) clockOffset = r.offsetMs;
    cb(err);
  }, opts);
}

/** Sets the wall clock directly: now is `unixMs`. */
export function setWallClock(unixMs: number): void {
  clockOffset = unixMs - uptime();
}

/** The time of day in ms since 1970 (UTC), or undefined before the first successful syncClock. */
export function wallClock(): number | undefined {
  return clockOffset === clockOffset ? uptime() + clockOffset : undefined;
}

function pad(n: number, w: number): string {
  let s = String(n);
  while (s.length < w) s = "0" + s;
  return s;
}

/** ISO 8601 in UTC ("2024-05-01T12:34:56.789Z") of ms since 1970 (there is no Date on the device). */
export function formatUtc(unixMs: number): string {
  const ms = Math.floor(unixMs);
  const days = Math.floor(ms / 86400000);
  const rest = ms - days * 86400000;
  // civil date from days since 1970-01-01 (the proleptic Gregorian calendar, 400-year eras)
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3600000);
  const mi = Math.floor((rest % 3600000) / 60000);
  const s = Math.floor((rest % 60000) / 1000);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(rest % 1000, 3)}Z`;
}
