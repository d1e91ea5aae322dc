// The SDK's own TypeScript (toolchain, tests, benchmarks) type-checks cleanly under strict settings.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../lib/sdk.ts";

it("tsc -p tsconfig.json reports no errors", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.json")], { encoding: "utf8" });
  expect(r.stdout + r.stderr).toBe("");
  expect(r.status).toBe(0);
}, 180_000);
