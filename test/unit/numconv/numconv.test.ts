// Number <-> string conversions (sdk/runtime/numconv.c) and the libm (sdk/base/math.c),
// built for the host with gcc and compared answer by answer with this Node.js.
import { beforeAll, describe, expect, test } from "vitest";
// @ts-ignore -- plain ESM helper shared with the command line
import { buildHarness, compareAll } from "./compare.mjs";

type Group = { total: number; mismatches: number; examples: unknown[] };
type MathFn = { total: number; differ: number; maxUlp: number; worst: unknown };
let report: Record<string, Group> & { math: Record<string, MathFn> };

beforeAll(() => {
  report = compareAll(buildHarness(), { scale: 1 });
});

describe("numconv matches Node exactly", () => {
  for (const group of ["dtoa", "fixed", "precision", "exponential", "radix", "toint32", "strtod", "number", "parseFloat", "parseInt"]) {
    test(group, () => {
      const g = report[group];
      expect(g.total).toBeGreaterThan(1000);
      expect(g.examples).toEqual([]);
      expect(g.mismatches).toBe(0);
    });
  }
});

// The exact functions must be identical. The transcendental ones are correctly rounded in
// practice (double-double evaluation); V8's fdlibm is not always, so a few results differ
// by one ulp — two for sinh and tanh, where V8's own error reaches ~2 ulp.
describe("math agrees with Node", () => {
  const exact = ["sqrt", "floor", "ceil", "trunc", "fabs", "fmod", "hypot"];
  test("exact functions are identical", () => {
    for (const fn of exact) expect([fn, report.math[fn].differ]).toEqual([fn, 0]);
  });
  test("transcendental functions are within 1 ulp (2 for sinh, tanh)", () => {
    const lines: string[] = [];
    for (const [fn, m] of Object.entries(report.math)) {
      lines.push(`${fn}: ${m.differ}/${m.total} differ, max ${m.maxUlp} ulp`);
      expect([fn, m.maxUlp <= (fn === "sinh" || fn === "tanh" ? 2 : 1)]).toEqual([fn, true]);
    }
    console.log(lines.join("\n"));
  });
});
