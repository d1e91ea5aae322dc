// Runs the rumpsdk command the way a user does (a child process), for the test suites.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CLI = path.join(ROOT, "bin", "rumpsdk.mjs");

export interface CliResult { code: number | null; stdout: string; stderr: string; ms: number }

export function rumpsdk(args: string[], opts: { cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const start = performance.now();
    const p = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    const t = setTimeout(() => p.kill("SIGKILL"), opts.timeoutMs ?? 300_000);
    p.on("close", (code) => { clearTimeout(t); resolve({ code, stdout, stderr, ms: performance.now() - start }); });
  });
}

/** Lines of the serial console output, without carriage returns. */
export const lines = (s: string) => s.replace(/\r/g, "").split("\n");
