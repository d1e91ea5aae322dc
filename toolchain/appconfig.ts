// The application's configuration: rumpsdk.json beside main.ts (optional).
//   { "heap": "2M", "params": { "net.ip": "10.0.2.15", ... } }
// "heap" sizes the garbage-collected heap (bytes, or with K/M); "params" are answered by the
// hypercall rumpuser_getparam on the device, over the board's own params.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { UserError } from "./errors.ts";

export interface AppConfig { heap?: number; params: Record<string, string> }

const KEYS = ["heap", "params"];

export function parseSize(v: unknown, what: string): number {
  const m = typeof v === "number" ? [String(v), String(v), ""] : typeof v === "string" ? /^(\d+)\s*([KkMm]?)$/.exec(v.trim()) : null;
  if (!m) throw new UserError(`${what}: "${v}" is not a size`, 'Write bytes as a number, or with K or M: "512K", "4M".');
  return Number(m[1]) * (m[2] ? (m[2].toUpperCase() === "K" ? 1024 : 1024 * 1024) : 1);
}

export function loadAppConfig(dir: string): AppConfig {
  const file = path.join(dir, "rumpsdk.json");
  if (!existsSync(file)) return { params: {} };
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new UserError(`${file}: ${(e as Error).message}`, "Fix the JSON of the application's configuration.");
  }
  for (const k of Object.keys(raw)) {
    if (!KEYS.includes(k)) throw new UserError(`${file}: unknown key "${k}"`, `The keys are: ${KEYS.join(", ")}.`);
  }
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries((raw.params ?? {}) as Record<string, unknown>)) params[k] = String(v);
  const heap = raw.heap === undefined ? undefined : parseSize(raw.heap, `${file}: heap`);
  if (heap !== undefined && heap < 64 * 1024) throw new UserError(`${file}: heap of ${heap} bytes is too small`, "Give the heap at least 64K.");
  return { heap, params };
}
