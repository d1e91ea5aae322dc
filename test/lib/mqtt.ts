// Helpers for firmware that talks MQTT to a real mosquitto on the host's loopback (the guest reaches it at
// 10.0.2.2 through QEMU user networking): the broker, a subscriber, examples/sensor-mqtt configured for it,
// its readings checked. Children and temporary folders are registered; call cleanup() in afterAll.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { CLI, ROOT } from "./sdk.ts";
import type { ExpectedSensor } from "./sensor.ts";

const tmpDirs: string[] = [];
const procs: ChildProcess[] = [];

/** Kills the children still running and removes the temporary folders. */
export function cleanup(): void {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
}

/** A temporary folder, removed by cleanup(). */
export function tmpDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}

export function have(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

export const brokerMissing = !have("mosquitto") || !have("mosquitto_sub");

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `check()` is true (polled), rejects after `ms` with `what`. */
export async function until(what: string, ms: number, check: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** A mosquitto listening on 127.0.0.1:port only, anonymous, no persistence; resolves once it accepts connections. */
export async function startBroker(dir: string, port: number): Promise<ChildProcess> {
  const conf = path.join(dir, "mosquitto.conf");
  writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n`);
  const p = spawn("mosquitto", ["-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
  procs.push(p);
  let log = "";
  p.stdout!.on("data", (d) => (log += d));
  p.stderr!.on("data", (d) => (log += d));
  const end = Date.now() + 10_000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => { s.destroy(); resolve(true); });
      s.on("error", () => resolve(false));
    });
    if (ok) return p;
    if (p.exitCode !== null || Date.now() > end) throw new Error(`mosquitto did not start on port ${port}:\n${log}`);
    await sleep(100);
  }
}

export function stopBroker(p: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    p.on("exit", () => resolve());
    p.kill("SIGTERM");
  });
}

/** mosquitto_sub -v on everything of the device: the lines "topic payload" as they arrive. */
export function subscriber(port: number, id: string) {
  const p = spawn("mosquitto_sub", ["-h", "127.0.0.1", "-p", String(port), "-v", "-q", "1", "-t", `rumpsdk/${id}/#`], { stdio: ["ignore", "pipe", "pipe"] });
  procs.push(p);
  const got: string[] = [];
  let partial = "";
  p.stdout!.on("data", (d) => {
    const parts = (partial + d).split("\n");
    partial = parts.pop()!;
    got.push(...parts);
  });
  return { proc: p, got };
}

export function publish(port: number, topic: string, message: string): void {
  const r = spawnSync("mosquitto_pub", ["-h", "127.0.0.1", "-p", String(port), "-q", "1", "-t", topic, "-m", message], { timeout: 10_000, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`mosquitto_pub failed: ${r.stderr}`);
}

/** A copy of examples/sensor-mqtt whose rumpsdk.json names the test's broker port and device id. */
export function sensorMqttCopy(port: number, id: string): string {
  const dir = tmpDir("rumpsdk-mqtt-");
  cpSync(path.join(ROOT, "examples/sensor-mqtt/main.ts"), path.join(dir, "main.ts"));
  writeFileSync(path.join(dir, "rumpsdk.json"), JSON.stringify({
    params: {
      "device.id": id, "mqtt.host": "10.0.2.2", "mqtt.port": String(port),
      "mqtt.topic.reading": `rumpsdk/${id}/reading`, "mqtt.topic.cmd": `rumpsdk/${id}/cmd`,
      "mqtt.topic.status": `rumpsdk/${id}/status`, "mqtt.interval_ms": "1000",
    },
  }, null, 2));
  return dir;
}

/** `rumpsdk run APP ...runArgs` as a child (registered); its console and exit code. */
export function bootApp(appDir: string, runArgs: string[]) {
  const p = spawn(process.execPath, [CLI, "run", appDir, ...runArgs], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  procs.push(p);
  let out = "";
  p.stdout!.on("data", (d) => (out += d));
  p.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => p.on("close", (code) => resolve(code)));
  return { proc: p, exited, output: () => out };
}

/** The sequence numbers of the readings among got[from..] (each payload checked as a reading of the sensor). */
export function readings(got: string[], id: string, sensor: ExpectedSensor, from = 0): number[] {
  const prefix = `rumpsdk/${id}/reading `;
  return got.slice(from).filter((l) => l.startsWith(prefix)).map((l) => {
    const r = JSON.parse(l.slice(prefix.length));
    expect(Object.keys(r)).toEqual(["seq", "value", "unit", "uptime_ms"]);
    expect(r.unit).toBe("C");
    expect(typeof r.value).toBe("number");
    expect(r.value).toBeGreaterThanOrEqual(sensor.min);
    expect(r.value).toBeLessThanOrEqual(sensor.max);
    expect(Number.isInteger(r.uptime_ms)).toBe(true);
    return r.seq as number;
  });
}

export function increasing(seqs: number[]): boolean {
  return seqs.every((s, i) => i === 0 || s > seqs[i - 1]);
}
