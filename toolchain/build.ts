// The build pipeline: main.ts --compiler--> C --cc--> objects of layers 1-6 --ld--> image.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Board } from "./boards.ts";
import { compileAll, compilerIncludeDir, headersHash, objectPath, runSync, type CompileJob } from "./cc.ts";
import { loadAppConfig } from "./appconfig.ts";
import { keepByBuildId } from "./decode.ts";
import { UserError } from "./errors.ts";
import { checkFootprint, measureFootprint, type Footprint, type FootprintRow } from "./footprint.ts";
import { lwipSources } from "./kernel.ts";
import { netbsdArchives, type KernelFlavor } from "./netbsd.ts";
import { SDK_ROOT, sdkPath } from "./paths.ts";

export interface BuildOptions {
  input: string; // app folder, main.ts, or a C file (test programs of the lower layers)
  board: Board;
  output?: string;
  quiet?: boolean;
  heapSize?: number;
  /** the application's C when the caller compiled it already (compileMany shares one type checker) */
  compiled?: { c: string };
  /** the kernel flavor (default: the application's "kernel", else lwip) */
  kernel?: KernelFlavor;
  /** netbsd flavor: the folder of NetBSD's rump kernel component archives (default: the application's "rumpkernel") */
  rumpkernel?: string;
  /** a release build: without the debug shell that debug builds (the default) add on firmware boards */
  release?: boolean;
}

export interface BuildResult {
  image: string; // what boots (QEMU -kernel file, disk image, or host executable)
  elf: string; // the linked ELF with symbols
  size: { text: number; data: number; bss: number };
  upToDate: boolean;
  /** the GNU build id of the ELF (hex; firmware boards), kept as build/ids/<id>.elf for crash decoding */
  buildId: string | null;
  /** the debug shell (rumpsdk/shell) is linked in by the build (debug build of a firmware application) */
  shell: boolean;
  /** flash and RAM per layer and against the board's memory (firmware boards; toolchain/footprint.ts) */
  footprint: Footprint | null;
}

interface Layer {
  name: string;
  sources: string[];
  includes: string[];
  hosted?: boolean; // compiled against the host's C library (board "host" only)
  privateDirs?: string[]; // folders whose own headers the sources include by relative path (part of the cache key)
}

const inc = (l: string) => sdkPath("sdk", l, "include");
const INCLUDES = {
  core: [inc("core")],
  rumpuser: [inc("core"), inc("rumpuser")],
  kernel: [inc("rumpuser"), inc("kernel")],
  base: [inc("base")],
  runtime: [inc("base"), inc("rumpuser"), inc("kernel"), inc("runtime")],
};

function glob(dir: string, pattern: string): string[] {
  if (!existsSync(dir)) return [];
  const re = new RegExp("^" + pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$");
  return readdirSync(dir).filter((f) => re.test(f) && statSync(path.join(dir, f)).isFile()).sort().map((f) => path.join(dir, f));
}
const cfiles = (dir: string) => [...glob(dir, "*.c"), ...glob(dir, "*.S")];

/** The board's NIC/bus drivers (board.json "drivers": folders of drivers/), compiled as part of layer 4 with
 * the kernel's include rules plus drivers/include, and drivers/*.c (the PCI scan that attaches them). */
function driversLayer(board: Board): Layer[] {
  if (!board.drivers.length) return [];
  const dirs = board.drivers.map((d) => {
    const dir = sdkPath("drivers", d);
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(d) || !existsSync(dir)) {
      throw new UserError(`board ${board.name} names driver "${d}", which drivers/ does not have`, "Fix \"drivers\" in its board.json (see drivers/README.md).");
    }
    return dir;
  });
  return [{ name: "drivers", sources: [...cfiles(sdkPath("drivers")), ...dirs.flatMap(cfiles)], includes: [...INCLUDES.kernel, sdkPath("drivers/include")], privateDirs: dirs }];
}

/**
 * The kernel (layer 4, flavor "lwip"): the SDK's glue in sdk/kernel/lwip plus lwIP itself from the
 * cache that setup fills (toolchain/kernel.ts), with the SDK's lwipopts.h, arch/ and the few libc
 * headers lwIP includes (sdk/kernel/lwip/port/include). Only the hypercall and kernel headers
 * besides: lwIP sees nothing of core, base or the board.
 */
function kernelLayer(): Layer {
  const lwip = lwipSources();
  return {
    name: "kernel",
    sources: [...cfiles(sdkPath("sdk/kernel/lwip")), ...lwip.sources],
    includes: [...INCLUDES.kernel, sdkPath("sdk/kernel/lwip"), sdkPath("sdk/kernel/lwip/port/include"), lwip.include],
  };
}

/**
 * The kernel (layer 4, flavor "netbsd"): only the SDK's small glue in sdk/kernel/netbsd (console,
 * errno, interface configuration after rump_init); NetBSD's own components are archives added at the
 * link (toolchain/netbsd.ts) and bring their own drivers, so neither lwIP nor drivers/ is compiled.
 */
function netbsdGlueLayer(): Layer {
  return { name: "kernel-netbsd", sources: cfiles(sdkPath("sdk/kernel/netbsd")), includes: [...INCLUDES.kernel, sdkPath("sdk/kernel/netbsd")] };
}

/** Layers 1-5 of an image for this board and kernel flavor, bottom up. */
export function layersFor(board: Board, kernel: KernelFlavor = "lwip"): Layer[] {
  if (board.arch === "host") {
    return [
      { name: "rumpuser", sources: [...cfiles(sdkPath("sdk/rumpuser/posix")), sdkPath("sdk/rumpuser/upcalls.c")], includes: [inc("rumpuser"), sdkPath("sdk/rumpuser/posix")], hosted: true },
      kernelLayer(),
      { name: "base", sources: cfiles(sdkPath("sdk/base")).filter((f) => !f.endsWith("ccsupport.c")), includes: [...INCLUDES.base, sdkPath("sdk/base")] },
      { name: "runtime", sources: cfiles(sdkPath("sdk/runtime")), includes: [...INCLUDES.runtime, sdkPath("sdk/runtime")] },
    ];
  }
  return [
    { name: "platform", sources: board.sources.flatMap((s) => glob(s.dir, s.pattern)), includes: [...INCLUDES.core, ...board.dirs] },
    { name: "core", sources: cfiles(sdkPath("sdk/core")), includes: [...INCLUDES.core, sdkPath("sdk/core")] },
    { name: "rumpuser", sources: cfiles(sdkPath("sdk/rumpuser")), includes: [...INCLUDES.rumpuser, sdkPath("sdk/rumpuser")] },
    ...(kernel === "netbsd" ? [netbsdGlueLayer()] : [kernelLayer(), ...driversLayer(board)]),
    { name: "base", sources: [...cfiles(sdkPath("sdk/base")), ...cfiles(sdkPath("sdk/base/arch", board.arch))], includes: [...INCLUDES.base, sdkPath("sdk/base")] },
    { name: "runtime", sources: cfiles(sdkPath("sdk/runtime")), includes: [...INCLUDES.runtime, sdkPath("sdk/runtime")] },
  ];
}

function cc(board: Board) {
  return board.arch === "host" ? "gcc" : `${board.cc.prefix ?? ""}gcc`;
}

/** The runtime is mostly cold code (built-in methods, console formatting, initialization): it is
 *  compiled for size, except the files on the hot paths of compiled programs (allocation and GC,
 *  property lookup). Generated application code stays -O2 (its hot helpers are inline in rt/*.h). */
const RUNTIME_HOT = new Set(["gc.c", "object.c"]);
function optFor(layer: Layer, src?: string): string {
  return layer.name === "runtime" && src && !RUNTIME_HOT.has(path.basename(src)) ? "-Os" : "-O2";
}

/** The console UART of board.json "console" ({ "io": "0x3f8", "baud": 115200 }) for the platform layer. */
function consoleDefines(board: Board): string[] {
  const c = board.console;
  if (!c) return [];
  if ((c.io !== undefined && !/^(0x[0-9a-fA-F]+|\d+)$/.test(c.io)) || !(Number.isInteger(c.baud) && c.baud > 0 && 115200 % c.baud === 0)) {
    throw new UserError(`board ${board.name}: bad "console" ${JSON.stringify(c)}`, "Give \"io\" as a port number (e.g. \"0x3f8\") and \"baud\" as a divisor of 115200 (e.g. 115200, 57600, 9600).");
  }
  return [...(c.io !== undefined ? [`-DBOARD_CONSOLE_IO=${c.io}`] : []), `-DBOARD_CONSOLE_BAUD=${c.baud}`];
}

/** The lwIP sizes a board may choose (board.json "lwip", e.g. { "MEM_SIZE": 65536 }): lwipopts.h keeps its
 *  defaults for them under #ifndef, so a board with little RAM shrinks the kernel's static pools. */
const LWIP_BOARD_OPTIONS = ["MEM_SIZE", "PBUF_POOL_SIZE"];
function lwipDefines(board: Board): string[] {
  return Object.entries(board.lwip ?? {}).map(([k, v]) => {
    if (!LWIP_BOARD_OPTIONS.includes(k) || !(Number.isInteger(v) && v > 0)) {
      throw new UserError(`board ${board.name}: bad "lwip" option ${k}: ${JSON.stringify(v)}`,
        `A board may set ${LWIP_BOARD_OPTIONS.join(" and ")}, each a positive integer (see sdk/kernel/lwip/README.md).`);
    }
    return `-D${k}=${v}`;
  });
}

function flagsFor(board: Board, layer: Layer, defines: string[], src?: string): string[] {
  const common = ["-std=c11", optFor(layer, src), "-g", "-Wall", "-Werror", ...defines, ...(layer.name === "platform" ? consoleDefines(board) : []),
    ...(layer.name === "kernel" ? lwipDefines(board) : []),
    ...layer.includes.map((d) => `-I${d}`)];
  if (layer.hosted) return [...common.map((f) => (f === "-std=c11" ? "-std=gnu11" : f)), "-D_GNU_SOURCE", "-pthread"];
  const freestanding = ["-ffreestanding", "-nostdinc", "-isystem", compilerIncludeDir(cc(board)), "-fno-stack-protector",
    "-fno-omit-frame-pointer", "-fno-asynchronous-unwind-tables"];
  return [...common, ...freestanding, ...(board.arch === "host" ? [] : board.cc.cflags)];
}

const say = (quiet: boolean | undefined, msg: string) => { if (!quiet) process.stdout.write(msg + "\n"); };

/** Fingerprint of every input of the image: the SDK's sources, the board, the app and the options. */
function fingerprint(opts: BuildOptions, appFiles: string[], archives: string[]): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) if (e !== "node_modules" && e !== "build") walk(path.join(p, e));
    } else if (/\.(c|h|S|ts|json|ld)$/.test(p)) h.update(p + "\0" + readFileSync(p));
  };
  for (const d of ["sdk", "toolchain", "boards", "drivers"]) walk(sdkPath(d));
  for (const f of appFiles) walk(f);
  for (const a of archives) { const st = statSync(a); h.update(`${a}\0${st.size}\0${st.mtimeMs}`); }
  h.update(JSON.stringify({ board: opts.board, heap: opts.heapSize, c: opts.compiled?.c, kernel: opts.kernel, release: opts.release === true }));
  return h.digest("hex");
}

export function resolveInput(input: string): { kind: "ts" | "c"; file: string; name: string; dir: string } {
  const abs = path.resolve(input);
  if (!existsSync(abs)) throw new UserError(`${input}: no such file or folder`, "Give an application folder holding main.ts, or the path of a main.ts.");
  if (statSync(abs).isDirectory()) {
    const main = path.join(abs, "main.ts");
    if (!existsSync(main)) throw new UserError(`${input} has no main.ts`, "An application folder holds main.ts (see examples/hello).");
    return { kind: "ts", file: main, name: path.basename(abs), dir: abs };
  }
  // an application's main.ts is named after its folder; any other .ts file after itself
  if (abs.endsWith(".ts")) {
    const name = path.basename(abs) === "main.ts" ? path.basename(path.dirname(abs)) : path.basename(abs, ".ts");
    return { kind: "ts", file: abs, name, dir: path.dirname(abs) };
  }
  if (abs.endsWith(".c")) return { kind: "c", file: abs, name: path.basename(abs, ".c"), dir: path.dirname(abs) };
  throw new UserError(`${input}: not a TypeScript application`, "Give an application folder holding main.ts, or the path of a main.ts.");
}

function tsFilesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !(e.parentPath ?? "").includes("node_modules") && !(e.parentPath ?? "").includes(`${path.sep}build`))
    .map((e) => path.join(e.parentPath ?? dir, e.name));
}

/** The board's own devices as parameters the drivers look up with rumpuser_getparam (drivers/board-attach.c):
 *  "rumpsdk.dev.DRIVER.UNIT" = "REG SIZE IRQ" (IRQ -1: none). */
function deviceParams(board: Board): Record<string, string> {
  const units: Record<string, number> = {};
  return Object.fromEntries(board.devices.map((d) => {
    if (!board.drivers.includes(d.driver))
      throw new UserError(`board ${board.name} has a "${d.driver}" device, but "${d.driver}" is not in its "drivers"`, "Add the driver to \"drivers\" in its board.json (see drivers/README.md).");
    const unit = (units[d.driver] = (units[d.driver] ?? -1) + 1);
    return [`rumpsdk.dev.${d.driver}.${unit}`, `${d.reg} ${d.size} ${d.irq ?? -1}`];
  }));
}

/** The board's sensor chips (board.json "sensors") as the parameter "rumpsdk.sensors" that boardSensors()
 *  (sdk/api/sensors.ts) reads: "DRIVER BUS ADDR" entries separated by ";". None: no parameter. */
function sensorParams(board: Board): Record<string, string> {
  if (!board.sensors.length) return {};
  const entries = board.sensors.map((s) => {
    if (!/^[a-z0-9]+$/.test(s.driver ?? "") || !existsSync(sdkPath("drivers/sensors", `${s.driver}.ts`)))
      throw new UserError(`board ${board.name} has a sensor with driver "${s.driver}", which drivers/sensors does not have`, "Fix \"sensors\" in its board.json: \"driver\" names a module of drivers/sensors (tmp105, dps310).");
    if (!/^\/dev\/[a-z0-9]+$/.test(s.bus ?? "") || !/^0x[0-7][0-9a-fA-F]$/.test(s.addr ?? ""))
      throw new UserError(`board ${board.name}: bad sensor ${JSON.stringify(s)}`, "Give \"bus\" as a device node (\"/dev/iic3\") and \"addr\" as a 7-bit address in hex (\"0x48\").");
    return `${s.driver} ${s.bus} ${s.addr}`;
  });
  return { "rumpsdk.sensors": entries.join(";") };
}

function paramsSource(board: Board, appParams: Record<string, string>): string {
  const q = (s: string) => JSON.stringify(s);
  const rows = Object.entries({ ...deviceParams(board), ...sensorParams(board), ...board.params, ...appParams }).map(([k, v]) => `\t{ ${q(k)}, ${q(String(v))} },`).join("\n");
  return `/* generated by rumpsdk build: parameters of board ${board.name} */\n#include <core/core.h>\n` +
    `const struct core_param core_params[] = {\n${rows}\n\t{ 0, 0 },\n};\n`;
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const { board } = opts;
  const app = resolveInput(opts.input);
  // the kernel flavor: the option, else the application's configuration, else lwip
  const config = loadAppConfig(app.dir);
  const kernel: KernelFlavor = opts.kernel ?? config.kernel ?? "lwip";
  if (kernel === "netbsd" && board.arch === "host") {
    throw new UserError("the netbsd kernel flavor is for firmware boards", "NetBSD's rump kernel components are linked freestanding: use --board=qemu-x86 (or build for the host with the default lwip kernel).");
  }
  if (kernel !== "netbsd" && opts.rumpkernel) {
    throw new UserError("--rumpkernel is for the netbsd kernel flavor", "Add --kernel=netbsd (or \"kernel\": \"netbsd\" in rumpsdk.json).");
  }
  const archives = kernel === "netbsd" ? netbsdArchives(opts.rumpkernel ? path.resolve(opts.rumpkernel) : config.rumpkernel, config.components, board) : [];
  const outDir = opts.output ? path.dirname(path.resolve(opts.output)) : path.join(app.dir, "build", kernel === "lwip" ? board.name : `${board.name}-${kernel}`);
  const image = opts.output ? path.resolve(opts.output) : path.join(outDir, board.arch === "host" ? app.name : `${app.name}.img`);
  const elf = board.arch === "host" ? image : image.replace(/\.img$/, "") + ".elf";
  const work = path.join(outDir, `${path.basename(image)}.work`);
  mkdirSync(work, { recursive: true });
  const stampFile = path.join(work, "stamp");
  const stamp = fingerprint({ ...opts, kernel }, [...(app.kind === "ts" ? tsFilesOf(app.dir) : [app.file]), path.join(app.dir, "rumpsdk.json")], archives);
  // debug builds of TypeScript firmware get the on-device debug shell (sdk/api/shell.ts)
  const shell = app.kind === "ts" && board.arch !== "host" && !opts.release && !opts.compiled;
  const keep = () => (board.arch === "host" ? null : keepByBuildId(elf));
  const heapSize = opts.heapSize ?? config.heap ?? board.memory.heap ?? 4 * 1024 * 1024;
  const cacheRoot = sdkPath("build", "cache", board.name);
  const stack = mainStack({ ...board.params, ...config.params }, config.params);
  const footprint = () => board.arch === "host" ? null : measureFootprint({
    board, elf, map: path.join(work, "link.map"),
    rowOf: (file) => rowOf(file, cacheRoot, work, archives),
    heap: app.kind === "ts" ? { bytes: heapSize, from: opts.heapSize ? "the build's heapSize option" : config.heap ? "\"heap\" in rumpsdk.json"
      : board.memory.heap ? "board.json \"memory\": \"heap\"" : "the SDK's default" } : undefined,
    mainStack: stack,
  });
  if (existsSync(image) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    return { image, elf, size: elfSize(board, elf), upToDate: true, buildId: keep(), shell, footprint: footprint() };
  }
  const steps = 5;
  let step = 0;
  const progress = (msg: string) => say(opts.quiet, `[${++step}/${steps}] ${msg}`);

  // 1. TypeScript -> C
  let appC = app.file;
  if (app.kind === "ts") {
    progress(`type-check and compile ${path.relative(process.cwd(), app.file) || app.file} to C`);
    const { compile } = await import("./compiler/index.ts");
    const r = opts.compiled ? { c: opts.compiled.c, diagnostics: [] } : compile({ entry: shell ? shellEntry(work, app.file) : app.file, sdkRoot: SDK_ROOT });
    if (r.diagnostics.length) {
      const lines = r.diagnostics.map((d) => `${path.relative(process.cwd(), d.file) || d.file}:${d.line}:${d.col}: error: ${d.message}`);
      throw new UserError(`the application does not compile:\n${lines.join("\n")}`, "Fix the errors above (file:line:col), then build again.");
    }
    appC = path.join(work, "app.c");
    writeFileSync(appC, r.c);
  } else {
    progress(`C application ${path.relative(process.cwd(), app.file)}`);
  }

  // 2-3. compile the layers (cached) and the application
  const defines = [`-DRT_HEAP_SIZE=${heapSize}`];
  // a C application (test programs of the lower layers) brings its own main: no runtime under it
  const layers = layersFor(board, kernel).filter((l) => app.kind === "ts" || l.name !== "runtime");
  const jobs: (CompileJob & { layer: string })[] = [];
  const compiler = cc(board);
  const addJob = (layer: Layer, src: string, cacheDir: string) => {
    const flags = flagsFor(board, layer, defines, src);
    const depsHash = headersHash([...layer.includes, ...(layer.privateDirs ?? [])]);
    jobs.push({ layer: layer.name, src, cc: compiler, flags, depsHash, obj: objectPath(cacheDir, src, compiler, flags, depsHash) });
  };
  if (board.arch !== "host") {
    writeFileSync(path.join(work, "params.c"), paramsSource(board, config.params));
  }
  for (const layer of layers) {
    const srcs = layer.name === "platform" ? [...layer.sources, path.join(work, "params.c")] : layer.sources;
    for (const src of srcs) addJob(layer, src, path.join(cacheRoot, layer.name));
  }
  const appLayer: Layer = {
    name: "application",
    sources: [appC],
    includes: app.kind === "c" ? [...new Set([...INCLUDES.core, ...INCLUDES.runtime])] : INCLUDES.runtime,
  };
  addJob(appLayer, appC, path.join(work, "obj"));
  progress(`compile layers 1-5 and the application for ${board.name} (${jobs.length} files)`);
  const compiled = await compileAll(jobs, (j) => `${path.relative(SDK_ROOT, j.src)} (${(j as any).layer})`);
  say(opts.quiet, `      ${compiled} compiled, ${jobs.length - compiled} from cache`);

  // 4. link
  progress(`link ${path.relative(process.cwd(), elf)}`);
  const objs = jobs.map((j) => j.obj);
  if (board.arch === "host") {
    runSync("gcc", ["-o", elf, ...objs, "-pthread", "-lm"], "linking", "This is a bug in the SDK's layers; report it with the output above.");
  } else {
    if (!board.ldscript) throw new UserError(`board ${board.name} names no linker script`, "Add \"ldscript\" to its board.json.");
    const libgcc = runSync(compiler, [...board.cc.cflags, "-print-libgcc-file-name"], "finding libgcc", "Install gcc.").trim();
    // netbsd flavor: the glue wraps rump_init (to configure the interface after it) and
    // rumpuser_seterrno (to keep the errno the SDK reads); the component archives are linked whole
    const rump = archives.length
      ? ["--wrap=rump_init", "--wrap=rumpuser_seterrno", "--start-group", "--whole-archive", ...archives, "--no-whole-archive", "--end-group"]
      : [];
    // a board's linker script may set the main thread's stack aside (x86_64/link.ld: below the image);
    // room for the "rumpsdk.main_stack" parameter plus core's thread record above the stack
    runSync(`${board.cc.prefix ?? ""}ld`, ["-nostdlib", "-static", "--build-id", "-z", "max-page-size=4096", ...board.cc.ldflags,
      `--defsym=__main_stack_reserve=${stack.bytes + 4096}`,
      ...board.dirs.flatMap((d) => ["-L", d]), "-T", board.ldscript, "-o", elf, ...objs, ...rump, libgcc, "-Map", path.join(work, "link.map")],
      "linking", archives.length
        ? "An undefined symbol means a layer is missing a function, or the rump kernel components need one more component (add it to \"components\" in rumpsdk.json); see the message above."
        : "An undefined symbol means a layer is missing a function; see the message above.");
  }

  // 5. image
  progress(`make the ${board.image} image`);
  if (board.image === "multiboot") {
    runSync(`${board.cc.prefix ?? ""}objcopy`, ["-O", "elf32-i386", elf, image], "making the multiboot image", "Install binutils.");
  } else if (board.image === "raw") {
    // the loadable bytes from the lowest load address up (QEMU -kernel loads a non-ELF file at address 0)
    runSync(`${board.cc.prefix ?? ""}objcopy`, ["-O", "binary", elf, image], "making the raw image", "Install binutils (for a cross board: its binutils, e.g. binutils-arm-none-eabi).");
  } else if (board.image === "uefi-gpt") {
    const { makeUefiImage } = await import("./efi.ts");
    const u = makeUefiImage(board, elf, image, config.params);
    say(opts.quiet, `      ${path.basename(u.efi)} ${u.efiBytes} bytes (${u.relocations} relocations applied at entry); ` +
      `disk ${u.diskBytes} bytes: GPT + FAT${u.layout.fat} ESP of ${u.layout.sectors} sectors (${u.layout.clusterSectors}-sector clusters)`);
  }
  const size = elfSize(board, elf);
  // too big for the board: fail with the table (the stamp stays old, so the next build checks again)
  const fp = footprint();
  if (fp) checkFootprint(fp);
  writeFileSync(stampFile, stamp);
  return { image, elf, size, upToDate: false, buildId: keep(), shell, footprint: fp };
}

/** The footprint row of a file the linker's map names: the layer of a cached object (build/cache/BOARD/LAYER/),
 *  the application's objects (the build's work folder), the netbsd flavor's component archives, libgcc. */
function rowOf(file: string, cacheRoot: string, work: string, archives: string[]): FootprintRow {
  if (file.startsWith(cacheRoot + path.sep)) {
    const layer = path.relative(cacheRoot, file).split(path.sep)[0];
    if (layer === "runtime" || layer === "base") return "runtime + base";
    if (layer === "kernel-netbsd") return "kernel";
    if (layer === "platform" || layer === "core" || layer === "rumpuser" || layer === "kernel" || layer === "drivers") return layer;
  }
  if (file.startsWith(work + path.sep)) return "application";
  if (archives.some((a) => file.startsWith(`${a}(`))) return "kernel";
  if (/libgcc\.a\(/.test(file)) return "libgcc";
  return "platform"; // linker-made sections (stubs), laid out by the board's linker script
}

/** The main thread's stack as core sizes it (sdk/core/core.c: parameter "rumpsdk.main_stack", decimal bytes,
 *  at least 16 KiB, else its MAIN_STACK of 1 MiB). */
function mainStack(params: Record<string, string>, appParams: Record<string, string>): { bytes: number; from: string } {
  const v = params["rumpsdk.main_stack"];
  const n = /^\d+/.test(v ?? "") ? parseInt(v, 10) : 0;
  if (n < 16384) return { bytes: 1024 * 1024, from: "core's default" };
  return { bytes: n, from: `"rumpsdk.main_stack" in ${"rumpsdk.main_stack" in appParams ? "rumpsdk.json" : "board.json"} "params"` };
}

/** A debug build's entry: the application's main.ts, then the debug shell's module. The shell comes
 * second so that its set-up (and that of the modules it imports) does not delay the application's start;
 * it acts only in the event loop, which starts after both (an application that imports rumpsdk/shell
 * itself gets it first, as any import). */
function shellEntry(work: string, main: string): string {
  const entry = path.join(work, "entry.ts");
  const rel = path.relative(work, main).split(path.sep).join("/");
  writeFileSync(entry, `// generated by rumpsdk build (a debug build): the application, then the debug shell\n` +
    `import ${JSON.stringify(rel.startsWith(".") ? rel : "./" + rel)};\nimport "rumpsdk/shell";\n`);
  return entry;
}

export function elfSize(board: Board, elf: string): { text: number; data: number; bss: number } {
  const out = runSync(board.arch === "host" ? "size" : `${board.cc.prefix ?? ""}size`, [elf], "measuring the image", "Install binutils.");
  const [text, data, bss] = out.trim().split("\n")[1].trim().split(/\s+/).map(Number);
  return { text, data, bss };
}
