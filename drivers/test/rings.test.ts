// The drivers' descriptor-ring arithmetic (virtio vring, e1000 transmit ring) against a simulated
// device, built for the host with gcc (sanitizers on) from drivers/test/rings.c.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));

it("offers, completes and reclaims descriptors across index wrap-around", () => {
  const exe = path.join(mkdtempSync(path.join(os.tmpdir(), "rumpsdk-rings-")), "rings");
  execFileSync("gcc", ["-std=c11", "-O1", "-g", "-Wall", "-Werror", "-fsanitize=address,undefined",
    "-fno-sanitize-recover=all", "-o", exe, path.join(here, "rings.c")]);
  const r = spawnSync(exe, { encoding: "utf8" });
  const fails = r.stdout.split("\n").filter((l) => l.startsWith("FAIL"));
  expect(fails).toEqual([]);
  expect(r.stdout).toMatch(/ok vring traffic num=256/);
  expect(r.stdout).toMatch(/ok e1000 tx ring num=32/);
  expect(r.status).toBe(0);
});
