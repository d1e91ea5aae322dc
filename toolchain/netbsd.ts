// The kernel flavor "netbsd": the user's NetBSD rump kernel component archives (librump.a, ...), checked
// before the link so that a missing file or an archive built for another CPU gets one clear message.
// The SDK never builds or ships them: the user supplies a folder of them (README.md, "NetBSD's kernel").
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Board } from "./boards.ts";
import { UserError } from "./errors.ts";

export type KernelFlavor = "lwip" | "netbsd";
export const KERNEL_FLAVORS: KernelFlavor[] = ["lwip", "netbsd"];

/**
 * The components every netbsd-flavor image links, drivers first and the base (librump) last: an
 * archive may only use the ones after it. They are all linked whole (--whole-archive): components,
 * protocol domains, drivers and sysctl nodes register themselves through linker sets, which nothing
 * references by name. wm(4) needs the MII PHY drivers (rumpdev_miiphy). The SDK configures the
 * interface itself (sdk/kernel/netbsd), so a network-configuration component (librumpnet_config,
 * which some rump kernel distributions add) is not needed; list it in "components" to link it.
 */
export const NETBSD_COMPONENTS = [
  "rumpdev_virtio_if_vioif", "rumpdev_pci_if_wm", "rumpdev_miiphy", "rumpdev_pci_virtio", "rumpdev_pci", "rumpdev",
  "rumpnet_netinet", "rumpnet_net", "rumpnet", "rumpvfs", "rump",
];

/** "rumpnet_bpf", "librumpnet_bpf" or "librumpnet_bpf.a" -> "librumpnet_bpf.a" */
export function archiveName(component: string): string {
  const base = component.replace(/\.a$/, "").replace(/^lib/, "");
  if (!/^rump[a-z0-9_]*$/.test(base)) {
    throw new UserError(`"${component}" is not a rump kernel component name`, 'Name components like "rumpnet_bpf" (the archive librumpnet_bpf.a).');
  }
  return `lib${base}.a`;
}

/** ELF e_machine and class the board's CPU needs. */
function expectedElf(board: Board): { machine: number; cls: 1 | 2; what: string } {
  switch (board.arch) {
    case "x86_64": return { machine: 62, cls: 2, what: "x86-64 (ELF64, EM_X86_64)" };
    case "armv7m": return { machine: 40, cls: 1, what: "32-bit ARM (ELF32, EM_ARM)" };
    default: throw new UserError(`board ${board.name} cannot run NetBSD's rump kernel components`,
      "The netbsd kernel flavor is for firmware boards (e.g. --board=qemu-x86); the host board uses the default lwip kernel.");
  }
}

const MACHINES: Record<number, string> = { 3: "i386", 8: "MIPS", 20: "PowerPC", 21: "PowerPC64", 40: "ARM", 62: "x86-64", 183: "AArch64", 243: "RISC-V" };

/**
 * Checks that `file` is a System V / GNU `ar` archive whose ELF members are all for the board's CPU.
 * Returns the number of ELF members.
 */
export function checkArchive(file: string, board: Board): number {
  const want = expectedElf(board);
  const buf = readFileSync(file);
  const magic = buf.subarray(0, 8).toString("latin1");
  if (magic === "!<thin>\n") throw new UserError(`${file} is a thin archive (its members live elsewhere)`, "Give real archives: build the components without thin archives.");
  if (magic !== "!<arch>\n") throw new UserError(`${file} is not an ar archive`, `Expected a static library of rump kernel objects for ${want.what}.`);
  let longNames = "";
  let elves = 0;
  for (let off = 8; off + 60 <= buf.length; ) {
    const hdr = buf.subarray(off, off + 60).toString("latin1");
    const size = Number(hdr.slice(48, 58).trim());
    if (!Number.isFinite(size) || hdr.slice(58, 60) !== "`\n") throw new UserError(`${file} is a damaged ar archive (bad member header at byte ${off})`, "Rebuild the archive.");
    let rawName = hdr.slice(0, 16).trim();
    let data = buf.subarray(off + 60, off + 60 + size);
    if (/^#1\/\d+$/.test(rawName)) { // BSD ar: the name leads the data
      const n = Number(rawName.slice(3));
      rawName = data.subarray(0, n).toString("latin1").replace(/\0+$/, "");
      data = data.subarray(n);
    }
    if (rawName === "//") longNames = data.toString("latin1");
    else if (rawName !== "/" && rawName !== "/SYM64/" && data.length >= 20 && data.readUInt32BE(0) === 0x7f454c46) {
      const name = /^\/\d+$/.test(rawName) ? longNames.slice(Number(rawName.slice(1))).split("/\n")[0] : rawName.replace(/\/$/, "");
      const cls = data[4];
      const machine = data[5] === 2 ? data.readUInt16BE(18) : data.readUInt16LE(18);
      if (cls !== want.cls || machine !== want.machine) {
        const got = `${MACHINES[machine] ?? `machine ${machine}`} (ELF${cls === 1 ? 32 : 64})`;
        throw new UserError(`${file}: member ${name} is for ${got}, but board ${board.name} needs ${want.what}`,
          `Build the rump kernel components for the board's CPU (kernel-only, no libc) and give that folder with --rumpkernel.`);
      }
      elves++;
    }
    off += 60 + size + (size & 1);
  }
  if (elves === 0) throw new UserError(`${file} holds no ELF objects`, `Expected rump kernel objects for ${want.what}.`);
  return elves;
}

/**
 * The archives of the netbsd flavor, in link order: the standard components, then the extra ones the
 * application lists (placed before the standard ones, since they build on them). Each is checked.
 */
export function netbsdArchives(dir: string | undefined, extra: string[], board: Board): string[] {
  if (!dir) {
    throw new UserError("the netbsd kernel flavor needs NetBSD's rump kernel components",
      'Give their folder with --rumpkernel=DIR (or "rumpkernel" in rumpsdk.json); README.md ("NetBSD\'s kernel") lists what it must hold.');
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`rump kernel component folder ${dir} does not exist`, "Give the folder holding librump.a, librumpnet.a, ... with --rumpkernel=DIR.");
  }
  const names = [...extra.map(archiveName), ...NETBSD_COMPONENTS.map(archiveName)];
  const files = [...new Set(names)].map((n) => path.join(dir, n));
  for (const f of files) {
    if (!existsSync(f)) {
      throw new UserError(`${f} is missing`, `The netbsd kernel flavor links ${path.basename(f)} from the folder given with --rumpkernel; build that component (kernel-only, for ${board.arch}) or fix the folder.`);
    }
    checkArchive(f, board);
  }
  return files;
}
