// C programs that exercise layers 1-3 directly on the qemu-x86 board: the hypercalls, and the panic report.
import { describe, expect, it } from "vitest";
import { HYPERCALL_AREAS, hypercallChecks, panicReport, rumpsdk } from "../lib/sdk.ts";

const run = (prog: string) =>
  rumpsdk(["run", `test/firmware/${prog}.c`, "--board=qemu-x86", "--accel=tcg", "--timeout=90"]);

describe("core on qemu-x86", () => {
  it("runs threads, sleeps, wait queues, the allocator and random, and returns main's value", async () => {
    const r = await run("core-smoke");
    expect(r.stdout).toMatch(/core-smoke: ok/);
    expect(r.stdout).not.toMatch(/FAIL/);
    expect(r.code).toBe(3); // core-smoke's main returns 3: the exit code travels through core_halt and QEMU
  });
});

describe("hypercalls on qemu-x86", () => {
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

describe("panic report", () => {
  it("a bad pointer dereference prints reason, registers and backtrace, and exits non-zero", async () => {
    const r = await run("fault");
    const report = panicReport(r.stdout);
    expect(report).toMatch(/^reason: .*page fault/im);
    expect(report).toMatch(/^build-id: [0-9a-f]{16,}/m);
    expect(report).toMatch(/^regs: rip=0x[0-9a-f]+ .*rsp=0x[0-9a-f]+/m);
    expect(report).toMatch(/cr2=0x0*dead/);
    expect(report).toMatch(/^backtrace:( 0x[0-9a-f]+){2,}/m);
    expect(r.stderr).toMatch(/panicked/);
    expect(r.code).toBe(127);
  });
});
