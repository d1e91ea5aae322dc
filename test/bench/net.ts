// Section "net" (issue: networked sensor firmware, item 9): examples/sensor-http on qemu-x86 (lwip kernel,
// virtio NIC, QEMU user networking) against the do-nothing floor kernel and the Linux guest of
// linux-guest.ts, all measured in this run: QEMU start to the first HTTP 200, requests per second (wrk),
// TCP throughput each way (test/net/bulk.c), image size, serving with 8 MiB of RAM, the GC heap's peak
// and its live data before and after a 60 s wrk run. The Linux guest's boots and wrk runs alternate with
// sensor-http's, so that both see the same load on this shared machine.
import { randomBytes } from "node:crypto";
import net from "node:net";
import os from "node:os";
import { loadBoard, type Board } from "../../toolchain/boards.ts";
import { build } from "../../toolchain/build.ts";
import { sdkPath } from "../../toolchain/paths.ts";
import { boardNic, freePort, netArgs, probeAccel, probeKernel, runImage, type Accel, type RunResult } from "../../toolchain/qemu.ts";
import { fmt, get, median, row, sleep, target } from "./lib.ts";
import { measureLinuxBoot, newLinuxBaseline, shareLinuxBaseline, wrk, WRK_SECONDS, type WrkResult } from "./linux-guest.ts";

const BOOTS = 9; // timed boots of sensor-http (and of the floor kernel, interleaved): single boots swing with the machine's load
const WRK_BOOTS = 3; // of those, the ones loaded with wrk at 1 and 16 connections, each after a Linux guest's boot and wrk runs
const SOAK_SECONDS = 60; // the wrk run memory is compared across (16 connections)
const QUIET_MS = 1000; // no requests for this long before reading memory
const SMALL_MEMORY = "8M";
const BULK_BYTES = 64 << 20; // per transfer; 3 each way
const BULK_PORT = 5001;
const GUEST_LIFETIME_S = 300; // runImage's bound on every QEMU of this section

const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");

// every machine this section starts, so that none outlives the bench (Ctrl-C, an exception, exit)
const running = new Set<AbortController>();
let hooked = false;
function stopAllOnExit(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", () => { for (const c of running) c.abort(); });
}

export interface Machine {
  /** performance.now() just before runImage: QEMU's spawn follows within a few ms */
  start: number;
  output(): string;
  /** ms from start to the first console line matching re, or NaN */
  lineMs(re: RegExp): number;
  done: Promise<RunResult>;
  stop(): Promise<RunResult>;
}

/** Boots an image under runImage (optionally with the board's NIC forwarding 127.0.0.1:port to guestPort, and
 * more QEMU arguments). */
export function boot(board: Board, image: string, accel: Accel, opts: { port?: number; guestPort?: number; memory?: string; args?: string[] } = {}): Machine {
  stopAllOnExit();
  const ac = new AbortController();
  running.add(ac);
  let out = "";
  const seen: { ms: number; text: string }[] = [];
  let partial = "";
  const start = performance.now();
  const done = runImage({
    board, image, accel, timeoutSec: GUEST_LIFETIME_S, signal: ac.signal, memory: opts.memory,
    args: [...(opts.port ? netArgs(boardNic(board), [{ host: opts.port, guest: opts.guestPort ?? 80, proto: "tcp" }], board) : []), ...(opts.args ?? [])],
    onOutput: (d) => {
      const ms = performance.now() - start;
      const text = d.toString("latin1");
      out += text;
      const parts = (partial + text).split("\n");
      partial = parts.pop()!;
      for (const l of parts) seen.push({ ms, text: l.replace(/\r$/, "") });
    },
  }).finally(() => running.delete(ac));
  done.catch(() => {}); // awaited by stop() or the caller
  return {
    start, done, output: () => out,
    lineMs: (re) => seen.find((l) => re.test(l.text))?.ms ?? NaN,
    stop: () => { ac.abort(); return done; },
  };
}

/** The reason of a panic report in a console, or its last lines. */
export const why = (out: string) => out.match(/^reason: .*$/m)?.[0] ?? out.trim().split("\n").slice(-3).join(" | ");

/**
 * Polls GET url until one answers 200, from the guest's first console output (it cannot answer before):
 * a new attempt every 5 ms, without waiting for the earlier ones (each has a 1 s timeout: a connection
 * QEMU's user networking forwards before the guest has its address stalls until slirp's SYN
 * retransmission, so only overlapping attempts see the first moment the guest can answer). Returns the
 * ms from the machine's start to that response's end, and its body.
 */
export async function first200(m: Machine, url: string, limitMs = 120_000): Promise<{ ms: number; body: string }> {
  let result: { ms: number; body: string } | null = null;
  let exited = false;
  m.done.then(() => (exited = true), () => (exited = true));
  let inFlight = 0;
  while (!result) {
    if (exited) throw new Error(`the guest stopped before answering: ${why(m.output())}`);
    if (performance.now() - m.start > limitMs) throw new Error(`no HTTP 200 within ${limitMs / 1000} s: ${why(m.output())}`);
    if (m.output() === "") {
      await sleep(1);
      continue;
    }
    inFlight++;
    get(url, 1000).then((r) => {
      inFlight--;
      if (r?.status === 200 && !result) result = { ms: performance.now() - m.start, body: r.body };
    });
    await sleep(5);
  }
  while (inFlight > 0) await sleep(5); // no stray connection into what follows
  return result;
}

export interface MemSample { heap_live: number; heap_peak: number; heap_size: number; collections: number }

/** GET /debug/mem after QUIET_MS without requests: the GC heap right after a collection. */
export async function quietMemory(url: string): Promise<MemSample> {
  await sleep(QUIET_MS);
  const r = await get(`${url}/debug/mem`, 10_000);
  if (r?.status !== 200) throw new Error(`GET /debug/mem: ${r ? `status ${r.status}` : "no answer"}`);
  return JSON.parse(r.body) as MemSample;
}

// ---- TCP bulk transfer (test/net/bulk.c) ------------------------------------------------------------

/** Host -> guest: "sink\n" and n bytes, half-close, the guest's count and sum; MiB/s from connect to reply. */
function sendBulk(port: number, n: number, chunk: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    let reply = "";
    let expectSum = 0;
    for (const b of chunk) expectSum += b;
    const t0 = performance.now();
    const s = net.connect(port, "127.0.0.1", async () => {
      s.write("sink\n");
      for (let sent = 0; sent < n; sent += chunk.length) {
        if (!s.write(chunk)) await new Promise((r) => s.once("drain", r));
      }
      s.end();
    });
    s.on("data", (d) => (reply += d));
    s.on("end", () => {
      const ms = performance.now() - t0;
      const sum = (expectSum * (n / chunk.length)) >>> 0;
      if (reply.trim() !== `bulk: ${n} bytes, sum ${sum}`) reject(new Error(`bulk sink answered "${reply.trim()}", expected ${n} bytes, sum ${sum}`));
      else resolve(n / 1048576 / (ms / 1000));
    });
    s.on("error", reject);
    s.setTimeout(120_000, () => s.destroy(new Error("bulk sink timed out")));
  });
}

/** Guest -> host: "source n\n", read to EOF checking the pattern (byte i is i & 0xff); MiB/s from connect to EOF. */
function receiveBulk(port: number, n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let got = 0;
    let bad = false;
    const t0 = performance.now();
    const s = net.connect(port, "127.0.0.1", () => s.write(`source ${n}\n`));
    s.on("data", (d: Buffer) => {
      if (d[0] !== (got & 0xff) || d[d.length - 1] !== ((got + d.length - 1) & 0xff)) bad = true;
      got += d.length;
    });
    s.on("end", () => {
      const ms = performance.now() - t0;
      if (got !== n || bad) reject(new Error(`bulk source: ${got} of ${n} bytes${bad ? ", pattern wrong" : ""}`));
      else resolve(n / 1048576 / (ms / 1000));
    });
    s.on("error", reject);
    s.setTimeout(120_000, () => s.destroy(new Error("bulk source timed out")));
  });
}

// ---- the section -------------------------------------------------------------------------------------

export async function benchNet(): Promise<void> {
  const board = loadBoard("qemu-x86");
  const accel = await probeAccel(board);
  console.log(`\n== net: examples/sensor-http on qemu-x86 (lwip kernel, virtio NIC, QEMU user networking) ==`);
  console.log(`  accelerator ${accel.toUpperCase()}${accel === "tcg" ? " (KVM cannot run a probe guest on this machine)" : ""}; ` +
    `${os.cpus().length} CPUs, load average ${loadavg()} (a shared machine: figures vary from run to run)`);

  const img = await build({ input: sdkPath("examples/sensor-http"), board, output: sdkPath("build", "bench", "net", "sensor-http.img"), quiet: true });
  const bulk = await build({ input: sdkPath("test/net/bulk.c"), board, output: sdkPath("build", "bench", "net", "bulk.img"), quiet: true });
  const { text, data, bss } = img.size;
  console.log(`  image: text ${fmt(text / 1024)} KiB, data ${fmt(data / 1024)} KiB (loaded ${fmt((text + data) / 1024)} KiB), ` +
    `bss ${fmt(bss / 1024)} KiB (static RAM ${fmt((text + data + bss) / 1024)} KiB)`);
  target("sensor-http image size (text + data)", (text + data) / 1024, 1024, "KiB");

  const linux = await newLinuxBaseline("virtio");
  // timed boots, interleaved with the floor kernel's so drift in the machine's load hits both alike
  const floor = probeKernel("floor");
  const floorMs: number[] = [], listenMs: number[] = [], first200Ms: number[] = [], heapAt200: number[] = [];
  const w1: WrkResult[] = [], w16: WrkResult[] = [];
  let before: MemSample | null = null, after: MemSample | null = null;
  let soak: WrkResult | null = null;
  for (let i = 0; i < BOOTS; i++) {
    if (i < WRK_BOOTS) await measureLinuxBoot(linux); // its first 200 and wrk runs, then sensor-http's
    const f = boot(board, floor, accel);
    await f.done;
    floorMs.push(f.lineMs(/^floor: first line/));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const m = boot(board, img.image, accel, { port });
    try {
      const r = await first200(m, `${url}/metrics`);
      first200Ms.push(r.ms);
      listenMs.push(m.lineMs(/^sensor-http: listening/));
      heapAt200.push(JSON.parse(r.body).memory.heap_used);
      if (i < WRK_BOOTS) {
        w1.push(await wrk(`${url}/metrics`, 1, WRK_SECONDS));
        w16.push(await wrk(`${url}/metrics`, 16, WRK_SECONDS));
      } else if (i === BOOTS - 1) {
        before = await quietMemory(url);
        soak = await wrk(`${url}/metrics`, 16, SOAK_SECONDS);
        after = await quietMemory(url);
      }
    } finally {
      await m.stop();
    }
  }
  if (floorMs.some(Number.isNaN)) throw new Error("the floor kernel printed no first line");
  shareLinuxBaseline(linux); // section "linux" prints these
  console.log(`  Linux guest (${linux.kernelPackage}, busybox httpd, 128 MiB, ${linux.accel.toUpperCase()}): first 200 median ` +
    `${fmt(median(linux.first200Ms))} ms; req/s median ${fmt(median(linux.rps1))} at 1 connection, ${fmt(median(linux.rps16))} at 16`);

  console.log(` start to first HTTP 200 (${BOOTS} boots each, ${accel.toUpperCase()}):`);
  row("QEMU start to first line, floor kernel", floorMs, "ms");
  row("QEMU start to \"sensor-http: listening\" (serial)", listenMs, "ms");
  row("QEMU start to first HTTP 200 (GET /metrics, polled every 5 ms from the first console output)", first200Ms, "ms");
  row("Linux guest: QEMU start to first HTTP 200", linux.first200Ms, "ms");
  // each boot against the floor boot just before it: drift in the machine's load cancels out
  const above = median(first200Ms.map((ms, i) => ms - floorMs[i]));
  const vsLinux = median(first200Ms) / median(linux.first200Ms);
  console.log(`  sensor-http first 200 - floor first line, boot by boot: median ${fmt(above)} ms (${first200Ms.map((ms, i) => fmt(ms - floorMs[i])).join(", ")}; ` +
    `difference of the medians ${fmt(median(first200Ms) - median(floorMs))} ms); sensor-http / Linux: ${fmt(vsLinux)}x`);
  target(`${accel}: first HTTP 200 above the floor's first line`, above, 100, "ms");
  target(`${accel}: first HTTP 200 vs the Linux guest's`, vsLinux, 0.1, "x");

  console.log(` requests per second, GET /metrics, wrk ${WRK_SECONDS} s (${WRK_BOOTS} boots each, alternating with the Linux guest's):`);
  row("sensor-http, 1 connection (wrk -t1)", w1.map((w) => w.rps), "req/s");
  row("sensor-http, 16 connections (wrk -t2)", w16.map((w) => w.rps), "req/s");
  row("Linux guest, 1 connection", linux.rps1, "req/s");
  row("Linux guest, 16 connections", linux.rps16, "req/s");
  const r1 = median(w1.map((w) => w.rps)) / median(linux.rps1);
  const r16 = median(w16.map((w) => w.rps)) / median(linux.rps16);
  console.log(`  sensor-http / Linux: ${fmt(r1)}x at 1 connection, ${fmt(r16)}x at 16; latency p50 sensor-http ` +
    `${fmt(median(w1.map((w) => w.latencyP50Ms ?? NaN)))} ms at 1, ${fmt(median(w16.map((w) => w.latencyP50Ms ?? NaN)))} ms at 16; ` +
    `wrk socket errors + non-2xx per run: ${w1.map((w) => w.errors).join("/")} at 1, ${w16.map((w) => w.errors).join("/")} at 16`);
  target(`${accel}: req/s at 16 connections vs the Linux guest's`, r16, 20, "x", "min");

  // memory: the GC heap only (the runtime's garbage-collected objects, strings, closures); not the kernel's
  // or core's allocations (lwIP's pools, thread stacks, NIC rings), which the firmware cannot report yet
  console.log(` memory (GC heap of ${fmt(before!.heap_size / 1024)} KiB; GET /debug/mem forces a collection after ${QUIET_MS} ms without requests):`);
  row("GC heap in use at the first 200 (GET /metrics heap_used, no collection forced)", heapAt200.map((x) => x / 1024), "KiB");
  console.log(`  live data before the ${SOAK_SECONDS} s run: ${fmt(before!.heap_live / 1024)} KiB; after it (${fmt(soak!.rps)} req/s, ` +
    `${soak!.requests} requests, ${soak!.errors} errors, ${after!.collections - before!.collections} collections): ${fmt(after!.heap_live / 1024)} KiB`);
  console.log(`  peak GC heap occupancy (live data plus garbage not yet collected, since boot): ${fmt(after!.heap_peak / 1024)} KiB; ` +
    `static RAM (text + data + bss) ${fmt((text + data + bss) / 1024)} KiB`);
  target(`memory in use after the ${SOAK_SECONDS} s wrk run vs before`, Math.abs(after!.heap_live / before!.heap_live - 1) * 100, 5, "%");

  // the smallest guest: the target's 8 MiB; when it cannot serve there, say why and find what it needs
  let served = NaN;
  for (const mem of [SMALL_MEMORY, "16M", "32M", "64M"]) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const m = boot(board, img.image, accel, { port, memory: mem });
    try {
      const r = await first200(m, `${url}/metrics`, 60_000);
      const w = await wrk(`${url}/metrics`, 16, 5);
      const live = await quietMemory(url);
      console.log(` guest with ${mem} of RAM: first 200 after ${fmt(r.ms)} ms; wrk 16 connections 5 s: ${fmt(w.rps)} req/s, ` +
        `${w.errors} errors; GC heap live ${fmt(live.heap_live / 1024)} KiB`);
      served = parseInt(mem); // it answered, took the load and answers again after it
      break;
    } catch (e) {
      console.log(` guest with ${mem} of RAM: does not serve: ${(e as Error).message}`);
    } finally {
      await m.stop();
    }
  }
  target("guest RAM sensor-http serves in (under wrk load)", served, parseInt(SMALL_MEMORY), "MiB");

  // TCP bulk transfer, one connection at a time, through QEMU's user networking (slirp, itself a TCP stack)
  const port = await freePort();
  const b = boot(board, bulk.image, accel, { port, guestPort: BULK_PORT });
  const toGuest: number[] = [], toHost: number[] = [];
  try {
    const deadline = performance.now() + 60_000;
    while (!/bulk: listening/.test(b.output())) {
      if (performance.now() > deadline || /FAIL|PANIC/.test(b.output())) throw new Error(`bulk.c did not start: ${why(b.output())}`);
      await sleep(20);
    }
    const chunk = randomBytes(1 << 20);
    for (let i = 0; i < 3; i++) {
      toGuest.push(await sendBulk(port, BULK_BYTES, chunk));
      toHost.push(await receiveBulk(port, BULK_BYTES));
    }
  } finally {
    await b.stop();
  }
  console.log(` TCP throughput, ${BULK_BYTES >> 20} MiB per transfer over one connection (test/net/bulk.c; connect to the last byte acknowledged by the far end's reply or EOF):`);
  row("host -> guest (guest discards, reports count and sum)", toGuest, "MiB/s");
  row("guest -> host (guest writes a pattern, host checks it)", toHost, "MiB/s");
  console.log(`  load average at the end: ${loadavg()}`);
}
