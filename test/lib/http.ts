// Helpers for examples/sensor-http booted in QEMU and fetched with curl through --forward.
import { spawn, spawnSync } from "node:child_process";
import { expect } from "vitest";
import { CLI, ROOT } from "./sdk.ts";
import type { ExpectedSensor } from "./sensor.ts";

export const hasCurl = spawnSync("curl", ["--version"]).status === 0;

/** Boots sensor-http (runArgs: board and NIC options) with guest port 80 at 127.0.0.1:port; resolves once it
 * listens and the interface has its address. */
export function bootSensor(port: number, runArgs: string[]) {
  const p = spawn(process.execPath, [CLI, "run", "examples/sensor-http", "--accel=tcg", "--timeout=280", ...runArgs, "--forward", `${port}:80`],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const exited = new Promise<number | null>((resolve) => p.on("close", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    p.stdout.on("data", (d) => {
      out += d;
      if (out.includes("sensor-http: listening on port 80") && /\nnet: \S+ .* \(dhcp\)/.test(out)) resolve();
    });
    p.stderr.on("data", (d) => (err += d));
    exited.then((code) => reject(new Error(`sensor-http exited (${code}) before serving:\n${out}\n${err}`)));
  });
  return { proc: p, ready, exited, output: () => out };
}

/** curl with a time limit; resolves with its stdout. */
export function curl(args: string[], timeoutMs = 120_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn("curl", ["-s", "-S", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    const t = setTimeout(() => p.kill("SIGKILL"), timeoutMs);
    p.on("close", (code) => { clearTimeout(t); resolve({ code, stdout, stderr }); });
  });
}

/** The body of GET /metrics: JSON of the documented shape, its first sensor the expected one with a value in range. */
export function checkMetrics(body: string, sensor: ExpectedSensor) {
  const m = JSON.parse(body);
  expect(m.uptime_ms).toBeGreaterThan(0);
  expect(m.sensor.name).toBe(sensor.name);
  expect(m.sensor.unit).toBe("C");
  expect(m.sensor.value).toBeGreaterThanOrEqual(sensor.min);
  expect(m.sensor.value).toBeLessThanOrEqual(sensor.max);
  expect(m.memory.heap_used).toBeGreaterThan(0);
  expect(m.memory.heap_used).toBeLessThanOrEqual(m.memory.heap_size);
  return m;
}
