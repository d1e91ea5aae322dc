// `rumpsdk flash --monitor`: after writing the image it opens the serial console with the same code as
// `rumpsdk console` (waiting for the port). Here the "board" is QEMU q35 + OVMF booting the image just
// written, its serial port a pty reached through a symlink the test owns, as a USB adapter's
// /dev/serial/by-id name would be.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { loadBoard } from "../../toolchain/boards.ts";
import { startQemuPty } from "../../toolchain/console.ts";
import { qemuArgs } from "../../toolchain/qemu.ts";
import { CLI, ROOT } from "../lib/sdk.ts";

const tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-monitor-test-"));
const kills: (() => void)[] = [];
afterAll(() => {
  for (const k of kills) k();
  rmSync(tmp, { recursive: true, force: true });
});

it("flash --image --monitor PORT writes the image, then shows the board booting from it on the console", async () => {
  const image = path.join(tmp, "hello.img");
  const link = path.join(tmp, "ttyMINNOW");
  const flash = spawn(process.execPath, [CLI, "flash", "examples/hello", "--board=x86-minnow", "--image", image, "--monitor", link],
    { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
  kills.push(() => flash.kill("SIGKILL"));
  let out = "";
  flash.stdout.on("data", (d) => (out += d));
  flash.stderr.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => flash.on("close", (code) => r(code)));
  const waitFor = (re: RegExp, ms: number) => new Promise<void>((resolve, reject) => {
    const t0 = Date.now();
    const tick = setInterval(() => {
      if (re.test(out)) { clearInterval(tick); resolve(); }
      else if (Date.now() - t0 > ms) { clearInterval(tick); reject(new Error(`no ${re} in:\n${out}`)); }
    }, 50);
  });

  await waitFor(/read back and verified .* SHA-256 [0-9a-f]{64}/, 240_000);
  await waitFor(new RegExp(`waiting for ${link} to appear`), 10_000);

  const q = startQemuPty("qemu-system-x86_64", qemuArgs(loadBoard("x86-minnow"), image, "tcg"));
  kills.push(() => q.kill("SIGKILL"));
  symlinkSync(await q.pty, link);
  await waitFor(new RegExp(`connected to ${link} at 115200 8N1`), 10_000);
  q.cont();
  await waitFor(/x86-minnow: UEFI application started/, 120_000);
  await waitFor(/hello: rumpsdk firmware up/, 60_000);
  await waitFor(/hello: tick 1 at/, 30_000); // not the last lines: a pty whose QEMU exits drops unread bytes

  flash.stdin.write("\x1d"); // Ctrl-]: the console quits, and with it flash
  expect(await exited, out).toBe(0);
}, 600_000);
