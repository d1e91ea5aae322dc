// Malformed packets never crash the firmware: test/net/udpecho.c (static 192.168.76.2/24; UDP echo
// on port 7, TCP port 7 listening) on a `-netdev socket` link whose other end is this process
// (test/net/ethpeer.ts), both NIC drivers. The test sends runt and truncated frames, broken IPv4
// headers (short, bad IHL, bad lengths, bad checksum, bad options, impossible fragments), truncated
// ICMP, garbage UDP, TCP segments with bad header lengths and bad options (to the listening port),
// broken ARP, and 300 random frames (paced a few milliseconds apart so that the NIC's receive ring
// does not drop them before the stack sees them); after each group the guest must still answer an ICMP echo,
// and at the end a UDP echo, a TCP handshake, and a clean exit without a panic report.
import { describe, expect, it } from "vitest";
import {
  bootProgram, checksum, ETH_ARP, ETH_IP, ether, EthPeer, GUEST_MAC, icmpEcho, ip4, ipv4, tcp, TCP_ACK, TCP_RST, TCP_SYN, udp,
  type IpFrame,
} from "./ethpeer.ts";

const PEER = "192.168.76.1";
const GUEST = "192.168.76.2";
const STATIC = { "net.ip": GUEST, "net.netmask": "255.255.255.0", "net.gw": PEER };
const DEVICE = { virtio: "virtio-net-pci", e1000: "e1000" } as const;

/** A small deterministic PRNG (xorshift32), so that a failing random frame can be replayed. */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
}

const toGuest = (payload: Buffer, type = ETH_IP) => ether(GUEST_MAC, type, payload);

/** A valid IPv4 header (for mutilating) around `payload`. */
const ipTo = (proto: number, payload: Buffer, opts = {}) => ipv4(PEER, GUEST, proto, payload, opts);

/** Re-checksums an IPv4 header after it was changed. */
function fixIpSum(ip: Buffer): Buffer {
  const ihl = Math.min((ip[0] & 15) * 4, ip.length);
  ip.writeUInt16BE(0, 10);
  ip.writeUInt16BE(checksum(ip.subarray(0, ihl)), 10);
  return ip;
}

function malformedGroups(): { name: string; frames: Buffer[] }[] {
  const echo = icmpEcho(8, 1, 1, Buffer.alloc(16));
  const u = udp(PEER, GUEST, 41000, 7, Buffer.from("hello"));
  const mutate = (b: Buffer, f: (b: Buffer) => void) => { const c = Buffer.from(b); f(c); return c; };
  const synOpts = (sport: number, options: Buffer) => tcp(PEER, GUEST, { sport, dport: 7, seq: 1000, flags: TCP_SYN, options });
  return [
    { name: "runt and truncated frames", frames: [
      Buffer.alloc(1), Buffer.alloc(10, 0xff), ether(GUEST_MAC, ETH_IP, Buffer.alloc(0)),
      toGuest(Buffer.from([0x45, 0, 0, 20])), toGuest(ipTo(1, echo).subarray(0, 19)),
    ] },
    { name: "broken IPv4 headers", frames: [
      toGuest(fixIpSum(mutate(ipTo(1, echo), (b) => { b[0] = 0x43; }))),           // IHL 3
      toGuest(fixIpSum(mutate(ipTo(1, echo), (b) => { b[0] = 0x4f; }))),           // IHL 15, longer than the packet
      toGuest(fixIpSum(mutate(ipTo(1, echo), (b) => { b[0] = 0x65; }))),           // version 6 under the IPv4 type
      toGuest(fixIpSum(mutate(ipTo(1, echo), (b) => { b.writeUInt16BE(1500, 2); }))), // total length past the frame
      toGuest(fixIpSum(mutate(ipTo(1, echo), (b) => { b.writeUInt16BE(10, 2); }))),   // total length inside the header
      toGuest(fixIpSum(mutate(ipTo(1, echo), (b) => { b.writeUInt16BE(0, 2); }))),
      toGuest(mutate(ipTo(1, echo), (b) => { b[10] ^= 0x55; })),                    // bad header checksum
      toGuest(fixIpSum(mutate(ipTo(1, echo), (b) => { b[9] = 253; }))),             // unknown protocol
      toGuest(fixIpSum(mutate(ipTo(1, echo), (b) => { b[8] = 0; }))),               // TTL 0
      toGuest(ipTo(1, echo, { options: Buffer.from([0x44, 0, 0, 0]) })),            // timestamp option, length 0
      toGuest(ipTo(1, echo, { options: Buffer.from([0x07, 0xff, 4, 0]) })),         // record route, length past the header
      toGuest(ipTo(1, echo, { options: Buffer.from([0x83, 1, 0, 0, 0x89, 2, 0, 0]) })), // source routes with bad lengths
      toGuest(ipv4("255.255.255.255", GUEST, 1, echo)),                             // broadcast source
      toGuest(ipv4(GUEST, GUEST, 1, echo)),                                         // our own address as source
    ] },
    { name: "impossible fragments", frames: [
      toGuest(ipTo(17, u.subarray(0, 8), { id: 7, flagsFrag: 0x2000 })),            // first fragment, the rest never comes
      toGuest(ipTo(17, Buffer.alloc(100), { id: 8, flagsFrag: 0x2000 | 8189 })),     // ends past 65535
      toGuest(ipTo(17, Buffer.alloc(3), { id: 9, flagsFrag: 0x2000 | 1 })),          // middle fragment not a multiple of 8
      toGuest(ipTo(17, Buffer.alloc(64), { id: 10, flagsFrag: 0x2000 })),
      toGuest(ipTo(17, Buffer.alloc(64), { id: 10, flagsFrag: 0x2000 | 4 })),       // overlapping
      toGuest(ipTo(17, Buffer.alloc(16), { id: 10, flagsFrag: 2 })),                // last, overlapping
      toGuest(ipTo(1, echo, { flagsFrag: 0x6000 })),                                // DF and MF together
    ] },
    { name: "truncated and odd ICMP", frames: [
      toGuest(ipTo(1, Buffer.from([8, 0, 0xf7, 0xff]))),
      toGuest(ipTo(1, Buffer.alloc(0))),
      toGuest(ipTo(1, mutate(echo, (b) => { b[2] ^= 1; }))),                       // bad ICMP checksum
      toGuest(ipTo(1, icmpEcho(8, 1, 1, Buffer.alloc(0)).fill(3, 0, 1))),          // unreachable quoting nothing
      toGuest(ipTo(1, mutate(icmpEcho(8, 1, 1, Buffer.from([0x45, 0, 0, 99, 0, 0])), (b) => { b[0] = 3; b[1] = 3; b.writeUInt16BE(0, 2); b.writeUInt16BE(checksum(b), 2); }))),
    ] },
    { name: "garbage UDP", frames: [
      toGuest(ipTo(17, Buffer.from([0xa0, 0x28, 0, 7]))),                          // header cut in half
      toGuest(ipTo(17, mutate(u, (b) => { b.writeUInt16BE(2, 4); }))),              // length < 8
      toGuest(ipTo(17, mutate(u, (b) => { b.writeUInt16BE(1000, 4); }))),           // length past the packet
      toGuest(ipTo(17, mutate(u, (b) => { b[7] ^= 0x11; }))),                      // bad checksum
      toGuest(ipTo(17, mutate(u, (b) => { b.writeUInt16BE(9999, 2); b.writeUInt16BE(0, 6); }))), // closed port, no checksum
      toGuest(ipTo(17, udp(PEER, GUEST, 41001, 7, Buffer.alloc(1400, 0xee)))),      // valid but garbage content (echoed)
    ] },
    { name: "TCP with bad header lengths and bad options", frames: [
      toGuest(ipTo(6, tcp(PEER, GUEST, { sport: 42000, dport: 7, seq: 1, flags: TCP_SYN, dataOffset: 2 }))),
      toGuest(ipTo(6, tcp(PEER, GUEST, { sport: 42001, dport: 7, seq: 1, flags: TCP_SYN, dataOffset: 15 }))),
      toGuest(ipTo(6, tcp(PEER, GUEST, { sport: 42002, dport: 7, seq: 1, flags: TCP_SYN }).subarray(0, 12))), // cut header
      toGuest(ipTo(6, synOpts(42003, Buffer.from([2, 0, 5, 0xb4])))),               // MSS, length 0
      toGuest(ipTo(6, synOpts(42004, Buffer.from([2, 1, 5, 0xb4])))),               // MSS, length 1
      toGuest(ipTo(6, synOpts(42005, Buffer.from([2, 255, 5, 0xb4])))),             // MSS, length past the header
      toGuest(ipTo(6, synOpts(42006, Buffer.from([2, 4, 0, 0])))),                  // MSS 0
      toGuest(ipTo(6, synOpts(42007, Buffer.from([3, 3, 255, 1])))),                // window scale 255
      toGuest(ipTo(6, synOpts(42008, Buffer.from([8, 4, 0, 0])))),                  // timestamp, short
      toGuest(ipTo(6, synOpts(42009, Buffer.from([4, 9, 1, 1])))),                  // SACK-permitted, bad length
      toGuest(ipTo(6, synOpts(42010, Buffer.from([1, 1, 1, 2])))),                  // unterminated at the end
      toGuest(ipTo(6, synOpts(42011, Buffer.from([99, 0, 99, 0])))),                // unknown kind, length 0
      toGuest(ipTo(6, synOpts(42012, Buffer.alloc(40, 0xff)))),                     // 40 bytes of 0xff
      toGuest(ipTo(6, tcp(PEER, GUEST, { sport: 42013, dport: 7, seq: 5, ack: 9, flags: TCP_ACK, options: Buffer.from([8, 10, 1]), data: Buffer.from("x") }))),
      toGuest(ipTo(6, tcp(PEER, GUEST, { sport: 42014, dport: 7, seq: 5, flags: 0xff }))),               // every flag
      toGuest(ipTo(6, mutate(synOpts(42015, Buffer.alloc(0)), (b) => { b[16] ^= 0xff; }))),             // bad checksum
    ] },
    { name: "broken ARP", frames: [
      ether(GUEST_MAC, ETH_ARP, Buffer.alloc(10)),
      ether(Buffer.alloc(6, 0xff), ETH_ARP, Buffer.from("0001080006ff0001020000000001", "hex")),        // hlen 6, plen 255
      ether(Buffer.alloc(6, 0xff), ETH_ARP, mutate(Buffer.alloc(28), (b) => { b.writeUInt16BE(1, 0); b.writeUInt16BE(ETH_IP, 2); b[4] = 255; b[5] = 0; b.writeUInt16BE(1, 6); })),
    ] },
  ];
}

function randomFrames(n: number, seed: number): Buffer[] {
  const r = prng(seed);
  const frames: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const len = r() % 1500;
    const body = Buffer.alloc(len);
    for (let j = 0; j < len; j++) body[j] = r() & 255;
    if (i % 3 === 0 || len < 20) { frames.push(toGuest(body, r() & 1 ? ETH_IP : ETH_ARP)); continue; }
    // a valid IPv4 header over random ICMP/TCP/UDP bytes, or a random header with a right checksum
    const proto = [1, 6, 17][r() % 3];
    frames.push(toGuest(i % 3 === 1 ? ipTo(proto, body.subarray(20)) : fixIpSum(mutate4(body))));
  }
  return frames;
  function mutate4(b: Buffer) { b[0] = 0x40 | (b[0] & 15); ip4(GUEST).copy(b, 16); return b; }
}

describe("malformed frames never crash the firmware (raw Ethernet link)", () => {
  it.each(["virtio", "e1000"] as const)("%s", async (nic) => {
    const peer = new EthPeer(PEER);
    const netdev = await peer.netdev("net0");
    const vm = await bootProgram("test/net/udpecho.c", STATIC, ["-netdev", netdev, "-device", `${DEVICE[nic]},netdev=net0`]);
    let seq = 0;
    // the guest still answers an ICMP echo (three tries, 3 s each: a flood may leave it busy a moment)
    const alive = async (after: string) => {
      for (let attempt = 1; ; attempt++) {
        const s = ++seq;
        const reply = peer.waitIp((p) => p.proto === 1 && p.payload[0] === 0 && p.payload.readUInt16BE(6) === s, 3000, `echo reply after ${after}`);
        peer.send(toGuest(ipTo(1, icmpEcho(8, 0x77, s, Buffer.from(after)))));
        try {
          expect((await reply).payload.subarray(8).toString(), after).toBe(after);
          return;
        } catch (e) {
          if (attempt === 3) throw e;
        }
      }
    };
    try {
      await vm.ready("udpecho: listening on port 7");
      await alive("boot");
      for (const g of [...malformedGroups(), { name: "300 random frames", frames: randomFrames(300, 0x5eed) }]) {
        // paced, so that the NIC's receive ring does not overflow and every frame reaches the stack
        for (let i = 0; i < g.frames.length; i++) {
          peer.send(g.frames[i]);
          if (i % 4 === 3) await new Promise((r) => setTimeout(r, 5));
        }
        // clean up any half-open connections the SYNs made
        for (let port = 42000; port <= 42015; port++) peer.send(toGuest(ipTo(6, tcp(PEER, GUEST, { sport: port, dport: 7, seq: 1001, flags: TCP_RST }))));
        await alive(g.name);
      }
      // UDP and TCP still work (each tried up to three times, like alive())
      const retry = async (what: string, send: () => void, match: (p: IpFrame) => boolean) => {
        for (let attempt = 1; ; attempt++) {
          const got = peer.waitIp(match, 3000, what);
          send();
          try { return await got; } catch (e) { if (attempt === 3) throw e; }
        }
      };
      const back = await retry("UDP echo", () => peer.send(toGuest(ipTo(17, udp(PEER, GUEST, 43000, 7, Buffer.from("still here"))))),
        (p) => p.proto === 17 && p.payload.readUInt16BE(2) === 43000);
      expect(back.payload.subarray(8).toString()).toBe("still here");
      const sa = (await retry("SYN-ACK", () => peer.send(toGuest(ipTo(6, tcp(PEER, GUEST, { sport: 43001, dport: 7, seq: 5000, flags: TCP_SYN, options: Buffer.from([2, 4, 5, 0xb4]) })))),
        (p) => p.proto === 6 && p.payload.readUInt16BE(2) === 43001)).payload;
      expect(sa[13] & (TCP_SYN | TCP_ACK)).toBe(TCP_SYN | TCP_ACK);
      expect(sa.readUInt32BE(8)).toBe(5001);
      peer.send(toGuest(ipTo(6, tcp(PEER, GUEST, { sport: 43001, dport: 7, seq: 5001, flags: TCP_RST }))));
      await retry("quit echo", () => peer.send(toGuest(ipTo(17, udp(PEER, GUEST, 43002, 7, Buffer.from("quit"))))),
        (p) => p.proto === 17 && p.payload.readUInt16BE(2) === 43002);
      const r = await vm.result;
      expect(r.exitCode, vm.output()).toBe(0);
      expect(r.panicked).toBe(false);
      expect(vm.output()).not.toContain("PANIC");
    } finally {
      vm.stop();
      peer.close();
    }
  }, 120_000);
});
