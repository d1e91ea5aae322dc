// rumpsdk/shell: the on-device debug shell on the serial console.
//   import { registerCommand, log } from "rumpsdk/shell";
//   registerCommand("led", "led on|off: switch the LED", (args) => `led ${args[0]}`);
//
// Importing this module starts the shell. `rumpsdk build` (and `run`) import it into every firmware
// image by default (debug builds); `--release` leaves it out unless the application imports it.
// It reads the console (descriptor 0) through the runtime's watch table with a *weak* watch: the
// shell never keeps a program running that would otherwise end. It prints nothing until a key
// arrives, then echoes, edits (backspace, Ctrl-U clears, Ctrl-C cancels) and runs lines, answering
// with the prompt "rumpsdk> ".
//
// Output convention (what `rumpsdk console` colours): lines starting with "panic:", "error:",
// "warning:", "info:" or "debug:" carry that level; `log.*` below writes them, filtered by the
// level the `log LEVEL` command sets.
import { memory, uptime, exit, param } from "./sys.ts";
import { lookup } from "./net.ts";
import { boardSensors } from "./board.ts";
import { formatReading, type Sensor } from "./sensors.ts";

/** @native rt_net_read */
declare function nRead(fd: number, max: number): Uint8Array | number;
/** @native rt_net_write */
declare function nWrite(fd: number, data: Uint8Array, offset: number): number;
/** @native rt_io_watch */
declare function ioWatch(fd: number, events: number, callback: (events: number) => void): void;
/** @native rt_io_unwatch */
declare function ioUnwatch(fd: number): void;
/** @native rt_debug_stack */
declare function nStack(): { size: number; used: number };
/** @native rt_debug_fault */
declare function nFault(value: number): void;
/** @native rt_net_report */
declare function nReport(which: number): string | number;
/** @native rt_net_ping */
declare function nPing(host: string, seq: number, timeoutMs: number): number;

const READABLE = 1;
const FAILED = 4;
const WEAK = 8; // the watch does not keep the program alive (sdk/runtime/io.c RT_IO_WEAK)
const EAGAIN = 35;

export const PROMPT = "rumpsdk> ";

/** A command's answer: the text printed (without the trailing newline). */
export type CommandFn = (args: string[]) => string;

interface Command {
  help: string;
  run: (args: string[], done: (out: string) => void) => void;
}

const commands = new Map<string, Command>();
const sensors: Sensor[] = [];

/** Adds a command (or replaces one of the same name). `help` is its one-line description. */
export function registerCommand(name: string, help: string, fn: CommandFn): void {
  builtins(); // first, so that a command of the same name replaces the built-in one
  commands.set(name, { help, run: (args, done) => done(fn(args)) });
}

/** Makes a sensor known to the `sensors` command. */
export function registerSensor(s: Sensor): void {
  sensors.push(s);
}

// ---- log levels ----
const LEVELS = ["debug", "info", "warning", "error"];
let level = 1;

function emit(lv: number, msg: string): void {
  if (lv >= level) console.log(`${LEVELS[lv]}: ${msg}`);
}

/** Levelled log lines ("warning: ..."), shown from the level `log LEVEL` sets (default info). */
export const log = {
  debug(msg: string): void { emit(0, msg); },
  info(msg: string): void { emit(1, msg); },
  warn(msg: string): void { emit(2, msg); },
  error(msg: string): void { emit(3, msg); },
};

/** The current log level's name. */
export function logLevel(): string {
  return LEVELS[level];
}

/**
 * Crashes the machine on purpose: writes through a pointer no board maps, from C called by this
 * function. The panic report's backtrace then passes through the caller's TypeScript line, which
 * `rumpsdk console` and `rumpsdk decode` show. For trying out crash decoding.
 */
export function crash(value: number): void {
  nFault(value);
}

// ---- output ----
function write(s: string): void {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  let off = 0;
  while (off < b.length) {
    const n = nWrite(1, b, off);
    if (n <= 0) return;
    off += n;
  }
}

// ---- built-in commands ----
const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

function builtin(name: string, help: string, run: (args: string[], done: (out: string) => void) => void): void {
  commands.set(name, { help, run });
}

// core's reports, read as parameters (the hypercall layer answers "rumpsdk.report.*")
function coreReport(which: string): string {
  return (param(`rumpsdk.report.${which}`) ?? "unavailable on this board").trimEnd();
}

function nReportText(which: number): string {
  const r = nReport(which);
  return typeof r === "number" ? `unavailable (errno ${-r})` : r;
}

// The built-in commands are registered on first use (the first command line, or registerCommand),
// not at start-up: the debug shell then adds almost nothing to the time before the application's
// first line.
let builtinsReady = false;
function builtins(): void {
  if (builtinsReady) return;
  builtinsReady = true;
  builtin("help", "help: this list", (_args, done) => {
    const names: string[] = [];
    commands.forEach((_c, n) => { names.push(n); });
    names.sort();
    done(names.map((n) => `  ${commands.get(n)!.help}`).join("\n"));
  });

  builtin("uptime", "uptime: time since the machine started", (_args, done) => {
    const ms = uptime();
    const s = Math.floor(ms / 1000);
    done(`up ${(ms / 1000).toFixed(3)} s (${Math.floor(s / 3600)}h ${Math.floor(s / 60) % 60}m ${s % 60}s)`);
  });

  builtin("mem", "mem: memory use by layer", (_args, done) => {
    const m = memory();
    const st = nStack();
    done([
      `runtime  gc heap    ${kib(m.heapUsed)} used of ${kib(m.heapSize)}, peak ${kib(m.heapPeak)}, ${m.collections} collections (pause p50 ${m.gcPauseP50Ms.toFixed(2)} ms, p99 ${m.gcPauseP99Ms.toFixed(2)} ms)`,
      `runtime  js stack   ${kib(st.used)} in use now of ${kib(st.size)}`,
      `kernel   ${nReportText(3)}`,
      `core     allocator  ${coreReport("memory")}`,
      `(core's allocator holds the gc heap, the kernel's memory, DMA rings and thread stacks; static sizes per layer: rumpsdk build)`,
    ].join("\n"));
  });

  builtin("threads", "threads: core's threads (name, state, deepest stack use)", (_args, done) => {
    const st = nStack();
    done(`${coreReport("threads")}\n(main runs the event loop: js stack ${kib(st.used)} in use now)`);
  });

  builtin("ifconfig", "ifconfig: network interfaces", (_args, done) => done(nReportText(1)));
  builtin("netstat", "netstat: sockets and their states", (_args, done) => done(nReportText(2)));

  builtin("dns", "dns NAME: resolve a host name", (args, done) => {
    if (args.length !== 1) { done("usage: dns NAME"); return; }
    lookup(args[0], (err, addr) => done(err ? `error: ${args[0]}: ${err.code}` : `${args[0]} has address ${addr}`));
  });

  builtin("ping", "ping HOST: ICMP echo, 3 times", (args, done) => {
    if (args.length !== 1) { done("usage: ping HOST"); return; }
    lookup(args[0], (err, addr) => {
      if (err) { done(`error: ${args[0]}: ${err.code}`); return; }
      const out: string[] = [];
      let ok = 0;
      for (let seq = 1; seq <= 3; seq++) {
        const ms = nPing(addr, seq, 1000);
        if (ms >= 0) { ok++; out.push(`reply from ${addr}: seq=${seq} time=${ms.toFixed(2)} ms`); }
        else out.push(`no reply from ${addr}: seq=${seq} (errno ${-ms})`);
      }
      out.push(`${ok}/3 replies`);
      done(out.join("\n"));
    });
  });

  builtin("sensors", "sensors: read every registered sensor (none registered: the board's)", (_args, done) => {
    done((sensors.length ? sensors : boardSensors()).map((s) => {
      try {
        return `${s.name} (${s.location}): ${formatReading(s.read())}`;
      } catch (e) {
        return `${s.name} (${s.location}): error: ${(e as Error).message}`;
      }
    }).join("\n"));
  });

  builtin("log", "log [LEVEL]: show or set the log level (debug, info, warning, error)", (args, done) => {
    if (args.length === 0) { done(`log level ${LEVELS[level]}`); return; }
    const i = LEVELS.indexOf(args[0] === "warn" ? "warning" : args[0]);
    if (i < 0) { done(`error: unknown level "${args[0]}" (debug, info, warning, error)`); return; }
    level = i;
    done(`log level ${LEVELS[level]}`);
  });

  builtin("reboot", "reboot: stop the firmware (exit code 0; the board's runner restarts it)", (_args, done) => {
    done("rebooting");
    exit(0);
  });
}

// ---- the line editor ----
let line = "";
let busy = false;

function runLine(text: string): void {
  const words = text.trim().split(" ").filter((w) => w.length > 0);
  if (!words.length) { write(PROMPT); return; }
  builtins();
  const cmd = commands.get(words[0]);
  if (!cmd) { console.log(`error: unknown command "${words[0]}" (try help)`); write(PROMPT); return; }
  busy = true;
  const finish = (out: string): void => {
    if (!busy) return;
    busy = false;
    if (out.length) console.log(out);
    write(PROMPT);
  };
  try {
    cmd.run(words.slice(1), finish);
  } catch (e) {
    finish(`error: ${words[0]}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function onByte(c: number): void {
  if (c === 13 || c === 10) {
    write("\r\n");
    const text = line;
    line = "";
    runLine(text);
  } else if (c === 8 || c === 127) {
    if (line.length) { line = line.slice(0, line.length - 1); write("\b \b"); }
  } else if (c === 3) { // Ctrl-C: drop the line
    line = "";
    write("^C\r\n" + PROMPT);
  } else if (c === 21) { // Ctrl-U: clear the line
    while (line.length) { line = line.slice(0, line.length - 1); write("\b \b"); }
  } else if (c >= 32 && c < 127 && line.length < 256) {
    line += String.fromCharCode(c);
    write(String.fromCharCode(c));
  }
}

let lastWasCr = false;
ioWatch(0, READABLE | WEAK, (ev: number) => {
  const r = nRead(0, 256);
  if (typeof r === "number") {
    if (r === 0 || (r !== -EAGAIN && (ev & FAILED) !== 0)) ioUnwatch(0); // end of input: stop watching
    return;
  }
  for (let i = 0; i < r.length; i++) {
    const c = r[i];
    if (c === 10 && lastWasCr) { lastWasCr = false; continue; } // CR LF is one Enter
    lastWasCr = c === 13;
    onByte(c);
  }
});
