// The netbsd kernel flavor on qemu-x86 with both NICs: NetBSD's own vioif(4) and wm(4) drivers and
// TCP/IP under the SDK's hypercalls, the interface configured by the glue's DHCP client (QEMU's
// server leases 10.0.2.15). The TCP echo server (echo.c, rump_sys_* only) echoes 256 KiB through
// --forward and exits 0 on "quit"; sensor-http (the same TypeScript application as on the lwip
// flavor) answers curl and rejects a malformed request; with net.ip/net.gw in its rumpsdk.json it
// comes up with that static address instead. Against a scripted DHCP server (ethpeer.ts) with a 4 s
// lease, the client takes the lease, renews it at half-time and starts over on a NAK.
// Needs NetBSD rump kernel components (README.md, "NetBSD's kernel"): set RUMPSDK_NETBSD_DIR to their
// folder. Without it every test here is reported as skipped (CI has none).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, ROOT, rumpsdk } from "../lib/sdk.ts";
import { loadBoard } from "../../toolchain/boards.ts";
import { freePort, runImage } from "../../toolchain/qemu.ts";
import { EthPeer, ETH_IP, ether, GUEST_MAC, ip4, ipv4, parseIp, udp } from "./ethpeer.ts";

const DIR = process.env.RUMPSDK_NETBSD_DIR;
const KERNEL = ["--kernel=netbsd", `--rumpkernel=${DIR}`];
const hasCurl = spawnSync("curl", ["--version"]).status === 0;
const hasSensorHttp = existsSync(path.join(ROOT, "examples/sensor-http/main.ts"));

const NICS = [
  { net: "virtio", ifname: "vioif0" },
  { net: "e1000", ifname: "wm0" },
] as const;


/** Boots an app (or C program) with a NIC and a forward; resolves once every line of `readyLines` is printed
 * (in any order: the DHCP lease may come before or after the application listens). */
function boot(app: string, nic: string, forward: string, readyLines: string[]) {
  const p = spawn(process.execPath, [CLI, "run", app, "--board=qemu-x86", "--accel=tcg", "--timeout=240", ...KERNEL,
    `--net=${nic}`, "--forward", forward], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const exited = new Promise<number | null>((resolve) => p.on("close", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    p.stdout.on("data", (d) => { out += d; if (readyLines.every((l) => out.includes(l))) resolve(); });
    p.stderr.on("data", (d) => (err += d));
    exited.then((code) => reject(new Error(`${app} exited (${code}) before ${readyLines.map((l) => `"${l}"`).join(" and ")}:\n${out}\n${err}`)));
  });
  return { proc: p, ready, exited, output: () => out };
}

/** Sends data over one connection, half-closes, and collects what comes back (until the peer closes). */
function exchange(port: number, data: Buffer | string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const s = net.connect(port, "127.0.0.1", () => s.end(data));
    s.on("data", (d) => chunks.push(d));
    s.on("end", () => resolve(Buffer.concat(chunks)));
    s.on("error", (e) => (chunks.length ? resolve(Buffer.concat(chunks)) : reject(e)));
    s.setTimeout(60_000, () => s.destroy(new Error("exchange timed out")));
  });
}

function curl(args: string[]): { code: number | null; stdout: string } {
  const r = spawnSync("curl", ["-s", "-S", "-m", "60", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout };
}

describe.skipIf(!DIR)("netbsd flavor (RUMPSDK_NETBSD_DIR): TCP echo", () => {
  describe.each(NICS)("$net", ({ net: nic, ifname }) => {
    it("attaches NetBSD's driver, configures the interface and echoes TCP data", async () => {
      const b = await rumpsdk(["build", "test/net/echo.c", "--board=qemu-x86", "-q", ...KERNEL]);
      expect(b.code, b.stderr).toBe(0);
      const port = await freePort();
      const vm = boot("test/net/echo.c", nic, `${port}:7`, ["echo: listening on port 7"]);
      try {
        await vm.ready;
        expect(vm.output()).toContain(`\nnet: ${ifname} 52:54:00:12:34:56 10.0.2.15/24 gw 10.0.2.2 (dhcp)`);
        const data = randomBytes(256 * 1024);
        const back = await exchange(port, data);
        expect(back.length).toBe(data.length);
        expect(back.equals(data)).toBe(true);
        expect((await exchange(port, "quit\n")).toString()).toBe("quit\n");
        expect(await vm.exited).toBe(0);
        expect(vm.output()).toMatch(/echo: 262144 bytes, sum \d+/);
      } finally {
        vm.proc.kill("SIGKILL");
      }
    }, 300_000);
  });
});

describe.skipIf(!DIR || !hasCurl || !hasSensorHttp)("netbsd flavor (RUMPSDK_NETBSD_DIR): sensor-http", () => {
  describe.each(NICS)("$net", ({ net: nic, ifname }) => {
    it("serves /metrics and / to curl and rejects a malformed request", async () => {
      const b = await rumpsdk(["build", "examples/sensor-http", "--board=qemu-x86", "-q", ...KERNEL]);
      expect(b.code, b.stderr).toBe(0);
      const port = await freePort();
      const vm = boot("examples/sensor-http", nic, `${port}:80`, ["sensor-http: listening on port 80", `\nnet: ${ifname} `]);
      try {
        await vm.ready;
        expect(vm.output()).toContain(`\nnet: ${ifname} 52:54:00:12:34:56 10.0.2.15/24 gw 10.0.2.2 (dhcp)`);
        const r = curl(["-w", "%{http_code}\\n", "-o", "/dev/null", `http://127.0.0.1:${port}/metrics?n=[1-20]`]);
        expect(r.stdout.trim().split("\n")).toEqual(Array(20).fill("200"));
        const m = JSON.parse(curl([`http://127.0.0.1:${port}/metrics`]).stdout);
        expect(m.sensor.name).toBe("sim");
        expect(m.uptime_ms).toBeGreaterThan(0);
        expect(curl([`http://127.0.0.1:${port}/`]).stdout).toContain("<h1>sensor-http</h1>");
        expect((await exchange(port, "GARBAGE\r\n\r\n")).toString("latin1")).toMatch(/^HTTP\/1\.1 400 /);
        expect(curl(["-w", "%{http_code}", "-o", "/dev/null", `http://127.0.0.1:${port}/metrics`]).stdout).toBe("200");
      } finally {
        vm.proc.kill("SIGKILL");
      }
    }, 300_000);
  });
});

describe.skipIf(!DIR || !hasCurl || !hasSensorHttp)("netbsd flavor (RUMPSDK_NETBSD_DIR): static address from the application", () => {
  it("virtio: sensor-http with net.ip/net.gw in its rumpsdk.json comes up with that address and serves", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-netbsd-static-"));
    try {
      cpSync(path.join(ROOT, "examples/sensor-http/main.ts"), path.join(dir, "main.ts"));
      const config = JSON.parse(readFileSync(path.join(ROOT, "examples/sensor-http/rumpsdk.json"), "utf8"));
      config.params = { ...config.params, "net.ip": "10.0.2.15", "net.gw": "10.0.2.2" };
      writeFileSync(path.join(dir, "rumpsdk.json"), JSON.stringify(config));
      const b = await rumpsdk(["build", dir, "--board=qemu-x86", "-q", ...KERNEL]);
      expect(b.code, b.stderr).toBe(0);
      const port = await freePort();
      const vm = boot(dir, "virtio", `${port}:80`, ["sensor-http: listening on port 80"]);
      try {
        await vm.ready;
        // static: configured inside rump_init, before the application runs
        expect(vm.output()).toContain("\nnet: vioif0 52:54:00:12:34:56 10.0.2.15/24 gw 10.0.2.2 (static)");
        expect(vm.output().indexOf("\nnet: vioif0")).toBeLessThan(vm.output().indexOf("sensor-http: listening"));
        expect(curl(["-w", "%{http_code}", "-o", "/dev/null", `http://127.0.0.1:${port}/metrics`]).stdout).toBe("200");
      } finally {
        vm.proc.kill("SIGKILL");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

// DHCP (RFC 2131) messages of the scripted server, and the client's as the server sees them
const DHCP = { DISCOVER: 1, OFFER: 2, REQUEST: 3, ACK: 5, NAK: 6 };
const SERVER = "192.168.77.1";
const LEASED = "192.168.77.2";

interface DhcpSeen { src: string; dst: string; xid: number; flags: number; ciaddr: string; type: number; options: Map<number, Buffer> }

function parseDhcp(frame: Buffer): DhcpSeen | null {
  const p = parseIp(frame);
  if (!p || p.proto !== 17 || p.payload.readUInt16BE(2) !== 67) return null;
  const m = p.payload.subarray(8);
  if (m.length < 240 || m[0] !== 1 || !m.subarray(28, 34).equals(GUEST_MAC) || m.readUInt32BE(236) !== 0x63825363) return null;
  const options = new Map<number, Buffer>();
  for (let i = 240; i < m.length && m[i] !== 255; ) {
    if (m[i] === 0) { i++; continue; }
    options.set(m[i], m.subarray(i + 2, i + 2 + m[i + 1]));
    i += 2 + m[i + 1];
  }
  return { src: p.src, dst: p.dst, xid: m.readUInt32BE(4), flags: m.readUInt16BE(10), ciaddr: [...m.subarray(12, 16)].join("."), type: options.get(53)?.[0] ?? 0, options };
}

function dhcpReply(type: number, xid: number, leaseSec: number): Buffer {
  const m = Buffer.alloc(240);
  m[0] = 2; m[1] = 1; m[2] = 6;
  m.writeUInt32BE(xid, 4);
  if (type !== DHCP.NAK) ip4(LEASED).copy(m, 16);
  GUEST_MAC.copy(m, 28);
  m.writeUInt32BE(0x63825363, 236);
  const lease = Buffer.alloc(4);
  lease.writeUInt32BE(leaseSec);
  const opts = type === DHCP.NAK
    ? [53, 1, type, 54, 4, ...ip4(SERVER), 255]
    : [53, 1, type, 54, 4, ...ip4(SERVER), 51, 4, ...lease, 1, 4, 255, 255, 255, 0, 3, 4, ...ip4(SERVER), 255];
  const payload = Buffer.concat([m, Buffer.from(opts)]);
  return ether(Buffer.alloc(6, 0xff), ETH_IP, ipv4(SERVER, "255.255.255.255", 17, udp(SERVER, "255.255.255.255", 67, 68, payload)));
}

describe.skipIf(!DIR)("netbsd flavor (RUMPSDK_NETBSD_DIR): DHCP client against a scripted server", () => {
  it("virtio: takes the lease, renews it at half-time (unicast, ciaddr), starts over on a NAK", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-netbsd-dhcp-"));
    const peer = new EthPeer(SERVER);
    const stopper = new AbortController();
    try {
      const image = path.join(dir, "echo.img");
      const b = await rumpsdk(["build", "test/net/echo.c", "--board=qemu-x86", "-q", ...KERNEL, "-o", image]);
      expect(b.code, b.stderr).toBe(0);
      const netdev = await peer.netdev("n0");
      let out = "";
      const result = runImage({ board: loadBoard("qemu-x86"), image, accel: "tcg", timeoutSec: 200, signal: stopper.signal,
        args: ["-netdev", netdev, "-device", "virtio-net-pci,netdev=n0"], onOutput: (d) => { out += d.toString("latin1"); } });
      result.catch(() => {});
      const next = (type: number, ms: number) => peer.wait((f) => parseDhcp(f)?.type === type, ms, `DHCP message ${type}`).then((f) => parseDhcp(f)!);
      const printed = async (line: string, ms: number) => {
        for (const end = Date.now() + ms; !out.includes(line); await new Promise((r) => setTimeout(r, 50))) {
          if (Date.now() > end) throw new Error(`no "${line}" on the console:\n${out}`);
        }
      };

      const discover = await next(DHCP.DISCOVER, 120_000);
      expect(discover).toMatchObject({ src: "0.0.0.0", dst: "255.255.255.255", ciaddr: "0.0.0.0" });
      expect(discover.flags & 0x8000).toBe(0x8000);               // broadcast replies: no address yet
      let request = next(DHCP.REQUEST, 10_000);
      peer.send(dhcpReply(DHCP.OFFER, discover.xid, 4));
      const req = await request;
      expect(req).toMatchObject({ src: "0.0.0.0", dst: "255.255.255.255", xid: discover.xid });
      expect(req.options.get(50)).toEqual(ip4(LEASED));
      expect(req.options.get(54)).toEqual(ip4(SERVER));
      request = next(DHCP.REQUEST, 10_000);
      peer.send(dhcpReply(DHCP.ACK, req.xid, 4));
      const acked = Date.now();
      await printed(`\nnet: vioif0 52:54:00:12:34:56 ${LEASED}/24 gw ${SERVER} (dhcp)`, 10_000);
      await printed("echo: listening on port 7", 10_000);

      const renewal = await request;                              // at half the 4 s lease
      expect(Date.now() - acked).toBeGreaterThan(1500);
      expect(renewal).toMatchObject({ src: LEASED, dst: SERVER, ciaddr: LEASED });
      expect(renewal.options.has(50)).toBe(false);
      const again = next(DHCP.DISCOVER, 10_000);
      peer.send(dhcpReply(DHCP.NAK, renewal.xid, 0));
      await printed("net: vioif0: DHCP lease lost; asking again", 10_000);
      expect((await again).src).toBe("0.0.0.0");
    } finally {
      stopper.abort();
      peer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
