// Crash decoding: the panic report core prints (sdk/core/README.md, "Panic report") parsed, the
// image that produced it found by its build id, and its backtrace turned into function names and
// source lines with addr2line. Application code maps back to the TypeScript file:line through the
// compiler's #line directives (DWARF line info names the .ts files).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { UserError } from "./errors.ts";
import { sdkPath } from "./paths.ts";

export const PANIC_START = "=== RUMPSDK PANIC ===";
export const PANIC_END = "=== END PANIC ===";

export interface PanicReport {
  reason: string;
  buildId: string | null;
  thread: string;
  regs: Record<string, string>;
  backtrace: bigint[];
}

/** The fields of one report, from the lines between the start and end markers (both excluded). */
export function parseReport(lines: string[]): PanicReport {
  const r: PanicReport = { reason: "", buildId: null, thread: "", regs: {}, backtrace: [] };
  for (const raw of lines) {
    const line = raw.replace(/\r$/, "");
    const m = /^(reason|build-id|thread|regs|backtrace):\s?(.*)$/.exec(line);
    if (!m) continue;
    const v = m[2].trim();
    if (m[1] === "reason") r.reason = v;
    else if (m[1] === "build-id") r.buildId = /^[0-9a-f]+$/i.test(v) ? v.toLowerCase() : null;
    else if (m[1] === "thread") r.thread = v;
    else if (m[1] === "regs") for (const kv of v.split(/\s+/)) { const [k, x] = kv.split("="); if (k && x) r.regs[k] = x; }
    else r.backtrace = v.split(/\s+/).filter((a) => /^0x[0-9a-f]+$/i.test(a)).map((a) => BigInt(a));
  }
  return r;
}

/** Every complete report in a log (text between the markers, wherever the markers sit in a line). */
export function findReports(text: string): PanicReport[] {
  const out: PanicReport[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes(PANIC_START)) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].includes(PANIC_END); j++) body.push(stripPrefix(lines[j]));
    if (j < lines.length) out.push(parseReport(body));
    i = j;
  }
  return out;
}

/** a line of a saved console log may carry a timestamp before the firmware's text */
function stripPrefix(line: string): string {
  return line.replace(/^(\[[^\]]*\]\s*|\d{4}-\d\d-\d\dT\S+\s+)/, "");
}

/** The GNU build id of an ELF file (hex), or null. Reads the note sections itself. */
export function elfBuildId(file: string): string | null {
  let b: Buffer;
  try { b = readFileSync(file); } catch { return null; }
  if (b.length < 64 || b.readUInt32BE(0) !== 0x7f454c46 || b[4] !== 2 || b[5] !== 1) return null; // ELF64 little-endian
  const shoff = Number(b.readBigUInt64LE(0x28));
  const shentsize = b.readUInt16LE(0x3a), shnum = b.readUInt16LE(0x3c);
  for (let i = 0; i < shnum; i++) {
    const sh = shoff + i * shentsize;
    if (sh + 64 > b.length || b.readUInt32LE(sh + 4) !== 7 /* SHT_NOTE */) continue;
    let p = Number(b.readBigUInt64LE(sh + 0x18));
    const end = p + Number(b.readBigUInt64LE(sh + 0x20));
    while (p + 12 <= end) {
      const namesz = b.readUInt32LE(p), descsz = b.readUInt32LE(p + 4), type = b.readUInt32LE(p + 8);
      const desc = p + 12 + ((namesz + 3) & ~3);
      if (type === 3 && namesz === 4 && b.toString("latin1", p + 12, p + 15) === "GNU") return b.toString("hex", desc, desc + descsz);
      p = desc + ((descsz + 3) & ~3);
    }
  }
  return null;
}

/** Where `rumpsdk build` keeps a copy of every firmware ELF it links, named by build id. */
export const IDS_DIR = () => sdkPath("build", "ids");

/** Keeps a copy of a freshly linked ELF as build/ids/<build-id>.elf; returns the id (null: none). */
export function keepByBuildId(elf: string): string | null {
  const id = elfBuildId(elf);
  if (!id) return null;
  const dir = IDS_DIR();
  mkdirSync(dir, { recursive: true });
  const dst = path.join(dir, `${id}.elf`);
  if (!existsSync(dst)) copyFileSync(elf, dst);
  return id;
}

/** The ELF for a report: the one given (checked against the id) or the kept copy of that id. */
export function findElf(report: PanicReport, given?: string): { elf: string | null; note?: string } {
  if (given) {
    if (!existsSync(given)) throw new UserError(`${given}: no such file`, "Give the .elf the build wrote beside the image (build/BOARD/NAME.elf).");
    const id = elfBuildId(given);
    const note = report.buildId && id && id !== report.buildId
      ? `warning: ${given} has build id ${id}, the report says ${report.buildId}: the names below may be wrong` : undefined;
    return { elf: given, note };
  }
  if (!report.buildId) return { elf: null, note: "the report has no build id: give the image with --elf" };
  const kept = path.join(IDS_DIR(), `${report.buildId}.elf`);
  if (existsSync(kept)) return { elf: kept };
  return { elf: null, note: `no image with build id ${report.buildId} in ${path.relative(process.cwd(), IDS_DIR()) || IDS_DIR()}: give it with --elf` };
}

export interface Frame { addr: bigint; func: string; file: string; line: number; inlined: boolean; ts: boolean }

/**
 * addr2line over the backtrace. Every entry but the first is a return address: it is looked up one
 * byte earlier so the line is the call's, not the next statement's. One address may give several
 * frames (inlined calls, innermost first).
 */
export function symbolize(elf: string, addrs: bigint[]): Frame[][] {
  if (!addrs.length) return [];
  const look = addrs.map((a, i) => (i === 0 ? a : a - 1n));
  const r = spawnSync("addr2line", ["-e", elf, "-f", "-i", "-a", ...look.map((a) => "0x" + a.toString(16))], { encoding: "utf8" });
  if (r.error || r.status !== 0) throw new UserError(`addr2line failed: ${r.error?.message ?? r.stderr}`, "Install binutils (`npm run setup`).");
  const out: Frame[][] = [];
  let cur: Frame[] | null = null;
  const lines = r.stdout.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^0x[0-9a-f]+$/i.test(l)) { cur = []; out.push(cur); continue; }
    if (!cur || l === "") continue;
    const loc = lines[++i] ?? "??:0";
    const m = /^(.*):(\d+|\?)(?: \(discriminator \d+\))?$/.exec(loc);
    const file = m ? m[1] : loc;
    cur.push({ addr: addrs[out.length - 1], func: l, file, line: m && m[2] !== "?" ? Number(m[2]) : 0, inlined: cur.length > 0, ts: file.endsWith(".ts") });
  }
  return out;
}

const hex = (a: bigint) => "0x" + a.toString(16);

/** the TypeScript name of a compiled function: the compiler's C names are KIND_N_NAME ("d_143_readCalibration") */
export function tsName(cname: string): string {
  const m = /^[a-z]+_\d+_(.*)$/.exec(cname);
  return !m ? cname : m[1] === "anon" ? "(anonymous function)" : m[1];
}

/** The human form of a report: reason, thread, and the backtrace with names and source lines. */
export function formatDecoded(report: PanicReport, elfGiven?: string, cwd = process.cwd()): string {
  const out = [`decoded panic: ${report.reason}`, `  thread: ${report.thread || "?"}   build-id: ${report.buildId ?? "none"}`];
  const { elf, note } = findElf(report, elfGiven);
  if (note) out.push(`  ${note}`);
  if (!elf) {
    out.push(`  backtrace: ${report.backtrace.map(hex).join(" ")}`);
    return out.join("\n");
  }
  out.push(`  image: ${path.relative(cwd, elf) || elf}`);
  const frames = symbolize(elf, report.backtrace);
  let firstTs: Frame | undefined;
  frames.forEach((fs, i) => {
    fs.forEach((f, k) => {
      const where = f.file === "??" ? "" : `${path.relative(cwd, f.file) || f.file}:${f.line || "?"}`;
      const tag = f.ts ? "  <- TypeScript" : "";
      const name = f.ts ? tsName(f.func) : f.func;
      out.push(`  #${String(i).padEnd(2)} ${(k === 0 ? hex(f.addr) : "(inlined)").padEnd(18)} ${name.padEnd(28)} ${where}${tag}`);
      // the application's own line (the SDK's TypeScript API only when nothing else is there)
      if (f.ts && (!firstTs || (firstTs.file.startsWith(sdkPath("sdk")) && !f.file.startsWith(sdkPath("sdk"))))) firstTs = f;
    });
  });
  if (firstTs) out.push(`  crashed in TypeScript at ${path.relative(cwd, firstTs.file) || firstTs.file}:${firstTs.line} (${tsName(firstTs.func)})`);
  return out.join("\n");
}
