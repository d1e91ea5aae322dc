// Small helpers for the benchmarks: medians over repeated runs, ratios, one-line reports, an HTTP GET.
import http from "node:http";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One GET: status and body, or null when nothing answered within timeoutMs. */
export function get(url: string, timeoutMs: number): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", () => resolve(null));
    });
    req.on("timeout", () => { req.destroy(); resolve(null); });
    req.on("error", () => resolve(null));
  });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

export interface Check { name: string; value: number; limit: number; unit: string; ok: boolean }
const checks: Check[] = [];

/** Records a target from an issue and prints whether this run meets it: value <= limit, or value >= limit
 * when kind is "min" (a figure that must reach the limit, e.g. a speed-up). NaN never meets a target. */
export function target(name: string, value: number, limit: number, unit: string, kind: "max" | "min" = "max"): void {
  const ok = kind === "min" ? value >= limit : value <= limit;
  checks.push({ name, value, limit, unit, ok });
  console.log(`  target ${ok ? "met " : "MISSED"}: ${name}: ${fmt(value)} ${unit} (${kind === "min" ? "at least" : "limit"} ${fmt(limit)} ${unit})`);
}

export function summary(): number {
  const missed = checks.filter((c) => !c.ok);
  console.log(`\nbench: ${checks.length - missed.length} of ${checks.length} targets met` + (missed.length ? `; missed: ${missed.map((c) => c.name).join("; ")}` : ""));
  return missed.length;
}

export const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
export const row = (label: string, runs: number[], unit: string) =>
  console.log(`  ${label}: median ${fmt(median(runs))} ${unit} (min ${fmt(Math.min(...runs))}, max ${fmt(Math.max(...runs))}, ${runs.length} runs)`);
