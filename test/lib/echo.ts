// The TCP echo firmware (test/net/echo.c, guest port 7) booted through `rumpsdk run` with a forward, and a
// host-side exchange with it.
import { spawn } from "node:child_process";
import net from "node:net";
import { CLI, ROOT } from "./sdk.ts";

/** Boots echo.c (runArgs: board, NIC, timeout) with guest port 7 at 127.0.0.1:port; `listening` resolves once
 * the server listens. */
export function bootEcho(port: number, runArgs: string[]) {
  const p = spawn(process.execPath, [CLI, "run", "test/net/echo.c", "--accel=tcg", ...runArgs, "--forward", `${port}:7`],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const exited = new Promise<number | null>((resolve) => p.on("close", (code) => resolve(code)));
  const listening = new Promise<void>((resolve, reject) => {
    p.stdout.on("data", (d) => { out += d; if (out.includes("echo: listening on port 7")) resolve(); });
    p.stderr.on("data", (d) => (err += d));
    exited.then((code) => reject(new Error(`echo exited (${code}) before listening:\n${out}\n${err}`)));
  });
  return { proc: p, listening, exited, output: () => out };
}

/** Sends data over one connection, half-closes, and collects what comes back. */
export function exchange(port: number, data: Buffer | string, timeoutMs = 60_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const s = net.connect(port, "127.0.0.1", () => s.end(data));
    s.on("data", (d) => chunks.push(d));
    s.on("end", () => resolve(Buffer.concat(chunks)));
    s.on("error", reject);
    s.setTimeout(timeoutMs, () => s.destroy(new Error("exchange timed out")));
  });
}
