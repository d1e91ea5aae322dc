// The netbsd kernel flavor's checks that need no NetBSD components (they run in CI): the options and
// rumpsdk.json keys, and the component folder refused before anything links when it is missing, lacks
// an archive, holds something that is not an archive, or holds objects for another CPU.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NETBSD_COMPONENTS } from "../../toolchain/netbsd.ts";
import { rumpsdk } from "../lib/sdk.ts";

let tmp: string;

/** a folder holding every standard component archive, each made of `obj` */
function componentDir(name: string, obj: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const c of NETBSD_COMPONENTS) execFileSync("ar", ["rcs", path.join(dir, `lib${c}.a`), obj]);
  return dir;
}

/** an application folder with this rumpsdk.json */
function app(name: string, config: object): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "main.ts"), 'console.log("hi");\n');
  writeFileSync(path.join(dir, "rumpsdk.json"), JSON.stringify(config));
  return dir;
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-netbsd-"));
  writeFileSync(path.join(tmp, "x.c"), "int rump_fake(void) { return 1; }\n");
  execFileSync("gcc", ["-m32", "-c", path.join(tmp, "x.c"), "-o", path.join(tmp, "x32.o")]);
  execFileSync("gcc", ["-c", path.join(tmp, "x.c"), "-o", path.join(tmp, "x64.o")]);
});
afterAll(() => {
  execFileSync("rm", ["-rf", tmp]);
});

describe("--kernel / --rumpkernel", () => {
  it("refuses an unknown flavor, naming the choices", async () => {
    const r = await rumpsdk(["build", "examples/hello", "--kernel=linux"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--kernel: unknown kernel flavor "linux"/);
    expect(r.stderr).toMatch(/lwip, netbsd/);
  });

  it("asks for the component folder, and refuses a folder that does not exist", async () => {
    let r = await rumpsdk(["build", "examples/hello", "--kernel=netbsd"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/needs NetBSD's rump kernel components/);
    expect(r.stderr).toMatch(/--rumpkernel=DIR/);
    r = await rumpsdk(["build", "examples/hello", "--kernel=netbsd", `--rumpkernel=${tmp}/nowhere`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`component folder ${tmp}/nowhere does not exist`));
  });

  it("names the first missing archive", async () => {
    const dir = path.join(tmp, "empty");
    mkdirSync(dir, { recursive: true });
    const r = await rumpsdk(["build", "examples/hello", "--kernel=netbsd", `--rumpkernel=${dir}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${dir}/librumpdev_virtio_if_vioif\\.a is missing`));
  });

  it("refuses an archive for another CPU, naming the file, the member and what the board needs", async () => {
    const dir = componentDir("i386", path.join(tmp, "x32.o"));
    const r = await rumpsdk(["build", "examples/hello", "--kernel=netbsd", `--rumpkernel=${dir}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${dir}/librumpdev_virtio_if_vioif\\.a: member x32\\.o is for i386 \\(ELF32\\), but board qemu-x86 needs x86-64`));
  });

  it("refuses a file that is not an archive", async () => {
    const dir = componentDir("notar", path.join(tmp, "x64.o"));
    writeFileSync(path.join(dir, "librump.a"), "not an archive\n");
    const r = await rumpsdk(["build", "examples/hello", "--kernel=netbsd", `--rumpkernel=${dir}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${dir}/librump\\.a is not an ar archive`));
  });

  it("is for firmware boards only, and --rumpkernel needs --kernel=netbsd", async () => {
    let r = await rumpsdk(["build", "examples/hello", "--board=host", "--kernel=netbsd", `--rumpkernel=${tmp}`]);
    expect(r.stderr).toMatch(/netbsd kernel flavor is for firmware boards/);
    r = await rumpsdk(["build", "examples/hello", `--rumpkernel=${tmp}`]);
    expect(r.stderr).toMatch(/--rumpkernel is for the netbsd kernel flavor/);
  });
});

describe("rumpsdk.json: kernel, rumpkernel, components", () => {
  it("refuses an unknown flavor and a bad components list", async () => {
    let r = await rumpsdk(["build", app("badkernel", { kernel: "bsd" })]);
    expect(r.stderr).toMatch(/rumpsdk\.json: kernel: unknown kernel flavor "bsd"/);
    r = await rumpsdk(["build", app("badcomps", { kernel: "netbsd", components: "rumpnet_bpf" })]);
    expect(r.stderr).toMatch(/"components" must be a list of names/);
    r = await rumpsdk(["build", app("lwipcomps", { kernel: "lwip", components: ["rumpnet_bpf"] })]);
    expect(r.stderr).toMatch(/"components" are for the netbsd kernel flavor/);
  });

  it("resolves rumpkernel against the application's folder and checks extra components", async () => {
    let r = await rumpsdk(["build", app("relative", { kernel: "netbsd", rumpkernel: "../nowhere" })]);
    expect(r.stderr).toMatch(new RegExp(`component folder ${tmp}/nowhere does not exist`));
    componentDir("good", path.join(tmp, "x64.o"));
    r = await rumpsdk(["build", app("extra", { kernel: "netbsd", rumpkernel: "../good", components: ["rumpnet_bpf"] })]);
    expect(r.stderr).toMatch(new RegExp(`${tmp}/good/librumpnet_bpf\\.a is missing`));
    r = await rumpsdk(["build", app("badname", { kernel: "netbsd", rumpkernel: "../good", components: ["../evil"] })]);
    expect(r.stderr).toMatch(/"\.\.\/evil" is not a rump kernel component name/);
  });

  it("the command line's --kernel wins over the application's", async () => {
    const r = await rumpsdk(["build", app("override", { kernel: "netbsd" }), "--kernel=lwip", "--board=host", "-q"]);
    expect(r.code, r.stderr).toBe(0);
  });
});
