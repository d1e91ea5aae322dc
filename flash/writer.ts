// Writing an image to its target and reading it back. Every write goes through BoundedTarget, which
// refuses any byte outside [start, start + length) of the device or file, whatever the caller asks.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, fsyncSync, openSync, readSync, writeSync } from "node:fs";

export class OutOfBounds extends Error {}

/** A window [start, start + length) of an open file or device; positions are relative to start. */
export class BoundedTarget {
  constructor(readonly fd: number, readonly start: number, readonly length: number) {
    if (!(start >= 0 && length >= 0 && Number.isSafeInteger(start + length))) throw new OutOfBounds(`bad target window ${start}+${length}`);
  }

  write(buf: Uint8Array, pos: number): void {
    if (!(Number.isInteger(pos) && pos >= 0 && pos + buf.length <= this.length)) {
      throw new OutOfBounds(`refusing to write ${buf.length} bytes at ${pos}: outside the target's ${this.length} bytes`);
    }
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, this.start + pos + done);
  }

  read(buf: Uint8Array, pos: number): number {
    const n = Math.max(0, Math.min(buf.length, this.length - pos));
    let done = 0;
    while (done < n) {
      const r = readSync(this.fd, buf, done, n - done, this.start + pos + done);
      if (r === 0) break;
      done += r;
    }
    return done;
  }
}

export interface Progress { written: number; total: number; ms: number }

export interface WriteOptions {
  image: Buffer;
  /** a device or file path */
  target: string;
  /** create (or truncate) a regular file: `--image` */
  create?: boolean;
  /** the window of the target the image may occupy: bytes from `offset` (default 0), `limit` long
   *  (default: the image's length) */
  offset?: number;
  limit?: number;
  chunk?: number;
  onProgress?: (p: Progress) => void;
  /** test hook: runs after the data is synced and before it is read back */
  beforeVerify?: () => void | Promise<void>;
}

export interface WriteResult { bytes: number; writeMs: number; verifyMs: number; sha256: string }

export class VerifyMismatch extends Error {
  constructor(readonly offset: number, readonly expected: string, readonly actual: string) {
    super(`read-back differs from the image (first difference in the 1 MiB block at byte ${offset}); SHA-256 ${actual} instead of ${expected}`);
  }
}

/** Writes the image into the target window, syncs, reads it back and compares SHA-256 digests. */
export async function writeAndVerify(o: WriteOptions): Promise<WriteResult> {
  const offset = o.offset ?? 0;
  const limit = o.limit ?? o.image.length;
  if (o.image.length > limit) throw new OutOfBounds(`the image (${o.image.length} bytes) is larger than the target (${limit} bytes)`);
  const flags = o.create ? constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC : constants.O_WRONLY | (constants.O_EXCL ?? 0);
  let fd = openSync(o.target, flags, 0o644);
  const isDevice = fstatSync(fd).isBlockDevice();
  const chunk = o.chunk ?? 4 << 20;
  const t0 = performance.now();
  let verifyStart = 0;
  try {
    const out = new BoundedTarget(fd, offset, limit);
    for (let pos = 0; pos < o.image.length; pos += chunk) {
      out.write(o.image.subarray(pos, Math.min(pos + chunk, o.image.length)), pos);
      o.onProgress?.({ written: Math.min(pos + chunk, o.image.length), total: o.image.length, ms: performance.now() - t0 });
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const writeMs = performance.now() - t0;
  await o.beforeVerify?.();
  // a block device: drop its cached pages so that the read-back comes from the medium
  if (isDevice) spawnSync("blockdev", ["--flushbufs", o.target], { stdio: "ignore" });
  verifyStart = performance.now();
  const expected = createHash("sha256").update(o.image).digest("hex");
  const got = createHash("sha256");
  fd = openSync(o.target, constants.O_RDONLY);
  let firstDiff = -1;
  try {
    const inp = new BoundedTarget(fd, offset, limit);
    const buf = Buffer.allocUnsafe(Math.min(chunk, 1 << 20));
    for (let pos = 0; pos < o.image.length; pos += buf.length) {
      const want = Math.min(buf.length, o.image.length - pos);
      const n = inp.read(buf.subarray(0, want), pos);
      got.update(buf.subarray(0, n));
      if (firstDiff < 0 && (n < want || !buf.subarray(0, n).equals(o.image.subarray(pos, pos + n)))) firstDiff = pos;
    }
  } finally {
    closeSync(fd);
  }
  const actual = got.digest("hex");
  if (actual !== expected) throw new VerifyMismatch(Math.max(firstDiff, 0), expected, actual);
  return { bytes: o.image.length, writeMs, verifyMs: performance.now() - verifyStart, sha256: expected };
}
