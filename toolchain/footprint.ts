// The image's footprint per layer, from the linker's map (GNU ld -Map) and the ELF's section flags, and its
// check against the board's memory (board.json "memory": flash, ram):
//   flash      = text + rodata + data (the loaded bytes: code, constants, .data's initial values)
//   static RAM = data + bss (.bss holds lwIP's pools; the board's linker script adds its boot and
//                interrupt stacks)
//   RAM at start = static RAM + the GC heap + the main thread's stack (both taken from the heap at boot);
//                on a board without flash ("flash": 0, the x86 boards) the image is loaded into RAM and
//                counts there too.
import { readFileSync } from "node:fs";
import type { Board } from "./boards.ts";
import { runSync } from "./cc.ts";
import { UserError } from "./errors.ts";

/** The rows of the table, bottom layer last; each object file of the link belongs to one. */
export const FOOTPRINT_ROWS = ["application", "runtime + base", "kernel", "drivers", "rumpuser", "core", "platform", "libgcc"] as const;
export type FootprintRow = (typeof FOOTPRINT_ROWS)[number];

export interface Sizes { code: number; data: number; bss: number }

export interface Footprint {
  rows: Record<FootprintRow, Sizes>;
  total: Sizes;
  flash: number; // code + data
  staticRam: number; // data + bss
  /** what the image takes from the heap at boot: the GC heap (TypeScript applications) and the main thread's stack */
  heap?: { bytes: number; from: string };
  mainStack: { bytes: number; from: string };
  ramAtStart: number;
  board: { name: string; flash: number; ram: number };
}

type Kind = "code" | "data" | "bss";

/** The allocated output sections of the ELF by name, each code (read-only contents), data (writable contents) or bss (no contents). */
function sectionKinds(board: Board, elf: string): Map<string, Kind> {
  const out = runSync(`${board.cc.prefix ?? ""}objdump`, ["-h", "-w", elf], "reading the image's sections", "Install binutils (for a cross board: its binutils).");
  const kinds = new Map<string, Kind>();
  for (const l of out.split("\n")) {
    // Idx Name Size VMA LMA File-off Algn Flags
    const m = /^\s*\d+\s+(\S+)\s+[0-9a-f]+\s+[0-9a-f]+\s+[0-9a-f]+\s+[0-9a-f]+\s+\S+\s+(.*)$/.exec(l);
    if (!m || !m[2].includes("ALLOC")) continue;
    kinds.set(m[1], !m[2].includes("CONTENTS") ? "bss" : m[2].includes("READONLY") ? "code" : "data");
  }
  return kinds;
}

/**
 * Bytes per row and kind: every input section the map lists under an allocated output section, given to the
 * row of its file (`rowOf`); what an output section holds beyond its inputs (alignment, linker stubs, the
 * stacks a linker script reserves) to "platform", whose linker script lays the image out.
 */
function layerSizes(map: string, kinds: Map<string, Kind>, rowOf: (file: string) => FootprintRow): Record<FootprintRow, Sizes> {
  const rows = Object.fromEntries(FOOTPRINT_ROWS.map((r) => [r, { code: 0, data: 0, bss: 0 }])) as Record<FootprintRow, Sizes>;
  const start = map.indexOf("\nLinker script and memory map");
  if (start < 0) throw new UserError("the linker's map has no memory map", "This is a bug in the SDK's build; report it.");
  let section: { kind: Kind; left: number } | null = null;
  const close = () => { if (section && section.left > 0) rows.platform[section.kind] += section.left; section = null; };
  let pendingOut: string | null = null;
  let pendingIn = false;
  const addInput = (size: number, file: string) => {
    if (!section || !file || file.startsWith("*")) return;
    rows[rowOf(file)][section.kind] += size;
    section.left -= size;
  };
  for (const line of map.slice(start + 1).split("\n")) {
    const pair = /^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)(?:\s+(.*?))?\s*$/.exec(line); // "  ADDR SIZE [FILE]" after a long name
    if (pendingOut !== null && pair) {
      const kind = kinds.get(pendingOut);
      section = kind ? { kind, left: parseInt(pair[2], 16) } : null;
      pendingOut = null;
      continue;
    }
    if (pendingIn && pair) {
      addInput(parseInt(pair[2], 16), pair[3] ?? "");
      pendingIn = false;
      continue;
    }
    pendingOut = null;
    pendingIn = false;
    const out = /^(\S+)(?:\s+0x[0-9a-f]+\s+0x([0-9a-f]+))?/.exec(line); // an output section (or LOAD/OUTPUT lines)
    if (out) {
      close();
      if (out[2] === undefined) pendingOut = out[1];
      else {
        const kind = kinds.get(out[1]);
        section = kind ? { kind, left: parseInt(out[2], 16) } : null;
      }
      continue;
    }
    const input = /^ (\S+)(?:\s+0x[0-9a-f]+\s+0x([0-9a-f]+)(?:\s+(.*?))?)?\s*$/.exec(line); // " .text ADDR SIZE FILE"
    if (!input || input[1].startsWith("*")) continue; // patterns, *fill*
    if (input[2] === undefined) pendingIn = true;
    else addInput(parseInt(input[2], 16), input[3] ?? "");
  }
  close();
  return rows;
}

/** The footprint of a linked firmware image. heapBytes: the GC heap (undefined: no runtime, a C program). */
export function measureFootprint(opts: {
  board: Board; elf: string; map: string; rowOf: (file: string) => FootprintRow;
  heap?: { bytes: number; from: string }; mainStack: { bytes: number; from: string };
}): Footprint {
  const { board } = opts;
  const rows = layerSizes(readFileSync(opts.map, "utf8"), sectionKinds(board, opts.elf), opts.rowOf);
  const total = { code: 0, data: 0, bss: 0 };
  for (const r of FOOTPRINT_ROWS) for (const k of ["code", "data", "bss"] as Kind[]) total[k] += rows[r][k];
  const flash = total.code + total.data;
  const staticRam = total.data + total.bss;
  const boardFlash = board.memory.flash ?? 0;
  const ramAtStart = staticRam + (opts.heap?.bytes ?? 0) + opts.mainStack.bytes + (boardFlash ? 0 : total.code);
  return { rows, total, flash, staticRam, heap: opts.heap, mainStack: opts.mainStack, ramAtStart,
    board: { name: board.name, flash: boardFlash, ram: board.memory.ram } };
}

/** What "RAM at start" adds up. */
const ramParts = (f: Footprint) => [...(f.board.flash ? [] : ["text + rodata (loaded into RAM: the board has no flash)"]), "static RAM",
  ...(f.heap ? ["GC heap"] : []), "main stack"].join(" + ");

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(0)}%`;

/** The table `rumpsdk build` prints. */
export function formatFootprint(f: Footprint): string {
  const w = [16, 12, 11, 11, 12, 12];
  const row = (cells: string[]) => "  " + cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("");
  const flashName = f.board.flash ? "flash" : "image";
  const lines = [
    `footprint on ${f.board.name} (flash = text + rodata + data, static RAM = data + bss):`,
    row(["layer", "text+rodata", "data", "bss", flashName, "static RAM"]),
    ...FOOTPRINT_ROWS.map((r) => {
      const s = f.rows[r];
      return row([r, kib(s.code), kib(s.data), kib(s.bss), kib(s.code + s.data), kib(s.data + s.bss)]);
    }),
    row(["total", kib(f.total.code), kib(f.total.data), kib(f.total.bss), kib(f.flash), kib(f.staticRam)]),
    ...(f.heap ? [`  GC heap: ${kib(f.heap.bytes)} (${f.heap.from})`] : []),
    `  main thread stack: ${kib(f.mainStack.bytes)} (${f.mainStack.from})`,
    ...(f.board.flash ? [`  flash: ${kib(f.flash)} of ${kib(f.board.flash)} (${pct(f.flash, f.board.flash)})`] : []),
    `  RAM at start: ${kib(f.ramAtStart)} of ${kib(f.board.ram)} (${pct(f.ramAtStart, f.board.ram)}): ${ramParts(f)}`,
    `  (not counted: other threads' stacks, 64 KiB each unless asked otherwise, and what the kernel and drivers allocate at run time)`,
  ];
  return lines.join("\n");
}

/** Throws (with the table) when the image does not fit the board's flash or its RAM at start exceeds the board's RAM. */
export function checkFootprint(f: Footprint): void {
  const over: string[] = [];
  const fixes: string[] = [];
  if (f.board.flash && f.flash > f.board.flash) {
    over.push(`the image needs ${kib(f.flash)} of flash, ${kib(f.flash - f.board.flash)} more than the ${kib(f.board.flash)} board ${f.board.name} declares (board.json "memory": "flash")`);
    fixes.push("make the image smaller (a --release build leaves the debug shell out; the table shows which layer is largest), or build for a board with more flash");
  }
  if (f.board.ram && f.ramAtStart > f.board.ram) {
    over.push(`the image needs ${kib(f.ramAtStart)} of RAM at start (${ramParts(f)}), ${kib(f.ramAtStart - f.board.ram)} more than the ${kib(f.board.ram)} board ${f.board.name} declares (board.json "memory": "ram")`);
    fixes.push(`lower the GC heap ("heap" in the application's rumpsdk.json${f.heap ? `, now ${kib(f.heap.bytes)}` : ""}) or the main stack ("rumpsdk.main_stack" in its "params"), or the kernel's pools (board.json "lwip")`);
  }
  if (over.length) throw new UserError(`${over.join("; and ")}:\n${formatFootprint(f)}`, `To fit: ${fixes.join("; ")}.`);
}
