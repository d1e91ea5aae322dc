// Booting images in QEMU: accelerator probe (KVM only when a real guest boots), serial console,
// exit codes through isa-debug-exit.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import net from "node:net";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Board } from "./boards.ts";
import { runSync } from "./cc.ts";
import { UserError } from "./errors.ts";
import { sdkPath } from "./paths.ts";

export type Accel = "kvm" | "tcg";

/**
 * Starts QEMU so that it never outlives the process that started it: on Linux through util-linux's
 * setpriv, which asks the kernel to kill QEMU when its parent dies (a `rumpsdk run` killed by a
 * test harness or a closed terminal must not leave a machine running).
 */
export function spawnQemu(bin: string, args: string[]): ChildProcessWithoutNullStreams {
  const guard = process.platform === "linux" && existsSync("/usr/bin/setpriv");
  return guard ? spawn("/usr/bin/setpriv", ["--pdeathsig", "KILL", bin, ...args]) : spawn(bin, args);
}

/** Builds one of the tiny kernels of toolchain/probe/ (cached under build/probe/) as a multiboot image. */
export function probeKernel(name: "floor" | "probe64"): string {
  const src = sdkPath("toolchain/probe", `${name}.S`);
  const dir = sdkPath("build", "probe");
  const out = path.join(dir, `${name}.img`);
  if (existsSync(out)) return out;
  mkdirSync(dir, { recursive: true });
  const obj = path.join(dir, `${name}.o`);
  const elf = path.join(dir, `${name}.elf`);
  runSync("gcc", ["-c", src, "-o", obj], `assembling ${name}.S`, "Install gcc and binutils.");
  runSync("ld", ["-Ttext=0x100000", "-e", "_start", "-z", "max-page-size=4096", "-o", elf, obj], `linking ${name}`, "Install binutils.");
  runSync("objcopy", ["-O", "elf32-i386", elf, out], `making the ${name} image`, "Install binutils.");
  return out;
}

export function qemuBinary(board: Board): string {
  const bin = board.qemu?.binary;
  if (!bin) throw new UserError(`board ${board.name} cannot be emulated (its board.json has no "qemu")`, "Use `rumpsdk flash` for real hardware.");
  if (spawnSync("sh", ["-c", `command -v ${bin}`]).status !== 0) {
    throw new UserError(`${bin} is not installed`, "Run `npm run setup` (as root it installs QEMU; otherwise it prints the apt-get command).");
  }
  return bin;
}

/**
 * KVM is used only when it can really run a guest: /dev/kvm can exist and still fail every boot (nested
 * virtualization, MSRs the host refuses). The probe boots a small long-mode guest that sets up SSE
 * (toolchain/probe/probe64.S) under KVM with the board's own machine and CPU arguments, once per host boot
 * and board, and remembers the answer.
 */
export async function probeAccel(board: Board): Promise<Accel> {
  if (process.env.RUMPSDK_ACCEL === "tcg" || process.env.RUMPSDK_ACCEL === "kvm") return process.env.RUMPSDK_ACCEL;
  // the KVM probe is an x86-64 guest; other CPUs are emulated
  if (!existsSync("/dev/kvm") || !board.qemu || board.arch !== "x86_64") return "tcg";
  let bootId = "unknown";
  try { bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim(); } catch { /* not Linux */ }
  const cache = path.join(os.tmpdir(), `rumpsdk-accel-${bootId}-${board.name}`);
  if (existsSync(cache)) return readFileSync(cache, "utf8").trim() === "kvm" ? "kvm" : "tcg";
  const ok = await new Promise<boolean>((resolve) => {
    // UEFI boards: the probe kernel boots on the same machine with QEMU's built-in BIOS
    const machine = board.qemu?.firmware ? { ...board, qemu: { ...board.qemu, firmware: undefined } } : board;
    const p = spawnQemu(qemuBinary(board), qemuArgs(machine, probeKernel("probe64"), "kvm"));
    let out = "";
    const done = (v: boolean) => { clearTimeout(t); p.kill("SIGKILL"); resolve(v); };
    // a guest KVM cannot run either makes QEMU exit at once or stops it with "KVM internal error"
    const t = setTimeout(() => done(false), 15000);
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => { if (/internal error|failed|Assertion/i.test(String(d))) done(false); });
    p.on("error", () => done(false));
    p.on("close", (status) => done(status === 1 && out.includes("probe: long mode ok")));
  });
  const accel: Accel = ok ? "kvm" : "tcg";
  writeFileSync(cache, accel);
  return accel;
}

export interface RunOptions {
  board: Board;
  image: string;
  accel?: Accel;
  timeoutSec?: number;
  /** extra QEMU arguments (networking, devices) */
  args?: string[];
  /** receives the serial output as it arrives */
  onOutput?: (chunk: Buffer) => void;
  /** forward this stream to the serial console (raw mode when it is a terminal) */
  input?: NodeJS.ReadStream;
  /** stops the machine (the result then says interrupted) */
  signal?: AbortSignal;
  /** the guest's RAM (QEMU -m, e.g. "8M") instead of the board's qemu.memory */
  memory?: string;
}

export interface RunResult {
  /** the firmware's exit code, or null when it did not report one */
  exitCode: number | null;
  panicked: boolean;
  timedOut: boolean;
  interrupted: boolean;
  output: string;
  accel: Accel;
  /** each line of serial output with the milliseconds from QEMU's start to its arrival */
  lines: { ms: number; text: string }[];
}

export function qemuArgs(board: Board, image: string, accel: Accel, extra: string[] = [], memory?: string, vars?: string): string[] {
  const q = board.qemu!;
  return [
    ...(q.machine ? ["-machine", q.machine] : []),
    "-accel", accel, "-m", memory ?? q.memory ?? "64M",
    "-nodefaults", "-display", "none", "-no-reboot", "-serial", "stdio",
    ...q.args, ...(q.firmware ? uefiDiskArgs(q.firmware.code, vars, q.firmware.vars, image) : ["-kernel", image]), ...extra,
  ];
}

/** A UEFI board: OVMF's code read-only and a writable copy of its variable store (varsCopy; without
 * one, the installed store behind a snapshot, so that it is never written) as the two flash chips,
 * and the disk image as a USB stick on an xHCI controller (the board boots from one); snapshot=on:
 * the run never changes the image. */
export function uefiDiskArgs(code: string, varsCopy: string | undefined, vars: string, image: string): string[] {
  const v = varsCopy ? `file=${varsCopy}` : `file=${vars},snapshot=on`;
  return ["-drive", `if=pflash,format=raw,readonly=on,file=${code}`, "-drive", `if=pflash,format=raw,${v}`,
    "-drive", `if=none,id=stick,format=raw,snapshot=on,file=${image}`, "-device", "qemu-xhci", "-device", "usb-storage,drive=stick"];
}

/** A fresh copy of a UEFI board's variable store for one run (deleted by the caller). */
function uefiVarsCopy(board: Board): string | undefined {
  const fw = board.qemu?.firmware;
  if (!fw) return undefined;
  for (const f of [fw.code, fw.vars]) {
    if (!existsSync(f)) throw new UserError(`${f} is missing (UEFI firmware for ${board.name})`, "Run `npm run setup` (it installs the Debian package ovmf).");
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-ovmf-"));
  const vars = path.join(dir, "vars.fd");
  copyFileSync(fw.vars, vars);
  return vars;
}

/** the NICs QEMU emulates: PCI devices it adds with -device (virtio-net-pci, e1000 = 82540EM, e1000e = 82574L on
 * PCIe), or a machine's own NIC (lan9118 on mps2-an385: QEMU always creates it, -nic only connects it) */
const NICS = {
  virtio: { device: "virtio-net-pci", label: "" },
  e1000: { device: "e1000", label: " (82540EM)" },
  e1000e: { device: "e1000e", label: " (82574L)" },
  lan9118: { device: undefined, label: " (SMSC LAN9118, the machine's own)" },
} as const;
export type NicModel = keyof typeof NICS;

/** The NIC models `run --net` can give this board: the machine's own NIC when its board.json "qemu.nic" names one
 * (a machine without PCI), else the PCI devices. */
export function boardNics(board: Board): NicModel[] {
  const own = board.qemu?.nic;
  if (own && own in NICS && NICS[own as NicModel].device === undefined) return [own as NicModel];
  return (Object.keys(NICS) as NicModel[]).filter((m) => NICS[m].device !== undefined);
}

/** The NIC `run --forward` gives this board without --net: board.json "qemu.nic", else the first choice (virtio). */
export function boardNic(board: Board): NicModel {
  const nics = boardNics(board);
  return nics.find((m) => m === board.qemu?.nic) ?? nics[0];
}

/** "--net=virtio or --net=e1000 (82540EM)": the choices, for error messages */
export function describeNics(models: NicModel[]): string {
  return models.map((m) => `--net=${m}${NICS[m].label}`).join(" or ");
}
/** a port forward from 127.0.0.1:host to the guest; proto defaults to TCP */
export interface Forward { host: number; guest: number; proto?: "tcp" | "udp" }

/** `--forward [tcp:|udp:]HOST:GUEST`, e.g. "8080:80" (TCP, the default) or "udp:5353:53". */
export function parseForward(s: string): Forward {
  const m = /^(?:(tcp|udp):)?(\d{1,5}):(\d{1,5})$/.exec(s);
  const ok = (n: number) => n >= 1 && n <= 65535;
  if (!m || !ok(Number(m[2])) || !ok(Number(m[3]))) {
    throw new UserError(`bad --forward "${s}"`, "Give HOST:GUEST ports, e.g. --forward 8080:80 (host port 8080 on 127.0.0.1 reaches the guest's TCP port 80), or udp:HOST:GUEST for UDP.");
  }
  return { host: Number(m[2]), guest: Number(m[3]), proto: m[1] === "udp" ? "udp" : "tcp" };
}

/** QEMU user networking (the guest is 10.0.2.15, the host 10.0.2.2, DHCP and DNS from QEMU) with one NIC of
 * the given model, and TCP or UDP forwards from 127.0.0.1:HOST to the guest's GUEST port. QEMU (libslirp)
 * listens on a TCP forward with a backlog of 1: a third connection QEMU has not accepted yet has its SYN
 * dropped by the host kernel and retried by the client after 1 s (see test/net/README.md). */
export function netArgs(model: NicModel, forwards: Forward[] = [], board?: Board): string[] {
  const fwd = forwards.map((f) => `,hostfwd=${f.proto ?? "tcp"}:127.0.0.1:${f.host}-:${f.guest}`).join("");
  const device = NICS[model].device;
  if (device === undefined) return ["-nic", `user,id=net0,model=${model}${fwd}`];
  // UEFI boards: no option ROM (iPXE), so the firmware neither loads a network boot driver nor tries to boot from the NIC
  const rom = board?.qemu?.firmware ? ",romfile=" : "";
  return ["-netdev", `user,id=net0${fwd}`, "-device", `${device},netdev=net0${rom}`];
}

/** QEMU's QMP (machine protocol) on a Unix socket at path, for tests that change the machine while it runs
 * (e.g. qom-set on a sensor's temperature); QEMU creates the socket and does not wait for a client. */
export function qmpArgs(socketPath: string): string[] {
  return ["-qmp", `unix:${socketPath},server=on,wait=off`];
}

/** QEMU's exit status carries the firmware's exit code: isa-debug-exit makes it (code << 1) | 1 (an even
 * status is QEMU's own); ARM semihosting's SYS_EXIT_EXTENDED makes it the code itself. */
export function decodeExit(status: number | null, board?: Board): number | null {
  if (status === null) return null;
  if (board?.qemu?.exit === "semihosting") return status;
  if ((status & 1) === 0) return null;
  return status >> 1;
}

export const PANIC_CODE = 127;

export async function runImage(opts: RunOptions): Promise<RunResult> {
  const accel = opts.accel ?? (await probeAccel(opts.board));
  const bin = qemuBinary(opts.board);
  const start = performance.now();
  const vars = uefiVarsCopy(opts.board);
  const child = spawnQemu(bin, qemuArgs(opts.board, opts.image, accel, opts.args, opts.memory, vars));
  let output = "";
  let stderr = "";
  const lines: { ms: number; text: string }[] = [];
  let partial = "";
  let timedOut = false;
  let interrupted = false;
  child.stdout.on("data", (d: Buffer) => {
    const ms = performance.now() - start;
    const text = d.toString("latin1");
    output += text;
    const parts = (partial + text).split("\n");
    partial = parts.pop()!;
    for (const l of parts) lines.push({ ms, text: l.replace(/\r$/, "") });
    opts.onOutput?.(d);
  });
  child.stderr.on("data", (d) => (stderr += d));
  const input = opts.input;
  const onInput = (d: Buffer) => {
    if (d.includes(0x03)) { // Ctrl-C: stop the machine cleanly
      interrupted = true;
      child.kill("SIGTERM");
      return;
    }
    child.stdin.write(d);
  };
  if (input) {
    if (input.isTTY) input.setRawMode(true);
    input.on("data", onInput);
    input.resume();
  }
  const onSigint = () => { interrupted = true; child.kill("SIGTERM"); };
  process.on("SIGINT", onSigint);
  opts.signal?.addEventListener("abort", onSigint, { once: true });
  const timer = opts.timeoutSec ? setTimeout(() => { timedOut = true; child.kill("SIGKILL"); }, opts.timeoutSec * 1000) : undefined;
  return new Promise((resolve, reject) => {
    child.on("error", (e) => reject(new UserError(`cannot start ${bin}: ${e.message}`, "Run `npm run setup`.")));
    child.on("close", (status, signal) => {
      if (timer) clearTimeout(timer);
      if (vars) rmSync(path.dirname(vars), { recursive: true, force: true });
      process.off("SIGINT", onSigint);
      if (input) {
        input.off("data", onInput);
        if (input.isTTY) input.setRawMode(false);
        input.pause();
      }
      // QEMU's own failure: killed, or (isa-debug-exit) an even status, or (semihosting) no output at all
      const qemuFailed = signal !== null || (opts.board.qemu?.exit === "semihosting" ? output === "" : status !== null && (status & 1) === 0);
      if (!timedOut && !interrupted && qemuFailed && stderr.trim()) {
        reject(new UserError(`QEMU failed (${signal ? `killed by ${signal}` : `exit status ${status}`}):\n${stderr.trim()}`,
          accel === "kvm" ? "Try --accel=tcg: KVM on this machine may not run this guest." : "Check the board's QEMU settings in its board.json."));
        return;
      }
      const exitCode = timedOut || interrupted ? null : decodeExit(status, opts.board);
      resolve({ exitCode, panicked: exitCode === PANIC_CODE || output.includes("=== RUMPSDK PANIC ==="), timedOut, interrupted,
        output, accel, lines });
    });
  });
}

/** A TCP port on 127.0.0.1 that is free right now (for --forward). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
