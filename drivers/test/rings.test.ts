// The drivers' descriptor rings against simulated devices, built for the host with gcc (sanitizers on):
// rings.c (virtio vring, e1000 transmit-ring arithmetic) and nic-rings.c (Intel legacy and I210 advanced
// descriptors, Realtek RTL8169/8168 descriptors: layouts checked byte by byte, traffic both ways).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Compiles drivers/test/NAME.c with the sanitizers and runs it. */
function runC(name: string) {
  const exe = path.join(mkdtempSync(path.join(os.tmpdir(), "rumpsdk-rings-")), name);
  execFileSync("gcc", ["-std=c11", "-O1", "-g", "-Wall", "-Werror", "-fsanitize=address,undefined",
    "-fno-sanitize-recover=all", "-o", exe, path.join(here, `${name}.c`)]);
  return spawnSync(exe, { encoding: "utf8" });
}

it("offers, completes and reclaims descriptors across index wrap-around", () => {
  const r = runC("rings");
  const fails = r.stdout.split("\n").filter((l) => l.startsWith("FAIL"));
  expect(fails).toEqual([]);
  expect(r.stdout).toMatch(/ok vring traffic num=256/);
  expect(r.stdout).toContain("ok vring kick\n");
  expect(r.stdout).toMatch(/ok e1000 tx ring num=32/);
  expect(r.status).toBe(0);
});

it("NIC descriptors (e1000 legacy, I210 advanced, RTL8169) match the datasheet layouts and survive traffic", () => {
  const r = runC("nic-rings");
  const fails = r.stdout.split("\n").filter((l) => l.startsWith("FAIL"));
  expect(fails).toEqual([]);
  for (const n of [8, 32]) {
    for (const t of ["wm rx legacy", "wm rx advanced", "wm tx legacy", "wm tx advanced", "re rx", "re tx"]) {
      expect(r.stdout).toContain(`ok ${t} n=${n}\n`);
    }
  }
  expect(r.status).toBe(0);
});
