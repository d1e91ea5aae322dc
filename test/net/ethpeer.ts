// A peer on the guest's Ethernet, for test/net/icmp.test.ts and test/net/malformed.test.ts: QEMU's
// `-netdev socket,udp=127.0.0.1:A,localaddr=127.0.0.1:B` carries each Ethernet frame (no FCS) as one
// UDP datagram between QEMU and this Node process, so the tests can craft any frame (well-formed or
// not) and see every frame the guest sends. The peer answers ARP for its own address; everything else
// is up to the test. Written from RFC 791 (IPv4), 792 (ICMP), 768 (UDP), 793 (TCP), 826 (ARP).
import dgram from "node:dgram";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, rumpsdk } from "../lib/sdk.ts";
import { loadBoard } from "../../toolchain/boards.ts";
import { runImage } from "../../toolchain/qemu.ts";

export const PEER_MAC = Buffer.from("020000000001", "hex");
export const GUEST_MAC = Buffer.from("525400123456", "hex");
export const ETH_IP = 0x0800;
export const ETH_ARP = 0x0806;

export const ip4 = (s: string) => Buffer.from(s.split(".").map(Number));

/** The Internet checksum (ones' complement of the ones' complement sum of 16-bit words). */
export function checksum(...parts: Buffer[]): number {
  const b = Buffer.concat(parts);
  let sum = 0;
  for (let i = 0; i + 1 < b.length; i += 2) sum += b.readUInt16BE(i);
  if (b.length & 1) sum += b[b.length - 1] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

export function ether(dst: Buffer, type: number, payload: Buffer, src = PEER_MAC): Buffer {
  const h = Buffer.alloc(14);
  dst.copy(h, 0);
  src.copy(h, 6);
  h.writeUInt16BE(type, 12);
  return Buffer.concat([h, payload]);
}

export interface IpOptions { id?: number; ttl?: number; flagsFrag?: number; options?: Buffer }

/** An IPv4 packet (header checksum filled in). */
export function ipv4(src: string, dst: string, proto: number, payload: Buffer, o: IpOptions = {}): Buffer {
  const opts = o.options ?? Buffer.alloc(0);
  const h = Buffer.alloc(20 + opts.length);
  h[0] = 0x40 | ((20 + opts.length) >> 2);
  h.writeUInt16BE(h.length + payload.length, 2);
  h.writeUInt16BE(o.id ?? 1, 4);
  h.writeUInt16BE(o.flagsFrag ?? 0, 6);
  h[8] = o.ttl ?? 64;
  h[9] = proto;
  ip4(src).copy(h, 12);
  ip4(dst).copy(h, 16);
  opts.copy(h, 20);
  h.writeUInt16BE(checksum(h), 10);
  return Buffer.concat([h, payload]);
}

export function icmpEcho(type: 8 | 0, id: number, seq: number, data: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h[0] = type;
  h.writeUInt16BE(id, 4);
  h.writeUInt16BE(seq, 6);
  const m = Buffer.concat([h, data]);
  m.writeUInt16BE(checksum(m), 2);
  return m;
}

function pseudo(src: string, dst: string, proto: number, len: number): Buffer {
  const p = Buffer.alloc(12);
  ip4(src).copy(p, 0);
  ip4(dst).copy(p, 4);
  p[9] = proto;
  p.writeUInt16BE(len, 10);
  return p;
}

export function udp(src: string, dst: string, sport: number, dport: number, data: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt16BE(sport, 0);
  h.writeUInt16BE(dport, 2);
  h.writeUInt16BE(8 + data.length, 4);
  const m = Buffer.concat([h, data]);
  m.writeUInt16BE(checksum(pseudo(src, dst, 17, m.length), m) || 0xffff, 6);
  return m;
}

export const TCP_FIN = 1, TCP_SYN = 2, TCP_RST = 4, TCP_PSH = 8, TCP_ACK = 16;

export interface TcpSegment { sport: number; dport: number; seq: number; ack?: number; flags: number; options?: Buffer; data?: Buffer; window?: number; dataOffset?: number }

/** A TCP segment; `options` is padded to 32 bits; `dataOffset` overrides the header length field. */
export function tcp(src: string, dst: string, s: TcpSegment): Buffer {
  const opts = s.options ?? Buffer.alloc(0);
  const padded = Buffer.concat([opts, Buffer.alloc((4 - (opts.length % 4)) % 4)]);
  const h = Buffer.alloc(20 + padded.length);
  h.writeUInt16BE(s.sport, 0);
  h.writeUInt16BE(s.dport, 2);
  h.writeUInt32BE(s.seq >>> 0, 4);
  h.writeUInt32BE((s.ack ?? 0) >>> 0, 8);
  h[12] = (s.dataOffset ?? h.length / 4) << 4;
  h[13] = s.flags;
  h.writeUInt16BE(s.window ?? 8192, 14);
  padded.copy(h, 20);
  const m = Buffer.concat([h, s.data ?? Buffer.alloc(0)]);
  m.writeUInt16BE(checksum(pseudo(src, dst, 6, m.length), m), 16);
  return m;
}

/** A decoded IPv4 frame from the guest. */
export interface IpFrame { frame: Buffer; src: string; dst: string; proto: number; ihl: number; payload: Buffer }

export function parseIp(frame: Buffer): IpFrame | null {
  if (frame.length < 34 || frame.readUInt16BE(12) !== ETH_IP) return null;
  const ip = frame.subarray(14);
  const ihl = (ip[0] & 15) * 4;
  const total = ip.readUInt16BE(2);
  const q = (o: number) => [...ip.subarray(o, o + 4)].join(".");
  return { frame, src: q(12), dst: q(16), proto: ip[9], ihl, payload: ip.subarray(ihl, total) };
}

/** The peer: owns `ip` on the link, answers ARP for it, hands every other frame to waiters. */
export class EthPeer {
  readonly sock = dgram.createSocket("udp4");
  /** every frame the guest sent, in order */
  readonly frames: Buffer[] = [];
  private waiters: { match: (f: Buffer) => boolean; resolve: (f: Buffer) => void }[] = [];
  port = 0;
  qemuPort = 0;

  constructor(readonly ip: string) {
    this.sock.on("message", (f) => this.receive(f));
  }

  /** Binds the peer's port and picks QEMU's; returns the -netdev argument. */
  async netdev(id: string): Promise<string> {
    await new Promise<void>((resolve) => this.sock.bind(0, "127.0.0.1", resolve));
    this.port = this.sock.address().port;
    const probe = dgram.createSocket("udp4");
    await new Promise<void>((resolve) => probe.bind(0, "127.0.0.1", resolve));
    this.qemuPort = probe.address().port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return `socket,id=${id},udp=127.0.0.1:${this.port},localaddr=127.0.0.1:${this.qemuPort}`;
  }

  send(frame: Buffer): void {
    this.sock.send(frame, this.qemuPort, "127.0.0.1");
  }

  /** The next frame (from now on) that `match` accepts, or an error after `ms`. */
  wait(match: (f: Buffer) => boolean, ms = 5000, what = "a frame"): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const w = { match, resolve: (f: Buffer) => { clearTimeout(t); resolve(f); } };
      const t = setTimeout(() => { this.waiters = this.waiters.filter((x) => x !== w); reject(new Error(`no ${what} from the guest within ${ms} ms`)); }, ms);
      this.waiters.push(w);
    });
  }

  /** Waits for an IPv4 frame matching `match`. */
  waitIp(match: (p: IpFrame) => boolean, ms = 5000, what = "IPv4 packet"): Promise<IpFrame> {
    return this.wait((f) => { const p = parseIp(f); return p !== null && match(p); }, ms, what).then((f) => parseIp(f)!);
  }

  close(): void {
    this.sock.close();
  }

  private receive(f: Buffer): void {
    this.frames.push(f);
    // ARP request (op 1) for our address: reply (op 2) with our MAC
    if (f.length >= 42 && f.readUInt16BE(12) === ETH_ARP && f.readUInt16BE(20) === 1 && f.subarray(38, 42).equals(ip4(this.ip))) {
      const a = Buffer.alloc(28);
      a.writeUInt16BE(1, 0); a.writeUInt16BE(ETH_IP, 2); a[4] = 6; a[5] = 4; a.writeUInt16BE(2, 6);
      PEER_MAC.copy(a, 8); ip4(this.ip).copy(a, 14);
      f.subarray(22, 32).copy(a, 18); // the asker's MAC and IP
      this.send(ether(f.subarray(22, 28), ETH_ARP, a));
      return;
    }
    for (const w of this.waiters) {
      if (w.match(f)) { this.waiters = this.waiters.filter((x) => x !== w); w.resolve(f); return; }
    }
  }
}

/** An ARP request from the peer for `target`. */
export function arpRequest(peerIp: string, target: string): Buffer {
  const a = Buffer.alloc(28);
  a.writeUInt16BE(1, 0); a.writeUInt16BE(ETH_IP, 2); a[4] = 6; a[5] = 4; a.writeUInt16BE(1, 6);
  PEER_MAC.copy(a, 8); ip4(peerIp).copy(a, 14); ip4(target).copy(a, 24);
  return ether(Buffer.alloc(6, 0xff), ETH_ARP, a);
}

/**
 * Builds a copy of a C test program (e.g. test/net/udpecho.c) or of an application folder's main.ts
 * (e.g. examples/sensor-http) in a temporary folder with these rumpsdk.json params and boots it on qemu-x86 (TCG) with the given QEMU network arguments.
 * `ready(line)` resolves when the console shows the line; `stop()` ends QEMU and removes the folder.
 */
export async function bootProgram(source: string, params: Record<string, string>, net: string[], timeoutSec = 150) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-link-"));
  const isC = source.endsWith(".c");
  const name = isC ? path.basename(source) : "main.ts";
  cpSync(path.join(ROOT, source, isC ? "" : "main.ts"), path.join(dir, name));
  writeFileSync(path.join(dir, "rumpsdk.json"), JSON.stringify({ params }));
  const b = await rumpsdk(["build", isC ? path.join(dir, name) : dir, "--board=qemu-x86", "-q"]);
  if (b.code !== 0) { rmSync(dir, { recursive: true, force: true }); throw new Error(`build failed:\n${b.stderr}`); }
  const image = path.join(dir, "build", "qemu-x86", isC ? name.replace(/\.c$/, ".img") : `${path.basename(dir)}.img`);
  let out = "";
  const stopper = new AbortController();
  const result = runImage({ board: loadBoard("qemu-x86"), image, accel: "tcg", timeoutSec, args: net, signal: stopper.signal,
    onOutput: (d) => { out += d.toString("latin1"); } });
  result.catch(() => {}).finally(() => rmSync(dir, { recursive: true, force: true }));
  const ready = (line: string) => new Promise<void>((resolve, reject) => {
    const i = setInterval(() => { if (out.includes(line)) { clearInterval(i); resolve(); } }, 50);
    const fail = (why: string) => { clearInterval(i); reject(new Error(`the guest stopped (${why}) before "${line}":\n${out}`)); };
    result.then((r) => fail(`exit ${r.exitCode}`), (e) => fail(String(e)));
  });
  return { output: () => out, ready, result, stop: () => stopper.abort() };
}
