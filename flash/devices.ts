// Block devices as Linux describes them in /sys and /proc: the removable disks `rumpsdk flash`
// offers, and the checks every target passes before one byte is written to it.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { UserError } from "../toolchain/errors.ts";

export interface Disk {
  name: string; // sdb, mmcblk0, loop3
  dev: string; // /dev/sdb
  bytes: number;
  removable: boolean; // the kernel's removable flag, or on a USB bus, or an SD card
  bus: "usb" | "mmc" | "nvme" | "ata" | "virtual" | "other";
  model: string;
  majmin: string; // "8:16"
}

const read = (f: string) => { try { return readFileSync(f, "utf8").trim(); } catch { return ""; } };

function describe(name: string): Disk {
  const sys = `/sys/block/${name}`;
  let devpath = "";
  try { devpath = realpathSync(sys); } catch { /* gone */ }
  const bus: Disk["bus"] = devpath.includes("/usb") ? "usb" : devpath.includes("/mmc") ? "mmc" : devpath.includes("/nvme") ? "nvme"
    : devpath.includes("/ata") ? "ata" : devpath.includes("/virtual/") ? "virtual" : "other";
  const sd = bus === "mmc" && read(`${sys}/device/type`) === "SD";
  const model = [read(`${sys}/device/vendor`), read(`${sys}/device/model`) || read(`${sys}/device/name`)].filter(Boolean).join(" ") || "(no model)";
  return {
    name, dev: `/dev/${name}`, bytes: Number(read(`${sys}/size`) || 0) * 512,
    removable: read(`${sys}/removable`) === "1" || bus === "usb" || sd, bus, model, majmin: read(`${sys}/dev`),
  };
}

/** Whole disks with media, which a user could mean: removable ones (USB sticks, SD cards) first. */
export function listDisks(): Disk[] {
  if (!existsSync("/sys/block")) return [];
  return readdirSync("/sys/block")
    .filter((n) => !/^(loop|ram|zram|dm-|md|sr|nbd|fd)/.test(n))
    .map(describe)
    .filter((d) => d.bytes > 0)
    .sort((a, b) => Number(b.removable) - Number(a.removable) || a.name.localeCompare(b.name));
}

/** The whole disks under a block device (major:minor): its disk if it is a partition, and for device
 * mapper / md devices the disks under their slaves, recursively. */
export function disksUnder(majmin: string, depth = 0): string[] {
  let p: string;
  try { p = realpathSync(`/sys/dev/block/${majmin}`); } catch { return []; }
  const disk = existsSync(path.join(p, "partition")) ? path.dirname(p) : p;
  const out = [path.basename(disk)];
  const slaves = path.join(disk, "slaves");
  if (existsSync(slaves) && depth < 8) {
    for (const s of readdirSync(slaves)) {
      const mm = read(path.join(slaves, s, "dev"));
      if (mm) out.push(...disksUnder(mm, depth + 1));
    }
  }
  return out;
}

export interface Mount { majmin: string; mountpoint: string; source: string }

/** /proc/self/mountinfo: "id parent major:minor root mountpoint options ... - fstype source ...". */
export function mounts(): Mount[] {
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
  return read("/proc/self/mountinfo").split("\n").filter(Boolean).map((l) => {
    const f = l.split(" ");
    const dash = f.indexOf("-");
    return { majmin: f[2], mountpoint: unescape(f[4]), source: unescape(f[dash + 2] ?? "") };
  });
}

function swaps(): string[] {
  return read("/proc/swaps").split("\n").slice(1).map((l) => l.split(/\s+/)[0]).filter((s) => s.startsWith("/dev/"));
}

export interface TargetCheck { forceNonRemovable?: boolean; imageBytes: number }

const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

/** Every check before writing to a device; returns the disk, or throws a UserError saying why not and what to do. */
export function checkTarget(device: string, o: TargetCheck): Disk {
  let real: string;
  try { real = realpathSync(device); } catch {
    throw new UserError(`${device}: no such device`, "Plug the card or stick in, then run `rumpsdk flash --board=x86-minnow` without --device to see the disks it can write to.");
  }
  const st = statSync(real);
  if (!st.isBlockDevice()) {
    throw new UserError(`${device} is not a block device`, st.isFile() ? "To write the image to a file, use --image FILE." : "Give a whole disk such as /dev/sdb or /dev/mmcblk0.");
  }
  const majmin = `${Math.floor(st.rdev / 256) & 0xfff}:${(st.rdev & 0xff) | ((st.rdev >> 12) & 0xfff00)}`;
  let sysPath: string;
  try { sysPath = realpathSync(`/sys/dev/block/${majmin}`); } catch {
    throw new UserError(`${device}: the kernel does not describe block device ${majmin} in /sys`, "Give a whole disk such as /dev/sdb or /dev/mmcblk0.");
  }
  if (existsSync(path.join(sysPath, "partition"))) {
    const disk = path.basename(path.dirname(sysPath));
    throw new UserError(`${device} is partition ${read(path.join(sysPath, "partition"))} of /dev/${disk}, not a whole disk`,
      `The image holds its own partition table: give the whole disk, --device /dev/${disk} (everything on it is replaced).`);
  }
  const disk = describe(path.basename(sysPath));
  const ms = mounts();
  const system = ms.filter((m) => ["/", "/boot", "/boot/efi", "/usr", "/var", "/home"].includes(m.mountpoint) && disksUnder(m.majmin).includes(disk.name));
  if (system.length) {
    throw new UserError(`${disk.dev} holds the running system (${system.map((m) => m.mountpoint).join(", ")} is on it)`,
      "Writing to it would destroy this machine's installation. Pick the USB stick or SD card instead (run without --device to list them).");
  }
  const mounted = ms.filter((m) => disksUnder(m.majmin).includes(disk.name));
  if (mounted.length) {
    throw new UserError(`${disk.dev} is mounted: ${mounted.map((m) => `${m.source} on ${m.mountpoint}`).join(", ")}`,
      `Unmount it first (e.g. \`umount ${[...new Set(mounted.map((m) => m.mountpoint))].join(" ")}\`, or eject it in the file manager without unplugging it), then flash again.`);
  }
  const swap = swaps().filter((s) => { try { const r = statSync(s).rdev; return disksUnder(`${r >> 8 & 0xfff}:${(r & 0xff) | ((r >> 12) & 0xfff00)}`).includes(disk.name); } catch { return false; } });
  if (swap.length) throw new UserError(`${disk.dev} holds active swap (${swap.join(", ")})`, `Run \`swapoff ${swap.join(" ")}\` first, if this really is the disk to overwrite.`);
  if (!disk.removable && !o.forceNonRemovable) {
    throw new UserError(`${disk.dev} (${disk.model}, ${disk.bus}, ${mib(disk.bytes)}) is not a removable disk`,
      "rumpsdk flash writes USB sticks and SD cards. If this disk really is the boot medium of your board (e.g. a USB SSD that does not say it is removable), add --force-non-removable.");
  }
  if (disk.bytes < o.imageBytes) {
    throw new UserError(`${disk.dev} is too small: ${mib(disk.bytes)} for an image of ${mib(o.imageBytes)}`, "Use a larger card or stick.");
  }
  return disk;
}

export function formatDisk(d: Disk): string {
  const size = d.bytes >= 1e9 ? `${(d.bytes / 1e9).toFixed(1)} GB` : `${(d.bytes / 1e6).toFixed(0)} MB`;
  return `${d.dev.padEnd(14)} ${size.padStart(9)}  ${d.bus.padEnd(5)} ${d.removable ? "removable" : "fixed    "}  ${d.model}`;
}
