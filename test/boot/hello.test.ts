// examples/hello built for qemu-x86 and booted in a real QEMU machine.
import { describe, expect, it } from "vitest";
import { lines, rumpsdk } from "../lib/sdk.ts";

describe("examples/hello on qemu-x86", () => {
  it("builds a multiboot image and prints its size", async () => {
    const r = await rumpsdk(["build", "examples/hello", "--board=qemu-x86"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/image: .*examples\/hello\/build\/qemu-x86\/hello\.img/);
    const m = r.stdout.match(/size: text ([\d.]+) KiB, data ([\d.]+) KiB, bss ([\d.]+) KiB/);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(4);
  });

  it("boots, greets, runs its timer three times, reports uptime and memory, and exits 0", async () => {
    const r = await rumpsdk(["run", "examples/hello", "--board=qemu-x86", "--accel=tcg", "--timeout=60"]);
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^rumpsdk: booting on qemu-x86 .*accelerator TCG/);
    const app = out.filter((l) => l.startsWith("hello:"));
    expect(app[0]).toMatch(/^hello: rumpsdk firmware up, [\d.]+ ms after kernel entry$/);
    const ticks = app.slice(1, 4).map((l) => l.match(/^hello: tick (\d) at ([\d.]+) ms$/));
    expect(ticks.map((t) => t?.[1])).toEqual(["1", "2", "3"]);
    const at = ticks.map((t) => Number(t![2]));
    // 100 ms interval timer: the next tick is due 100 ms after the previous one was taken up; each
    // line is printed a little after that (a few ms under a loaded emulator), never a tick early
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(95);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(95);
    expect(at[2] - at[0]).toBeGreaterThanOrEqual(199);
    const last = app[4].match(/^hello: uptime ([\d.]+) ms, memory in use (\d+) of (\d+) bytes$/);
    expect(last).not.toBeNull();
    expect(Number(last![1])).toBeGreaterThanOrEqual(at[2]);
    expect(Number(last![2])).toBeGreaterThan(0);
    expect(Number(last![2])).toBeLessThan(Number(last![3]));
    expect(r.code).toBe(0);
  });
});
