// Hosted build of a compiled program: generated C + sdk/runtime + sdk/base (minus ccsupport.c)
// + sdk/kernel/lwip + sdk/rumpuser/posix, linked as a Linux executable. Layer objects are cached
// in build/cache/host-compiler/ (keyed by source, headers and flags), so a program only compiles
// its own C.
//
//   import { buildHost } from "./hostbuild.ts";
//   buildHost("main.ts", "/tmp/prog")         -> { ok, diagnostics, cFile }
//   node --import tsx toolchain/compiler/hostbuild.ts main.ts -o prog [--run]
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compile, type CompileResult, type Diagnostic } from "./index.ts";

export const SDK_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sdk = (...p: string[]) => path.join(SDK_ROOT, "sdk", ...p);

let gccInclude: string | undefined;
function freestandingFlags(): string[] {
  gccInclude ??= execFileSync("gcc", ["-print-file-name=include"]).toString().trim();
  return ["-std=c11", "-O2", "-g", "-Wall", "-Werror", "-ffreestanding", "-nostdinc", "-isystem", gccInclude, "-fno-omit-frame-pointer"];
}

interface Unit {
  src: string;
  flags: string[];
}

export function layerUnits(defines: string[] = [], kernelOverride?: string[]): Unit[] {
  const fs = freestandingFlags();
  const cfiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".c")).sort().map((f) => path.join(dir, f)) : []);
  const inc = (...d: string[]) => d.map((x) => `-I${sdk(x)}`);
  const units: Unit[] = [];
  for (const f of cfiles(sdk("base")).filter((f) => !f.endsWith("ccsupport.c"))) units.push({ src: f, flags: [...fs, ...inc("base/include")] });
  for (const f of cfiles(sdk("runtime")))
    units.push({ src: f, flags: [...fs, ...defines, ...inc("base/include", "rumpuser/include", "kernel/include", "runtime/include")] });
  // the kernel flavor's own folders (lwIP port headers) are on its include path, as in toolchain/build.ts
  const kinc = ["rumpuser/include", "kernel/include", "kernel/lwip", "kernel/lwip/port/include"].filter((d) => existsSync(sdk(d)));
  for (const f of kernelOverride ?? cfiles(sdk("kernel/lwip"))) units.push({ src: f, flags: [...fs, ...inc(...kinc)] });
  for (const f of cfiles(sdk("rumpuser/posix")))
    units.push({ src: f, flags: ["-std=gnu11", "-O2", "-g", "-Wall", "-Werror", "-D_GNU_SOURCE", ...inc("core/include", "rumpuser/include")] });
  return units;
}

export function appFlags(defines: string[] = []): string[] {
  return [...freestandingFlags(), ...defines, ...["base/include", "rumpuser/include", "kernel/include", "runtime/include"].map((d) => `-I${sdk(d)}`), "-Wno-unused-label", "-Wno-unused-variable"];
}

function headersHash(): string {
  const h = createHash("sha256");
  for (const d of ["base/include", "rumpuser/include", "kernel/include", "runtime/include", "core/include", "runtime", "kernel/lwip", "rumpuser/posix"]) {
    const walk = (dir: string) => {
      if (!existsSync(dir)) return;
      for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(".h")) h.update(p).update(readFileSync(p));
      }
    };
    walk(sdk(d));
  }
  return h.digest("hex").slice(0, 16);
}

/** compiles the layers (cached); returns the object files */
export function buildLayers(defines: string[] = [], kernelOverride?: string[]): string[] {
  const cache = path.join(SDK_ROOT, "build", "cache", "host-compiler");
  mkdirSync(cache, { recursive: true });
  const hh = headersHash();
  const objs: string[] = [];
  for (const u of layerUnits(defines, kernelOverride)) {
    const key = createHash("sha256").update(u.src).update(readFileSync(u.src)).update(u.flags.join(" ")).update(hh).digest("hex").slice(0, 16);
    const obj = path.join(cache, `${path.basename(u.src, ".c")}-${key}.o`);
    if (!existsSync(obj)) {
      const r = spawnSync("gcc", [...u.flags, "-c", u.src, "-o", obj + ".tmp"], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`compiling ${path.relative(SDK_ROOT, u.src)} failed:\n${r.stderr}`);
      execFileSync("mv", [obj + ".tmp", obj]);
    }
    objs.push(obj);
  }
  return objs;
}

export interface HostBuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  cFile?: string;
  error?: string;
}

/** links generated C (already written to cFile) with the layers */
export function linkHost(cFile: string, outExe: string, defines: string[] = [], kernelOverride?: string[]): { ok: boolean; error?: string } {
  const objs = buildLayers(defines, kernelOverride ?? (process.env.RUMPSDK_HOST_KERNEL ? process.env.RUMPSDK_HOST_KERNEL.split(",") : undefined));
  const appObj = outExe + ".app.o";
  let r = spawnSync("gcc", [...appFlags(defines), "-c", cFile, "-o", appObj], { encoding: "utf8" });
  if (r.status !== 0) return { ok: false, error: `compiling the generated C failed:\n${r.stderr}` };
  r = spawnSync("gcc", ["-o", outExe, appObj, ...objs, "-lpthread", "-lm"], { encoding: "utf8" });
  if (r.status !== 0) return { ok: false, error: `linking failed:\n${r.stderr}` };
  return { ok: true };
}

export function buildHost(entry: string, outExe: string, opts: { heapSize?: number; compiled?: CompileResult } = {}): HostBuildResult {
  const res = opts.compiled ?? compile({ entry, sdkRoot: SDK_ROOT });
  if (res.diagnostics.length) return { ok: false, diagnostics: res.diagnostics };
  const cFile = outExe + ".c";
  writeFileSync(cFile, res.c);
  const defines = opts.heapSize ? [`-DRT_HEAP_SIZE=${opts.heapSize}`] : [];
  const l = linkHost(cFile, outExe, defines);
  return { ok: l.ok, diagnostics: [], cFile, error: l.error };
}

// script use
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const oi = args.indexOf("-o");
  const out = oi >= 0 ? args[oi + 1] : "a.out";
  const entry = args.find((a, i) => !a.startsWith("-") && (oi < 0 || i !== oi + 1));
  if (!entry) {
    console.error("usage: hostbuild.ts main.ts -o prog [--run]");
    process.exit(2);
  }
  const r = buildHost(entry, path.resolve(out));
  for (const d of r.diagnostics) console.error(`${d.file}:${d.line}:${d.col}: error: ${d.message}`);
  if (r.error) console.error(r.error);
  if (!r.ok) process.exit(1);
  if (args.includes("--run")) {
    const p = spawnSync(path.resolve(out), [], { stdio: "inherit" });
    process.exit(p.status ?? 1);
  }
}
