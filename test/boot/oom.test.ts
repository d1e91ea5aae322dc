// Out of memory in compiled TypeScript: a clean panic report naming the heap size (set by the app's
// rumpsdk.json to 512K), and a non-zero exit, on the host and on qemu-x86.
import { describe, expect, it } from "vitest";
import { lines, rumpsdk } from "../lib/sdk.ts";

describe("out of memory", () => {
  for (const board of ["host", "qemu-x86"]) {
    it(`ends in a panic report naming the heap size (${board})`, async () => {
      const r = await rumpsdk(["run", "test/boot/oom", `--board=${board}`, "--accel=tcg", "--timeout=120"]);
      const out = lines(r.stdout + r.stderr);
      expect(out).toContain("oom: 10 rows kept"); // it ran for a while before the heap filled
      const start = out.indexOf("=== RUMPSDK PANIC ===");
      expect(start).toBeGreaterThan(-1);
      expect(out[start + 1]).toMatch(/^reason: out of memory: heap of 524288 bytes \(RT_HEAP_SIZE\) exhausted/);
      expect(out.slice(start)).toContain("=== END PANIC ===");
      expect(r.code).toBe(127);
    });
  }
});
