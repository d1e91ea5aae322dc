// `rumpsdk flash`: build the board's disk image if stale and write it to a USB stick or SD card
// (--device, or chosen from a list), or to a file (--image); verify it by reading it back.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { loadBoard, type Board } from "../toolchain/boards.ts";
import { build } from "../toolchain/build.ts";
import { UserError } from "../toolchain/errors.ts";
import { checkTarget, formatDisk, listDisks, type Disk } from "./devices.ts";
import { writeAndVerify, VerifyMismatch, type Progress } from "./writer.ts";

const mib = (n: number) => (n / 1048576).toFixed(1);

function progressPrinter() {
  const tty = process.stdout.isTTY;
  let last = -1;
  return (p: Progress) => {
    const rate = p.ms > 0 ? p.written / 1048576 / (p.ms / 1000) : 0;
    const line = `  written ${mib(p.written)} of ${mib(p.total)} MiB, ${rate.toFixed(1)} MiB/s`;
    if (tty) process.stdout.write(`\r${line}${p.written === p.total ? "\n" : ""}`);
    else if (p.written === p.total || Math.floor(p.ms / 1000) > last) { last = Math.floor(p.ms / 1000); console.log(line); }
  };
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try { return (await rl.question(question)).trim(); } finally { rl.close(); }
}

/** No --device: list the disks a user could mean and ask which. */
async function chooseDisk(imageBytes: number, forceNonRemovable: boolean): Promise<Disk> {
  const disks = listDisks().filter((d) => d.removable || forceNonRemovable);
  if (!disks.length) {
    throw new UserError("no removable disk found (no USB stick or SD card in /sys/block)",
      "Plug the card or stick in and run this again, or name it with --device /dev/sdX (see `lsblk`), or write a file with --image FILE.");
  }
  if (!process.stdin.isTTY) {
    throw new UserError(`no --device given, and no terminal to ask on. Candidates:\n${disks.map((d) => `  ${formatDisk(d)}`).join("\n")}`,
      "Name the disk: --device /dev/sdX (add --yes to skip the confirmation).");
  }
  console.log("Disks this image could be written to (everything on the chosen one is replaced):");
  disks.forEach((d, i) => console.log(`  ${i + 1}) ${formatDisk(d)}`));
  const a = await ask(`Write to which disk? [1-${disks.length}, Enter cancels] `);
  const d = disks[Number(a) - 1];
  if (!a || !d) throw new UserError("cancelled: no disk chosen", "Nothing was written.");
  return d;
}

export async function cmdFlash(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      board: { type: "string", default: "x86-minnow" }, device: { type: "string" }, image: { type: "string" },
      yes: { type: "boolean", short: "y", default: false }, monitor: { type: "string" },
      "force-non-removable": { type: "boolean", default: false }, quiet: { type: "boolean", short: "q", default: false },
    },
  });
  const board: Board = loadBoard(values.board!);
  if (board.image !== "uefi-gpt") {
    throw new UserError(`board ${board.name} has no image to flash (its image is "${board.image}")`, "Flash a board whose image is a disk: --board=x86-minnow.");
  }
  if (values.device && values.image) throw new UserError("--device and --image exclude each other", "Write to a disk (--device) or to a file (--image), not both.");
  if (positionals.length > 1) throw new UserError("flash takes one application", "rumpsdk flash [app-dir] --board=x86-minnow ...");
  const app = positionals[0] ?? ".";
  if (!positionals.length && !existsSync(path.join(app, "main.ts"))) {
    throw new UserError("this folder holds no main.ts", "Run it in your application's folder, or give the folder: rumpsdk flash examples/sensor-http --board=x86-minnow ...");
  }
  const force = values["force-non-removable"]!;

  const r = await build({ input: app, board, quiet: values.quiet });
  const image = readFileSync(r.image);
  console.log(`rumpsdk: image ${path.relative(process.cwd(), r.image) || r.image}${r.upToDate ? " (up to date)" : ""}, ${image.length} bytes (${mib(image.length)} MiB)`);

  let target: string;
  let create = false;
  let limit = image.length;
  let what: string;
  if (values.image) {
    target = path.resolve(values.image);
    if (existsSync(target)) {
      const st = statSync(target);
      if (st.isBlockDevice()) throw new UserError(`${values.image} is a block device`, `To write a disk, use --device ${values.image} (it gets the safety checks).`);
      if (!st.isFile()) throw new UserError(`${values.image} is not a regular file`, "Give the path of the image file to create.");
      if (target === path.resolve(r.image)) throw new UserError(`${values.image} is the build's own image`, "Give another file name.");
    }
    create = true;
    what = target;
  } else {
    const chosen = values.device ? undefined : await chooseDisk(image.length, force);
    const disk = checkTarget(values.device ?? chosen!.dev, { imageBytes: image.length, forceNonRemovable: force });
    if (!(values.yes && values.device)) {
      if (!process.stdin.isTTY) throw new UserError("confirmation needed, and no terminal to ask on", `Add --yes to write ${disk.dev} without asking.`);
      const a = await ask(`Replace everything on ${formatDisk(disk)}? Type yes to write: `);
      if (a !== "yes") throw new UserError("cancelled", "Nothing was written.");
    }
    target = disk.dev;
    limit = disk.bytes;
    what = `${disk.dev} (${disk.model})`;
  }

  console.log(`rumpsdk: writing ${what}`);
  let res;
  try {
    res = await writeAndVerify({ image, target, create, limit, onProgress: progressPrinter() });
  } catch (e) {
    if (e instanceof VerifyMismatch) {
      throw new UserError(`verification failed: ${e.message}`, "The medium did not keep what was written: it may be failing or fake-capacity. Try again, or use another card or stick.");
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EBUSY") throw new UserError(`${target} is in use (the kernel refused exclusive access)`, "Unmount it (or close what uses it), then flash again.");
    if (err.code === "EACCES" || err.code === "EPERM") throw new UserError(`no permission to write ${target}`, "Run as root (sudo), or add yourself to the disk group.");
    throw e;
  }
  console.log(`rumpsdk: wrote ${mib(res.bytes)} MiB in ${(res.writeMs / 1000).toFixed(2)} s (${(res.bytes / 1048576 / (res.writeMs / 1000)).toFixed(1)} MiB/s), ` +
    `read back and verified in ${(res.verifyMs / 1000).toFixed(2)} s: SHA-256 ${res.sha256}`);
  if (values.image) {
    console.log(`rumpsdk: done. Boot it under UEFI emulation with \`rumpsdk run ${app} --board=${board.name}\`, or write it to a card: \`rumpsdk flash ${app} --board=${board.name} --device /dev/sdX\`.`);
  } else {
    console.log(`rumpsdk: done. Next: move the card to the MinnowBoard, connect its serial console (COM1, 115200 8N1), power on, and run \`rumpsdk console\`.` +
      " Settings: edit rumpsdk.cfg on the card's FAT partition.");
  }
  if (values.monitor) {
    console.log(`rumpsdk: opening the serial console on ${values.monitor} (Ctrl-] quits)`);
    const { interactiveConsole, parseBaud } = await import("../toolchain/console.ts");
    return interactiveConsole({ port: values.monitor, baud: parseBaud(undefined, board), wait: true, elf: r.elf });
  }
  return 0;
}
