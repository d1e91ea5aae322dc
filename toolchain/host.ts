// The hosted board: the application as a Linux executable (layers 3-6 over POSIX).
import { spawn } from "node:child_process";

export function runHost(exe: string, timeoutSec?: number): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn(exe, [], { stdio: "inherit" });
    const t = timeoutSec ? setTimeout(() => p.kill("SIGKILL"), timeoutSec * 1000) : undefined;
    p.on("close", (code, sig) => { if (t) clearTimeout(t); resolve(code ?? (sig === "SIGKILL" ? 124 : 128)); });
  });
}
