// `rumpsdk run` with the serial console on a pty: QEMU's serial port is a pty and the console of
// `rumpsdk console` (toolchain/console.ts) is attached to it, so colours, timestamps, the log file,
// the debug shell and crash decoding work in emulation as on a board. The exit code is the
// firmware's, as with --serial=stdio; Ctrl-C or Ctrl-] stops the machine.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Board } from "./boards.ts";
import { SerialConsole } from "./console.ts";
import { UserError } from "./errors.ts";
import { decodeExit, PANIC_CODE, qemuArgs, qemuBinary, type Accel } from "./qemu.ts";

export interface PtyRunOptions {
  board: Board;
  image: string;
  elf: string;
  accel: Accel;
  timeoutSec?: number;
  args?: string[];
  log?: string;
  timestamps?: boolean;
}

export async function runOnPty(o: PtyRunOptions): Promise<number> {
  const { startQemuPty } = await import("./console.ts");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-run-"));
  const serialLog = path.join(tmp, "serial.log");
  const q = startQemuPty(qemuBinary(o.board), qemuArgs(o.board, o.image, o.accel, o.args), serialLog);
  let pty: string;
  try {
    pty = await q.pty;
  } catch (e) {
    throw new UserError(`QEMU did not start: ${(e as Error).message}`, "Check the board's QEMU settings in its board.json.");
  }
  const con = new SerialConsole({ port: pty, baud: o.board.console?.baud ?? 115200, elf: o.elf, log: o.log, timestamps: o.timestamps,
    ctrlCQuits: true, reconnect: false, status: (m) => { if (!/connected to/.test(m)) process.stderr.write(`\n${m}\n`); } });
  await con.start();
  console.log(`rumpsdk: serial console on ${pty} (Ctrl-C or Ctrl-] stops the machine)`);
  q.cont();
  let stopped = false, timedOut = false;
  const onSigint = () => { stopped = true; q.kill("SIGTERM"); };
  process.on("SIGINT", onSigint);
  con.done.then((why) => { if (why === "quit") { stopped = true; q.kill("SIGTERM"); } });
  const timer = o.timeoutSec ? setTimeout(() => { timedOut = true; q.kill("SIGKILL"); }, o.timeoutSec * 1000) : undefined;
  const res = await q.exit;
  if (timer) clearTimeout(timer);
  process.off("SIGINT", onSigint);
  await new Promise((r) => setTimeout(r, 50));
  // the bytes QEMU wrote just before it exited, which the closing pty dropped: from its copy
  try {
    const all = readFileSync(serialLog);
    if (all.length > con.bytesIn) con.received(all.subarray(con.bytesIn));
  } catch { /* no copy: nothing to add */ }
  rmSync(tmp, { recursive: true, force: true });
  con.close("exited");
  await con.done;
  if (stopped) { console.error("\nrumpsdk: stopped"); return 130; }
  if (timedOut) { console.error(`\nrumpsdk: stopped after the ${o.timeoutSec} s timeout`); return 124; }
  const code = decodeExit(res.status, o.board);
  if (code === null) {
    if (res.stderr.trim() && !/char device redirected/.test(res.stderr)) console.error(`rumpsdk: QEMU: ${res.stderr.trim()}`);
    console.error("rumpsdk: the machine stopped without an exit code (a reset or triple fault?)");
    return 125;
  }
  if (code === PANIC_CODE) console.error(`rumpsdk: the firmware panicked (report above); exit code ${PANIC_CODE}`);
  return code;
}
