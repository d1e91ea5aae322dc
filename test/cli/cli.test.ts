// The command line's answers to good and bad input.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rumpsdk } from "../lib/sdk.ts";

describe("rumpsdk boards", () => {
  it("lists the buildable boards one a line, not the CPU families", async () => {
    const r = await rumpsdk(["boards"]);
    expect(r.code).toBe(0);
    const names = r.stdout.trim().split("\n").map((l) => l.split(/\s+/)[0]);
    expect(names).toContain("qemu-x86");
    expect(names).toContain("host");
    expect(names).not.toContain("x86_64");
    for (const l of r.stdout.trim().split("\n")) expect(l.split(/\s{2,}/)[1]?.length ?? 0).toBeGreaterThan(10);
  });

  it("names the known boards when --board is wrong", async () => {
    const r = await rumpsdk(["build", "examples/hello", "--board=raspberry"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown board "raspberry"/);
    expect(r.stderr).toMatch(/Known boards: .*qemu-x86/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe("rumpsdk build errors", () => {
  const app = (src: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rumpsdk-app-"));
    writeFileSync(path.join(dir, "main.ts"), src);
    return dir;
  };

  it("fails a type error with file:line:col and the checker's message", async () => {
    const dir = app('console.log("ok");\nconst n: number = "five";\nconsole.log(n);\n');
    const r = await rumpsdk(["build", dir, "--board=qemu-x86"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/main\.ts:2:7: error: Type 'string' is not assignable to type 'number'/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("says what to give when the application is missing", async () => {
    const r = await rumpsdk(["build", "no/such/app", "--board=qemu-x86"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no\/such\/app: no such file or folder/);
    expect(r.stderr).toMatch(/main\.ts/);
  });

  it("rejects an unknown command with the usage", async () => {
    const r = await rumpsdk(["frobnicate"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
    expect(r.stderr).toMatch(/build <app-dir\|main\.ts>/);
  });
});
