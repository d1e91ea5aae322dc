// x86-minnow end to end under emulation: `rumpsdk flash --image` writes sensor-http's disk image to a
// file; its rumpsdk.cfg is edited in place (a static address, as a user would on the card); the file
// boots in qemu-system-x86_64 -machine q35 with OVMF (UEFI, as on the board) from a USB stick with an
// e1000e NIC, and sensor-http answers curl through a forwarded port.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadBoard } from "../../toolchain/boards.ts";
import { freePort, netArgs, runImage } from "../../toolchain/qemu.ts";
import { PART_START } from "../../flash/image.ts";
import { SECTOR } from "../../flash/gpt.ts";
import { rumpsdk } from "../lib/sdk.ts";

const ready = existsSync("/usr/share/OVMF/OVMF_CODE.fd") && spawnSync("mcopy", ["--version"]).status === 0 && spawnSync("curl", ["--version"]).status === 0;
const tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-minnow-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!ready)("x86-minnow: flashed image boots under OVMF and serves HTTP", () => {
  it("flash --image, edit rumpsdk.cfg, boot on q35 + OVMF + e1000e, curl /metrics", async () => {
    const img = path.join(tmp, "card.img");
    const f = await rumpsdk(["flash", "examples/sensor-http", "--board=x86-minnow", "--image", img, "-q"], { timeoutMs: 600_000 });
    expect(f.code, f.stdout + f.stderr).toBe(0);
    expect(f.stdout).toMatch(/read back and verified .* SHA-256 [0-9a-f]{64}/);

    // the user's edit: a static address in rumpsdk.cfg on the card's FAT partition
    const cfg = path.join(tmp, "rumpsdk.cfg");
    writeFileSync(cfg, "# edited on the card\nnet.ip=10.0.2.15\nnet.netmask=255.255.255.0\nnet.gw=10.0.2.2\n  rumpsdk.main_stack=262144   # as built\n");
    const m = spawnSync("mcopy", ["-o", "-i", `${img}@@${PART_START * SECTOR}`, cfg, "::/rumpsdk.cfg"], { encoding: "utf8", env: { ...process.env, MTOOLS_SKIP_CHECK: "1" } });
    expect(m.status, m.stderr).toBe(0);

    const board = loadBoard("x86-minnow");
    const port = await freePort();
    const ac = new AbortController();
    let out = "";
    let served: () => void;
    const listening = new Promise<void>((r) => (served = r));
    const run = runImage({
      board, image: img, accel: "tcg", timeoutSec: 240, signal: ac.signal, args: netArgs("e1000e", [{ host: port, guest: 80 }], board),
      onOutput: (d) => { out += d.toString("latin1"); if (/net: wm0 .* \(static\)/.test(out) && out.includes("listening on port 80")) served(); },
    });
    try {
      await Promise.race([listening, run.then((r) => { throw new Error(`the machine stopped before serving:\n${r.output}`); })]);
      const c = spawnSync("curl", ["-s", "-S", "-m", "30", "-w", "\n%{http_code}", `http://127.0.0.1:${port}/metrics`], { encoding: "utf8" });
      const [body, code] = c.stdout.split("\n");
      expect(code, c.stderr).toBe("200");
      const j = JSON.parse(body);
      expect(j.sensor.name).toBe("sim");
      expect(j.uptime_ms).toBeGreaterThan(0);
    } finally {
      ac.abort();
      await run.catch(() => undefined);
    }
    const lines = out.replace(/\r/g, "").split("\n");
    expect(lines).toContain("x86-minnow: UEFI application started");
    expect(out).toMatch(/x86-minnow: firmware EDK II/);
    expect(out).toMatch(/x86-minnow: \\rumpsdk\.cfg: 4 settings/);
    expect(out).toMatch(/wm0: 82574L \(10d3\) at pci/);
    expect(out).toMatch(/net: wm0 [0-9a-f:]+ 10\.0\.2\.15\/24 gw 10\.0\.2\.2 \(static\)/);
  }, 600_000);
});
