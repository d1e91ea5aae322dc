// The kernel's socket syscalls over loopback (no NIC): test/kernel/sockets.c built and run hosted
// and on qemu-x86. The program prints "ok NAME" / "FAIL NAME: why" and exits with its failure count.
import { describe, expect, it } from "vitest";
import { lines, rumpsdk } from "../lib/sdk.ts";

const CHECKS = ["tcp 1 MiB arrived", "tcp checksum matches", "poll: listener POLLIN and connector POLLOUT",
  "udp echo of 50 datagrams", "ECONNREFUSED (blocking connect)", "ECONNREFUSED (non-blocking, SO_ERROR)",
  "EBADF read", "accept EAGAIN (nothing pending)", "read EAGAIN (no data)", "EADDRINUSE", "poll POLLNVAL"];

function expectAllPass(r: { code: number | null; stdout: string; stderr: string }) {
  const out = lines(r.stdout + "\n" + r.stderr);
  expect(out.filter((l) => l.startsWith("FAIL "))).toEqual([]);
  for (const c of CHECKS) expect(out, `a passing "${c}"`).toContain(`ok ${c}`);
  expect(out).toContain("sockets: 0 failures");
  expect(r.code).toBe(0);
}

describe("socket syscalls over loopback", () => {
  it("pass hosted (board host)", async () => {
    const b = await rumpsdk(["build", "test/kernel/sockets.c", "--board=host", "-o", "test/kernel/build/host/sockets"]);
    expect(b.code, b.stderr).toBe(0);
    const { spawnSync } = await import("node:child_process");
    const p = spawnSync("test/kernel/build/host/sockets", { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "pipe"] });
    expectAllPass({ code: p.status, stdout: p.stdout, stderr: p.stderr });
  });

  it("pass on qemu-x86 (TCG)", async () => {
    expectAllPass(await rumpsdk(["run", "test/kernel/sockets.c", "--board=qemu-x86", "--accel=tcg", "--timeout=120"]));
  });
});
