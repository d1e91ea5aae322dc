// The compiler's differential suite: every program is compiled by the SDK's compiler into a host
// executable, run, and its stdout and exit code compared byte for byte with Node running the same
// program, both computed now. Negative programs must fail the build with their construct named.
// The firmware subset (runtime/) also boots on qemu-x86 and must print exactly what Node prints.
// Programs listed in not-yet.json use a feature the compiler does not support yet: for them the test
// demands the other honest outcome, a build error at file:line:col naming the construct — never a
// program that runs and prints something else. The list only shrinks: a listed program that compiles
// fails its test until it is taken off the list and matches Node.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBoard } from "../../toolchain/boards.ts";
import { build } from "../../toolchain/build.ts";
import { compileMany, type CompileResult } from "../../toolchain/compiler/index.ts";
import { SDK_ROOT, sdkPath } from "../../toolchain/paths.ts";
import { runImage } from "../../toolchain/qemu.ts";
// @ts-expect-error: a plain JavaScript module
import { runUnderNode } from "./node-run.mjs";

const HERE = sdkPath("test/conformance");
const areas = readdirSync(HERE, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const programsOf = (area: string) => readdirSync(path.join(HERE, area)).filter((f) => f.endsWith(".ts")).sort().map((f) => path.join(HERE, area, f));
const notYet: Record<string, string> = JSON.parse(readFileSync(path.join(HERE, "not-yet.json"), "utf8"));
const all = areas.filter((a) => a !== "negative").flatMap(programsOf);
const positive = all.filter((f) => !(path.relative(HERE, f) in notYet));
const pending = all.filter((f) => path.relative(HERE, f) in notYet);
const negative = programsOf("negative");
const OUT = sdkPath("build", "conformance");
/** lines the layers below the application print at boot (never printed by a conformance program) */
const BOOT_LOG = /^(rumpuser|core|kernel|net|pci): /;

interface Run { stdout: string; code: number | null }

function runExe(exe: string): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(exe, [], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    p.stdout.on("data", (d) => (stdout += d));
    const t = setTimeout(() => p.kill("SIGKILL"), 60_000);
    p.on("close", (code) => { clearTimeout(t); resolve({ stdout, code }); });
  });
}

let compiled: Map<string, CompileResult>;
beforeAll(() => { compiled = compileMany([...all, ...negative], SDK_ROOT); }, 600_000);

const rel = (f: string) => path.relative(HERE, f);
const host = loadBoard("host");

/** Programs whose output depends on timers run one at a time, each after its Node reference, so a
 * loaded machine cannot reorder timers that are due a few milliseconds apart in either of them. */
const usesTimers = (f: string) => /\b(setTimeout|setInterval)\b/.test(readFileSync(f, "utf8"));

async function compareWithNode(file: string, sequential: boolean) {
  const r = compiled.get(file)!;
  expect(r.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`)).toEqual([]);
  const exe = path.join(OUT, "host", rel(file).replace(/\.ts$/, ""));
  await build({ input: file, board: host, output: exe, quiet: true, compiled: r });
  const [mine, node] = sequential
    ? [await runExe(exe), (await runUnderNode(file)) as Run]
    : await Promise.all([runExe(exe), runUnderNode(file) as Promise<Run>]);
  expect(mine.stdout).toBe(node.stdout);
  expect(mine.code).toBe(node.code);
}

describe.concurrent("conformance: compiled (host) vs Node", () => {
  for (const file of positive.filter((f) => !usesTimers(f))) it(rel(file), () => compareWithNode(file, false));
});

describe("conformance: compiled (host) vs Node, programs with timers (one at a time)", () => {
  for (const file of positive.filter(usesTimers)) it(rel(file), () => compareWithNode(file, true));
});

const rejected = (file: string, want: string) => {
  const r = compiled.get(file)!;
  expect(r.diagnostics.length, "the compiler must reject this program, not compile it").toBeGreaterThan(0);
  const d = r.diagnostics[0];
  expect(d.file).toBe(file);
  expect(d.line).toBeGreaterThan(0);
  expect(d.col).toBeGreaterThan(0);
  expect(r.diagnostics.map((x) => x.message).join("\n")).toContain(want);
};

describe.runIf(pending.length > 0).concurrent("conformance: not yet supported, rejected at compile time (not-yet.json)", () => {
  for (const file of pending) it(rel(file), () => rejected(file, notYet[rel(file)]));
});

describe.concurrent("conformance: unsupported constructs fail the build", () => {
  for (const file of negative) {
    it(rel(file), () => {
      const want = readFileSync(file, "utf8").match(/^\/\/ expect-error: (.+)$/m)![1].trim();
      rejected(file, want);
    });
  }
});

describe("conformance: the firmware subset on qemu-x86 (TCG)", () => {
  const board = loadBoard("qemu-x86");
  for (const file of programsOf("runtime").filter((f) => !(rel(f) in notYet))) {
    it(rel(file), async () => {
      const r = compiled.get(file)!;
      expect(r.diagnostics).toEqual([]);
      const out = path.join(OUT, "qemu-x86", rel(file).replace(/\.ts$/, ".img"));
      const img = await build({ input: file, board, output: out, quiet: true, compiled: r });
      const node = (await runUnderNode(file)) as Run; // one after the other: timers stay in order on a loaded machine
      const fw = await runImage({ board, image: img.image, accel: "tcg", timeoutSec: 120 });
      expect(node.stdout.split("\n").some((l: string) => BOOT_LOG.test(l))).toBe(false);
      const appOut = fw.output.replace(/\r/g, "").split("\n").filter((l) => !BOOT_LOG.test(l)).join("\n");
      expect(fw.timedOut).toBe(false);
      expect(appOut).toBe(node.stdout);
      expect(fw.exitCode).toBe(node.code);
    });
  }
});
