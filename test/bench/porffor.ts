// porffor 0.61 (`--compiler=porffor`) on the compiler's conformance suite: how many programs it
// compiles and runs to Node's exact output. The SDK's own compiler is the default while porffor
// fails the suite; this section keeps that judgement measured.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { buildWithPorffor } from "../../toolchain/porffor.ts";
import { sdkPath } from "../../toolchain/paths.ts";
// @ts-expect-error: a plain JavaScript module
import { runUnderNode } from "../conformance/node-run.mjs";

export async function benchPorffor(): Promise<void> {
  const root = sdkPath("test/conformance");
  const areas = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "negative").map((d) => d.name).sort();
  const out = sdkPath("build", "bench", "porffor");
  mkdirSync(out, { recursive: true });
  console.log("\n== porffor 0.61.13 on the conformance suite (host executables, compared with Node) ==");
  let pass = 0, total = 0, noCompile = 0, passNoColour = 0;
  // porffor's console.log colours numbers and more: also count what matches once colours are removed
  const uncolour = (t: string) => t.replace(/\x1b\[[0-9;]*m/g, "");
  for (const area of areas) {
    let areaPass = 0;
    const files = readdirSync(path.join(root, area)).filter((f) => f.endsWith(".ts")).sort();
    for (const f of files) {
      const file = path.join(root, area, f);
      const exe = path.join(out, `${area}-${f.replace(/\.ts$/, "")}`);
      total++;
      try {
        buildWithPorffor(file, exe);
      } catch {
        noCompile++;
        continue;
      }
      const mine = spawnSync(exe, [], { encoding: "latin1", timeout: 20_000 });
      const node = await runUnderNode(file);
      const want = Buffer.from(node.stdout, "utf8").toString("latin1");
      if (mine.status === node.code && mine.stdout === want) { pass++; areaPass++; }
      if (mine.status === node.code && uncolour(mine.stdout) === want) passNoColour++;
    }
    console.log(`  ${area.padEnd(14)} ${areaPass}/${files.length}`);
  }
  console.log(`  porffor: ${pass} of ${total} identical to Node (${((100 * pass) / total).toFixed(1)}%); ${noCompile} did not compile; ` +
    `${passNoColour} of ${total} identical once its colour codes are removed`);
}
