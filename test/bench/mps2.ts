// Section "mps2" (issue: an MMU-less board, item 8): examples/sensor-http on mps2-an385 (Cortex-M3 under
// qemu-system-arm, TCG; its LAN9118 on QEMU user networking): the flash image's size, the RAM in use while
// serving, QEMU start (the board's reset) to the first HTTP 200, requests per second with wrk.
import { rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { loadBoard } from "../../toolchain/boards.ts";
import { build } from "../../toolchain/build.ts";
import { runSync } from "../../toolchain/cc.ts";
import { sdkPath } from "../../toolchain/paths.ts";
import { freePort } from "../../toolchain/qemu.ts";
import { fmt, median, row, sleep, target } from "./lib.ts";
import { wrk, WRK_SECONDS, type WrkResult } from "./linux-guest.ts";
import { boot, first200, quietMemory } from "./net.ts";

const BOOTS = 5; // timed boots
const WRK_BOOTS = 3; // of those, the ones loaded with wrk at 1 and 16 connections
const LOAD_SECONDS = 10; // the wrk run (16 connections) the RAM is read during and after
const IMAGE_LIMIT_KIB = 512;
const RAM_LIMIT_KIB = 2048;

const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");

/** Addresses of the ELF's symbols by name (arm-none-eabi-nm). */
function symbols(elf: string): Map<string, number> {
  const out = runSync("arm-none-eabi-nm", [elf], "reading the image's symbols", "Run `npm run setup` (it installs binutils-arm-none-eabi).");
  const map = new Map<string, number>();
  for (const l of out.split("\n")) {
    const m = /^([0-9a-f]{8}) \w (\S+)$/.exec(l);
    if (m) map.set(m[2], parseInt(m[1], 16));
  }
  return map;
}

/** n 32-bit words of guest memory at addr, through QEMU's human monitor on a unix socket (`xp`). */
function readWords(socket: string, addr: number, n: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const s = net.connect(socket);
    let buf = "";
    s.setTimeout(10_000, () => s.destroy(new Error("QEMU monitor did not answer")));
    s.on("connect", () => s.write(`xp /${n}wx 0x${addr.toString(16)}\n`));
    s.on("data", (d) => {
      buf += d;
      const m = new RegExp(`0*${addr.toString(16)}:((?:\\s+0x[0-9a-f]+){${n}})`).exec(buf);
      if (m) {
        s.end();
        resolve(m[1].trim().split(/\s+/).map((x) => parseInt(x, 16)));
      }
    });
    s.on("error", reject);
  });
}

export async function benchMps2(): Promise<void> {
  const board = loadBoard("mps2-an385");
  const accel = "tcg";
  console.log(`\n== mps2: examples/sensor-http on mps2-an385 (Cortex-M3, qemu-system-arm, LAN9118 on QEMU user networking) ==`);
  console.log(`  accelerator TCG (an emulated Cortex-M3); ${os.cpus().length} CPUs, load average ${loadavg()} (a shared machine: figures vary from run to run)`);

  const img = await build({ input: sdkPath("examples/sensor-http"), board, output: sdkPath("build", "bench", "mps2", "sensor-http.img"), quiet: true });
  const { text, data, bss } = img.size;
  const flash = statSync(img.image).size;
  console.log(`  image: ${fmt(flash / 1024)} KiB raw (the bytes written to the board's flash/SSRAM1: vector table, text, ` +
    `rodata, .data's initial values); text ${fmt(text / 1024)} KiB, data ${fmt(data / 1024)} KiB, bss ${fmt(bss / 1024)} KiB`);
  target("mps2-an385: sensor-http flash image", flash / 1024, IMAGE_LIMIT_KIB, "KiB");

  // RAM: what the image occupies in SSRAM2/3 (.data, .bss, the interrupt and boot stacks: __data_start.._end)
  // plus the high-water mark of core's allocator (its static "peak": every block handed out, headers included:
  // the GC heap at its full size, thread stacks, the kernel's and the drivers' allocations), read from guest
  // memory through QEMU's monitor while wrk loads the server and after it
  const sym = symbols(img.elf);
  for (const s of ["__data_start", "_end", "used", "peak"]) if (!sym.has(s)) throw new Error(`symbol ${s} not in ${img.elf}`);
  const staticRam = sym.get("_end")! - sym.get("__data_start")!;
  if (sym.get("peak")! !== sym.get("used")! + 4) throw new Error("core's used and peak are not adjacent words");

  const first200Ms: number[] = [], listenMs: number[] = [];
  const w1: WrkResult[] = [], w16: WrkResult[] = [];
  let ram: { usedLoad: number; usedAfter: number; peak: number; heapSize: number; heapPeak: number; load: WrkResult } | null = null;
  for (let i = 0; i < BOOTS; i++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const monitor = path.join(os.tmpdir(), `rumpsdk-mps2-${process.pid}-${i}.sock`);
    const m = boot(board, img.image, accel, { port, args: ["-monitor", `unix:${monitor},server=on,wait=off`] });
    try {
      const r = await first200(m, `${url}/metrics`);
      first200Ms.push(r.ms);
      listenMs.push(m.lineMs(/^sensor-http: listening/));
      if (i < WRK_BOOTS) {
        w1.push(await wrk(`${url}/metrics`, 1, WRK_SECONDS));
        w16.push(await wrk(`${url}/metrics`, 16, WRK_SECONDS));
      } else if (i === BOOTS - 1) {
        const running = wrk(`${url}/metrics`, 16, LOAD_SECONDS);
        await sleep(LOAD_SECONDS * 500);
        const [usedLoad] = await readWords(monitor, sym.get("used")!, 1);
        const load = await running;
        const mem = await quietMemory(url);
        const [usedAfter, peak] = await readWords(monitor, sym.get("used")!, 2);
        ram = { usedLoad, usedAfter, peak, heapSize: mem.heap_size, heapPeak: mem.heap_peak, load };
      }
    } finally {
      await m.stop();
      rmSync(monitor, { force: true });
    }
  }

  console.log(` QEMU start (the board's reset) to first HTTP 200 (${BOOTS} boots, TCG):`);
  row("QEMU start to \"sensor-http: listening\" (serial)", listenMs, "ms");
  row("QEMU start to first HTTP 200 (GET /metrics, first200 of section net: an attempt every 5 ms from the first serial output; includes DHCP)", first200Ms, "ms");

  console.log(` requests per second, GET /metrics, wrk ${WRK_SECONDS} s (${WRK_BOOTS} boots):`);
  row("1 connection (wrk -t1)", w1.map((w) => w.rps), "req/s");
  row("16 connections (wrk -t2)", w16.map((w) => w.rps), "req/s");
  console.log(`  latency p50 ${fmt(median(w1.map((w) => w.latencyP50Ms ?? NaN)))} ms at 1, ${fmt(median(w16.map((w) => w.latencyP50Ms ?? NaN)))} ms at 16; ` +
    `wrk socket errors + non-2xx per run: ${w1.map((w) => w.errors).join("/")} at 1, ${w16.map((w) => w.errors).join("/")} at 16`);

  const r = ram!;
  const inUse = staticRam + r.peak;
  console.log(` RAM in use while serving (boot ${BOOTS}: wrk at 16 connections for ${LOAD_SECONDS} s, ${fmt(r.load.rps)} req/s, ${r.load.errors} errors):`);
  console.log(`  static: ${fmt(staticRam / 1024)} KiB (.data + .bss + interrupt and boot stacks; lwIP's heap and pools are in .bss, sized by board.json "lwip")`);
  console.log(`  core's allocator: ${fmt(r.usedLoad / 1024)} KiB in use during the run, ${fmt(r.usedAfter / 1024)} KiB after it, ` +
    `high-water ${fmt(r.peak / 1024)} KiB (of which the GC heap ${fmt(r.heapSize / 1024)} KiB, whose own peak occupancy was ${fmt(r.heapPeak / 1024)} KiB)`);
  console.log(`  in use: static + allocator high-water = ${fmt(inUse / 1024)} KiB of the board's ${fmt(board.memory.ram / 1048576)} MiB`);
  const fp = img.footprint!;
  console.log(`  for comparison, rumpsdk build's footprint (before running): static RAM ${fmt(fp.staticRam / 1024)} KiB + GC heap ` +
    `${fmt(fp.heap!.bytes / 1024)} KiB + main stack ${fmt(fp.mainStack.bytes / 1024)} KiB = ${fmt(fp.ramAtStart / 1024)} KiB at start (without other threads' stacks and run-time allocations)`);
  target("mps2-an385: RAM in use while serving (static + allocator high-water)", inUse / 1024, RAM_LIMIT_KIB, "KiB");
  console.log(`  load average at the end: ${loadavg()}`);
}
