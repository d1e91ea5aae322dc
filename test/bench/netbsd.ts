// Section "netbsd" (issue: genuine NetBSD drivers, item 6): examples/sensor-http built on both kernel
// flavors and run side by side on qemu-x86 with a virtio NIC and the guest given 16 MiB: image size,
// memory, QEMU start to the first HTTP 200 (against the do-nothing floor kernel's first line), and
// requests per second at 1 and 16 connections (wrk). Needs NetBSD rump kernel components: set
// RUMPSDK_NETBSD_DIR to their folder; without it the section says so and measures nothing.
import path from "node:path";
import { loadBoard } from "../../toolchain/boards.ts";
import { build } from "../../toolchain/build.ts";
import type { KernelFlavor } from "../../toolchain/netbsd.ts";
import { sdkPath } from "../../toolchain/paths.ts";
import { freePort, probeAccel, probeKernel, runImage, type Accel } from "../../toolchain/qemu.ts";
import { fmt, median, row, target } from "./lib.ts";
import { wrk, WRK_SECONDS } from "./linux-guest.ts";
import { boot, first200 } from "./net.ts";

const BOOTS = 3;
const GUEST_MEMORY = "16M";

interface Run { first200Ms: number; heapUsed: number; rps1: number; rps16: number; errors: number }

/** One boot: QEMU start to the first 200 of GET /metrics (the net section's first200: a new attempt every
 * 20 ms, several in flight), then wrk at 1 and 16 connections. */
async function oneBoot(image: string, accel: Accel, memory: string): Promise<Run> {
  const port = await freePort();
  const m = boot(loadBoard("qemu-x86"), image, accel, { port, memory });
  try {
    const url = `http://127.0.0.1:${port}/metrics`;
    const first = await first200(m, url);
    const heapUsed = JSON.parse(first.body).memory.heap_used as number;
    const w1 = await wrk(url, 1, WRK_SECONDS);
    const w16 = await wrk(url, 16, WRK_SECONDS);
    return { first200Ms: first.ms, heapUsed, rps1: w1.rps, rps16: w16.rps, errors: w1.errors + w16.errors };
  } finally {
    await m.stop();
  }
}

export async function benchNetbsd(): Promise<void> {
  console.log(`\n== netbsd: sensor-http on the lwip and netbsd kernel flavors (qemu-x86, virtio, ${GUEST_MEMORY}) ==`);
  const dir = process.env.RUMPSDK_NETBSD_DIR;
  if (!dir) {
    console.log("  skipped: set RUMPSDK_NETBSD_DIR to a folder of NetBSD rump kernel components (README.md, \"NetBSD's kernel\")");
    return;
  }
  const board = loadBoard("qemu-x86");
  const accel = await probeAccel(board);
  console.log(`  components: ${dir}; accelerator ${accel.toUpperCase()}`);
  const floor = probeKernel("floor");
  const floorMs: number[] = [];
  for (let i = 0; i < BOOTS; i++) {
    const r = await runImage({ board, image: floor, accel, timeoutSec: 60 });
    floorMs.push(r.lines.find((l) => /^floor: first line/.test(l.text))!.ms);
  }
  row("QEMU start to first line, floor kernel", floorMs, "ms");
  const results: Record<string, Run[]> = {};
  for (const kernel of ["lwip", "netbsd"] as KernelFlavor[]) {
    const out = sdkPath("build", "bench", "netbsd", kernel, "sensor-http.img");
    const img = await build({ input: sdkPath("examples/sensor-http"), board, output: out, quiet: true, kernel, rumpkernel: kernel === "netbsd" ? path.resolve(dir) : undefined });
    const { text, data, bss } = img.size;
    console.log(` ${kernel}:`);
    console.log(`  image: text ${fmt(text / 1024)} KiB, data ${fmt(data / 1024)} KiB, bss ${fmt(bss / 1024)} KiB (static RAM ${fmt((text + data + bss) / 1024)} KiB)`);
    // the target's 16 MiB first; when the image cannot serve in it, say why and measure with 32 MiB
    let memory = GUEST_MEMORY;
    const runs: Run[] = [];
    try {
      runs.push(await oneBoot(img.image, accel, memory));
    } catch (e) {
      console.log(`  does not serve in ${memory}: ${(e as Error).message}`);
      memory = "32M";
      console.log(`  measuring with ${memory} instead`);
    }
    while (runs.length < BOOTS) runs.push(await oneBoot(img.image, accel, memory));
    results[kernel] = runs;
    target(`${kernel} flavor: guest memory sensor-http serves in`, parseInt(memory), parseInt(GUEST_MEMORY), "MiB");
    row("QEMU start to first HTTP 200 (GET /metrics)", runs.map((r) => r.first200Ms), "ms");
    row("GC heap in use at the first 200", runs.map((r) => r.heapUsed / 1024), "KiB");
    row(`requests/s, 1 connection, ${WRK_SECONDS} s`, runs.map((r) => r.rps1), "req/s");
    row(`requests/s, 16 connections, ${WRK_SECONDS} s`, runs.map((r) => r.rps16), "req/s");
    console.log(`  wrk errors per boot: ${runs.map((r) => r.errors).join("/")}`);
  }
  const m = (k: string, f: (r: Run) => number) => median(results[k].map(f));
  console.log(`  netbsd / lwip: first 200 ${fmt(m("netbsd", (r) => r.first200Ms) / m("lwip", (r) => r.first200Ms))}x, ` +
    `req/s at 1: ${fmt(m("netbsd", (r) => r.rps1) / m("lwip", (r) => r.rps1))}x, at 16: ${fmt(m("netbsd", (r) => r.rps16) / m("lwip", (r) => r.rps16))}x`);
  target(`${accel}: netbsd flavor first HTTP 200 above the floor (${GUEST_MEMORY} guest)`, m("netbsd", (r) => r.first200Ms) - median(floorMs), 300, "ms");
}
