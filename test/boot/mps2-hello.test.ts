// examples/hello cross-compiled for mps2-an385 (Cortex-M3) and booted in qemu-system-arm.
import { describe, expect, it } from "vitest";
import { lines, rumpsdk } from "../lib/sdk.ts";

describe("examples/hello on mps2-an385", () => {
  it("builds a raw image and prints its size", async () => {
    const r = await rumpsdk(["build", "examples/hello", "--board=mps2-an385"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/image: .*examples\/hello\/build\/mps2-an385\/hello\.img/);
    expect(r.stdout).toMatch(/size: text ([\d.]+) KiB, data ([\d.]+) KiB, bss ([\d.]+) KiB/);
  });

  it("boots, greets, runs its timer three times, reports uptime and memory, and exits 0", async () => {
    const r = await rumpsdk(["run", "examples/hello", "--board=mps2-an385", "--timeout=60"]);
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^rumpsdk: booting on mps2-an385 .*accelerator TCG/);
    const app = out.filter((l) => l.startsWith("hello:"));
    expect(app[0]).toMatch(/^hello: rumpsdk firmware up, [\d.]+ ms after kernel entry$/);
    const ticks = app.slice(1, 4).map((l) => l.match(/^hello: tick (\d) at ([\d.]+) ms$/));
    expect(ticks.map((t) => t?.[1])).toEqual(["1", "2", "3"]);
    const at = ticks.map((t) => Number(t![2]));
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(95);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(95);
    const last = app[4].match(/^hello: uptime ([\d.]+) ms, memory in use (\d+) of (\d+) bytes$/);
    expect(last).not.toBeNull();
    expect(Number(last![2])).toBeGreaterThan(0);
    expect(Number(last![2])).toBeLessThan(Number(last![3]));
    expect(r.code).toBe(0);
  });
});
