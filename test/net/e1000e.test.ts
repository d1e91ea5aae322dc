// The Intel driver (drivers/e1000, NetBSD's wm) on QEMU's 82574L (-device e1000e) with user networking:
// the PCI line and the driver's attach line in the boot log, the DHCP address, and 256 KiB echoed over TCP
// (test/net/echo.c, guest port 7) through a forwarded port, then a clean exit. Once through the CLI
// (`rumpsdk run --net=e1000e`, qemu-x86: -machine pc) and once on -machine q35 (the PCIe chipset the
// x86-minnow board's emulation uses), where the device sits at 00:01.0.
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBoard } from "../../toolchain/boards.ts";
import { freePort, netArgs, runImage } from "../../toolchain/qemu.ts";
import { CLI, lines, ROOT, rumpsdk } from "../lib/sdk.ts";
import { exchange } from "../lib/echo.ts";

const IMAGE = path.join(ROOT, "test/net/build/qemu-x86/echo.img");

/** Waits until the console output (read through get()) contains text, or the machine has exited. */
async function until(get: () => string, text: string, exited: () => boolean, ms = 120_000) {
  const end = Date.now() + ms;
  while (!get().includes(text)) {
    if (exited() || Date.now() > end) throw new Error(`no "${text}" in:\n${get()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The checks common to both machines, once the server listens. */
async function checkEcho(out: string, port: number, slot: string) {
  const l = lines(out);
  expect(l).toContain(`pci: ${slot} 8086:10d3 class 0200`);
  expect(l.find((x) => x.startsWith("wm0: "))).toMatch(new RegExp(`^wm0: 82574L \\(10d3\\) at pci ${slot.replace(".", "\\.")} irq \\d+, 52:54:00:12:34:56, link up$`));
  expect(l.find((x) => x.startsWith("net: wm0"))).toMatch(/52:54:00:12:34:56 10\.0\.2\.15\/24 .*\(dhcp\)/);
  const data = randomBytes(256 * 1024);
  const back = await exchange(port, data);
  expect(back.length).toBe(data.length);
  expect(back.equals(data)).toBe(true);
  await exchange(port, Buffer.from("quit\n"));
  return data.reduce((a, x) => (a + x) >>> 0, 0);
}

describe("e1000e (82574L)", () => {
  it("rumpsdk run --net=e1000e: attaches, gets a DHCP address and echoes TCP data through --forward", async () => {
    const b = await rumpsdk(["build", "test/net/echo.c", "--board=qemu-x86", "-q"]);
    expect(b.code, b.stderr).toBe(0);
    const port = await freePort();
    const p = spawn(process.execPath, [CLI, "run", "test/net/echo.c", "--board=qemu-x86", "--accel=tcg", "--timeout=240",
      "--net=e1000e", "--forward", `${port}:7`], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let done = false;
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => p.on("close", (code) => { done = true; resolve(code); }));
    try {
      await until(() => out, "echo: listening on port 7", () => done);
      expect(out).toContain("rumpsdk: network: e1000e NIC on QEMU user networking");
      const sum = await checkEcho(out, port, "00:02.0");
      expect(await exited).toBe(0);
      expect(out).toContain(`echo: ${256 * 1024} bytes, sum ${sum}`);
    } finally {
      p.kill("SIGKILL");
    }
  }, 300_000);

  it("on -machine q35 (PCIe chipset): the same, with the device at 00:01.0", async () => {
    const b = await rumpsdk(["build", "test/net/echo.c", "--board=qemu-x86", "-q"]);
    expect(b.code, b.stderr).toBe(0);
    const pc = loadBoard("qemu-x86");
    const board = { ...pc, qemu: { ...pc.qemu!, machine: "q35" } };
    const port = await freePort();
    let out = "";
    let done = false;
    const abort = new AbortController();
    const run = runImage({ board, image: IMAGE, accel: "tcg", timeoutSec: 240, args: netArgs("e1000e", [{ host: port, guest: 7 }]),
      onOutput: (d) => (out += d), signal: abort.signal }).finally(() => (done = true));
    try {
      await until(() => out, "echo: listening on port 7", () => done);
      const sum = await checkEcho(out, port, "00:01.0");
      const res = await run;
      expect(res.exitCode).toBe(0);
      expect(out).toContain(`echo: ${256 * 1024} bytes, sum ${sum}`);
    } finally {
      abort.abort();
      await run.catch(() => undefined);
    }
  }, 300_000);
});
