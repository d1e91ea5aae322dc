// The DPS310 driver's arithmetic (drivers/sensors/dps310.ts), compiled by the SDK and run on the host board
// (test/sensors/dps310-math), against values worked out independently of the driver: the coefficient
// bytes unpacked by hand from the datasheet's register layout, and the datasheet's formulas evaluated
// in exact rational arithmetic (Python's fractions) for each scale factor.
import { describe, expect, it } from "vitest";
import { lines, rumpsdk } from "../lib/sdk.ts";

// Registers 0x10-0x21 = 0e 1e dd 13 ca 5f 21 52 f9 c6 04 d1 db 47 00 5b fb 3a (QEMU's dps310):
//   c0  = 0x0e1 (12 bits)            =    225     c1  = 0xedd - 0x1000         =   -291
//   c00 = 0x13ca5 (20 bits)          =  81061     c10 = 0xf2152 - 0x100000     = -57006
//   c01 = 0xf9c6 - 0x10000           =  -1594     c11 = 0x04d1                 =   1233
//   c20 = 0xdb47 - 0x10000           =  -9401     c21 = 0x005b                 =     91
//   c30 = 0xfb3a - 0x10000           =  -1222
// Raw results: temperature 0x0269a6 = 158118, pressure 0xfe2fee - 0x1000000 = -118802.
// Single oversampling (k = 524288): Traw_sc = 158118 / 524288 = 0.301586151..., so
//   T = 225 / 2 + (-291) * 0.301586151... = 112.5 - 87.761569977 = 24.738430023 °C;
//   Praw_sc = -118802 / 524288 = -0.226596832...,
//   P = 81061 + Praw_sc * (-57006 + Praw_sc * (-9401 + Praw_sc * -1222)) + Traw_sc * -1594
//       + Traw_sc * Praw_sc * (1233 + Praw_sc * 91) = 92946.3114 Pa.
const EXPECTED: Record<number, { k: number; t: number; p: number }> = {
  1: { k: 524288, t: 24.73843002319336, p: 92946.31142171418 },
  8: { k: 7864320, t: 106.64922866821288, p: 81887.59482662397 },
  16: { k: 253952, t: -68.68517672631049, p: 104457.6357318003 },
  128: { k: 2088960, t: 90.47356675091912, p: 84146.88866417887 },
};

describe("DPS310 compensation (datasheet formulas)", () => {
  it("unpacks the coefficients and compensates raw results like the hand-worked examples", async () => {
    const r = await rumpsdk(["run", "test/sensors/dps310-math", "--board=host"]);
    expect(r.code, r.stderr).toBe(0);
    const out = lines(r.stdout);
    const coef = JSON.parse(out.find((l) => l.startsWith("coef "))!.slice(5));
    expect(coef).toEqual({ c0: 225, c1: -291, c00: 81061, c10: -57006, c01: -1594, c11: 1233, c20: -9401, c21: 91, c30: -1222 });
    expect(out).toContain("raw 158118 -118802");
    for (const [n, e] of Object.entries(EXPECTED)) {
      const m = out.find((l) => l.startsWith(`x${n} `))?.match(/^x\d+ k (\d+) T (\S+) P (\S+)$/);
      expect(m, `line for x${n}`).toBeTruthy();
      expect(Number(m![1])).toBe(e.k);
      expect(Math.abs(Number(m![2]) - e.t)).toBeLessThan(1e-6);
      expect(Math.abs(Number(m![3]) - e.p)).toBeLessThan(1e-4);
    }
    // every packing edge: c0 = 0x123 = 291, c1 = 0x456 = 1110, c00 = 0x01000 = 4096, c10 = 0xfffff = -1,
    // c01 = 16, c11 = 0xfff0 = -16, c20 = 0x8000 = -32768, c21 = 0x7fff = 32767, c30 = 0; Traw = 0x7fffff,
    // Praw = 0x001000 with kT = 7864320 (8x), kP = 253952 (16x)
    const c2 = JSON.parse(out.find((l) => l.startsWith("coef2 "))!.slice(6));
    expect(c2).toEqual({ c0: 291, c1: 1110, c00: 4096, c10: -1, c01: 16, c11: -16, c20: -32768, c21: 32767, c30: 0 });
    const s = out.find((l) => l.startsWith("second "))!.match(/T (\S+) P (\S+)/)!;
    expect(Math.abs(Number(s[1]) - 1329.4998588562012)).toBeLessThan(1e-6);
    expect(Math.abs(Number(s[2]) - 4113.343285155817)).toBeLessThan(1e-4);
  });
});
