// GUID Partition Table (UEFI specification, chapter 5): a protective MBR, the primary header and
// partition entries after it, the backup entries and header at the end of the disk. CRC-32 as in
// the specification (IEEE 802.3, the same as zlib's).

export const SECTOR = 512;
export const ENTRY_SIZE = 128;
export const ENTRIES = 128; // 16 KiB of entries: 32 sectors, the minimum the specification allows
const ENTRY_SECTORS = (ENTRY_SIZE * ENTRIES) / SECTOR;
/** the first LBA a partition may start at: MBR, header, entries */
export const FIRST_USABLE = 2 + ENTRY_SECTORS;
/** sectors the backup table needs at the end of the disk: entries and header */
export const BACKUP_SECTORS = ENTRY_SECTORS + 1;

/** the EFI System Partition type, C12A7328-F81F-11D2-BA4B-00A0C93EC93B */
export const ESP_TYPE = "c12a7328-f81f-11d2-ba4b-00a0c93ec93b";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A GUID in its on-disk form: the first three fields little-endian, the last two as written. */
export function guidBytes(guid: string): Buffer {
  const h = guid.replace(/-/g, "");
  if (!/^[0-9a-fA-F]{32}$/.test(h)) throw new Error(`bad GUID ${guid}`);
  const b = Buffer.from(h, "hex");
  return Buffer.concat([Buffer.from(b.subarray(0, 4)).reverse(), Buffer.from(b.subarray(4, 6)).reverse(),
    Buffer.from(b.subarray(6, 8)).reverse(), b.subarray(8)]);
}

/** A version-4 (random-format) GUID made from 16 bytes, e.g. part of a hash (reproducible images). */
export function guidFrom(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface Partition { type: string; guid: string; first: number; last: number; name: string; attributes?: bigint }

/**
 * A whole disk image of `sectors` sectors with the given partitions (LBAs inclusive) and their
 * contents written in; everything else zero.
 */
export function gptDisk(sectors: number, diskGuid: string, parts: (Partition & { data?: Uint8Array })[]): Buffer {
  const lastUsable = sectors - 1 - BACKUP_SECTORS;
  for (const p of parts) {
    if (p.first < FIRST_USABLE || p.last > lastUsable || p.last < p.first) throw new Error(`partition ${p.name} (${p.first}-${p.last}) outside ${FIRST_USABLE}-${lastUsable}`);
    if (p.data && p.data.length > (p.last - p.first + 1) * SECTOR) throw new Error(`partition ${p.name}: contents larger than the partition`);
  }
  const disk = Buffer.alloc(sectors * SECTOR);

  // protective MBR: one partition of type 0xEE covering the disk (up to 2^32-1 sectors)
  const mbr = disk.subarray(0, SECTOR);
  const e = mbr.subarray(446, 462);
  e[0] = 0x00; // not bootable
  e.set([0x00, 0x02, 0x00], 1); // CHS of LBA 1
  e[4] = 0xee;
  e.set([0xff, 0xff, 0xff], 5); // CHS: beyond what CHS can say
  e.writeUInt32LE(1, 8);
  e.writeUInt32LE(Math.min(sectors - 1, 0xffffffff), 12);
  mbr[510] = 0x55;
  mbr[511] = 0xaa;

  // partition entries
  const entries = Buffer.alloc(ENTRY_SIZE * ENTRIES);
  parts.forEach((p, i) => {
    const o = i * ENTRY_SIZE;
    guidBytes(p.type).copy(entries, o);
    guidBytes(p.guid).copy(entries, o + 16);
    entries.writeBigUInt64LE(BigInt(p.first), o + 32);
    entries.writeBigUInt64LE(BigInt(p.last), o + 40);
    entries.writeBigUInt64LE(p.attributes ?? 0n, o + 48);
    const name = Buffer.from(p.name, "utf16le");
    if (name.length > 72) throw new Error(`partition name ${p.name} longer than 36 characters`);
    name.copy(entries, o + 56);
    if (p.data) disk.set(p.data, p.first * SECTOR);
  });
  const entriesCrc = crc32(entries);

  const header = (self: number, alternate: number, entriesLba: number) => {
    const h = Buffer.alloc(SECTOR);
    h.write("EFI PART", 0, "latin1");
    h.writeUInt32LE(0x00010000, 8); // revision 1.0
    h.writeUInt32LE(92, 12); // header size
    h.writeBigUInt64LE(BigInt(self), 24);
    h.writeBigUInt64LE(BigInt(alternate), 32);
    h.writeBigUInt64LE(BigInt(FIRST_USABLE), 40);
    h.writeBigUInt64LE(BigInt(lastUsable), 48);
    guidBytes(diskGuid).copy(h, 56);
    h.writeBigUInt64LE(BigInt(entriesLba), 72);
    h.writeUInt32LE(ENTRIES, 80);
    h.writeUInt32LE(ENTRY_SIZE, 84);
    h.writeUInt32LE(entriesCrc, 88);
    h.writeUInt32LE(crc32(h.subarray(0, 92)), 16); // with its own CRC field zero
    return h;
  };
  const last = sectors - 1;
  header(1, last, 2).copy(disk, SECTOR);
  entries.copy(disk, 2 * SECTOR);
  entries.copy(disk, (last - ENTRY_SECTORS) * SECTOR);
  header(last, 1, last - ENTRY_SECTORS).copy(disk, last * SECTOR);
  return disk;
}

export interface GptInfo { sectors: number; diskGuid: string; partitions: Partition[]; backupOk: boolean }

function guidString(b: Buffer): string {
  const h = Buffer.concat([Buffer.from(b.subarray(0, 4)).reverse(), Buffer.from(b.subarray(4, 6)).reverse(),
    Buffer.from(b.subarray(6, 8)).reverse(), b.subarray(8, 16)]).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Reads and checks a GPT (signatures, both CRCs of both headers); throws on anything wrong. */
export function readGpt(disk: Buffer): GptInfo {
  if (disk.length % SECTOR || disk.length < (FIRST_USABLE + BACKUP_SECTORS + 1) * SECTOR) throw new Error("not a whole number of sectors, or too small");
  if (disk[510] !== 0x55 || disk[511] !== 0xaa || disk[446 + 4] !== 0xee) throw new Error("no protective MBR");
  const check = (lba: number) => {
    const h = Buffer.from(disk.subarray(lba * SECTOR, lba * SECTOR + SECTOR));
    if (h.toString("latin1", 0, 8) !== "EFI PART") throw new Error(`no GPT header at LBA ${lba}`);
    const size = h.readUInt32LE(12);
    const crc = h.readUInt32LE(16);
    h.writeUInt32LE(0, 16);
    if (crc32(h.subarray(0, size)) !== crc) throw new Error(`header CRC mismatch at LBA ${lba}`);
    const entriesLba = Number(h.readBigUInt64LE(72));
    const n = h.readUInt32LE(80);
    const esz = h.readUInt32LE(84);
    const entries = disk.subarray(entriesLba * SECTOR, entriesLba * SECTOR + n * esz);
    if (crc32(entries) !== h.readUInt32LE(88)) throw new Error(`entries CRC mismatch (header at LBA ${lba})`);
    return { h, entries, n, esz };
  };
  const p = check(1);
  const alt = Number(p.h.readBigUInt64LE(32));
  let backupOk = true;
  try { check(alt); } catch { backupOk = false; }
  const partitions: Partition[] = [];
  for (let i = 0; i < p.n; i++) {
    const e = p.entries.subarray(i * p.esz, (i + 1) * p.esz);
    if (e.subarray(0, 16).every((x) => x === 0)) continue;
    partitions.push({
      type: guidString(e.subarray(0, 16)), guid: guidString(e.subarray(16, 32)),
      first: Number(e.readBigUInt64LE(32)), last: Number(e.readBigUInt64LE(40)), attributes: e.readBigUInt64LE(48),
      name: e.subarray(56, 128).toString("utf16le").replace(/\0+$/, ""),
    });
  }
  return { sectors: disk.length / SECTOR, diskGuid: guidString(p.h.subarray(56, 72)), partitions, backupOk };
}
