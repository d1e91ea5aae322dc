// `rumpsdk build`'s footprint table (toolchain/footprint.ts): flash and RAM per layer on mps2-an385, tied to
// the raw image's size; a build whose RAM at start exceeds the board's (an application asking for a 32 MiB
// heap) or whose image exceeds its flash (the board with a smaller flash, given to build() in this process)
// fails with the table, which limit, by how much, and what to do.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadBoard } from "../../toolchain/boards.ts";
import { build } from "../../toolchain/build.ts";
import { UserError } from "../../toolchain/errors.ts";
import { FOOTPRINT_ROWS } from "../../toolchain/footprint.ts";
import { ROOT, rumpsdk } from "../lib/sdk.ts";

const tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-footprint-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const KIB = "([\\d.]+) KiB";
/** The table's rows by name: [text+rodata, data, bss, flash, static RAM] in KiB. */
function table(out: string): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const name of [...FOOTPRINT_ROWS, "total"]) {
    const m = new RegExp(`^  ${name.replace("+", "\\+")}\\s+${Array(5).fill(KIB).join("\\s+")}$`, "m").exec(out);
    if (m) rows.set(name, m.slice(1).map(Number));
  }
  return rows;
}

describe("rumpsdk build: the footprint per layer", () => {
  it("prints flash and RAM of every layer on mps2-an385, adding up to the image", async () => {
    const r = await rumpsdk(["build", "examples/sensor-http", "--board=mps2-an385", "-q"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/size: text ([\d.]+) KiB, data ([\d.]+) KiB, bss ([\d.]+) KiB/);
    expect(r.stdout).toContain("footprint on mps2-an385 (flash = text + rodata + data, static RAM = data + bss):");
    const rows = table(r.stdout);
    expect([...rows.keys()]).toEqual([...FOOTPRINT_ROWS, "total"]);
    for (const name of ["application", "runtime + base", "kernel", "drivers", "rumpuser", "core", "platform"]) {
      expect(rows.get(name)![0], name).toBeGreaterThan(1); // every layer brings code
    }
    // the rows add up to the total, and the total flash is the raw image (vector table to the end of .data's image)
    const total = rows.get("total")!;
    for (let col = 0; col < 5; col++) {
      const sum = FOOTPRINT_ROWS.reduce((a, n) => a + rows.get(n)![col], 0);
      expect(Math.abs(sum - total[col]), `column ${col}`).toBeLessThan(0.6); // rounding to 0.1 KiB per row
    }
    // the raw image is those sections plus the alignment gaps between them (e.g. .text's 128-byte
    // alignment after the vector table), which belong to no layer
    const build = path.join(ROOT, "examples/sensor-http/build/mps2-an385");
    const image = statSync(path.join(build, "sensor-http.img")).size / 1024;
    const sections = execFileSync("arm-none-eabi-readelf", ["-SW", path.join(build, "sensor-http.elf")], { encoding: "utf8" })
      .split("\n").map((l) => /\]\s+\S+\s+(\S+)\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+\S+\s+(\S*A\S*)\s/.exec(l))
      .filter((m) => m && m[1] !== "NOBITS").reduce((a, m) => a + parseInt(m![2], 16), 0) / 1024;
    expect(image - sections).toBeGreaterThanOrEqual(0);
    expect(image - sections).toBeLessThan(1); // a few alignment gaps
    expect(Math.abs(total[3] - sections)).toBeLessThan(0.1);
    // lwIP's pools (board.json "lwip": MEM_SIZE 64 KiB) are the kernel's static RAM
    expect(rows.get("kernel")![4]).toBeGreaterThan(64);
    expect(r.stdout).toContain('  GC heap: 1024.0 KiB (board.json "memory": "heap")');
    expect(r.stdout).toContain('  main thread stack: 256.0 KiB ("rumpsdk.main_stack" in rumpsdk.json "params")');
    expect(r.stdout).toContain(`  flash: ${total[3].toFixed(1)} KiB of 4096.0 KiB`);
    const ram = /^ {2}RAM at start: ([\d.]+) KiB of 24576\.0 KiB \(\d+%\): static RAM \+ GC heap \+ main stack$/m.exec(r.stdout);
    expect(ram, r.stdout).not.toBeNull();
    expect(Math.abs(Number(ram![1]) - (total[4] + 1024 + 256))).toBeLessThan(0.11);
  }, 300_000);

  it("fails when the application's heap does not fit the board's RAM, with the table and what to do", async () => {
    const app = path.join(tmp, "bigheap");
    cpSync(path.join(ROOT, "examples/hello"), app, { recursive: true, filter: (f) => path.basename(f) !== "build" });
    writeFileSync(path.join(app, "rumpsdk.json"), JSON.stringify({ heap: "32M" }));
    for (let attempt = 0; attempt < 2; attempt++) { // and again: a failed build is not taken as up to date
      const r = await rumpsdk(["build", app, "--board=mps2-an385", "-q"]);
      expect(r.code).toBe(1);
      expect(r.stdout).not.toContain("image:");
      const m = /^rumpsdk: error: the image needs ([\d.]+) KiB of RAM at start \(static RAM \+ GC heap \+ main stack\), ([\d.]+) KiB more than the 24576\.0 KiB board mps2-an385 declares \(board\.json "memory": "ram"\):$/m.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      expect(Number(m![1]) - 24576).toBeCloseTo(Number(m![2]), 1);
      expect([...table(r.stderr).keys()]).toEqual([...FOOTPRINT_ROWS, "total"]);
      expect(r.stderr).toContain('  GC heap: 32768.0 KiB ("heap" in rumpsdk.json)');
      expect(r.stderr).toMatch(/\n {2}To fit: lower the GC heap \("heap" in the application's rumpsdk\.json, now 32768\.0 KiB\)/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 300_000);

  it("fails when the image does not fit the board's flash", async () => {
    const real = loadBoard("mps2-an385");
    const board = { ...real, memory: { ...real.memory, flash: 128 * 1024 } };
    const err = await build({ input: path.join(ROOT, "examples/hello"), board, output: path.join(tmp, "flash", "hello.img"), quiet: true })
      .then(() => null, (e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/^the image needs ([\d.]+) KiB of flash, ([\d.]+) KiB more than the 128\.0 KiB board mps2-an385 declares \(board\.json "memory": "flash"\):\n/);
    expect([...table(err.message).keys()]).toEqual([...FOOTPRINT_ROWS, "total"]);
    expect(err.message).not.toContain("of RAM at start (");
    expect(err.hint).toMatch(/^To fit: make the image smaller \(a --release build leaves the debug shell out/);
  }, 300_000);
});
