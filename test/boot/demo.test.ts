// `npm start` (toolchain/demo.ts): builds and boots sensor-http, fetches it with curl, stops it.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../lib/sdk.ts";

it("npm start's demo boots sensor-http and every curl gets HTTP 200 with the metrics JSON", async () => {
  const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const p = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "toolchain/demo.ts")], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, RUMPSDK_ACCEL: "tcg" } });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (out += d));
    p.on("close", (code) => resolve({ code, out }));
  });
  const metrics = [...r.out.matchAll(/curl \S+\/metrics -> HTTP (\d+): (.*)/g)];
  expect(metrics.length).toBe(2);
  for (const m of metrics) {
    expect(m[1]).toBe("200");
    const j = JSON.parse(m[2]);
    expect(j.sensor.unit).toBe("C");
    expect(j.memory.heap_used).toBeGreaterThan(0);
  }
  expect(r.out).toMatch(/curl \S+\/ -> HTTP 200: \d+ bytes of HTML/);
  expect(r.out).toMatch(/sensor-http answered every request/);
  expect(r.code).toBe(0);
}, 300_000);
