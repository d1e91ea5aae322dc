// The disk image format: GPT (both headers' and the entries' CRCs, protective MBR) written by
// flash/gpt.ts, and the x86-minnow image's ESP (FAT12, the firmware and rumpsdk.cfg in place).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { crc32, ESP_TYPE, gptDisk, readGpt, SECTOR } from "./gpt.ts";
import { CONFIG_NAME, defaultConfig, fatLayout, makeDiskImage, PART_START, readEspFile } from "./image.ts";

const hasMtools = (() => { try { execFileSync("mformat", ["--version"], { stdio: "ignore" }); return true; } catch { return false; } })();

describe("gpt", () => {
  it("CRC-32 is the IEEE one", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  it("writes a table that reads back, with a valid backup", () => {
    const data = Buffer.alloc(10 * SECTOR, 0x5a);
    const disk = gptDisk(200, "01234567-89ab-4def-8123-456789abcdef", [
      { type: ESP_TYPE, guid: "11111111-2222-4333-8444-555555555555", first: 40, last: 49, name: "EFI System Partition", data },
    ]);
    const g = readGpt(disk);
    expect(g.backupOk).toBe(true);
    expect(g.diskGuid).toBe("01234567-89ab-4def-8123-456789abcdef");
    expect(g.partitions).toEqual([{ type: ESP_TYPE, guid: "11111111-2222-4333-8444-555555555555", first: 40, last: 49, name: "EFI System Partition", attributes: 0n }]);
    expect(disk.subarray(40 * SECTOR, 50 * SECTOR).equals(data)).toBe(true);
    // a flipped bit in the entries is caught by the CRC
    disk[2 * SECTOR + 100] ^= 1;
    expect(() => readGpt(disk)).toThrow(/entries CRC/);
  });

  it("refuses partitions outside the usable area", () => {
    expect(() => gptDisk(100, "01234567-89ab-4def-8123-456789abcdef", [{ type: ESP_TYPE, guid: ESP_TYPE, first: 33, last: 40, name: "x" }])).toThrow(/outside/);
    expect(() => gptDisk(100, "01234567-89ab-4def-8123-456789abcdef", [{ type: ESP_TYPE, guid: ESP_TYPE, first: 40, last: 67, name: "x" }])).toThrow(/outside/);
  });
});

describe("fat layout", () => {
  it("is FAT12 with the smallest cluster that fits", () => {
    expect(fatLayout([450_000, 8192], 2)).toMatchObject({ fat: 12, clusterSectors: 1 });
    expect(fatLayout([3_000_000, 8192], 2)).toMatchObject({ fat: 12, clusterSectors: 2 });
    const l = fatLayout([450_000, 8192], 2);
    // what the files need, plus the FATs, the boot sector and the root directory: nothing else
    expect(l.sectors).toBe(1 + 2 * l.fatSectors + 1 + 2 + Math.ceil(450_000 / 512) + 16);
  });
});

describe.skipIf(!hasMtools)("disk image", () => {
  it("holds the firmware and the configuration in a minimal ESP", () => {
    const efi = Buffer.alloc(300_000);
    for (let i = 0; i < efi.length; i++) efi[i] = (i * 7) & 0xff;
    const cfg = defaultConfig("x86-minnow", { "app.interval": "5" });
    const d = makeDiskImage(efi, cfg);
    const g = readGpt(d.image);
    expect(g.backupOk).toBe(true);
    expect(g.partitions).toHaveLength(1);
    expect(g.partitions[0]).toMatchObject({ type: ESP_TYPE, first: PART_START, last: PART_START + d.partSectors - 1 });
    expect(readEspFile(d.image, d.partStart, d.partSectors, "EFI/BOOT/BOOTX64.EFI").equals(efi)).toBe(true);
    expect(readEspFile(d.image, d.partStart, d.partSectors, CONFIG_NAME).toString()).toBe(cfg);
    expect(cfg).toMatch(/^app\.interval=5$/m);
    // the image: MBR + primary GPT (40 sectors with alignment), the FAT, the backup GPT (33 sectors)
    expect(d.image.length).toBe((PART_START + d.layout.sectors + 33) * SECTOR);
    expect(d.image.length - efi.length).toBeLessThan(64 * 1024);
  });

  it("refuses values with blanks in the configuration", () => {
    expect(() => defaultConfig("x86-minnow", { "app.name": "two words" })).toThrow(/blanks/);
  });

  it("is what the build writes for x86-minnow (if built)", () => {
    let img: Buffer;
    try { img = readFileSync(new URL("../examples/hello/build/x86-minnow/hello.img", import.meta.url)); } catch { return; }
    expect(readGpt(img).partitions[0].type).toBe(ESP_TYPE);
  });
});
