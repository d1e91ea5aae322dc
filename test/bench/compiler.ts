// Issue "the TypeScript compiler", item 6: the SDK's compiler against hand-written C, Node and Duktape
// on CPU-bound firmware kernels, compile time of examples/sensor-http, code size of examples/hello, heap flatness over an
// allocation loop and GC pauses. Everything runs as host executables on this machine (no emulator),
// except the one labelled qemu-x86 row at the end.
//
// A kernel is a TypeScript program (kernels/NAME/main.ts) printing one result line, plus the same
// computation in C (kernels/NAME/baseline.c). Every runner's line must equal the C baseline's before
// its time counts. Scratch output goes to build/bench/compiler/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ts from "typescript";
import { fmt, median, row, target } from "./lib.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const KERNELS_DIR = path.join(import.meta.dirname, "kernels");
const OUT = path.join(ROOT, "build", "bench", "compiler");
const CLI = path.join(ROOT, "bin", "rumpsdk.mjs");
const KERNELS = ["crc32", "movavg", "json", "httpparse", "sort"];
const RUNS = 5;
const RUN_TIMEOUT_MS = 120_000;
const BUILD_TIMEOUT_MS = 300_000;

type RunnerName = "sdk" | "c" | "node" | "duktape";
const RUNNERS: RunnerName[] = ["sdk", "c", "node", "duktape"];
const LABEL: Record<RunnerName, string> = { sdk: "SDK", c: "C -O2", node: "Node", duktape: "Duktape" };

/** A runnable program, or why there is none. */
type Prepared = { cmd: string; args: string[] } | { error: string };

interface Proc { ok: boolean; code: number | null; stdout: string; stderr: string; ms: number; timedOut: boolean }

function exec(cmd: string, args: string[], timeoutMs = RUN_TIMEOUT_MS, cwd = ROOT): Proc {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  const timedOut = r.error !== undefined && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT";
  const stderr = r.error && !timedOut ? String(r.error.message) : r.stderr ?? "";
  return { ok: r.status === 0 && !r.error, code: r.status, stdout: r.stdout ?? "", stderr, ms, timedOut };
}

/** The line that best says what went wrong, for one-line reports: a compiler/linker diagnostic first. */
function reason(p: Proc): string {
  if (p.timedOut) return `timed out after ${RUN_TIMEOUT_MS / 1000} s`;
  const lines = (p.stderr + "\n" + p.stdout).split("\n").map((l) => l.trim()).filter(Boolean);
  const pick = (re: RegExp) => lines.find((l) => re.test(l));
  const err = pick(/:\d+:\d+: (fatal )?error:|undefined reference|multiple definition|PANIC|reason:/) ?? pick(/error|Error/) ?? lines[0] ?? "";
  return `${p.code === null ? "killed" : `exit ${p.code}`}${err ? `: ${err.split(ROOT + path.sep).join("").slice(0, 220)}` : ""}`;
}

const firstLine = (s: string) => s.split("\n")[0] ?? "";

function version(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return r.status === 0 ? firstLine(r.stdout.trim()) : "not installed";
}

function dpkgVersion(pkg: string): string {
  const r = spawnSync("dpkg-query", ["-W", "-f=${Version}", pkg], { encoding: "utf8" });
  return r.status === 0 && r.stdout ? r.stdout : "not installed";
}

function machineFacts(): void {
  const cpu = os.cpus();
  console.log(`  machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `${os.type()} ${os.release()} ${os.arch()}; load average ${os.loadavg()[0].toFixed(2)}`);
  console.log(`  all figures below are host executables on this machine (no emulator), except the row marked qemu-x86`);
  console.log(`  tools: node ${process.version}, ${version("gcc", ["--version"])}, typescript ${ts.version}, duktape ${dpkgVersion("duktape")}`);
  console.log(`  times: process wall time measured here (start to exit, including startup), median of ${RUNS} runs, runners interleaved`);
}

// ---- preparing the runners ----

/** rumpsdk build --board=host through the CLI: the whole pipeline a user runs. */
function buildSdk(appDir: string, exe: string): Prepared {
  mkdirSync(path.dirname(exe), { recursive: true });
  const r = exec(process.execPath, [CLI, "build", appDir, "--board=host", "-q", "-o", exe], BUILD_TIMEOUT_MS);
  if (!r.ok) return { error: `not compiled: ${reason(r)}` };
  return { cmd: exe, args: [] };
}

function buildC(src: string, exe: string): Prepared {
  mkdirSync(path.dirname(exe), { recursive: true });
  const r = exec("gcc", ["-std=c11", "-O2", "-Wall", "-Werror", "-o", exe, src, "-lm"]);
  return r.ok ? { cmd: exe, args: [] } : { error: `not compiled: ${reason(r)}` };
}

function transpile(src: string, target: ts.ScriptTarget): string {
  const out = ts.transpileModule(readFileSync(src, "utf8"), {
    compilerOptions: { target, module: ts.ModuleKind.ESNext, removeComments: false },
    fileName: src,
    reportDiagnostics: true,
  });
  if (out.diagnostics?.length) throw new Error(ts.flattenDiagnosticMessageText(out.diagnostics[0].messageText, "\n"));
  return out.outputText;
}

function prepareNode(src: string, file: string): Prepared {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, transpile(src, ts.ScriptTarget.ES2022));
  return { cmd: process.execPath, args: [file] };
}

const hasDuk = () => spawnSync("sh", ["-c", "command -v duk"], { stdio: "ignore" }).status === 0;

/** ES5 through transpileModule, after a small prelude (console.log, Map) that Duktape 2.7 lacks. */
function prepareDuktape(src: string, file: string): Prepared {
  if (!hasDuk()) return { error: "not available: no `duk` command (npm run setup installs Debian's duktape)" };
  mkdirSync(path.dirname(file), { recursive: true });
  const prelude = readFileSync(path.join(import.meta.dirname, "duk-prelude.js"), "utf8");
  writeFileSync(file, prelude + "\n" + transpile(src, ts.ScriptTarget.ES5));
  return { cmd: "duk", args: [file] };
}

function prepare(kernel: string): Record<RunnerName, Prepared> {
  const dir = path.join(KERNELS_DIR, kernel);
  const main = path.join(dir, "main.ts");
  return {
    sdk: buildSdk(dir, path.join(OUT, "sdk", kernel)),
    c: buildC(path.join(dir, "baseline.c"), path.join(OUT, "c", kernel)),
    node: prepareNode(main, path.join(OUT, "node", `${kernel}.mjs`)),
    duktape: prepareDuktape(main, path.join(OUT, "duktape", `${kernel}.js`)),
  };
}

// ---- the kernels ----

interface KernelResult { kernel: string; ms: Partial<Record<RunnerName, number>>; notes: Partial<Record<RunnerName, string>> }

function runKernel(kernel: string): KernelResult {
  const prepared = prepare(kernel);
  const res: KernelResult = { kernel, ms: {}, notes: {} };
  // the C baseline's line (its first run) is the expected answer; every run of every runner must print it
  const order: RunnerName[] = ["c", ...RUNNERS.filter((n) => n !== "c")];
  const times = new Map<RunnerName, number[]>();
  for (const name of order) {
    const p = prepared[name];
    if ("error" in p) res.notes[name] = p.error;
    else times.set(name, []);
  }
  let expected: string | undefined;
  for (let i = 0; i < RUNS; i++) {
    for (const name of order) { // interleaved: drift in machine load hits every runner alike
      const p = prepared[name];
      if (res.notes[name] || "error" in p) continue;
      const r = exec(p.cmd, p.args);
      const line = r.stdout.trim();
      if (!r.ok) { res.notes[name] = `failed: ${reason(r)}`; continue; }
      if (name === "c" && i === 0) expected = line;
      if (expected === undefined) res.notes[name] = "not checked: the C baseline did not run";
      else if (line !== expected) res.notes[name] = `wrong output${i ? ` in run ${i + 1}` : ""}: "${firstLine(line).slice(0, 160)}" (C: "${expected}")`;
      else times.get(name)!.push(r.ms);
    }
  }
  for (const [name, ms] of times) if (!res.notes[name]) res.ms[name] = median(ms);
  console.log(`  ${kernel}: ${expected ?? "(no reference line: the C baseline failed)"}`);
  for (const name of RUNNERS) {
    const ms = times.get(name);
    if (res.notes[name]) console.log(`    ${LABEL[name].padEnd(8)} ${res.notes[name]}`);
    else if (ms) console.log(`    ${LABEL[name].padEnd(8)} median ${fmt(median(ms)).padStart(6)} ms (min ${fmt(Math.min(...ms))}, max ${fmt(Math.max(...ms))})`);
  }
  const ratio = (a: RunnerName, b: RunnerName) => (res.ms[a] !== undefined && res.ms[b] !== undefined ? `${fmt(res.ms[a]! / res.ms[b]!)}x` : "n/a");
  console.log(`    ratios: SDK/C ${ratio("sdk", "c")}, SDK/Node ${ratio("sdk", "node")}, Duktape/SDK ${ratio("duktape", "sdk")}, ` +
    `Node/C ${ratio("node", "c")}, Duktape/C ${ratio("duktape", "c")}`);
  return res;
}

const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

function kernelSummary(results: KernelResult[]): void {
  const cols: RunnerName[] = ["sdk", "c", "node", "duktape"];
  const cell = (r: KernelResult, n: RunnerName) => (r.ms[n] !== undefined ? fmt(r.ms[n]!) : "-").padStart(9);
  console.log(`\n  ${"kernel (ms)".padEnd(12)}${cols.map((c) => LABEL[c].padStart(9)).join("")}    SDK/C  SDK/Node  Duk/SDK`);
  for (const r of results) {
    const q = (a: RunnerName, b: RunnerName) => (r.ms[a] !== undefined && r.ms[b] !== undefined ? fmt(r.ms[a]! / r.ms[b]!) : "-");
    console.log(`  ${r.kernel.padEnd(12)}${cols.map((c) => cell(r, c)).join("")}  ${q("sdk", "c").padStart(7)}  ${q("sdk", "node").padStart(8)}  ${q("duktape", "sdk").padStart(7)}`);
  }
  const sdkC = results.filter((r) => r.ms.sdk !== undefined && r.ms.c !== undefined).map((r) => r.ms.sdk! / r.ms.c!);
  const sdkDuk = results.filter((r) => r.ms.sdk !== undefined && r.ms.duktape !== undefined).map((r) => r.ms.sdk! / r.ms.duktape!);
  const nodeC = results.filter((r) => r.ms.node !== undefined && r.ms.c !== undefined).map((r) => r.ms.node! / r.ms.c!);
  const of = (xs: number[]) => `${xs.length} of ${results.length} kernels`;
  if (nodeC.length) console.log(`  geometric mean Node/C: ${fmt(geomean(nodeC))}x (${of(nodeC)})`);
  const missing = results.filter((r) => r.ms.sdk === undefined).length;
  target("SDK kernels not compiled, failing or wrong", missing, 0, "kernels");
  // with no SDK figures the ratio targets are missed, not skipped
  target(`CPU kernels: geometric mean SDK/C (${of(sdkC)})`, sdkC.length ? geomean(sdkC) : Infinity, 2, "x");
  target(`CPU kernels: geometric mean SDK/Duktape, i.e. >= 20x faster (${of(sdkDuk)})`, sdkDuk.length ? geomean(sdkDuk) : Infinity, 0.05, "x");
  if (sdkDuk.length) console.log(`  slowest against Duktape: SDK/Duktape ${fmt(Math.max(...sdkDuk))}x`);
}

// ---- compile time of examples/sensor-http, code size of examples/hello ----

/** Text bytes per source file of a linked executable, from its DWARF (.debug_aranges + unit names). */
function codeBySource(exe: string): Map<string, number> {
  const info = spawnSync("readelf", ["--debug-dump=info", "--dwarf-depth=1", exe], { encoding: "utf8", maxBuffer: 256 << 20 }).stdout ?? "";
  const names = new Map<number, string>(); // unit offset -> source file
  let unit = -1;
  for (const l of info.split("\n")) {
    const u = l.match(/Compilation Unit @ offset (0x[0-9a-f]+|\d+):/);
    if (u) { unit = Number(u[1]); continue; }
    const n = l.match(/DW_AT_name\s*:.*?([^\s]+)\s*$/);
    if (n && unit >= 0 && !names.has(unit)) names.set(unit, n[1]);
  }
  const aranges = spawnSync("readelf", ["--debug-dump=aranges", exe], { encoding: "utf8", maxBuffer: 64 << 20 }).stdout ?? "";
  const out = new Map<string, number>();
  let file = "";
  for (const l of aranges.split("\n")) {
    const o = l.match(/Offset into .debug_info:\s*(0x[0-9a-f]+|\d+)/);
    if (o) { file = names.get(Number(o[1])) ?? `unit@${o[1]}`; continue; }
    const a = l.match(/^\s*([0-9a-f]{8,16})\s+([0-9a-f]{8,16})\s*$/);
    if (a && file) out.set(file, (out.get(file) ?? 0) + parseInt(a[2], 16));
  }
  return out;
}

async function benchHello(): Promise<void> {
  // compile time: the sensor example (the issue's measure), TS -> C in process and the whole build
  console.log(`\n  compile time of examples/sensor-http, board host:`);
  const sensor = path.join(ROOT, "examples", "sensor-http", "main.ts");
  const { compile } = await import("../../toolchain/compiler/index.ts");
  const tsc: number[] = [];
  let compileError: string | undefined;
  for (let i = 0; i <= RUNS && !compileError; i++) {
    const t0 = performance.now();
    const r = compile({ entry: sensor, sdkRoot: ROOT });
    const ms = performance.now() - t0;
    if (r.diagnostics.length) compileError = `${r.diagnostics[0].line}:${r.diagnostics[0].col}: ${r.diagnostics[0].message}`;
    else if (i > 0) tsc.push(ms);
  }
  if (compileError) console.log(`  TS -> C: not compiled: ${compileError}`);
  else row("TS -> C (type-check and emit, in process)", tsc, "ms");
  // the whole build through the CLI, each into a fresh output folder (so it is not "up to date") with the
  // layer object cache warm from a first build
  const sdirs = Array.from({ length: RUNS + 1 }, (_, i) => path.join(OUT, `sensor-http-${i}`));
  for (const d of sdirs) rmSync(d, { recursive: true, force: true });
  const swarm = buildSdk(path.dirname(sensor), path.join(sdirs[0], "sensor-http"));
  if ("error" in swarm) console.log(`  whole build: ${swarm.error}`);
  else {
    const whole: number[] = [];
    for (const d of sdirs.slice(1)) {
      const t0 = performance.now();
      const b = buildSdk(path.dirname(sensor), path.join(d, "sensor-http"));
      if ("error" in b) { console.log(`  whole build: ${b.error}`); break; }
      whole.push(performance.now() - t0);
    }
    if (whole.length) row("whole build, rumpsdk build --board=host (CLI process, layer cache warm)", whole, "ms");
  }
  // code size: examples/hello's application plus the runtime
  console.log(`\n  code size of examples/hello, board host:`);
  const entry = path.join(ROOT, "examples", "hello", "main.ts");
  const dirs = [path.join(OUT, "hello-0")];
  rmSync(dirs[0], { recursive: true, force: true });
  const warm = buildSdk(path.dirname(entry), path.join(dirs[0], "hello"));
  if ("error" in warm) {
    console.log(`  build: ${warm.error}`);
    target("hello: application plus runtime code", Infinity, 128, "KiB");
    return;
  }
  // code size: function bytes per source in the linked executable
  const bySource = codeBySource(path.join(dirs[0], "hello"));
  if (bySource.size === 0) {
    console.log(`  code size: no DWARF in the executable (readelf found no units)`);
    target("hello: application plus runtime code", Infinity, 128, "KiB");
    return;
  }
  const sum = (pred: (f: string) => boolean) => [...bySource].filter(([f]) => pred(f)).reduce((s, [, n]) => s + n, 0);
  const inSdk = (d: string) => (f: string) => f.startsWith(path.join(ROOT, "sdk", d) + path.sep);
  const app = sum((f) => f.endsWith(`${path.sep}app.c`));
  const runtime = sum(inSdk("runtime"));
  const base = sum(inSdk("base"));
  const kernel = sum(inSdk("kernel"));
  const rumpuser = sum(inSdk("rumpuser"));
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`  code (function bytes in the linked host executable, from DWARF): application ${kib(app)}, runtime ${kib(runtime)}, ` +
    `base ${kib(base)}; below them: kernel ${kib(kernel)}, rumpuser/posix ${kib(rumpuser)}`);
  console.log(`  largest runtime files: ${[...bySource].filter(([f]) => inSdk("runtime")(f)).sort((a, b) => b[1] - a[1]).slice(0, 5)
    .map(([f, n]) => `${path.basename(f)} ${kib(n)}`).join(", ")}`);
  console.log(`  application plus runtime: ${kib(app + runtime)}; with base (the libc replacement under the runtime): ${kib(app + runtime + base)}`);
  target("hello: application plus runtime code", (app + runtime) / 1024, 128, "KiB");
}

// ---- memory: heap flatness and GC pauses ----

function buildAndRun(name: string): { line: string[] } | { error: string } {
  const p = buildSdk(path.join(KERNELS_DIR, name), path.join(OUT, "sdk", name));
  if ("error" in p) return p;
  const r = exec(p.cmd, p.args);
  if (!r.ok) return { error: `failed: ${reason(r)}` };
  return { line: r.stdout.trim().split("\n") };
}

const field = (line: string, name: string) => {
  const m = line.match(new RegExp(`\\b${name} (-?[\\d.e+-]+)`));
  return m ? Number(m[1]) : NaN;
};

function benchGcFlat(): void {
  console.log(`\n  heap over 10^6 allocation-loop iterations (kernels/gcflat, default 4 MiB heap):`);
  const r = buildAndRun("gcflat");
  if ("error" in r) { console.log(`    ${r.error}`); target("heap flat over 10^6 iterations (|change| after GC)", Infinity, 5, "%"); return; }
  for (const l of r.line) console.log(`    ${l}`);
  const at = (i: number) => r.line.find((l) => l.startsWith(`gcflat: iteration ${i}:`)) ?? "";
  const a = field(at(100000), "afterGc");
  const b = field(at(1000000), "afterGc");
  if (!(a > 0) || !(b > 0)) {
    console.log(`    no collection seen by iteration 10^5 or 10^6 (afterGc ${a}, ${b}): the heap figure cannot be compared`);
    target("heap flat over 10^6 iterations (|change| after GC)", Infinity, 5, "%");
    return;
  }
  console.log(`    heap in use just after a collection: ${a} B at 10^5, ${b} B at 10^6 (raw heapUsed includes uncollected garbage)`);
  target("heap flat over 10^6 iterations (|change| after GC)", (Math.abs(b - a) / a) * 100, 5, "%");
}

function benchGcPause(): void {
  console.log(`\n  GC pauses, default 4 MiB heap, ~1 MiB live (kernels/gcpause, 200 collections, 3 runs):`);
  const p50: number[] = [];
  const p99: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = buildAndRun("gcpause");
    if ("error" in r) { console.log(`    ${r.error}`); break; }
    const l = r.line.find((x) => x.startsWith("gcpause:")) ?? "";
    if (i === 0) console.log(`    ${l}`);
    p50.push(field(l, "p50"));
    p99.push(field(l, "p99"));
  }
  if (p99.length === 0 || p99.some((x) => !Number.isFinite(x))) {
    console.log(`    no pause figures (memory().gcPauseP50Ms / gcPauseP99Ms missing?)`);
    target("GC pause p99, 4 MiB heap, host", Infinity, 2, "ms");
    return;
  }
  row("GC pause p50 (host)", p50, "ms");
  row("GC pause p99 (host)", p99, "ms");
  target("GC pause p99, 4 MiB heap, host", median(p99), 2, "ms");
}

/** The same GC program as firmware on qemu-x86 under TCG: reported, no target (an emulator's clock). */
async function benchGcPauseQemu(): Promise<void> {
  const { loadBoard } = await import("../../toolchain/boards.ts");
  const { build } = await import("../../toolchain/build.ts");
  const { runImage } = await import("../../toolchain/qemu.ts");
  try {
    const board = loadBoard("qemu-x86");
    const b = await build({ input: path.join(KERNELS_DIR, "gcpause"), board, output: path.join(OUT, "qemu", "gcpause.img"), quiet: true });
    const r = await runImage({ board, image: b.image, accel: "tcg", timeoutSec: 120 });
    const l = r.lines.find((x) => x.text.startsWith("gcpause:"));
    if (!l) throw new Error(r.timedOut ? "timed out after 120 s" : `no result line; exit ${r.exitCode}${r.panicked ? " (panic)" : ""}`);
    console.log(`    qemu-x86 (emulated, TCG): p50 ${field(l.text, "p50")} ms, p99 ${field(l.text, "p99")} ms (${l.text})`);
  } catch (e) {
    console.log(`    qemu-x86 (emulated, TCG): not run: ${firstLine((e as Error).message).slice(0, 200)}`);
  }
}

export async function benchCompiler(): Promise<void> {
  console.log(`\n== compiler: the SDK's TypeScript compiler against C, Node and Duktape ==`);
  machineFacts();
  mkdirSync(OUT, { recursive: true });
  console.log(`\n  CPU kernels (test/bench/kernels/NAME: main.ts for SDK/Node/Duktape (ES5), baseline.c for C):`);
  const results: KernelResult[] = [];
  for (const k of KERNELS) results.push(runKernel(k));
  kernelSummary(results);
  await benchHello();
  benchGcFlat();
  benchGcPause();
  await benchGcPauseQemu();
}

// the kernels' folders must match KERNELS (a new kernel without a runner entry is a mistake)
for (const d of readdirSync(KERNELS_DIR)) {
  if (existsSync(path.join(KERNELS_DIR, d, "baseline.c")) && !KERNELS.includes(d)) throw new Error(`bench: kernel ${d} is not in KERNELS`);
}
