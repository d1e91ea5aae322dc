// The application's configuration: rumpsdk.json beside main.ts (optional).
//   { "heap": "2M", "params": { "net.ip": "10.0.2.15", ... },
//     "kernel": "netbsd", "rumpkernel": "../netbsd-rump/lib", "components": ["rumpnet_bpf"] }
// "heap" sizes the garbage-collected heap (bytes, or with K/M); "params" are answered by the
// hypercall rumpuser_getparam on the device, over the board's own params. "kernel" picks the kernel
// flavor (lwip, the default, or netbsd); "rumpkernel" is the folder of NetBSD's rump kernel component
// archives (relative to the application's folder) and "components" extra ones to link (netbsd only).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { UserError } from "./errors.ts";
import { KERNEL_FLAVORS, type KernelFlavor } from "./netbsd.ts";

export interface AppConfig { heap?: number; params: Record<string, string>; kernel?: KernelFlavor; rumpkernel?: string; components: string[] }

const KEYS = ["heap", "params", "kernel", "rumpkernel", "components"];

export function parseKernel(v: unknown, what: string): KernelFlavor {
  if (typeof v !== "string" || !(KERNEL_FLAVORS as string[]).includes(v)) {
    throw new UserError(`${what}: unknown kernel flavor "${v}"`, `The kernel flavors are: ${KERNEL_FLAVORS.join(", ")} (netbsd needs NetBSD's rump kernel components, see README.md).`);
  }
  return v as KernelFlavor;
}

export function parseSize(v: unknown, what: string): number {
  const m = typeof v === "number" ? [String(v), String(v), ""] : typeof v === "string" ? /^(\d+)\s*([KkMm]?)$/.exec(v.trim()) : null;
  if (!m) throw new UserError(`${what}: "${v}" is not a size`, 'Write bytes as a number, or with K or M: "512K", "4M".');
  return Number(m[1]) * (m[2] ? (m[2].toUpperCase() === "K" ? 1024 : 1024 * 1024) : 1);
}

export function loadAppConfig(dir: string): AppConfig {
  const file = path.join(dir, "rumpsdk.json");
  if (!existsSync(file)) return { params: {}, components: [] };
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
  const kernel = raw.kernel === undefined ? undefined : parseKernel(raw.kernel, `${file}: kernel`);
  if (raw.rumpkernel !== undefined && (typeof raw.rumpkernel !== "string" || raw.rumpkernel === "")) {
    throw new UserError(`${file}: "rumpkernel" must be a folder name`, "Give the folder of the rump kernel component archives, relative to the application's folder.");
  }
  const rumpkernel = raw.rumpkernel === undefined ? undefined : path.resolve(dir, raw.rumpkernel as string);
  const comps = raw.components ?? [];
  if (!Array.isArray(comps) || comps.some((c) => typeof c !== "string")) {
    throw new UserError(`${file}: "components" must be a list of names`, 'List extra rump kernel components by name, e.g. ["rumpnet_bpf"].');
  }
  if (comps.length && kernel !== undefined && kernel !== "netbsd") {
    throw new UserError(`${file}: "components" are for the netbsd kernel flavor`, 'Drop "components", or set "kernel": "netbsd".');
  }
  return { heap, params, kernel, rumpkernel, components: comps as string[] };
}
