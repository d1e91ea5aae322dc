// Section "minnow" (issue: rumpsdk flash --board=x86-minnow): sensor-http's x86-minnow disk image
// booted in qemu-system-x86_64 -machine q35 with OVMF and an e1000e NIC, QEMU start to the first
// HTTP 200, split at the first line our code prints (UEFI firmware time before it, ours after it);
// the disk image's size against the firmware; writing a 64 MiB image to a file.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeAndVerify } from "../../flash/writer.ts";
import { loadBoard } from "../../toolchain/boards.ts";
import { build } from "../../toolchain/build.ts";
import { sdkPath } from "../../toolchain/paths.ts";
import { freePort, netArgs, runImage } from "../../toolchain/qemu.ts";
import { fmt, get, median, row, target } from "./lib.ts";

const RUNS = 5;
const FIRST_LINE = "x86-minnow: UEFI application started";

/**
 * One boot. From the moment our first line arrives, a new GET starts every 5 ms without waiting for
 * the earlier ones: a connection made before the guest has its address sits in QEMU's forwarder
 * (SYN retransmission, ~1 s), so only overlapping attempts see the first moment it can answer.
 */
async function bootOnce(image: string) {
  const board = loadBoard("x86-minnow");
  const port = await freePort();
  const ac = new AbortController();
  let out = "";
  let poller: NodeJS.Timeout | undefined;
  let ok = 0;
  let resolveOk: () => void;
  const served = new Promise<void>((r) => (resolveOk = r));
  const t0 = performance.now();
  const run = runImage({
    board, image, accel: "tcg", timeoutSec: 120, signal: ac.signal, args: netArgs("e1000e", [{ host: port, guest: 80 }], board),
    onOutput: (d) => {
      out += d.toString("latin1");
      if (!poller && out.includes(FIRST_LINE)) {
        poller = setInterval(() => {
          void get(`http://127.0.0.1:${port}/metrics`, 3000).then((r) => { if (r?.status === 200 && !ok) { ok = performance.now() - t0; resolveOk(); } });
        }, 5);
      }
    },
  });
  await Promise.race([served, run]);
  clearInterval(poller);
  ac.abort();
  const res = await run;
  const first = res.lines.find((l) => l.text.includes(FIRST_LINE));
  if (!ok || !first) throw new Error(`no HTTP 200 (or no first line) from the x86-minnow image:\n${res.output.slice(-2000)}`);
  return { total: ok, uefi: first.ms, ours: ok - first.ms };
}

export async function benchMinnow(): Promise<void> {
  console.log(`\n== minnow: sensor-http on x86-minnow under OVMF (q35, TCG, e1000e, USB stick) ==`);
  const board = loadBoard("x86-minnow");
  const r = await build({ input: sdkPath("examples/sensor-http"), board, quiet: true });
  const efi = statSync(r.image.replace(/\.img$/, ".efi")).size;
  const disk = statSync(r.image).size;
  console.log(`  image: ${disk} B disk image (GPT + FAT12 ESP), BOOTX64.EFI ${efi} B; overhead ${disk - efi} B ` +
    `(MBR+GPT 40 sectors, FAT metadata, the directories, rumpsdk.cfg's 8 KiB, backup GPT 33 sectors)`);
  target("minnow disk image overhead over the firmware (FAT12 minimum + GPT)", (disk - efi) / 1024, 64, "KiB");

  const uefi: number[] = [];
  const ours: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const b = await bootOnce(r.image);
    uefi.push(b.uefi);
    ours.push(b.ours);
    total.push(b.total);
  }
  row("QEMU start to first HTTP 200", total, "ms");
  row("  UEFI firmware (QEMU start to our first line)", uefi, "ms");
  row("  ours (our first line to first HTTP 200)", ours, "ms");
  target("minnow: our first line to first HTTP 200 (TCG)", median(ours), 100, "ms");

  // flashing: a 64 MiB image to a file, write + fsync + read-back verify
  const tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-bench-flash-"));
  try {
    const img = randomBytes(64 << 20);
    const ms: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await writeAndVerify({ image: img, target: path.join(tmp, "out.img"), create: true });
      ms.push(performance.now() - t);
    }
    row("flash 64 MiB image to a file (write, fsync, read back, SHA-256)", ms, "ms");
    console.log(`  = ${fmt(64 / (median(ms) / 1000))} MiB/s`);
    target("minnow: flash a 64 MiB image to a file", median(ms) / 1000, 2, "s");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
