// UDP through QEMU user networking: `rumpsdk run --forward udp:HOST:GUEST` (QEMU's hostfwd=udp) to
// test/net/udpecho.c on guest port 7, 100 datagrams of sizes from 1 to 1472 bytes (the most one
// Ethernet frame carries) sent from Node, every reply compared byte for byte; plus the parsing of
// --forward's udp: form and its refusal of bad input.
import { spawn } from "node:child_process";
import dgram from "node:dgram";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CLI, lines, ROOT, rumpsdk } from "../lib/sdk.ts";
import { freePort, netArgs, parseForward } from "../../toolchain/qemu.ts";

describe("--forward udp:HOST:GUEST", () => {
  it("parses tcp: and udp: forms into QEMU hostfwd rules", () => {
    expect(parseForward("8080:80")).toEqual({ host: 8080, guest: 80, proto: "tcp" });
    expect(parseForward("tcp:8080:80")).toEqual({ host: 8080, guest: 80, proto: "tcp" });
    expect(parseForward("udp:5353:53")).toEqual({ host: 5353, guest: 53, proto: "udp" });
    expect(netArgs("e1000", [parseForward("udp:5353:53"), parseForward("8080:80")])).toEqual(
      ["-netdev", "user,id=net0,hostfwd=udp:127.0.0.1:5353-:53,hostfwd=tcp:127.0.0.1:8080-:80", "-device", "e1000,netdev=net0"]);
  });

  it("refuses malformed udp forwards before booting", async () => {
    for (const bad of ["udp:8080", "udp:0:7", "udp:7:70000", "icmp:1:2", "udp::7", "udp:a:7", ":8080:80"]) {
      const r = await rumpsdk(["run", "examples/hello", "--forward", bad]);
      expect(r.code, bad).toBe(1);
      expect(r.stderr).toContain(`bad --forward "${bad}"`);
      expect(r.stderr).toMatch(/udp:HOST:GUEST/);
    }
  });
});

/** Sends one datagram and waits for the first reply (or the time limit). */
function roundTrip(sock: dgram.Socket, port: number, data: Buffer, ms = 10_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => { sock.off("message", on); reject(new Error(`no reply to a ${data.length}-byte datagram`)); }, ms);
    const on = (m: Buffer) => { clearTimeout(t); sock.off("message", on); resolve(m); };
    sock.on("message", on);
    sock.send(data, port, "127.0.0.1");
  });
}

describe("UDP echo on qemu-x86 through a forwarded UDP port", () => {
  it("echoes 100 datagrams of varying sizes, each byte for byte", async () => {
    const b = await rumpsdk(["build", "test/net/udpecho.c", "--board=qemu-x86", "-q"]);
    expect(b.code, b.stderr).toBe(0);
    const port = await freePort();
    const p = spawn(process.execPath, [CLI, "run", "test/net/udpecho.c", "--board=qemu-x86", "--accel=tcg", "--timeout=150",
      "--net=virtio", "--forward", `udp:${port}:7`], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => p.on("close", (code) => resolve(code)));
    const sock = dgram.createSocket("udp4");
    try {
      await Promise.race([
        new Promise<void>((resolve) => { const i = setInterval(() => { if (out.includes("udpecho: listening on port 7")) { clearInterval(i); resolve(); } }, 50); }),
        exited.then((c) => { throw new Error(`udpecho exited (${c}) before listening:\n${out}`); }),
      ]);
      expect(lines(out)).toContain(`rumpsdk: forwarding udp 127.0.0.1:${port} -> guest udp port 7`);
      await new Promise<void>((resolve) => sock.bind(0, "127.0.0.1", resolve));
      let bytes = 0;
      for (let i = 0; i < 100; i++) {
        // sizes spread over 1..1472 (i = 99 is the largest), each datagram distinct
        const size = i === 99 ? 1472 : 1 + ((i * 149) % 1472);
        const data = randomBytes(size);
        data[0] = i;
        const back = await roundTrip(sock, port, data);
        expect(back.length, `datagram ${i}`).toBe(size);
        expect(back.equals(data), `datagram ${i}`).toBe(true);
        bytes += size;
      }
      expect((await roundTrip(sock, port, Buffer.from("quit"))).toString()).toBe("quit");
      expect(await exited).toBe(0);
      expect(lines(out)).toContain(`udpecho: 101 datagrams, ${bytes + 4} bytes`);
    } finally {
      sock.close();
      p.kill("SIGKILL");
    }
  }, 200_000);
});
