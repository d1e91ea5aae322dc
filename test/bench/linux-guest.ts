// Issue "networked sensor firmware", item 9: the Linux baseline. The same HTTP workload as sensor-http's
// (GET /metrics, a small JSON body) against a Linux guest: Debian's linux-image-amd64 kernel and a
// busybox-static initramfs running busybox httpd, both assembled here from Debian packages fetched with
// `apt-get download` into a temporary folder (nothing downloaded lands in the repository; the kernel and
// the initramfs are cached under build/bench/linux-guest/ and rebuilt only when missing or when the
// recipe below changes).
//
// Exports what the sensor-http bench needs for its ratios: prepareLinuxGuest(), bootLinuxGuest(),
// wrk(), freePort(), and linuxBaseline() (the measured figures, once per process), plus the bench
// section "linux" (benchLinux) that prints them.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadBoard } from "../../toolchain/boards.ts";
import { sdkPath } from "../../toolchain/paths.ts";
import { freePort, netArgs, probeAccel, type Accel, type NicModel as QemuNic } from "../../toolchain/qemu.ts";
import { fmt, get, median, row, sleep } from "./lib.ts";

/** the NICs this guest has modules for (not e1000e) */
type NicModel = Exclude<QemuNic, "e1000e" | "lan9118">;

const DIR = sdkPath("build", "bench", "linux-guest");
const STEP_TIMEOUT_MS = 600_000; // one apt-get download or dpkg-deb extraction
const BOOT_TIMEOUT_MS = 180_000; // QEMU start to the first 200, TCG on a slow machine included
const GUEST_LIFETIME_S = 1800; // `timeout` bound on every QEMU, should Node die without stopping it
const MARKER = "linux-guest: httpd listening";

/** The kernel modules each NIC needs, roots only: their dependencies come from the modules' own
 * "depends=" (.modinfo), since the package ships no modules.dep (depmod makes it at install). */
const NIC_MODULES: Record<NicModel, string[]> = { virtio: ["virtio_pci", "virtio_net"], e1000: ["e1000"] };

/** PID 1. The kernel passes the command line's unknown name=value words (nic=...) to it as environment. */
function initScript(mods: Record<NicModel, string[]>): string {
  return `#!/bin/sh
# PID 1 of the Linux baseline guest (written by rumpsdk's test/bench/linux-guest.ts)
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
case "$nic" in
  e1000) mods="${mods.e1000.join(" ")}" ;;
  *) mods="${mods.virtio.join(" ")}" ;;
esac
for m in $mods; do insmod /lib/modules/$m.ko || echo "linux-guest: insmod $m failed"; done
i=0
while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 500 ]; do usleep 10000; i=$((i+1)); done
ip link set lo up
ip addr add 10.0.2.15/24 dev eth0
ip link set eth0 up
ip route add default via 10.0.2.2
# the same kind of body as sensor-http's GET /metrics, written once at boot
up=$(awk '{ printf "%d", $1 * 1000 }' /proc/uptime)
total=$(awk '/^MemTotal:/ { print $2 * 1024 }' /proc/meminfo)
avail=$(awk '/^MemAvailable:/ { print $2 * 1024 }' /proc/meminfo)
echo "{\\"uptime_ms\\":$up,\\"sensor\\":{\\"name\\":\\"sim\\",\\"value\\":21.5,\\"unit\\":\\"C\\"},\\"memory\\":{\\"used\\":$((total - avail)),\\"total\\":$total}}" > /www/metrics
echo '<!doctype html><html><head><title>linux-guest</title></head><body><h1>linux-guest</h1><p><a href="/metrics">/metrics</a></p></body></html>' > /www/index.html
httpd -f -p 80 -h /www &
echo "${MARKER} ($nic)"
while :; do wait; sleep 3600; done
`;
}

// ---- small process helpers ---------------------------------------------------------------------------

function run(cmd: string, args: string[], what: string, opts: { cwd?: string; timeoutMs?: number; input?: Buffer } = {}): Buffer {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, timeout: opts.timeoutMs ?? STEP_TIMEOUT_MS, maxBuffer: 256 << 20,
    input: opts.input, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive", LC_ALL: "C" } });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : `exit ${r.status}: ${r.stderr.toString().trim()}`;
    throw new Error(`linux-guest: ${what} failed (\`${cmd} ${args.join(" ")}\`): ${why}`);
  }
  return r.stdout;
}

/** The package linux-image-amd64 depends on, e.g. linux-image-6.1.0-56-amd64. */
function kernelPackage(): string {
  const out = run("apt-cache", ["depends", "linux-image-amd64"], "asking apt for the kernel package").toString();
  const m = /Depends:\s*(linux-image-[0-9][^\s]*-amd64)\b/.exec(out);
  if (!m) throw new Error(`linux-guest: cannot find linux-image-amd64's kernel package in:\n${out}\n  Run \`apt-get update\` (as root), then the bench again.`);
  return m[1];
}

/** The first match among a package's file paths (as `tar -t` lists them, "./..."). */
function pick(files: string[], re: RegExp, what: string): string {
  const f = files.find((x) => re.test(x));
  if (!f) throw new Error(`linux-guest: no ${what} in the package`);
  return f;
}

/** A .deb's file system as a plain tar file next to it (decompressed once, then listed and read often). */
function debTar(deb: string): string {
  const tar = deb.replace(/\.deb$/, ".tar");
  run("sh", ["-c", 'dpkg-deb --fsys-tarfile "$1" > "$2"', "sh", deb, tar], `unpacking ${path.basename(deb)}`);
  return tar;
}

/** Extracts the named members of a tar into dir (only those). */
function extract(tar: string, dir: string, members: string[]): void {
  run("tar", ["-x", "-C", dir, "-f", tar, ...members], `extracting from ${path.basename(tar)}`);
}

/** A module's "depends=" from its .modinfo section: NUL-separated key=value strings. */
function moduleDepends(ko: Buffer): string[] {
  const i = ko.indexOf("\0depends=");
  if (i < 0) return [];
  const s = ko.subarray(i + 9, ko.indexOf(0, i + 9)).toString("latin1");
  return s ? s.split(",") : [];
}

// ---- initramfs: a newc cpio archive, gzip'd -----------------------------------------------------------

interface CpioEntry { name: string; mode: number; data?: Buffer; rdev?: [number, number] }

/** The "new ASCII" (070701) cpio format the kernel unpacks: a 110-byte hex header, the name with its NUL
 * padded to 4 bytes, the data padded to 4 bytes; ends with the entry "TRAILER!!!". */
function cpio(entries: CpioEntry[]): Buffer {
  const parts: Buffer[] = [];
  const pad = (n: number) => Buffer.alloc((4 - (n % 4)) % 4);
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  let ino = 1;
  for (const e of [...entries, { name: "TRAILER!!!", mode: 0 }] as CpioEntry[]) {
    const data = e.data ?? Buffer.alloc(0);
    const name = Buffer.from(e.name + "\0");
    const isDir = (e.mode & 0o170000) === 0o040000;
    const fields = [e.name === "TRAILER!!!" ? 0 : ino++, e.mode, 0, 0, isDir ? 2 : 1, 0, data.length, 0, 0,
      e.rdev?.[0] ?? 0, e.rdev?.[1] ?? 0, name.length, 0];
    const header = Buffer.from("070701" + fields.map(hex).join(""), "latin1");
    parts.push(header, name, pad(header.length + name.length), data, pad(data.length));
  }
  return Buffer.concat(parts);
}

const DIR_MODE = 0o040755, FILE_MODE = 0o100644, EXEC_MODE = 0o100755, LINK_MODE = 0o120777, CHR_MODE = 0o020600;

// ---- prepareLinuxGuest -------------------------------------------------------------------------------

export interface LinuxGuestFiles { kernel: string; initrd: string }
interface GuestInfo { recipe: string; kernelPackage: string; busybox: string; modules: Record<NicModel, string[]> }

const RECIPE = createHash("sha256").update(initScript({ virtio: ["x"], e1000: ["y"] }) + JSON.stringify(NIC_MODULES)).digest("hex").slice(0, 16);
const files = (): LinuxGuestFiles => ({ kernel: path.join(DIR, "vmlinuz"), initrd: path.join(DIR, "initrd.gz") });

function cachedInfo(): GuestInfo | null {
  const f = files();
  try {
    const info = JSON.parse(readFileSync(path.join(DIR, "guest.json"), "utf8")) as GuestInfo;
    return info.recipe === RECIPE && existsSync(f.kernel) && existsSync(f.initrd) ? info : null;
  } catch {
    return null;
  }
}

/** Debian's kernel and a busybox initramfs under build/bench/linux-guest/, built on first use. */
export async function prepareLinuxGuest(): Promise<LinuxGuestFiles> {
  if (cachedInfo()) return files();
  for (const cmd of ["apt-get", "apt-cache", "dpkg-deb", "tar"]) {
    if (spawnSync("sh", ["-c", `command -v ${cmd}`]).status !== 0) throw new Error(`linux-guest: ${cmd} is missing (the Linux baseline is built from Debian packages)`);
  }
  const kpkg = kernelPackage();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-linux-guest-"));
  try {
    chmodSync(tmp, 0o777); // apt-get download fetches as the unprivileged _apt user when run as root
    console.log(`  linux-guest: downloading ${kpkg} and busybox-static (apt-get download, into ${tmp}) ...`);
    try {
      run("apt-get", ["download", kpkg, "busybox-static"], "apt-get download", { cwd: tmp });
    } catch (e) {
      // stale package lists name versions the mirror no longer has: refresh them once (root only)
      if (!process.getuid || process.getuid() !== 0) throw new Error(`${(e as Error).message}\n  Run \`apt-get update\` as root, then the bench again.`);
      run("apt-get", ["update"], "apt-get update");
      run("apt-get", ["download", kernelPackage(), "busybox-static"], "apt-get download", { cwd: tmp });
    }
    const debs = readdirSync(tmp).filter((f) => f.endsWith(".deb"));
    const kdeb = path.join(tmp, pick(debs, /^linux-image-/, "kernel .deb"));
    const bdeb = path.join(tmp, pick(debs, /^busybox-static_/, "busybox .deb"));
    const x = path.join(tmp, "x");
    mkdirSync(x);

    // the kernel and, iteratively, the modules the NICs need with everything they depend on
    const ktar = debTar(kdeb);
    const kfiles = run("tar", ["-t", "-f", ktar], "listing the kernel package").toString().split("\n");
    const vmlinuz = pick(kfiles, /^\.\/boot\/vmlinuz-/, "boot/vmlinuz-*");
    const modPath = new Map<string, string>(); // module name (with '_') -> member path
    for (const f of kfiles) {
      const m = /\/([^/]+)\.ko(\.xz)?$/.exec(f);
      if (m && f.includes("/lib/modules/")) modPath.set(m[1].replace(/-/g, "_"), f);
    }
    const builtinFile = pick(kfiles, /\/lib\/modules\/[^/]+\/modules\.builtin$/, "modules.builtin");
    extract(ktar, x, [vmlinuz, builtinFile]);
    const builtin = new Set(readFileSync(path.join(x, builtinFile), "utf8").split("\n")
      .map((l) => path.basename(l).replace(/\.ko$/, "").replace(/-/g, "_")).filter(Boolean));
    const ko = new Map<string, Buffer>();
    const deps = new Map<string, string[]>();
    let want = [...new Set(Object.values(NIC_MODULES).flat())];
    while (want.length) {
      const missing = want.filter((m) => !builtin.has(m) && !modPath.has(m));
      if (missing.length) throw new Error(`linux-guest: ${kpkg} has no module ${missing.join(", ")} (neither a .ko nor built in)`);
      const fetch = want.filter((m) => modPath.has(m) && !ko.has(m));
      if (fetch.length) extract(ktar, x, fetch.map((m) => modPath.get(m)!));
      const next: string[] = [];
      for (const m of want) {
        if (builtin.has(m) || ko.has(m)) { deps.set(m, deps.get(m) ?? []); continue; }
        const p = path.join(x, modPath.get(m)!);
        const data = p.endsWith(".xz") ? run("xz", ["-dc", p], `decompressing ${m}`) : readFileSync(p);
        ko.set(m, data);
        deps.set(m, moduleDepends(data));
        next.push(...deps.get(m)!.filter((d) => !deps.has(d)));
      }
      want = [...new Set(next)];
    }
    // load order per NIC: dependencies first (depth-first), built-in modules left out
    const order: Record<NicModel, string[]> = { virtio: [], e1000: [] };
    for (const nic of Object.keys(NIC_MODULES) as NicModel[]) {
      const visit = (m: string) => {
        if (order[nic].includes(m) || builtin.has(m)) return;
        for (const d of deps.get(m) ?? []) visit(d);
        order[nic].push(m);
      };
      NIC_MODULES[nic].forEach(visit);
    }

    extract(debTar(bdeb), x, ["./bin/busybox"]);
    const bbVersion = run("dpkg-deb", ["-f", bdeb, "Version"], "reading busybox's version").toString().trim();
    const entries: CpioEntry[] = [
      ...["bin", "dev", "etc", "lib", "lib/modules", "proc", "sys", "tmp", "www"].map((name) => ({ name, mode: DIR_MODE })),
      { name: "dev/console", mode: CHR_MODE, rdev: [5, 1] },
      { name: "bin/busybox", mode: EXEC_MODE, data: readFileSync(path.join(x, "bin/busybox")) },
      { name: "bin/sh", mode: LINK_MODE, data: Buffer.from("busybox") },
      { name: "init", mode: EXEC_MODE, data: Buffer.from(initScript(order)) },
      ...[...ko].map(([m, data]) => ({ name: `lib/modules/${m}.ko`, mode: FILE_MODE, data })),
    ];
    mkdirSync(DIR, { recursive: true });
    const out = files();
    writeFileSync(out.initrd + ".tmp", gzipSync(cpio(entries), { level: 9 }));
    renameSync(out.initrd + ".tmp", out.initrd);
    writeFileSync(out.kernel + ".tmp", readFileSync(path.join(x, vmlinuz)));
    renameSync(out.kernel + ".tmp", out.kernel);
    const info: GuestInfo = { recipe: RECIPE, kernelPackage: kpkg, busybox: `busybox-static ${bbVersion}`, modules: order };
    writeFileSync(path.join(DIR, "guest.json"), JSON.stringify(info, null, 2) + "\n");
    console.log(`  linux-guest: built ${path.relative(sdkPath(), out.kernel)} and ${path.relative(sdkPath(), out.initrd)} (${kpkg}, ${info.busybox}; modules virtio: ${order.virtio.join(" ")}; e1000: ${order.e1000.join(" ")})`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return files();
}

// ---- bootLinuxGuest ----------------------------------------------------------------------------------

export interface LinuxGuest {
  stop(): Promise<void>;
  /** milliseconds from spawning QEMU to the host's first HTTP 200 with a JSON body for GET /metrics */
  qemuStartToFirst200Ms: number;
  accel: Accel;
  /** the serial console so far (the kernel is "quiet": mostly /init's lines) */
  console(): string;
}

const live = new Set<import("node:child_process").ChildProcess>();
let exitHookInstalled = false;
function killAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // `timeout` forwards the signal to its QEMU
  process.on("exit", () => { for (const c of live) c.kill("SIGTERM"); });
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (live.size === 0 && process.listenerCount(sig) > 1) return; // someone else handles it
      for (const c of live) c.kill("SIGTERM");
      process.exit(130);
    });
  }
}


/** The accelerator for the Linux guest: KVM only where the SDK's own probe guest really runs under it. */
export async function linuxAccel(): Promise<Accel> {
  return probeAccel(loadBoard("qemu-x86"));
}

/**
 * Boots the Linux guest with 127.0.0.1:port forwarded to its port 80 and waits for the first HTTP 200 of
 * GET /metrics (polled every 20 ms). The guest runs until stop(), or at most GUEST_LIFETIME_S.
 */
export async function bootLinuxGuest(port: number, opts: { nic?: NicModel; accel?: Accel; memory?: string; cpu?: string; append?: string } = {}): Promise<LinuxGuest> {
  const { kernel, initrd } = await prepareLinuxGuest();
  const nic = opts.nic ?? "virtio";
  const accel = opts.accel ?? (await linuxAccel());
  const args = ["-machine", "pc", "-accel", accel, "-cpu", opts.cpu ?? "max", "-m", opts.memory ?? "128M",
    "-nodefaults", "-display", "none", "-no-reboot", "-serial", "stdio",
    "-kernel", kernel, "-initrd", initrd, "-append", `console=ttyS0 quiet panic=-1 nic=${nic}${opts.append ? " " + opts.append : ""}`,
    ...netArgs(nic, [{ host: port, guest: 80 }])];
  killAllOnExit();
  const start = performance.now();
  const child = spawn("timeout", [String(GUEST_LIFETIME_S), "qemu-system-x86_64", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  let out = "";
  let err = "";
  let exited: string | null = null;
  child.stdout.on("data", (d: Buffer) => { out = (out + d.toString("latin1")).slice(-65536); });
  child.stderr.on("data", (d: Buffer) => { err = (err + d.toString("latin1")).slice(-65536); });
  const closed = new Promise<void>((resolve) => child.on("close", (status, signal) => {
    live.delete(child);
    exited = signal ? `killed by ${signal}` : `exit status ${status}`;
    resolve();
  }));
  child.on("error", (e) => { exited = `cannot start: ${e.message}`; });
  const stop = async () => {
    if (exited === null) {
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 5000);
      await closed;
      clearTimeout(t);
    }
  };
  try {
    const url = `http://127.0.0.1:${port}/metrics`;
    for (;;) {
      if (exited !== null) throw new Error(`QEMU stopped before the guest answered (${exited}):\n${err.trim()}\n${out.slice(-4000)}`);
      if (/Kernel panic/.test(out)) throw new Error(`the Linux guest panicked:\n${out.slice(-4000)}`);
      if (performance.now() - start > BOOT_TIMEOUT_MS) throw new Error(`no HTTP 200 from the Linux guest within ${BOOT_TIMEOUT_MS / 1000} s; console:\n${out.slice(-4000)}`);
      const t = performance.now();
      const r = await get(url, 250);
      if (r?.status === 200) {
        JSON.parse(r.body); // the body must be the JSON
        return { stop, qemuStartToFirst200Ms: performance.now() - start, accel, console: () => out };
      }
      await sleep(Math.max(0, 20 - (performance.now() - t)));
    }
  } catch (e) {
    await stop();
    throw e;
  }
}

export { freePort };

// ---- wrk ---------------------------------------------------------------------------------------------

export interface WrkResult { rps: number; latencyP50Ms?: number; errors: number; requests: number; output: string }

const toMs = (v: string, unit: string) => Number(v) * ({ us: 1e-3, ms: 1, s: 1000, m: 60000 } as Record<string, number>)[unit];

/** Debian's wrk against url: one thread for one connection, two otherwise (this machine has two cores). */
export function wrk(url: string, connections: number, seconds: number): Promise<WrkResult> {
  const threads = connections > 1 ? 2 : 1;
  const args = [String(seconds + 30), "wrk", `-t${threads}`, `-c${connections}`, `-d${seconds}s`, "--latency", "--timeout", "5s", url];
  return new Promise((resolve, reject) => {
    const p = spawn("timeout", args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    p.stdout.on("data", (d) => (output += d));
    p.stderr.on("data", (d) => (output += d));
    p.on("error", (e) => reject(new Error(`cannot run wrk: ${e.message} (npm run setup installs it)`)));
    p.on("close", (status) => {
      const rps = /Requests\/sec:\s*([\d.]+)/.exec(output);
      if (status !== 0 || !rps) {
        reject(new Error(`wrk ${args.slice(2).join(" ")} failed (exit ${status}):\n${output.trim()}`));
        return;
      }
      const p50 = /^\s*50%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(output);
      const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
      const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
      const errors = (sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0);
      const requests = Number((/(\d+) requests in/.exec(output) ?? [])[1] ?? 0);
      resolve({ rps: Number(rps[1]), latencyP50Ms: p50 ? toMs(p50[1], p50[2]) : undefined, errors, requests, output });
    });
  });
}

// ---- the baseline figures and the bench section ------------------------------------------------------

export const LINUX_BOOTS = 3;
export const WRK_SECONDS = 10;

export interface LinuxBaseline {
  accel: Accel;
  nic: NicModel;
  kernelPackage: string;
  busybox: string;
  /** per boot: QEMU start to the first 200 */
  first200Ms: number[];
  /** per boot: wrk for WRK_SECONDS at 1 and at 16 connections */
  rps1: number[];
  rps16: number[];
  p50Ms1: number[];
  p50Ms16: number[];
  errors1: number[];
  errors16: number[];
}

const baselines = new Map<NicModel, Promise<LinuxBaseline>>();

/**
 * The Linux guest's figures, measured once per process and NIC (so the sensor-http bench and the "linux"
 * section share one measurement): LINUX_BOOTS boots, each timed to its first 200, then wrk at 1 and 16
 * connections for WRK_SECONDS each. Compare medians. Section "net" measures its own, boot by boot
 * interleaved with sensor-http's (newLinuxBaseline, measureLinuxBoot), and shares them (shareLinuxBaseline).
 */
export function linuxBaseline(nic: NicModel = "virtio"): Promise<LinuxBaseline> {
  let b = baselines.get(nic);
  if (!b) {
    b = measure(nic);
    baselines.set(nic, b);
  }
  return b;
}

/** Figures measured elsewhere become this process's baseline for their NIC. */
export function shareLinuxBaseline(b: LinuxBaseline): void {
  baselines.set(b.nic, Promise.resolve(b));
}

/** An empty record for measureLinuxBoot (builds the guest when missing). */
export async function newLinuxBaseline(nic: NicModel = "virtio"): Promise<LinuxBaseline> {
  await prepareLinuxGuest();
  const info = cachedInfo()!;
  return { accel: await linuxAccel(), nic, kernelPackage: info.kernelPackage, busybox: info.busybox,
    first200Ms: [], rps1: [], rps16: [], p50Ms1: [], p50Ms16: [], errors1: [], errors16: [] };
}

/** One boot of the Linux guest: its first 200, then wrk at 1 and 16 connections, added to r. */
export async function measureLinuxBoot(r: LinuxBaseline): Promise<void> {
  const port = await freePort();
  const g = await bootLinuxGuest(port, { nic: r.nic, accel: r.accel });
  try {
    r.first200Ms.push(g.qemuStartToFirst200Ms);
    const url = `http://127.0.0.1:${port}/metrics`;
    const w1 = await wrk(url, 1, WRK_SECONDS);
    const w16 = await wrk(url, 16, WRK_SECONDS);
    r.rps1.push(w1.rps); r.p50Ms1.push(w1.latencyP50Ms ?? NaN); r.errors1.push(w1.errors);
    r.rps16.push(w16.rps); r.p50Ms16.push(w16.latencyP50Ms ?? NaN); r.errors16.push(w16.errors);
  } finally {
    await g.stop();
  }
}

async function measure(nic: NicModel): Promise<LinuxBaseline> {
  const r = await newLinuxBaseline(nic);
  for (let i = 0; i < LINUX_BOOTS; i++) await measureLinuxBoot(r);
  return r;
}

export async function benchLinux(): Promise<void> {
  console.log(`\n== linux: the Linux baseline guest (Debian kernel, busybox httpd) ==`);
  const b = await linuxBaseline();
  console.log(`  guest: ${b.kernelPackage}, ${b.busybox}, ${b.nic} NIC, 128 MiB; accelerator ${b.accel.toUpperCase()}` +
    (b.accel === "tcg" ? " (KVM cannot run a probe guest on this machine)" : ""));
  row("QEMU start to first HTTP 200 (GET /metrics)", b.first200Ms, "ms");
  row(`requests/s, 1 connection, ${WRK_SECONDS} s (wrk -t1)`, b.rps1, "req/s");
  row(`requests/s, 16 connections, ${WRK_SECONDS} s (wrk -t2)`, b.rps16, "req/s");
  console.log(`  median latency p50: ${fmt(median(b.p50Ms1))} ms at 1 connection, ${fmt(median(b.p50Ms16))} ms at 16; ` +
    `wrk socket errors + non-2xx per run: ${b.errors1.join("/")} at 1, ${b.errors16.join("/")} at 16`);
}
