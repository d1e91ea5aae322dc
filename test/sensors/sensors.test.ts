// The TMP105 and DPS310 drivers (drivers/sensors) through rumpsdk/i2c on mps2-an385, with QEMU's
// emulated chips: temperatures set through QMP (qom-set on the tmp105's "temperature", in milli-°C)
// come back from the firmware within the sensor's resolution; the DPS310 (fixed raw values in QEMU 7.2,
// which gives it no properties) reads as the datasheet's formulas say; an absent address and an
// absent bus give typed errors naming the bus and the address. test/sensors/app prints the readings.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadBoard } from "../../toolchain/boards.ts";
import { build } from "../../toolchain/build.ts";
import { qmpArgs, runImage } from "../../toolchain/qemu.ts";
import { Qmp } from "../lib/qmp.ts";
import { CLI, lines, ROOT } from "../lib/sdk.ts";

const tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-sensors-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Waits until the output holds a line matching re (after `from` characters); returns its match. */
async function waitLine(out: () => string, re: RegExp, ms: number, from = 0): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  for (;;) {
    for (const l of lines(out().slice(from))) {
      const m = l.match(re);
      if (m) return m;
    }
    if (Date.now() > until) throw new Error(`no line matching ${re} within ${ms} ms:\n${out()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sets the emulated temperature and waits for the firmware to print a reading of that sensor within tolerance. */
async function expectReading(qmp: Qmp, out: () => string, id: string, location: string, milliC: number, resolution: number) {
  await qmp.command("qom-set", { path: `/machine/peripheral/${id}`, property: "temperature", value: milliC });
  const from = out().length;
  const re = new RegExp(`^reading tmp105 ${location}: temperature (-?[\\d.]+) C$`);
  const want = milliC / 1000;
  const until = Date.now() + 20_000;
  let last = NaN;
  while (Date.now() < until) {
    last = Number((await waitLine(out, re, 20_000, from))[1]);
    // the chip truncates to its resolution; the line shows 2 decimals
    if (Math.abs(last - want) <= resolution + 0.005) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${location}: want ${want} °C within ${resolution}, last reading ${last}`);
}

describe("sensor drivers on mps2-an385 (rumpsdk run --qmp)", () => {
  it("reads the board's TMP105 and DPS310; temperatures set through QMP come back within 0.0625 °C; errors name bus and address", async () => {
    const sock = path.join(tmp, "qmp-run.sock");
    const p = spawn(process.execPath, [CLI, "run", "test/sensors/app", "--board=mps2-an385", "--release", "--timeout=200", "--qmp", sock],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (out += d));
    try {
      await waitLine(() => out, /^sensors: ready$/, 150_000);
      const qmp = await Qmp.connect(sock);
      const o = lines(out);
      expect(o).toContain("absent address: I2CError: /dev/iic3 addr 0x4a: no device (EIO: nothing acknowledged) [EIO]");
      expect(o).toContain("absent bus: I2CError: /dev/iic7: no such bus (ENOENT)");
      // raw values of QEMU's model compensated with its coefficients at single oversampling: 92946.31 Pa, 24.738 °C
      await waitLine(() => out, /^reading dps310 \/dev\/iic3 0x77: pressure 929\.46 hPa, temperature 24\.74 C$/, 10_000);
      // QEMU keeps 1/256 °C (23456 -> 6004/256), the chip's 12 bits 1/16 °C: 6000/256 = 23.4375, shown 23.44
      expect(await expectReading(qmp, () => out, "tmp105", "/dev/iic3 0x48", 23456, 0.0625)).toBe(23.44);
      // -12345 -> -3160/256, 12 bits toward minus infinity: -3168/256 = -12.375, shown -12.38
      expect(await expectReading(qmp, () => out, "tmp105", "/dev/iic3 0x48", -12345, 0.0625)).toBe(-12.38);
      await expectReading(qmp, () => out, "tmp105", "/dev/iic3 0x48", 99900, 0.0625);
      expect(await qmp.command("qom-get", { path: "/machine/peripheral/tmp105", property: "temperature" })).toBe(99898);
      qmp.close();
    } finally {
      p.kill("SIGTERM");
    }
  });
});

describe("TMP105 settings on mps2-an385 (a second TMP105 at 0x49)", () => {
  it("configures 9 bits and the alert, reads them back, and quantizes to 0.5 °C", async () => {
    const board = loadBoard("mps2-an385");
    const b = await build({ input: path.join(ROOT, "test/sensors/app"), board, quiet: true, release: true });
    const sock = path.join(tmp, "qmp-lib.sock");
    let out = "";
    const stop = new AbortController();
    const run = runImage({ board, image: b.image, accel: "tcg", timeoutSec: 200, signal: stop.signal,
      args: ["-device", "tmp105,bus=i2c,address=0x49,id=t49", ...qmpArgs(sock)], onOutput: (d) => (out += d.toString("latin1")) });
    try {
      const settings = JSON.parse((await waitLine(() => out, /^settings (\{.*\})$/, 150_000))[1]);
      expect(settings).toEqual({ resolution: 9, alert: { low: -10.5, high: 30.25, mode: "interrupt", polarity: "high", faults: 4 }, shutdown: false });
      await waitLine(() => out, /^sensors: ready$/, 10_000);
      const qmp = await Qmp.connect(sock);
      // 9 bits: 0.5 °C steps, truncated toward minus infinity: 21.3 °C reads 21.0, -12.345 °C reads -12.5
      expect(await expectReading(qmp, () => out, "t49", "/dev/iic3 0x49", 21300, 0.5)).toBe(21);
      expect(await expectReading(qmp, () => out, "t49", "/dev/iic3 0x49", -12345, 0.5)).toBe(-12.5);
      // the board's TMP105 at 0x48 keeps its 12 bits
      expect(await expectReading(qmp, () => out, "tmp105", "/dev/iic3 0x48", 21300, 0.0625)).toBeCloseTo(21.25, 2);
      qmp.close();
    } finally {
      stop.abort();
      await run;
    }
  });
});
