// The optional porffor backend (`--compiler=porffor`), kept for comparison on the conformance suite.
// porffor 0.61 emits C that needs a hosted libc, so it builds only for --board=host.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { runSync } from "./cc.ts";
import { UserError } from "./errors.ts";
import { sdkPath } from "./paths.ts";

export function buildWithPorffor(entry: string, exe: string): void {
  const work = `${exe}.porffor`;
  mkdirSync(work, { recursive: true });
  const js = ts.transpileModule(readFileSync(entry, "utf8"), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 }, fileName: path.basename(entry),
  }).outputText;
  const jsFile = path.join(work, "main.js");
  const cFile = path.join(work, "main.c");
  writeFileSync(jsFile, js);
  runSync(process.execPath, [sdkPath("node_modules/porffor/runtime/index.js"), "c", "--module", jsFile, cFile], "porffor (JavaScript to C)",
    "porffor rejected the program; the SDK's own compiler is the default (drop --compiler=porffor).");
  runSync("gcc", ["-O2", "-w", cFile, "-o", exe, "-lm"], "compiling porffor's C", "porffor emitted C that gcc rejects; use the default compiler.");
}

export function checkPorfforBoard(board: string): void {
  if (board !== "host") {
    throw new UserError(`--compiler=porffor cannot build for ${board}: porffor's C needs a hosted C library`,
      "Use --board=host with --compiler=porffor, or drop --compiler=porffor to use the SDK's own compiler.");
  }
}
