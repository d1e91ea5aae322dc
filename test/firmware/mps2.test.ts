// C programs that exercise layers 1-3 directly on the mps2-an385 board (Cortex-M3, cross-compiled,
// qemu-system-arm): core, the hypercalls, and the fault report; exit codes travel through semihosting.
import { describe, expect, it } from "vitest";
import { HYPERCALL_AREAS, hypercallChecks, panicReport, rumpsdk } from "../lib/sdk.ts";

const run = (prog: string) =>
  rumpsdk(["run", `test/firmware/${prog}.c`, "--board=mps2-an385", "--timeout=90"]);

describe("core on mps2-an385", () => {
  it("runs threads, sleeps, wait queues, the allocator and random, and returns main's value", async () => {
    const r = await run("core-smoke");
    expect(r.stdout).toMatch(/^rumpsdk: booting on mps2-an385 with qemu-system-arm, accelerator TCG/m);
    expect(r.stdout).toMatch(/core-smoke: ok/);
    expect(r.stdout).not.toMatch(/FAIL/);
    expect(r.stdout).toMatch(/core-smoke: fmt -42\|   ab\|be  \|00001234\|z\|18446744073709551615\|0x10/);
    // %zu on a 32-bit board: the whole RAM of the board (about 23 MiB) in KiB
    const m = r.stdout.match(/core-smoke: mem total (\d+) KiB/);
    expect(Number(m![1])).toBeGreaterThan(16 * 1024);
    expect(Number(m![1])).toBeLessThan(24 * 1024);
    expect(r.code).toBe(3); // through core_halt and semihosting SYS_EXIT_EXTENDED
  });
});

describe("hypercalls on mps2-an385", () => {
  it("passes every check of the hypercall test program", async () => {
    const r = await run("hypercalls");
    const { oks, fails } = hypercallChecks(r.stdout);
    expect(fails).toEqual([]);
    for (const name of HYPERCALL_AREAS) {
      expect(oks.some((l) => l.includes(name)), `a passing "${name}" check`).toBe(true);
    }
    expect(r.code).toBe(0);
  });
});

describe("fault report on mps2-an385", () => {
  it("a bad pointer dereference prints the fault, the stacked registers and pc/lr, and exits 127", async () => {
    const r = await run("fault");
    const report = panicReport(r.stdout);
    expect(report).toMatch(/^reason: BusFault: precise data bus error/m);
    expect(report).toMatch(/^build-id: [0-9a-f]{16,}/m);
    expect(report).toMatch(/^thread: main$/m);
    expect(report).toMatch(/^regs: pc=0x[0-9a-f]{8} sp=0x[0-9a-f]{8} lr=0x[0-9a-f]{8} xpsr=0x[0-9a-f]{8} r0=/m);
    expect(report).toMatch(/bfar=0xd0000000/); // fault.c's pointer, truncated to 32 bits
    expect(report).toMatch(/^backtrace: 0x[0-9a-f]+ 0x[0-9a-f]+$/m); // pc and the stacked lr
    expect(r.stderr).toMatch(/panicked/);
    expect(r.code).toBe(127);
  });
});
