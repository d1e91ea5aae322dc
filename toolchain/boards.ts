// Boards are data: boards/NAME/board.json, inheriting keys from the folder named by "inherits".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { UserError } from "./errors.ts";
import { sdkPath } from "./paths.ts";

export interface Board {
  name: string;
  description: string;
  arch: "x86_64" | "armv7m" | "host";
  abstract?: boolean;
  /** folders of the inheritance chain, base first; sources and ldscript resolve against them */
  dirs: string[];
  cc: { prefix?: string; cflags: string[]; ldflags: string[] };
  sources: { dir: string; pattern: string }[];
  ldscript?: string;
  image: "multiboot" | "uefi-gpt" | "raw" | "host";
  memory: { ram: number; flash?: number; heap?: number };
  /** the serial console: UART, its I/O address, baud rate (8N1), and the USB serial adapters usually
   *  wired to it (`rumpsdk console` picks one when exactly one is plugged in), e.g. FTDI 0403:6001 */
  console?: { device: string; io?: string; baud: number; usb?: { vid: string; pid: string; name?: string }[] };
  /** firmware: UEFI boards boot OVMF (read-only code, a fresh copy of the variable store per run);
   *  nic: the NIC model `run --net` defaults to on this board */
  qemu?: { binary: string; machine?: string; memory?: string; args: string[]; firmware?: { code: string; vars: string }; nic?: string;
    /** how the firmware's exit code leaves QEMU: isa-debug-exit (x86, the default; status (code << 1) | 1) or
     *  semihosting (ARM SYS_EXIT_EXTENDED; status = code) */
    exit?: "isa-debug-exit" | "semihosting" };
  drivers: string[];
  /** devices on the board's own bus (not found by a PCI scan), in unit order per driver: the driver (a folder
   *  of drivers/, which must be in "drivers"), its register window and its interrupt line (none: omitted) */
  devices: BoardDevice[];
  /** the sensor chips on the board's I2C buses, for rumpsdk/sensors boardSensors(): the driver (a module of
   *  drivers/sensors/), the bus ("/dev/iic3") and the 7-bit address ("0x48") */
  sensors: BoardSensor[];
  params: Record<string, string>;
  /** lwIP sizes for the lwip kernel on this board (MEM_SIZE, PBUF_POOL_SIZE); unset: lwipopts.h's defaults */
  lwip?: Record<string, number>;
}

export interface BoardDevice { driver: string; reg: string; size: string; irq?: number }
export interface BoardSensor { driver: string; bus: string; addr: string }

const BOARDS_DIR = sdkPath("boards");

function readJson(file: string): Record<string, any> {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as Error).message}`, "Fix the board description (it must be valid JSON).");
  }
}

function loadRaw(name: string, seen: string[] = []): Board {
  const dir = path.join(BOARDS_DIR, name);
  const file = path.join(dir, "board.json");
  if (!existsSync(file)) throw unknownBoard(name);
  if (seen.includes(name)) throw new UserError(`board ${name} inherits from itself (${[...seen, name].join(" -> ")})`);
  const own = readJson(file);
  const base: Board = own.inherits
    ? loadRaw(own.inherits, [...seen, name])
    : { name, description: "", arch: "x86_64", dirs: [], cc: { cflags: [], ldflags: [] }, sources: [], image: "raw",
        memory: { ram: 0 }, drivers: [], devices: [], sensors: [], params: {} };
  return {
    ...base,
    ...Object.fromEntries(Object.entries(own).filter(([k]) => !["inherits", "cc", "sources", "ldscript", "drivers", "devices", "sensors", "params", "memory", "abstract"].includes(k))),
    name,
    abstract: own.abstract === true,
    dirs: [...base.dirs, dir],
    cc: {
      prefix: own.cc?.prefix ?? base.cc.prefix,
      cflags: [...base.cc.cflags, ...(own.cc?.cflags ?? [])],
      ldflags: [...base.cc.ldflags, ...(own.cc?.ldflags ?? [])],
    },
    sources: [...base.sources, ...((own.sources ?? []) as string[]).map((pattern) => ({ dir, pattern }))],
    ldscript: own.ldscript ? path.join(dir, own.ldscript) : base.ldscript,
    drivers: [...base.drivers, ...(own.drivers ?? [])],
    devices: [...base.devices, ...(own.devices ?? [])],
    sensors: [...base.sensors, ...(own.sensors ?? [])],
    params: { ...base.params, ...(own.params ?? {}) },
    memory: { ...base.memory, ...(own.memory ?? {}) },
    qemu: own.qemu ? { ...base.qemu, ...own.qemu, args: [...(base.qemu?.args ?? []), ...(own.qemu.args ?? [])] } : base.qemu,
  } as Board;
}

/** The boards a user can build for (abstract CPU-family folders excluded), sorted by name. */
export function listBoards(): Board[] {
  return readdirSync(BOARDS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(BOARDS_DIR, d.name, "board.json")))
    .map((d) => loadRaw(d.name))
    .filter((b) => !b.abstract)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function unknownBoard(name: string): UserError {
  const known = listBoards().map((b) => b.name);
  return new UserError(`unknown board "${name}"`, `Known boards: ${known.join(", ")}.\nUse --board=NAME with one of them (\`rumpsdk boards\` describes each).`);
}

export function loadBoard(name: string): Board {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) throw unknownBoard(name);
  const b = loadRaw(name);
  if (b.abstract) throw unknownBoard(name);
  return b;
}
