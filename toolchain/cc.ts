// Compiling C and assembly with a per-object cache. Each layer is compiled with only its own include
// folder and those of the layers below it, so a lower layer cannot include an upper layer's header.
import { createHash } from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { UserError } from "./errors.ts";

export interface CompileJob {
  src: string;
  obj: string;
  cc: string;
  flags: string[];
  /** fingerprint of everything besides the source that can change the object (headers) */
  depsHash: string;
}

const sha = (s: string | Buffer) => createHash("sha256").update(s).digest("hex").slice(0, 16);

const dirHashCache = new Map<string, string>();
/** Hash of the headers under each folder (recursively): an object is rebuilt when any of them changes. */
export function headersHash(dirs: string[]): string {
  const parts = dirs.map((d) => {
    let h = dirHashCache.get(d);
    if (h === undefined) {
      const files: string[] = [];
      const walk = (p: string) => {
        if (!existsSync(p)) return;
        for (const e of readdirSync(p, { withFileTypes: true })) {
          const q = path.join(p, e.name);
          if (e.isDirectory()) walk(q);
          else if (/\.(h|inc|ld)$/.test(e.name)) files.push(q);
        }
      };
      walk(d);
      h = sha(files.sort().map((f) => f + "\0" + readFileSync(f, "utf8")).join("\0"));
      dirHashCache.set(d, h);
    }
    return h;
  });
  return sha(parts.join(","));
}

export function objectPath(cacheDir: string, src: string, cc: string, flags: string[], depsHash: string): string {
  const key = sha([cc, ...flags, depsHash, readFileSync(src, "utf8")].join("\0"));
  return path.join(cacheDir, `${path.basename(src).replace(/\.[^.]+$/, "")}-${key}.o`);
}

function run(cmd: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (out += d));
    p.on("error", (e) => resolve({ code: 127, out: String(e) }));
    p.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}

/** objects being compiled by this process: concurrent builds share the work instead of racing */
const inFlight = new Map<string, Promise<{ code: number; out: string }>>();
let tmpSeq = 0;

function compileOne(job: CompileJob): Promise<{ code: number; out: string }> {
  let p = inFlight.get(job.obj);
  if (!p) {
    mkdirSync(path.dirname(job.obj), { recursive: true });
    const tmp = `${job.obj}.${process.pid}.${tmpSeq++}.tmp`;
    p = run(job.cc, [...job.flags, "-c", job.src, "-o", tmp]).then((r) => {
      if (r.code === 0) renameSync(tmp, job.obj);
      inFlight.delete(job.obj);
      return r;
    });
    inFlight.set(job.obj, p);
  }
  return p;
}

/** Compiles the jobs whose object is missing, in parallel. Throws a UserError naming the first failure. */
export async function compileAll(jobs: CompileJob[], what: (job: CompileJob) => string): Promise<number> {
  const todo = jobs.filter((j) => !existsSync(j.obj));
  let next = 0;
  let failure: { job: CompileJob; out: string } | undefined;
  const worker = async () => {
    while (next < todo.length && !failure) {
      const job = todo[next++];
      const r = await compileOne(job);
      if (r.code !== 0) failure ??= { job, out: r.out };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, os.cpus().length) }, worker));
  if (failure) {
    throw new UserError(`compiling ${what(failure.job)} failed:\n${failure.out.trim()}`,
      `${failure.job.cc} ${failure.job.flags.join(" ")} -c ${failure.job.src}`);
  }
  return todo.length;
}

export function runSync(cmd: string, args: string[], step: string, hint: string): string {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.error) throw new UserError(`${step}: cannot run ${cmd}: ${r.error.message}`, "Run `npm run setup` to install the toolchain.");
  if (r.status !== 0) throw new UserError(`${step} failed:\n${(r.stderr + r.stdout).trim()}`, hint);
  return r.stdout;
}

let gccIncludeDir: string | undefined;
/** The compiler's own freestanding headers (stdint.h, stddef.h, ...): the only system headers firmware code sees. */
export function compilerIncludeDir(cc: string): string {
  if (!gccIncludeDir) gccIncludeDir = runSync(cc, ["-print-file-name=include"], "finding the C compiler's headers", "Install gcc.").trim();
  return gccIncludeDir;
}

export function newestMtime(files: string[]): number {
  return Math.max(0, ...files.filter(existsSync).map((f) => statSync(f).mtimeMs));
}
