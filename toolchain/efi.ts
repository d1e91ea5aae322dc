// The UEFI image step (board image "uefi-gpt"): the static-PIE ELF becomes a PE32+ EFI application
// (objcopy --target efi-app-x86_64), then a GPT disk image with the EFI System Partition
// (flash/image.ts) holding it as EFI/BOOT/BOOTX64.EFI beside rumpsdk.cfg.
import { readFileSync, writeFileSync } from "node:fs";
import { defaultConfig, makeDiskImage, type FatLayout } from "../flash/image.ts";
import type { Board } from "./boards.ts";
import { runSync } from "./cc.ts";
import { UserError } from "./errors.ts";

/** The ELF's dynamic relocations must all be R_X86_64_RELATIVE: efi_entry.S applies only those. */
function checkRelocations(prefix: string, elf: string): number {
  const out = runSync(`${prefix}readelf`, ["-r", "-W", elf], "reading the image's relocations", "Install binutils.");
  const types = [...out.matchAll(/^\s*[0-9a-f]+\s+[0-9a-f]+\s+(R_X86_64_\w+)/gm)].map((m) => m[1]);
  const bad = [...new Set(types.filter((t) => t !== "R_X86_64_RELATIVE" && t !== "R_X86_64_NONE"))];
  if (bad.length) {
    throw new UserError(`the UEFI image has relocations its entry cannot apply: ${bad.join(", ")}`,
      "Every layer must be compiled position-independent (-fpie) and link statically; an undefined weak symbol or a GOT entry for one is the usual cause.");
  }
  // efi_entry.S walks __rela_start..__rela_end: it must span every one of them
  const syms = runSync(`${prefix}nm`, [elf], "reading the image's symbols", "Install binutils.");
  const sym = (n: string) => parseInt((new RegExp(`^([0-9a-f]+) \\w ${n}$`, "m").exec(syms) ?? [])[1] ?? "NaN", 16);
  if ((sym("__rela_end") - sym("__rela_start")) / 24 !== types.length) {
    throw new UserError(`the UEFI image's relocation bounds cover ${(sym("__rela_end") - sym("__rela_start")) / 24} of its ${types.length} relocations`,
      "This is a bug in the board's linker script (the .rela.dyn section and __rela_start/__rela_end).");
  }
  return types.length;
}

/** PE32+ checks: machine x86-64, EFI application subsystem, relocations not marked stripped. */
function checkPe(efi: Buffer): { entry: number; sizeOfImage: number } {
  const pe = efi.readUInt32LE(0x3c);
  const ok = efi.toString("latin1", 0, 2) === "MZ" && efi.toString("latin1", pe, pe + 4) === "PE\0\0";
  const machine = efi.readUInt16LE(pe + 4);
  const characteristics = efi.readUInt16LE(pe + 22);
  const opt = pe + 24;
  const magic = efi.readUInt16LE(opt);
  const subsystem = efi.readUInt16LE(opt + 68);
  if (!ok || machine !== 0x8664 || magic !== 0x20b || subsystem !== 10 || characteristics & 1) {
    throw new UserError(`objcopy made an unexpected PE file (machine 0x${machine.toString(16)}, magic 0x${magic.toString(16)}, subsystem ${subsystem}, characteristics 0x${characteristics.toString(16)})`,
      "This is a bug in the SDK's UEFI image step; report it with `objdump -x` of the .efi file.");
  }
  return { entry: efi.readUInt32LE(opt + 16), sizeOfImage: efi.readUInt32LE(opt + 56) };
}

export interface UefiImage { efi: string; relocations: number; layout: FatLayout; diskBytes: number; efiBytes: number }

export function makeUefiImage(board: Board, elf: string, image: string, appParams: Record<string, string>): UefiImage {
  const prefix = board.cc.prefix ?? "";
  const relocations = checkRelocations(prefix, elf);
  const efiPath = image.replace(/\.img$/, "") + ".efi";
  runSync(`${prefix}objcopy`, ["--target", "efi-app-x86_64", "--subsystem", "10", "-S",
    "-R", ".dynamic", "-R", ".dynsym", "-R", ".dynstr", "-R", ".hash", "-R", ".gnu.hash", "-R", ".interp", elf, efiPath],
    "making the EFI application", "Install binutils (objcopy with the pei-x86-64 target).");
  const efi = readFileSync(efiPath);
  checkPe(efi);
  let config: string;
  let disk;
  try {
    config = defaultConfig(board.name, appParams);
    disk = makeDiskImage(efi, config);
  } catch (e) {
    throw new UserError(`making the disk image: ${(e as Error).message}`, "Run `npm run setup` (it installs mtools), or fix the parameter named above.");
  }
  writeFileSync(image, disk.image);
  return { efi: efiPath, relocations, layout: disk.layout, diskBytes: disk.image.length, efiBytes: efi.length };
}
