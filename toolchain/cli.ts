// The rumpsdk command line: build, run, boards.
import path from "node:path";
import { parseArgs } from "node:util";
import { listBoards, loadBoard } from "./boards.ts";
import { build, resolveInput, type BuildResult } from "./build.ts";
import { parseKernel } from "./appconfig.ts";
import { formatUserError, UserError } from "./errors.ts";
import { formatFootprint } from "./footprint.ts";
import { boardNic, boardNics, describeNics, netArgs, PANIC_CODE, parseForward, probeAccel, qmpArgs, runImage, type Accel, type NicModel } from "./qemu.ts";

const USAGE = `usage: rumpsdk <command> [options]

commands:
  build <app-dir|main.ts> [--board=NAME] [-o IMAGE]   compile and link a firmware image
        [--compiler=porffor]                          (porffor 0.61 instead of the SDK's compiler; --board=host only)
        [--kernel=lwip|netbsd] [--rumpkernel=DIR]     kernel flavor: lwIP (default) or NetBSD's rump kernel
                                                      components from DIR (see README.md; build and run)
  run <app-dir|main.ts> [--board=NAME] [--accel=kvm|tcg] [--timeout=SEC]
                                                      build if stale, boot it, serial console on this terminal
                                                      (Ctrl-C stops the machine; the firmware's exit code is ours)
      [--net=virtio|e1000|e1000e|lan9118] [--forward HOST:GUEST]...  a NIC on QEMU user networking (--forward alone:
                                                      the board's own, e.g. lan9118 on mps2-an385, else virtio);
                                                      the guest's TCP port GUEST is reachable at 127.0.0.1:HOST
                                                      (--forward udp:HOST:GUEST: a UDP port)
      [--serial=pty|stdio]                            the console: on a pty with \`rumpsdk console\`'s features
                                                      (the default when stdin is a terminal) or QEMU's stdio
      [--qmp PATH]                                    QEMU's QMP on the Unix socket PATH (e.g. to set an emulated
                                                      sensor's temperature with qom-set while it runs)
  console [--port PATH] [--baud N] [--board NAME]     serial console: lists the ports when none is given (picks
          [--log FILE] [--timestamps] [--elf IMAGE]   the board's usual USB adapter when exactly one is plugged
          [--wait]                                    in); reopens the port when it comes back; decodes panics.
                                                      Ctrl-] quits. --wait: wait for the port to appear
  decode [--elf IMAGE] [LOG]                          decode the panic reports of a saved log (stdin without LOG)
  flash [app-dir] --board=x86-minnow [--device /dev/sdX | --image FILE] [--yes] [--monitor PORT]
        [--force-non-removable]                       build if stale; write the disk image to a USB stick or SD
                                                      card (listed and asked for without --device) or to FILE;
                                                      read back and verify; --monitor PORT: then the console
  boards                                              list the boards

build and run make debug builds (with the on-device debug shell, rumpsdk/shell); --release leaves it out.

The default board is qemu-x86.`;

const OPTIONS = {
  board: { type: "string", default: "qemu-x86" },
  output: { type: "string", short: "o" },
  accel: { type: "string" },
  timeout: { type: "string" },
  net: { type: "string" },
  forward: { type: "string", multiple: true },
  quiet: { type: "boolean", short: "q", default: false },
  compiler: { type: "string", default: "rumpsdk" },
  kernel: { type: "string" },
  rumpkernel: { type: "string" },
  release: { type: "boolean", default: false },
  serial: { type: "string" },
  port: { type: "string" },
  baud: { type: "string" },
  log: { type: "string" },
  timestamps: { type: "boolean", default: false },
  elf: { type: "string" },
  wait: { type: "boolean", default: false },
  qmp: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** --kernel / --rumpkernel as build options */
function kernelOptions(values: { kernel?: string; rumpkernel?: string }) {
  return { kernel: values.kernel === undefined ? undefined : parseKernel(values.kernel, "--kernel"), rumpkernel: values.rumpkernel, release: (values as { release?: boolean }).release };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function describeBuild(r: BuildResult): string {
  const { text, data, bss } = r.size;
  return `image: ${path.relative(process.cwd(), r.image) || r.image}${r.upToDate ? " (up to date)" : ""}\n` +
    `size: text ${kib(text)}, data ${kib(data)}, bss ${kib(bss)} (loaded ${kib(text + data)})` +
    (r.buildId ? `\nbuild-id: ${r.buildId} (${r.shell ? "debug build, with the debug shell" : "no debug shell"}; kept as build/ids/${r.buildId}.elf for crash decoding)` : "");
}

function parseAccel(s: string | undefined): Accel | undefined {
  if (s === undefined || s === "auto") return undefined;
  if (s === "kvm" || s === "tcg") return s;
  throw new UserError(`unknown accelerator "${s}"`, "Use --accel=kvm, --accel=tcg or --accel=auto (the default: KVM when a probe guest boots under it).");
}

async function cmdBuild(args: string[]) {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  if (positionals.length !== 1) throw new UserError("build needs one application", "rumpsdk build <app-dir|main.ts> --board=NAME [-o IMAGE]");
  const board = loadBoard(values.board!);
  if (values.compiler === "porffor") {
    const { buildWithPorffor, checkPorfforBoard } = await import("./porffor.ts");
    checkPorfforBoard(board.name);
    const out = path.resolve(values.output ?? "a.out");
    buildWithPorffor(resolveInput(positionals[0]).file, out);
    console.log(`image: ${path.relative(process.cwd(), out)} (porffor, host executable)`);
    return 0;
  }
  if (values.compiler !== "rumpsdk") throw new UserError(`unknown compiler "${values.compiler}"`, "Use --compiler=rumpsdk (the default) or --compiler=porffor (for comparison, --board=host only).");
  const r = await build({ input: positionals[0], board, output: values.output, quiet: values.quiet, ...kernelOptions(values) });
  console.log(describeBuild(r));
  if (r.footprint) console.log(formatFootprint(r.footprint));
  return 0;
}

async function cmdRun(args: string[]) {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  if (positionals.length !== 1) throw new UserError("run needs one application", "rumpsdk run <app-dir|main.ts> --board=NAME");
  const board = loadBoard(values.board!);
  const timeoutSec = values.timeout ? Number(values.timeout) : undefined;
  if (timeoutSec !== undefined && !(timeoutSec > 0)) throw new UserError(`bad --timeout "${values.timeout}"`, "Give the timeout in seconds, e.g. --timeout=30.");
  const nics = boardNics(board);
  const isNic = (v: string | undefined): v is NicModel => (nics as string[]).includes(v ?? "");
  if (values.net !== undefined && !isNic(values.net) && values.net !== "none") {
    throw new UserError(`unknown NIC model "${values.net}" for ${board.name}`, `Use ${describeNics(nics)}, or --net=none.`);
  }
  const forwards = (values.forward ?? []).map(parseForward);
  if (board.arch === "host" && (forwards.length || (values.net && values.net !== "none"))) {
    throw new UserError("--net and --forward are for emulated boards", "The host build uses this machine's network directly: connect to the port it listens on.");
  }
  if (values.net === "none" && forwards.length) throw new UserError("--forward needs a NIC", `Drop --net=none, or pick --net=${nics.join("|")}.`);
  // --forward alone: the board's own NIC model (board.json qemu.nic), else the first choice (virtio)
  const nic = isNic(values.net) ? values.net : forwards.length ? boardNic(board) : undefined;
  if (board.arch === "host") {
    const { runHost } = await import("./host.ts");
    const r = await build({ input: positionals[0], board, output: values.output, quiet: true, ...kernelOptions(values) });
    return runHost(r.image, timeoutSec);
  }
  let accel = parseAccel(values.accel);
  const chosen = accel ?? (await probeAccel(board));
  console.log(`rumpsdk: booting on ${board.name} with ${board.qemu?.binary}, accelerator ${chosen.toUpperCase()}` +
    (accel ? " (as asked)" : chosen === "kvm" ? " (a probe guest booted under KVM)" : board.arch !== "x86_64" ? ` (an emulated ${board.arch} CPU)` : " (KVM cannot run a probe guest here)"));
  accel = chosen;
  const r = await build({ input: positionals[0], board, output: values.output, quiet: values.quiet, ...kernelOptions(values) });
  if (!r.upToDate) console.log(describeBuild(r));
  if (nic) {
    console.log(`rumpsdk: network: ${nic} NIC on QEMU user networking (guest 10.0.2.15 by DHCP, host 10.0.2.2)`);
    for (const f of forwards) {
      console.log(f.proto === "udp" ? `rumpsdk: forwarding udp 127.0.0.1:${f.host} -> guest udp port ${f.guest}`
        : `rumpsdk: forwarding http://127.0.0.1:${f.host}/ -> guest port ${f.guest}`);
    }
  }
  const qemuExtra = [...(nic ? netArgs(nic, forwards, board) : []), ...(values.qmp ? qmpArgs(path.resolve(values.qmp)) : [])];
  if (values.serial !== undefined && values.serial !== "pty" && values.serial !== "stdio") throw new UserError(`unknown --serial "${values.serial}"`, "Use --serial=pty (the console of `rumpsdk console`) or --serial=stdio.");
  if (values.serial === "pty" || (values.serial === undefined && process.stdin.isTTY)) {
    const { runOnPty } = await import("./console-run.ts");
    return runOnPty({ board, image: r.image, elf: r.elf, accel, timeoutSec, args: qemuExtra, log: values.log, timestamps: values.timestamps });
  }
  const res = await runImage({ board, image: r.image, accel, timeoutSec, args: qemuExtra, onOutput: (d) => process.stdout.write(d), input: process.stdin.isTTY ? process.stdin : undefined });
  if (res.interrupted) { console.error("\nrumpsdk: stopped (Ctrl-C)"); return 130; }
  if (res.timedOut) { console.error(`\nrumpsdk: stopped after the ${timeoutSec} s timeout`); return 124; }
  if (res.panicked) { console.error(`rumpsdk: the firmware panicked (report above); exit code ${PANIC_CODE}`); return PANIC_CODE; }
  if (res.exitCode === null) { console.error("rumpsdk: the machine stopped without an exit code (a reset or triple fault?)"); return 125; }
  return res.exitCode;
}

async function cmdConsole(args: string[]) {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  if (positionals.length) throw new UserError(`console takes no positional argument ("${positionals[0]}")`, "rumpsdk console [--port PATH] [--baud N] [--board NAME] [--log FILE] [--timestamps] [--elf IMAGE] [--wait]");
  const { interactiveConsole, choosePort, parseBaud } = await import("./console.ts");
  const board = loadBoard(values.board!);
  const baud = parseBaud(values.baud, board);
  if (values.wait && !values.port) throw new UserError("--wait needs --port", "Name the port to wait for, e.g. --port /dev/ttyUSB0.");
  const port = await choosePort(values.port, board);
  return interactiveConsole({ port, baud, wait: values.wait, log: values.log, timestamps: values.timestamps, elf: values.elf });
}

async function cmdDecode(args: string[]) {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  const { decodeLog } = await import("./console.ts");
  const { readFileSync } = await import("node:fs");
  if (positionals.length > 1) throw new UserError("decode takes at most one log file", "rumpsdk decode [--elf IMAGE] [LOG] (stdin without LOG)");
  let text: string;
  try { text = readFileSync(positionals.length ? positionals[0] : 0, "latin1"); } catch (e) {
    throw new UserError(`cannot read ${positionals[0] ?? "stdin"}: ${(e as Error).message}`, "Give the saved console log.");
  }
  console.log(decodeLog(text, values.elf));
  return 0;
}

function cmdBoards() {
  const boards = listBoards();
  const w = Math.max(...boards.map((b) => b.name.length));
  for (const b of boards) console.log(`${b.name.padEnd(w)}  ${b.description}`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case "build": return await cmdBuild(rest);
      case "run": return await cmdRun(rest);
      case "boards": return cmdBoards();
      case "flash": return await (await import("../flash/flash.ts")).cmdFlash(rest);
      case "console": return await cmdConsole(rest);
      case "decode": return await cmdDecode(rest);
      case undefined: case "help": case "-h": case "--help": console.log(USAGE); return 0;
      default: throw new UserError(`unknown command "${cmd}"`, USAGE);
    }
  } catch (e) {
    if (e instanceof UserError) { console.error(formatUserError(e)); return e.exitCode; }
    if (e instanceof TypeError && (e as any).code?.startsWith?.("ERR_PARSE_ARGS")) { console.error(`rumpsdk: error: ${e.message}\n${USAGE}`); return 2; }
    throw e;
  }
}
