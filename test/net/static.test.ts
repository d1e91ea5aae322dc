// Static network configuration on qemu-x86 (QEMU user networking, which only forwards to
// 10.0.2.15): test/net/static/main.ts built with rumpsdk.json params net.ip 10.0.2.15, net.netmask,
// net.gw 10.0.2.2 and net.dns 10.0.2.3 (QEMU's DNS proxy). The boot log must say "(static)", a TCP
// echo must work through --forward, and names resolve through the static DNS server: a dotted quad
// and "localhost" without asking, "no-such-name.invalid" fails with a typed error, and
// "deb.debian.org" gives what this host's own resolver gives (or fails if the host has none).
// DHCP is covered by nic.test.ts and http.test.ts (their boot logs must say "(dhcp)").
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import dns from "node:dns/promises";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, lines, ROOT, rumpsdk } from "../lib/sdk.ts";
import { freePort } from "../../toolchain/qemu.ts";
import { exchange } from "../lib/echo.ts";


describe("static network configuration (net.ip, net.netmask, net.gw, net.dns)", () => {
  // one application folder (built once) for both NICs
  const dir = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-static-"));
  beforeAll(async () => {
    cpSync(path.join(ROOT, "test/net/static/main.ts"), path.join(dir, "main.ts"));
    writeFileSync(path.join(dir, "rumpsdk.json"), JSON.stringify({ params: {
      "net.ip": "10.0.2.15", "net.netmask": "255.255.255.0", "net.gw": "10.0.2.2", "net.dns": "10.0.2.3",
    } }));
    const b = await rumpsdk(["build", dir, "--board=qemu-x86", "-q"]);
    expect(b.code, b.stderr).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(["virtio", "e1000"])("%s: boots with the static address, echoes TCP through --forward, resolves through net.dns", async (nic) => {
    const hostAnswer = await dns.resolve4("deb.debian.org").catch(() => [] as string[]);
    const port = await freePort();
    const p = spawn(process.execPath, [CLI, "run", dir, "--board=qemu-x86", "--accel=tcg", "--timeout=200", "-q",
      `--net=${nic}`, "--forward", `${port}:7`], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => p.on("close", (code) => resolve(code)));
    try {
      await Promise.race([
        new Promise<void>((resolve) => { const i = setInterval(() => { if (out.includes("static: listening on port 7")) { clearInterval(i); resolve(); } }, 50); }),
        exited.then((c) => { throw new Error(`exited (${c}) before listening:\n${out}`); }),
      ]);
      const l = lines(out);
      expect(l.find((x) => x.startsWith("net: ")), out).toMatch(/^net: (vioif0|wm0) 52:54:00:12:34:56 10\.0\.2\.15\/24 gw 10\.0\.2\.2 \(static\)/);
      expect(l).toContain("lookup 10.1.2.3 10.1.2.3");
      expect(l).toContain("lookup localhost 127.0.0.1");
      expect(l.find((x) => x.startsWith("lookup no-such-name.invalid "))).toMatch(/^lookup no-such-name\.invalid error E[A-Z]+$/);
      const deb = l.find((x) => x.startsWith("lookup deb.debian.org "))!;
      if (hostAnswer.length) expect(hostAnswer).toContain(deb.split(" ")[2]);
      else expect(deb).toMatch(/ error E[A-Z]+$/);
      const data = randomBytes(64 * 1024);
      expect((await exchange(port, data)).equals(data)).toBe(true);
      expect((await exchange(port, "quit")).toString()).toBe("bye");
      expect(await exited).toBe(0);
    } finally {
      p.kill("SIGKILL");
    }
  }, 240_000);
});
