// node --import tsx toolchain/compiler/cli.ts main.ts -o out.c
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "./index.ts";

const sdkRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const oi = args.indexOf("-o");
const out = oi >= 0 ? args[oi + 1] : undefined;
const entry = args.find((a, i) => !a.startsWith("-") && (oi < 0 || i !== oi + 1));
if (!entry) {
  console.error("usage: cli.ts main.ts [-o out.c]");
  process.exit(2);
}
const r = compile({ entry, sdkRoot });
for (const d of r.diagnostics) console.error(`${d.file}:${d.line}:${d.col}: error: ${d.message}`);
if (r.diagnostics.length) process.exit(1);
if (out) writeFileSync(out, r.c);
else process.stdout.write(r.c);
