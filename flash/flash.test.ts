// Flash safety: the writer never leaves its window, a read-back mismatch is caught, and
// `rumpsdk flash` refuses mounted, too-small, partition and non-removable targets. The device
// cases use loop devices (root and losetup); without them they are skipped with a message.
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rumpsdk } from "../test/lib/sdk.ts";
import { BoundedTarget, OutOfBounds, VerifyMismatch, writeAndVerify } from "./writer.ts";
import { readGpt } from "./gpt.ts";

const MiB = 1 << 20;
const tmp = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-flash-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pattern(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed + (i >> 9)) & 0xff;
  return b;
}

/** A file [guard 0xAA][target][guard 0x55] of MiB each side. */
function guarded(name: string, target: number): string {
  const f = path.join(tmp, name);
  writeFileSync(f, Buffer.concat([Buffer.alloc(MiB, 0xaa), Buffer.alloc(target, 0), Buffer.alloc(MiB, 0x55)]));
  return f;
}
function guardsIntact(f: string, target: number) {
  const b = readFileSync(f);
  expect(b.length).toBe(2 * MiB + target);
  expect(b.subarray(0, MiB).every((x) => x === 0xaa)).toBe(true);
  expect(b.subarray(MiB + target).every((x) => x === 0x55)).toBe(true);
  return b.subarray(MiB, MiB + target);
}

describe("writer (files)", () => {
  it("writes, syncs and verifies an image file", async () => {
    const img = pattern(3 * MiB + 123, 1);
    const out = path.join(tmp, "out.img");
    const r = await writeAndVerify({ image: img, target: out, create: true, chunk: MiB });
    expect(readFileSync(out).equals(img)).toBe(true);
    expect(r.bytes).toBe(img.length);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("never writes outside its window: an image that fits stays inside the guards", async () => {
    const f = guarded("window.bin", 2 * MiB);
    const img = pattern(2 * MiB, 2);
    await writeAndVerify({ image: img, target: f, offset: MiB, limit: 2 * MiB, chunk: 300_000 });
    expect(guardsIntact(f, 2 * MiB).equals(img)).toBe(true);
  });

  it("refuses an image larger than the window before writing anything", async () => {
    const f = guarded("small.bin", MiB);
    await expect(writeAndVerify({ image: pattern(MiB + 1, 3), target: f, offset: MiB, limit: MiB })).rejects.toThrow(OutOfBounds);
    expect(guardsIntact(f, MiB).every((x) => x === 0)).toBe(true);
  });

  it("BoundedTarget refuses every position outside the window", () => {
    const f = guarded("bounded.bin", 4096);
    const fd = openSync(f, "r+");
    const t = new BoundedTarget(fd, MiB, 4096);
    expect(() => t.write(Buffer.alloc(2), 4095)).toThrow(OutOfBounds);
    expect(() => t.write(Buffer.alloc(1), -1)).toThrow(OutOfBounds);
    expect(() => t.write(Buffer.alloc(4097), 0)).toThrow(OutOfBounds);
    t.write(Buffer.alloc(4096, 7), 0);
    closeSync(fd);
    guardsIntact(f, 4096);
  });

  it("detects a corrupted medium (a byte changed between write and verify)", async () => {
    const out = path.join(tmp, "corrupt.img");
    const img = pattern(2 * MiB, 4);
    const err = await writeAndVerify({
      image: img, target: out, create: true,
      beforeVerify: () => { const b = readFileSync(out); b[1_500_000] ^= 0x40; writeFileSync(out, b); },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(VerifyMismatch);
    expect((err as VerifyMismatch).offset).toBe(MiB); // the 1 MiB block holding byte 1,500,000
  });
});


// ---- loop devices ----
const isRoot = process.getuid?.() === 0;
function losetup(args: string[]): string | null {
  const r = spawnSync("losetup", args, { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}
const loopOk = (() => {
  if (!isRoot) return false;
  const f = path.join(tmp, "probe.bin");
  writeFileSync(f, Buffer.alloc(MiB));
  const dev = losetup(["-f", "--show", f]);
  if (dev) losetup(["-d", dev]);
  return !!dev;
})();
if (!loopOk) console.log("flash.test: loop devices unavailable (not root, or no losetup / loop driver): device refusal tests skipped");

describe.skipIf(!loopOk)("rumpsdk flash --device (loop devices)", () => {
  const loops: string[] = [];
  const mnt = path.join(tmp, "mnt");
  let imageBytes = 0;
  const loop = (file: string, extra: string[] = []) => { const d = losetup(["-f", "--show", ...extra, file])!; loops.push(d); return d; };
  const flash = (dev: string, extra: string[] = []) =>
    rumpsdk(["flash", "examples/hello", "--board=x86-minnow", "--device", dev, "--yes", "-q", ...extra], { timeoutMs: 600_000 });

  beforeAll(async () => {
    const r = await rumpsdk(["build", "examples/hello", "--board=x86-minnow", "-q"], { timeoutMs: 600_000 });
    expect(r.code, r.stderr).toBe(0);
    imageBytes = statSync("examples/hello/build/x86-minnow/hello.img").size;
  });
  afterAll(() => {
    spawnSync("umount", [mnt]);
    for (const d of loops) losetup(["-d", d]);
  });

  it("writes a loop device over the middle of a larger file and nothing outside it", async () => {
    const target = 2 * MiB;
    const f = guarded("loop-window.bin", target);
    const dev = loop(f, ["--offset", String(MiB), "--sizelimit", String(target)]);
    const r = await flash(dev, ["--force-non-removable"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/read back and verified/);
    const inside = guardsIntact(f, target);
    expect(inside.subarray(0, imageBytes).equals(readFileSync("examples/hello/build/x86-minnow/hello.img"))).toBe(true);
    expect(readGpt(Buffer.from(inside.subarray(0, imageBytes))).partitions).toHaveLength(1);
  });

  it("refuses a non-removable disk without --force-non-removable", async () => {
    const f = path.join(tmp, "fixed.bin");
    writeFileSync(f, Buffer.alloc(2 * MiB));
    const r = await flash(loop(f));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/is not a removable disk/);
    expect(r.stderr).toMatch(/--force-non-removable/);
    expect(readFileSync(f).every((x) => x === 0)).toBe(true);
  });

  it("refuses a target that is too small", async () => {
    const f = path.join(tmp, "tiny.bin");
    writeFileSync(f, Buffer.alloc(256 * 1024));
    const r = await flash(loop(f), ["--force-non-removable"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/too small: [\d.]+ MiB for an image of [\d.]+ MiB/);
    expect(readFileSync(f).every((x) => x === 0)).toBe(true);
  });

  it("refuses a mounted target", async () => {
    const f = path.join(tmp, "mounted.bin");
    writeFileSync(f, Buffer.alloc(4 * MiB));
    const dev = loop(f);
    execFileSync("mke2fs", ["-q", "-F", dev]);
    mkdirSync(mnt, { recursive: true });
    execFileSync("mount", [dev, mnt]);
    const r = await flash(dev, ["--force-non-removable"]);
    spawnSync("umount", [mnt]);
    // (mounting changed the ext2 superblock; what matters: the image's GPT did not land on it)
    const after = readFileSync(f);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${dev} is mounted: ${dev} on ${mnt}`));
    expect(r.stderr).toMatch(/Unmount it first/);
    expect(after.subarray(0, 1024).every((x) => x === 0)).toBe(true);
  });

  it("refuses a partition instead of the whole disk", async () => {
    const f = path.join(tmp, "parts.bin");
    const img = readFileSync("examples/hello/build/x86-minnow/hello.img");
    writeFileSync(f, img);
    const dev = loop(f, ["-P"]);
    const part = `${dev}p1`;
    for (let i = 0; i < 50 && spawnSync("test", ["-b", part]).status !== 0; i++) await new Promise((r) => setTimeout(r, 100));
    if (spawnSync("test", ["-b", part]).status !== 0) { console.log("flash.test: no partition device for the loop device: partition refusal not tested"); return; }
    const r = await flash(part, ["--force-non-removable"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${part} is partition 1 of ${dev}, not a whole disk`));
    expect(readFileSync(f).equals(img)).toBe(true);
  });

  it("--image refuses a block device", async () => {
    const f = path.join(tmp, "img-dev.bin");
    writeFileSync(f, Buffer.alloc(2 * MiB));
    const r = await rumpsdk(["flash", "examples/hello", "--board=x86-minnow", "--image", loop(f), "-q"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/is a block device/);
  });
});
