// `rumpsdk console`: the serial console. Finds the port (or waits for it), passes the terminal
// through raw, colours log levels, timestamps and logs every line, survives the port going away
// (cable pulled, QEMU restarted) by reopening the same path when it returns, and decodes panic
// reports (toolchain/decode.ts) as they scroll by. `rumpsdk run` attaches the same console to
// QEMU's serial port on a pty (runOnPty below).
import { spawnQemu } from "./qemu.ts";
import { createWriteStream, existsSync, readdirSync, readFileSync, realpathSync, type WriteStream } from "node:fs";
import path from "node:path";
import { SerialPort } from "serialport";
import type { Board } from "./boards.ts";
import { findReports, formatDecoded, PANIC_END, PANIC_START } from "./decode.ts";
import { UserError } from "./errors.ts";

/** Ctrl-] quits (as telnet does); the byte never reaches the device. */
export const QUIT_KEY = 0x1d;

/** Baud rates Linux's serial drivers accept (termios B* constants). */
export const BAUD_RATES = [50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400, 57600,
  115200, 230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000];

export interface PortInfo { path: string; vid?: string; pid?: string; description: string }

/** Serial ports: SerialPort.list() (udev), else a scan of the usual device names. */
export async function listPorts(): Promise<PortInfo[]> {
  try {
    const ports = await SerialPort.list();
    return ports.map((p) => ({ path: p.path, vid: p.vendorId?.toLowerCase(), pid: p.productId?.toLowerCase(),
      description: [p.manufacturer, (p as any).friendlyName ?? p.pnpId].filter(Boolean).join(", ") || "serial port" }));
  } catch {
    // no udevadm (containers, minimal systems): the device names, VID:PID from sysfs when present
    const out: PortInfo[] = [];
    const byId = "/dev/serial/by-id";
    const names = new Map<string, string>();
    if (existsSync(byId)) for (const n of readdirSync(byId)) { try { names.set(realpathSync(path.join(byId, n)), n); } catch { /* dangling */ } }
    for (const n of existsSync("/dev") ? readdirSync("/dev") : []) {
      if (!/^tty(USB|ACM)\d+$/.test(n)) continue;
      const dev = `/dev/${n}`;
      const ids = usbIds(n);
      out.push({ path: dev, ...ids, description: names.get(dev) ?? (n.startsWith("ttyACM") ? "USB CDC-ACM" : "USB serial") });
    }
    return out;
  }
}

/** VID:PID of a tty's USB device from sysfs (walks up from the tty's device folder). */
function usbIds(tty: string): { vid?: string; pid?: string } {
  try {
    let dir = realpathSync(`/sys/class/tty/${tty}/device`);
    for (let i = 0; i < 6 && dir !== "/"; i++, dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, "idVendor"))) {
        return { vid: readFileSync(path.join(dir, "idVendor"), "utf8").trim(), pid: readFileSync(path.join(dir, "idProduct"), "utf8").trim() };
      }
    }
  } catch { /* not USB */ }
  return {};
}

export function formatPorts(ports: PortInfo[], board?: Board): string {
  if (!ports.length) return "no serial ports found (USB adapters appear as /dev/ttyUSB*, /dev/ttyACM*)";
  return ports.map((p) => {
    const ids = p.vid && p.pid ? `${p.vid}:${p.pid}` : "----:----";
    const mark = board && matchesBoard(p, board) ? `  <- ${board.name}'s usual adapter` : "";
    return `${p.path.padEnd(22)} ${ids}  ${p.description}${mark}`;
  }).join("\n");
}

function matchesBoard(p: PortInfo, board: Board): boolean {
  return (board.console?.usb ?? []).some((u) => p.vid === u.vid.toLowerCase() && p.pid === u.pid.toLowerCase());
}

/** The port to open: the one given, else the board's usual adapter when exactly one is plugged in. */
export async function choosePort(given: string | undefined, board?: Board): Promise<string> {
  if (given) return given;
  const ports = await listPorts();
  const hits = board ? ports.filter((p) => matchesBoard(p, board)) : [];
  if (hits.length === 1) return hits[0].path;
  const why = !board?.console?.usb?.length ? "" : hits.length ? `${hits.length} adapters match ${board.name}` : `no adapter of ${board.name}'s kinds (${board.console.usb.map((u) => `${u.vid}:${u.pid}`).join(", ")}) is plugged in`;
  throw new UserError(`which serial port?${why ? ` (${why})` : ""}\n${formatPorts(ports, board)}`, "Give one with --port PATH (for QEMU: `rumpsdk run` attaches the console itself).");
}

export function parseBaud(s: string | undefined, board?: Board): number {
  if (s === undefined) return board?.console?.baud ?? 115200;
  const n = Number(s);
  if (!BAUD_RATES.includes(n)) {
    throw new UserError(`unsupported baud rate "${s}"`, `Use one of ${BAUD_RATES.filter((b) => b >= 9600).join(", ")} (the board's is ${board?.console?.baud ?? 115200}).`);
  }
  return n;
}

// ---- log levels: the convention of sdk/api/shell.ts (and the panic report) ----
const C = { red: "\x1b[31m", boldRed: "\x1b[1;31m", yellow: "\x1b[33m", cyan: "\x1b[36m", dim: "\x1b[2m", reset: "\x1b[0m" };
/** The colour of a console line by its level prefix, or "" for plain lines. */
export function levelColor(line: string): string {
  const l = line.replace(/^\s+/, "");
  if (/^(panic:|fatal:|=== RUMPSDK PANIC|=== END PANIC|reason:|recursive (panic|fault))/.test(l)) return C.boldRed;
  if (/^(error:|Uncaught\b)/.test(l)) return C.red;
  if (/^(warning:|warn:)/.test(l)) return C.yellow;
  if (/^info:/.test(l)) return C.cyan;
  if (/^debug:/.test(l)) return C.dim;
  return "";
}

export interface ConsoleOptions {
  port: string;
  baud: number;
  /** wait for the port to appear instead of failing when it does not exist */
  wait?: boolean;
  log?: string;
  timestamps?: boolean;
  elf?: string;
  /** colours (default: when out is a terminal) */
  color?: boolean;
  /** keyboard input, raw when a terminal (default process.stdin) */
  input?: NodeJS.ReadStream | null;
  out?: NodeJS.WriteStream;
  /** status lines ("rumpsdk: port ... disappeared") */
  status?: (msg: string) => void;
  /** Ctrl-C also quits (rumpsdk run), instead of going to the device */
  ctrlCQuits?: boolean;
  /** how often to look for a vanished port */
  pollMs?: number;
  /** reopen the port when it goes away (default); false: the session ends ("lost") */
  reconnect?: boolean;
}

/** An interactive session until the user quits (Ctrl-]) or SIGTERM/SIGHUP: `rumpsdk console` and `flash --monitor`. */
export async function interactiveConsole(o: ConsoleOptions): Promise<number> {
  const con = new SerialConsole(o);
  const stop = () => con.close("signal");
  process.on("SIGTERM", stop);
  process.on("SIGHUP", stop);
  try {
    await con.start();
    await con.done;
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGHUP", stop);
  }
  return 0;
}

/**
 * One console session on one port path. The session outlives the port: when it closes under us
 * the console says so and reopens the same path as soon as it exists again.
 */
export class SerialConsole {
  private sp: SerialPort | null = null;
  private closed = false;
  private partial = "";
  private partialTimer: NodeJS.Timeout | null = null;
  private lineOpen = false; // part of the current line is on screen already
  private lineColor = "";
  private panic: string[] | null = null;
  private logFile: WriteStream | null = null;
  private started = Date.now();
  private quitResolve!: (why: string) => void;
  /** resolves with the reason the session ended ("quit", or what close() was given) */
  readonly done: Promise<string>;
  private onInput = (d: Buffer) => this.keyboard(d);
  private out: NodeJS.WriteStream;
  private color: boolean;

  constructor(private o: ConsoleOptions) {
    this.out = o.out ?? process.stdout;
    this.color = o.color ?? Boolean(this.out.isTTY);
    this.done = new Promise((r) => (this.quitResolve = r));
  }

  private status(msg: string) {
    (this.o.status ?? ((m: string) => process.stderr.write(`${m}\n`)))(msg);
    this.logLine(`-- ${msg}`);
  }

  /** Opens the port (waiting for it with wait) and starts passing input through. */
  async start(): Promise<void> {
    if (this.o.log) {
      this.logFile = createWriteStream(this.o.log, { flags: "a" });
      await new Promise<void>((res, rej) => { this.logFile!.once("open", () => res()); this.logFile!.once("error", (e) => rej(new UserError(`cannot write the log ${this.o.log}: ${e.message}`, "Give a path in a folder you can write to."))); });
    }
    const waiting = !existsSync(this.o.port);
    if (waiting && !this.o.wait) throw new UserError(`${this.o.port}: no such serial port`, "Check the path (`rumpsdk console` without --port lists the ports), or add --wait to wait for it to appear (a board not yet powered, QEMU not yet started).");
    const input = this.o.input === undefined ? process.stdin : this.o.input;
    if (input) { // from now on: Ctrl-] quits even while waiting for the port
      if (input.isTTY) input.setRawMode(true);
      input.on("data", this.onInput);
      input.resume();
    }
    if (waiting) {
      this.status(`rumpsdk: waiting for ${this.o.port} to appear (Ctrl-] quits)`);
      await this.waitForPath();
      if (this.closed) return;
    }
    try {
      await this.open(false);
    } catch (e) {
      this.close("error");
      throw e;
    }
  }

  private waitForPath(): Promise<void> {
    return new Promise((resolve) => {
      const t = setInterval(() => { if (this.closed || existsSync(this.o.port)) { clearInterval(t); resolve(); } }, this.o.pollMs ?? 200);
    });
  }

  private open(reopen: boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const sp = new SerialPort({ path: this.o.port, baudRate: this.o.baud, dataBits: 8, parity: "none", stopBits: 1, autoOpen: false, lock: true });
      sp.open((err) => {
        if (err) { reject(openError(this.o.port, this.o.baud, err)); return; }
        this.sp = sp;
        this.status(`rumpsdk: ${reopen ? "reconnected to" : "connected to"} ${this.o.port} at ${this.o.baud} 8N1${reopen ? "" : " (Ctrl-] quits)"}`);
        sp.on("data", (d: Buffer) => this.received(d));
        sp.on("close", () => this.lost());
        sp.on("error", () => { /* close follows */ });
        resolve();
      });
    });
  }

  /** the port went away: say so and reopen the same path when it returns */
  private async lost() {
    this.sp = null;
    if (this.closed) return;
    this.flushPartial();
    if (this.o.reconnect === false) { this.close("lost"); return; }
    this.status(`rumpsdk: ${this.o.port} disappeared (reset, cable or QEMU restart?); waiting for it to return`);
    for (;;) {
      await new Promise((r) => setTimeout(r, this.o.pollMs ?? 200));
      if (this.closed) return;
      if (!existsSync(this.o.port)) continue;
      try {
        await this.open(true);
        return;
      } catch { /* not ready yet (permissions settling, still held): try again */ }
    }
  }

  private keyboard(d: Buffer) {
    if (d.includes(QUIT_KEY) || (this.o.ctrlCQuits && d.includes(0x03))) { this.close("quit"); return; }
    this.write(d);
  }

  /** Sends bytes to the device (dropped while the port is away). */
  write(d: Buffer | string) {
    this.sp?.write(d);
  }

  private stamp(): string {
    return `[${((Date.now() - this.started) / 1000).toFixed(3).padStart(9)}] `;
  }

  private logLine(text: string) {
    this.logFile?.write(`${new Date().toISOString()} ${text}\n`);
  }

  /** bytes received from the device so far */
  bytesIn = 0;

  /** device output: whole lines coloured and logged; a partial line (a prompt) shown after 30 ms.
   *  Public for output that arrives another way (the tail QEMU wrote as it exited). */
  received(d: Buffer) {
    this.bytesIn += d.length;
    this.partial += d.toString("latin1");
    const parts = this.partial.split("\n");
    this.partial = parts.pop()!;
    for (const p of parts) this.showLine(p, true);
    if (this.partialTimer) clearTimeout(this.partialTimer);
    this.partialTimer = this.partial ? setTimeout(() => this.flushPartial(), 30) : null;
  }

  private flushPartial() {
    if (this.partialTimer) { clearTimeout(this.partialTimer); this.partialTimer = null; }
    if (!this.partial) return;
    this.showLine(this.partial, false);
    this.partial = "";
  }

  private lineBuf = ""; // the text of the current line so far (for the log and the panic parser)

  private showLine(text: string, complete: boolean) {
    let s = "";
    if (!this.lineOpen) {
      this.lineColor = this.color ? levelColor(text) : "";
      if (this.o.timestamps) s += this.color ? `${C.dim}${this.stamp()}${C.reset}` : this.stamp();
      s += this.lineColor;
    }
    s += text;
    this.lineBuf += text;
    if (complete) {
      if (this.lineColor) s += C.reset;
      this.out.write(s + "\n");
      this.lineOpen = false;
      const line = this.lineBuf.replace(/\r$/, "");
      this.lineBuf = "";
      this.endLine(line);
    } else {
      this.lineOpen = true;
      this.out.write(s);
    }
  }

  private endLine(line: string) {
    this.logLine(line);
    if (line.includes(PANIC_START)) this.panic = [line];
    else if (this.panic) {
      this.panic.push(line);
      if (line.includes(PANIC_END)) {
        const text = this.panic.join("\n");
        this.panic = null;
        this.decode(text);
      } else if (this.panic.length > 40) this.panic = null;
    }
  }

  private decode(text: string) {
    const [report] = findReports(text);
    if (!report) return;
    let msg: string;
    try { msg = formatDecoded(report, this.o.elf); } catch (e) { msg = `decoding failed: ${(e as Error).message}`; }
    const colored = this.color ? msg.split("\n").map((l) => (/<- TypeScript|crashed in TypeScript/.test(l) ? `\x1b[1m${l}${C.reset}` : l)).join("\n") : msg;
    this.out.write(colored + "\n");
    for (const l of msg.split("\n")) this.logLine(l);
  }

  /** Ends the session: closes the port, gives the terminal back. */
  close(why = "closed") {
    if (this.closed) return;
    this.closed = true;
    this.flushPartial();
    const input = this.o.input === undefined ? process.stdin : this.o.input;
    if (input) {
      input.off("data", this.onInput);
      if (input.isTTY) input.setRawMode(false);
      input.pause();
    }
    const sp = this.sp;
    this.sp = null;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      if (this.logFile) this.logFile.end(() => this.quitResolve(why)); else this.quitResolve(why);
    };
    if (sp?.isOpen) {
      setTimeout(finish, 1000).unref(); // a pty whose other side is busy may never confirm the close
      sp.close(() => finish());
    } else finish();
  }
}

/** The serialport error of open() as a message a newcomer can act on. */
function openError(port: string, baud: number, err: Error): UserError {
  const m = err.message;
  if (/lock|Resource temporarily unavailable|EBUSY|busy/i.test(m)) {
    return new UserError(`${port} is in use by another program (${m})`, "Close the other program that has the port open (another console, screen, minicom), then try again.");
  }
  if (/ENOENT|No such file/i.test(m)) return new UserError(`${port}: no such serial port`, "Check the path, or add --wait.");
  if (/EACCES|Permission denied/i.test(m)) return new UserError(`${port}: permission denied`, "Add yourself to the group that owns the port (usually `dialout`): sudo usermod -aG dialout $USER, then log in again.");
  if (/baud|EINVAL|Invalid argument/i.test(m)) return new UserError(`${port} does not take ${baud} baud (${m})`, "Try the board's rate (115200) or another standard one.");
  if (/ENOTTY|Inappropriate ioctl/i.test(m)) return new UserError(`${port} is not a serial port (${m})`, "Give a tty device such as /dev/ttyUSB0.");
  return new UserError(`cannot open ${port}: ${m}`, "Check the port with `rumpsdk console` (no --port) which lists them.");
}

/** `rumpsdk decode`: every panic report in a saved log, decoded. */
export function decodeLog(text: string, elf?: string): string {
  const reports = findReports(text);
  if (!reports.length) throw new UserError("no panic report in the input", `A report starts with "${PANIC_START}" and ends with "${PANIC_END}"; give the saved console log on stdin.`);
  return reports.map((r) => formatDecoded(r, elf)).join("\n\n");
}

export interface PtyRun {
  /** QEMU's exit status and signal */
  exit: Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** the serial port's pty */
  pty: Promise<string>;
  kill(sig?: NodeJS.Signals): void;
  /** lets the guest run (QEMU starts paused so that no byte is lost before the console opens) */
  cont(): void;
  pid: number;
}

/**
 * Starts QEMU with its serial port on a new pty, paused (-S) with its monitor on stdin/stdout:
 * QEMU drops serial output while nobody has the pty open, so the caller opens it, then cont().
 * QEMU also copies the serial output to logfile: when the machine exits, the pty closes at once and
 * Linux discards what the reader had not read yet; the file has the tail (see runOnPty).
 */
export function startQemuPty(bin: string, args: string[], logfile?: string): PtyRun {
  const a = [...args];
  const i = a.indexOf("-serial");
  if (i >= 0) a.splice(i, 2); // the runner's "-serial stdio" (qemuArgs) becomes a pty
  const serial = ["-chardev", `pty,id=rumpsdk_serial${logfile ? `,logfile=${logfile}` : ""}`, "-serial", "chardev:rumpsdk_serial"];
  const child = spawnQemu(bin, [...a, ...serial, "-S", "-monitor", "stdio"]);
  let text = "", stderr = "";
  let ptyResolve!: (p: string) => void, ptyReject!: (e: Error) => void;
  const pty = new Promise<string>((res, rej) => { ptyResolve = res; ptyReject = rej; });
  const look = (d: Buffer, err: boolean) => {
    text += d;
    if (err) stderr += d;
    const m = /char device redirected to (\/dev\/pts\/\d+)/.exec(text);
    if (m) ptyResolve(m[1]);
  };
  child.stdout.on("data", (d) => look(d, false));
  child.stderr.on("data", (d) => look(d, true));
  const exit = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on("error", (e) => { ptyReject(e); resolve({ status: null, signal: null, stderr: e.message }); });
    child.on("close", (status, signal) => { ptyReject(new Error(`QEMU ended before its pty was ready: ${stderr.trim()}`)); resolve({ status, signal, stderr }); });
  });
  return {
    exit, pty, pid: child.pid ?? -1,
    kill: (sig = "SIGTERM") => { child.kill(sig); },
    cont: () => { child.stdin.write("cont\n"); },
  };
}
