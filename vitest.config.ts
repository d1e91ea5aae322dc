import { defineConfig } from "vitest/config";

// Tests live beside the code they test (toolchain/**, test/**). QEMU boots are slow under TCG,
// so timeouts are generous; two workers match the two cores CI has.
export default defineConfig({
  test: {
    include: ["toolchain/**/*.test.ts", "test/**/*.test.ts", "drivers/**/*.test.ts", "flash/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/build/**"],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default"],
  },
});
