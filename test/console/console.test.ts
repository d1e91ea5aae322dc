// `rumpsdk console`, `rumpsdk decode` and `rumpsdk run --serial=pty` against real QEMU machines whose
// serial port is a pty. The console reaches the pty through a symlink the test owns (QEMU 7.2 names
// its ptys /dev/pts/N itself; a restarted QEMU gets a new one), the way a USB adapter keeps its
// /dev/serial/by-id name across re-plugs. Machines run without isa-debug-exit where the test wants
// them to stay up after a panic (a real board halts; it does not vanish).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SerialPort } from "serialport";
import { CLI, lines, ROOT, rumpsdk } from "../lib/sdk.ts";

const CRASH_LINE = 7; // test/console/crash/main.ts: the crash(register) call
const tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-console-test-"));
const started: { kill(): void }[] = [];

interface Qemu { proc: ChildProcessWithoutNullStreams; pty: string; cont(): void; kill(): void; exited: Promise<void> }

/** A machine paused before its first instruction, serial on a fresh pty (QEMU prints its name). */
function qemu(image: string, opts: { net?: boolean } = {}): Promise<Qemu> {
  const args = ["-machine", "pc", "-accel", "tcg", "-m", "64M", "-nodefaults", "-display", "none", "-no-reboot", "-cpu", "max",
    "-chardev", "pty,id=s0", "-serial", "chardev:s0", "-S", "-monitor", "stdio", "-kernel", image,
    ...(opts.net ? ["-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0"] : [])];
  const proc = spawn("qemu-system-x86_64", args, { stdio: ["pipe", "pipe", "pipe"] });
  const exited = new Promise<void>((r) => proc.on("exit", () => r()));
  const limit = setTimeout(() => proc.kill("SIGKILL"), 300_000); // never outlive the suite
  proc.on("exit", () => clearTimeout(limit));
  const q = { proc, pty: "", cont: () => proc.stdin.write("cont\n"), kill: () => proc.kill("SIGKILL"), exited };
  started.push(q);
  return new Promise((resolve, reject) => {
    let text = "";
    const look = (d: Buffer) => {
      text += d;
      const m = /char device redirected to (\/dev\/pts\/\d+)/.exec(text);
      if (m && !q.pty) { q.pty = m[1]; resolve(q); }
    };
    proc.stdout.on("data", look);
    proc.stderr.on("data", look);
    proc.on("exit", () => reject(new Error(`QEMU ended: ${text}`)));
  });
}

interface Con { proc: ChildProcessWithoutNullStreams; out: () => string; send(s: string): void; waitFor(re: RegExp, from?: number, ms?: number): Promise<number>; stop(): Promise<void> }

/** `rumpsdk console ARGS` as a child process: its output (stdout and stderr together), input by pipe. */
function consoleProc(args: string[]): Con {
  const proc = spawn(process.execPath, [CLI, "console", ...args], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
  started.push({ kill: () => proc.kill("SIGKILL") });
  let all = "";
  proc.stdout.on("data", (d) => (all += d));
  proc.stderr.on("data", (d) => (all += d));
  const closed = new Promise<void>((r) => proc.on("close", () => r()));
  return {
    proc,
    out: () => all,
    send: (s) => { proc.stdin.write(s); },
    /** resolves with the index after the first match at or after from */
    waitFor: (re, from = 0, ms = 45_000) => new Promise((resolve, reject) => {
      const t0 = Date.now();
      const tick = () => {
        const m = re.exec(all.slice(from));
        if (m) { resolve(from + m.index + m[0].length); return; }
        if (Date.now() - t0 > ms) { reject(new Error(`timed out waiting for ${re}; console output:\n${all}`)); return; }
        setTimeout(tick, 50);
      };
      tick();
    }),
    stop: async () => { proc.kill("SIGTERM"); await closed; },
  };
}

/** Sends a shell command and waits for the prompt after its answer; returns the answer's text. */
async function command(con: Con, cmd: string): Promise<string> {
  const from = con.out().length;
  con.send(`${cmd}\r`);
  const end = await con.waitFor(/rumpsdk> /, from, 30_000);
  return con.out().slice(from, end).replace(/^\[\s*[\d.]+\] /gm, ""); // without --timestamps' stamps
}

const images: Record<string, { image: string; elf: string; buildId: string }> = {};

beforeAll(async () => {
  for (const app of ["shellapp", "crash"]) {
    const r = await rumpsdk(["build", `test/console/${app}`, "--board=qemu-x86"]);
    expect(r.code, r.stderr).toBe(0);
    const id = /build-id: ([0-9a-f]+) \(debug build, with the debug shell; kept as build\/ids\/\1\.elf/.exec(r.stdout);
    expect(id, r.stdout).not.toBeNull();
    const dir = path.join(ROOT, "test/console", app, "build/qemu-x86");
    images[app] = { image: path.join(dir, `${app}.img`), elf: path.join(dir, `${app}.elf`), buildId: id![1] };
    expect(existsSync(path.join(ROOT, "build/ids", `${id![1]}.elf`))).toBe(true);
  }
});

afterAll(() => {
  for (const p of started) p.kill();
  rmSync(tmp, { recursive: true, force: true });
});

describe("rumpsdk console on a QEMU pty", () => {
  it("waits for the port, shows the boot, runs shell commands, survives a QEMU restart and logs it all", async () => {
    const link = path.join(tmp, "ttyBOARD");
    const log = path.join(tmp, "session.log");
    // started before the "board" exists
    const con = consoleProc(["--port", link, "--wait", "--log", log, "--timestamps"]);
    await con.waitFor(/waiting for .*ttyBOARD to appear/);

    const a = await qemu(images.shellapp.image, { net: true });
    symlinkSync(a.pty, link);
    await con.waitFor(/connected to .*ttyBOARD at 115200 8N1 \(Ctrl-\] quits\)/);
    a.cont();
    const boot = await con.waitFor(/shellapp: up at [\d.]+ ms/);
    await con.waitFor(/warning: shellapp: this is a warning/, boot); // the line after "up": it may still be on its way
    // the devices are attached on the first use of the network (here the shell's netstat), not
    // at boot: the PCI list and the DHCP address come then
    expect(con.out()).not.toMatch(/pci: /);
    await command(con, "netstat");
    await con.waitFor(/\[\s*[\d.]+\] pci: 00:00\.0/, boot); // --timestamps
    await con.waitFor(/net: vioif0 .* 10\.0\.2\.15\/24/, boot);

    const help = await command(con, "help");
    for (const c of ["help", "uptime", "mem", "threads", "ifconfig", "netstat", "ping HOST", "dns NAME", "sensors", "log", "reboot", "hello [NAME]"]) {
      expect(help).toContain(`  ${c}`);
    }
    expect(await command(con, "uptime")).toMatch(/up \d+\.\d{3} s \(0h 0m \d+s\)/);
    const mem = await command(con, "mem");
    expect(mem).toMatch(/runtime\s+gc heap\s+[\d.]+ KiB used of 4096\.0 KiB/);
    expect(mem).toMatch(/runtime\s+js stack\s+[\d.]+ KiB in use now/);
    expect(mem).toMatch(/kernel\s+lwIP heap 256 KiB reserved/);
    expect(mem).toMatch(/core\s+allocator\s+\d+ KiB used of \d+ KiB \(peak \d+ KiB\), largest free block \d+ KiB/);
    const threads = await command(con, "threads");
    expect(threads).toMatch(/^main\s+running\s+stack (<= )?\d+ of \d+ KiB$/m);
    expect(threads).toMatch(/^intr\s+(blocked|runnable)\s+stack \d+ of \d+ KiB$/m); // exact: small stacks are measured whole
    expect(threads).toMatch(/js stack [\d.]+ KiB in use now/);
    const ifc = await command(con, "ifconfig");
    expect(ifc).toMatch(/vioif0: up, link up, mtu 1500\s+ether 52:54:00:12:34:56\s+inet 10\.0\.2\.15\/24 gw 10\.0\.2\.2 \(dhcp\)/);
    expect(ifc).toMatch(/lo0: up/);
    expect(await command(con, "netstat")).toMatch(/udp\s+\*:68/);
    expect(await command(con, "hello bob")).toContain("hello, bob");
    expect(await command(con, "nosuch")).toContain('error: unknown command "nosuch"');
    expect(await command(con, "log debug")).toContain("log level debug");
    // backspace edits the line: "upx" + BS + ... -> "uptime"
    expect(await command(con, "upx\x7ftime")).toMatch(/up \d+\.\d{3} s/);

    // QEMU restarted: the port goes away, the console waits and reopens the same path
    const mark = con.out().length;
    a.kill();
    await a.exited;
    await con.waitFor(/ttyBOARD disappeared .*waiting for it to return/, mark);
    unlinkSync(link);
    const b = await qemu(images.shellapp.image);
    symlinkSync(b.pty, link);
    await con.waitFor(/reconnected to .*ttyBOARD/, mark);
    b.cont();
    await con.waitFor(/shellapp: up at/, mark);
    expect(await command(con, "uptime")).toMatch(/up \d+\.\d{3} s/);
    await con.stop();
    b.kill();

    // the log: every line with an ISO timestamp, both boots, the disappearance
    const text = readFileSync(log, "utf8");
    const logged = lines(text).filter((l) => l);
    expect(logged.every((l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /.test(l))).toBe(true);
    expect(logged.filter((l) => /shellapp: up at/.test(l)).length).toBe(2);
    expect(text).toMatch(/-- rumpsdk: .*ttyBOARD disappeared/);
    expect(text).toMatch(/hello, bob/);
  }, 300_000);

  it("decodes a panic to the TypeScript file:line by the build id (and rumpsdk decode does from the log)", async () => {
    const log = path.join(tmp, "crash.log");
    const q = await qemu(images.crash.image);
    const con = consoleProc(["--port", q.pty, "--log", log]);
    await con.waitFor(/connected to/);
    q.cont();
    await con.waitFor(/=== END PANIC ===/);
    await con.waitFor(new RegExp(`crashed in TypeScript at test/console/crash/main\\.ts:${CRASH_LINE} \\(readCalibration\\)`));
    const out = con.out();
    expect(out).toContain(`image: build/ids/${images.crash.buildId}.elf`);
    expect(out).toMatch(/rt_debug_fault\s+sdk\/runtime\/debug\.c:\d+/);
    expect(out).toMatch(new RegExp(`readCalibration\\s+test/console/crash/main\\.ts:${CRASH_LINE}\\s+<- TypeScript`));
    await con.stop();
    q.kill();

    // a saved log, decoded later: with the image given, and by build id alone
    for (const args of [["--elf", path.relative(ROOT, images.crash.elf)], []]) {
      const r = await rumpsdk(["decode", ...args, log]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("decoded panic: #GP general protection");
      expect(r.stdout).toContain(`crashed in TypeScript at test/console/crash/main.ts:${CRASH_LINE} (readCalibration)`);
    }
    // the wrong image is named as such
    const wrong = await rumpsdk(["decode", "--elf", path.relative(ROOT, images.shellapp.elf), log]);
    expect(wrong.stdout).toMatch(/warning: .* has build id [0-9a-f]+, the report says/);
  });

  it("rumpsdk run --serial=pty: the console attached to QEMU, exit code 127 and the decoded crash", async () => {
    const r = await rumpsdk(["run", "test/console/crash", "--board=qemu-x86", "--accel=tcg", "--timeout=120", "--serial=pty"]);
    expect(r.code).toBe(127);
    expect(r.stdout).toMatch(/^rumpsdk: booting on qemu-x86 .*accelerator TCG/);
    expect(r.stdout).toMatch(/serial console on \/dev\/pts\/\d+/);
    expect(r.stdout).toContain("crash: reading the calibration register");
    expect(r.stdout).toContain("=== END PANIC ===");
    expect(r.stdout).toContain(`crashed in TypeScript at test/console/crash/main.ts:${CRASH_LINE} (readCalibration)`);
    expect(r.stderr).toContain("the firmware panicked");
  });
});

describe("rumpsdk console: bad input", () => {
  it("a port that does not exist", async () => {
    const r = await rumpsdk(["console", "--port", "/dev/ttyUSB97"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/\/dev\/ttyUSB97: no such serial port/);
    expect(r.stderr).toMatch(/--wait/);
  });

  it("a port another program holds", async () => {
    const q = await qemu(images.shellapp.image);
    const holder = new SerialPort({ path: q.pty, baudRate: 115200, autoOpen: false, lock: true });
    await new Promise<void>((res, rej) => holder.open((e) => (e ? rej(e) : res())));
    try {
      const r = await rumpsdk(["console", "--port", q.pty]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/is in use by another program/);
    } finally {
      await new Promise<void>((res) => holder.close(() => res()));
      q.kill();
    }
  });

  it("an unsupported baud rate", async () => {
    const r = await rumpsdk(["console", "--port", "/dev/null", "--baud", "12345"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unsupported baud rate "12345"/);
    expect(r.stderr).toMatch(/115200/);
  });

  it("no port given: lists the ports and asks", async () => {
    const r = await rumpsdk(["console"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/which serial port\?/);
    expect(r.stderr).toMatch(/--port PATH/);
  });

  it("decode without a report in the input", async () => {
    const f = path.join(tmp, "plain.log");
    writeFileSync(f, "hello\nno panic here\n");
    const r = await rumpsdk(["decode", f]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no panic report in the input/);
  });
});
