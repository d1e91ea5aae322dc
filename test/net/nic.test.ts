// Both NIC drivers (virtio-net, e1000) on qemu-x86 with QEMU user networking, under the whole
// stack: the PCI scan in the boot log, the driver's attach line, the DHCP address, and a TCP echo
// server (echo.c) on guest port 7 reached from the host through --forward, data compared byte for
// byte both ways.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { CLI, lines, ROOT, rumpsdk } from "../lib/sdk.ts";

const NICS = [
  { net: "virtio", name: /vioif0/, pci: "1af4:1000" },
  { net: "e1000", name: /wm0/, pci: "8086:100e" },
] as const;

/** Boots echo.c with a NIC and a forward; resolves once the server listens. */
function bootEcho(nic: string, port: number) {
  const p = spawn(process.execPath, [CLI, "run", "test/net/echo.c", "--board=qemu-x86", "--accel=tcg", "--timeout=240",
    `--net=${nic}`, "--forward", `${port}:7`], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const exited = new Promise<number | null>((resolve) => p.on("close", (code) => resolve(code)));
  const listening = new Promise<void>((resolve, reject) => {
    p.stdout.on("data", (d) => { out += d; if (out.includes("echo: listening on port 7")) resolve(); });
    p.stderr.on("data", (d) => (err += d));
    exited.then((code) => reject(new Error(`echo exited (${code}) before listening:\n${out}\n${err}`)));
  });
  return { proc: p, listening, exited, output: () => out };
}

/** Sends data over one connection, half-closes, and collects what comes back. */
function exchange(port: number, data: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const s = net.connect(port, "127.0.0.1", () => s.end(data));
    s.on("data", (d) => chunks.push(d));
    s.on("end", () => resolve(Buffer.concat(chunks)));
    s.on("error", reject);
    s.setTimeout(60_000, () => s.destroy(new Error("echo timed out")));
  });
}

describe.each(NICS)("$net", ({ net: nic, name, pci }) => {
  it("attaches, gets a DHCP address and echoes TCP data through a forwarded port", async () => {
    const b = await rumpsdk(["build", "test/net/echo.c", "--board=qemu-x86", "-q"]);
    expect(b.code, b.stderr).toBe(0);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const vm = bootEcho(nic, port);
    try {
      await vm.listening;
      const out = lines(vm.output());
      expect(out.find((l) => l.startsWith("rumpsdk: forwarding"))).toBe(`rumpsdk: forwarding http://127.0.0.1:${port}/ -> guest port 7`);
      expect(out).toContain(`pci: 00:02.0 ${pci} class 0200`);
      const attach = out.find((l) => name.test(l) && / at pci 00:02\.0 irq \d+, /.test(l));
      expect(attach).toMatch(/52:54:00:12:34:56, link up$/);
      const netLine = out.find((l) => l.startsWith("net: ") && name.test(l));
      expect(netLine).toMatch(/52:54:00:12:34:56 10\.0\.2\.15\/24 .*\(dhcp\)/);
      const data = randomBytes(256 * 1024);
      const back = await exchange(port, data);
      expect(back.length).toBe(data.length);
      expect(back.equals(data)).toBe(true);
      const sum = data.reduce((a, x) => (a + x) >>> 0, 0);
      await exchange(port, Buffer.from("quit\n"));
      expect(await vm.exited).toBe(0);
      expect(vm.output()).toContain(`echo: ${data.length} bytes, sum ${sum}`);
    } finally {
      vm.proc.kill("SIGKILL");
    }
  }, 300_000);
});
