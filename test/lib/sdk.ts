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

/** The panic report in console output (the lines from === RUMPSDK PANIC === up to the end marker), checked to be complete. */
export function panicReport(stdout: string): string {
  const out = lines(stdout);
  const start = out.indexOf("=== RUMPSDK PANIC ===");
  const end = out.indexOf("=== END PANIC ===");
  if (start < 0 || end <= start) throw new Error(`no complete panic report in:\n${stdout}`);
  return out.slice(start, end).join("\n");
}

/** The hypercall test program's result lines: every check passed, and each area had a passing check. */
export function hypercallChecks(stdout: string): { oks: string[]; fails: string[] } {
  const out = lines(stdout);
  return { oks: out.filter((l) => l.startsWith("ok ")), fails: out.filter((l) => l.startsWith("FAIL ")) };
}
export const HYPERCALL_AREAS = ["thread", "mutex", "rwlock", "condvar", "sleep", "clock", "random", "getparam"];
