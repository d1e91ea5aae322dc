// The x86-minnow disk image: a GPT disk with one EFI System Partition (FAT, made with Debian's
// mtools) holding EFI/BOOT/BOOTX64.EFI (the firmware) and rumpsdk.cfg (its settings).
//
// Size: the partition is the smallest FAT that holds the files plus room for the configuration
// file to grow to what the firmware reads (8 KiB): FAT12 with the smallest cluster that keeps the
// cluster count under FAT12's limit (4084), 1-sector root directory (16 entries); FAT16 only for
// firmware too large for FAT12 with 64-sector clusters. FAT32 would need at least 65525 clusters
// (about 33 MiB); UEFI firmware reads FAT12/16 on removable media. The partition starts at LBA 40
// (4 KiB-aligned, the first 4 KiB boundary after the 34 sectors of MBR and primary GPT) and the
// backup GPT takes the last 33 sectors.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BACKUP_SECTORS, ESP_TYPE, gptDisk, guidFrom, SECTOR } from "./gpt.ts";

export const CONFIG_NAME = "rumpsdk.cfg";
export const CONFIG_MAX = 8192; // what the firmware reads (boards/x86-minnow/efi.c CFG_MAX)
export const PART_START = 40;
const ROOT_SECTORS = 1;
const FAT12_MAX_CLUSTERS = 4084;
const FAT16_MAX_CLUSTERS = 65524;

export interface FatLayout { sectors: number; clusterSectors: number; clusters: number; fatSectors: number; fat: 12 | 16 }

/** The smallest FAT12 (else FAT16) layout holding files of these sizes in two directories. */
export function fatLayout(fileBytes: number[], dirs: number): FatLayout {
  for (let c = 1; c <= 64; c *= 2) {
    const cb = c * SECTOR;
    const clusters = dirs + fileBytes.reduce((n, b) => n + Math.max(1, Math.ceil(b / cb)), 0);
    for (const fat of [12, 16] as const) {
      if (clusters > (fat === 12 ? FAT12_MAX_CLUSTERS : FAT16_MAX_CLUSTERS)) continue;
      if (fat === 16 && c < 64) continue; // FAT16 only when FAT12 cannot hold it at all
      const fatSectors = Math.ceil(((clusters + 2) * (fat === 12 ? 1.5 : 2)) / SECTOR);
      return { sectors: 1 + 2 * fatSectors + ROOT_SECTORS + clusters * c, clusterSectors: c, clusters, fatSectors, fat };
    }
  }
  throw new Error("firmware too large for this image layout");
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: "utf8", env: { ...process.env, MTOOLS_SKIP_CHECK: "1", MTOOLSRC: "/dev/null" } });
  if (r.error) throw new Error(`${cmd} is not installed (Debian package mtools): run \`npm run setup\``);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
  return r.stdout;
}

export interface DiskImage { image: Buffer; layout: FatLayout; partStart: number; partSectors: number }

/** Builds the disk image in memory from the EFI application and the configuration file's text. */
export function makeDiskImage(efi: Buffer, config: string): DiskImage {
  const cfg = Buffer.from(config, "utf8");
  if (cfg.length > CONFIG_MAX - 1) throw new Error(`${CONFIG_NAME} is ${cfg.length} bytes; the firmware reads at most ${CONFIG_MAX - 1}`);
  // the configuration file's clusters are sized for CONFIG_MAX so that a user can edit it in place
  const layout = fatLayout([efi.length, CONFIG_MAX], 2);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-esp-"));
  try {
    const fat = path.join(tmp, "esp.fat");
    writeFileSync(fat, Buffer.alloc(layout.sectors * SECTOR));
    const efiFile = path.join(tmp, "BOOTX64.EFI");
    const cfgFile = path.join(tmp, CONFIG_NAME);
    writeFileSync(efiFile, efi);
    writeFileSync(cfgFile, cfg);
    const hash = createHash("sha256").update(efi).update(cfg).digest();
    // -T sectors, -c cluster, -r root directory sectors, -H hidden sectors (the partition start), -N serial
    run("mformat", ["-i", fat, "-v", "RUMPSDK", "-N", hash.subarray(0, 4).toString("hex"), "-r", String(ROOT_SECTORS),
      "-c", String(layout.clusterSectors), "-h", "1", "-s", "1", "-T", String(layout.sectors), "-H", String(PART_START), "::"]);
    run("mmd", ["-i", fat, "::/EFI", "::/EFI/BOOT"]);
    run("mcopy", ["-i", fat, efiFile, "::/EFI/BOOT/BOOTX64.EFI"]);
    run("mcopy", ["-i", fat, cfgFile, `::/${CONFIG_NAME}`]);
    const esp = readFileSync(fat);
    const partSectors = layout.sectors;
    const sectors = PART_START + partSectors + BACKUP_SECTORS;
    const image = gptDisk(sectors, guidFrom(hash.subarray(4, 20)), [
      { type: ESP_TYPE, guid: guidFrom(hash.subarray(16, 32)), first: PART_START, last: PART_START + partSectors - 1, name: "EFI System Partition", data: esp },
    ]);
    return { image, layout, partStart: PART_START, partSectors };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Reads a file out of the image's ESP (tests, and `rumpsdk flash` showing the configuration). */
export function readEspFile(image: Buffer, partStart: number, partSectors: number, name: string): Buffer {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-esp-"));
  try {
    const fat = path.join(tmp, "esp.fat");
    writeFileSync(fat, image.subarray(partStart * SECTOR, (partStart + partSectors) * SECTOR));
    const out = path.join(tmp, "out");
    run("mcopy", ["-i", fat, `::/${name}`, out]);
    return readFileSync(out);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The configuration file a build writes: the application's parameters, and the network settings
 * commented out (DHCP unless net.ip is set). */
export function defaultConfig(boardName: string, appParams: Record<string, string>): string {
  const lines = [
    `# rumpsdk.cfg: settings the firmware reads at boot (board ${boardName}).`,
    "# One key=value a line, no blanks inside a value; # starts a comment. Edit this file on the",
    "# card (it is on the FAT partition) to change settings without rebuilding; up to 8 KiB.",
    "# Settings here win over the ones built into the image.",
    "",
    "# network: DHCP unless net.ip is set",
    "#net.ip=192.168.1.50",
    "#net.netmask=255.255.255.0",
    "#net.gw=192.168.1.1",
    "#net.dns=192.168.1.1",
  ];
  const entries = Object.entries(appParams);
  if (entries.length) {
    lines.push("", "# the application's parameters (rumpsdk.json \"params\")");
    for (const [k, v] of entries) {
      if (/\s/.test(k + v) || k.includes("=")) throw new Error(`parameter ${k}=${v}: keys and values in ${CONFIG_NAME} cannot contain blanks (or "=" in a key)`);
      lines.push(`${k}=${v}`);
    }
  }
  return lines.join("\n") + "\n";
}
