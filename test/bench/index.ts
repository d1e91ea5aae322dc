// npm run bench: every benchmark of the SDK, medians of several runs and ratios against baselines
// measured in the same run. Prints which accelerator each figure used.
import { benchBoot } from "./boot.ts";
import { benchCompiler } from "./compiler.ts";
import { summary } from "./lib.ts";
import { benchLinux } from "./linux-guest.ts";
import { benchMinnow } from "./minnow.ts";
import { benchMps2 } from "./mps2.ts";
import { benchPorffor } from "./porffor.ts";
import { benchNet } from "./net.ts";
import { benchNetbsd } from "./netbsd.ts";

const only = process.argv.slice(2);
const sections: [string, () => Promise<void>][] = [["boot", benchBoot], ["compiler", benchCompiler], ["net", benchNet], ["linux", benchLinux], ["porffor", benchPorffor], ["minnow", benchMinnow], ["mps2", benchMps2], ["netbsd", benchNetbsd]];
for (const [name, fn] of sections) if (only.length === 0 || only.includes(name)) await fn();
process.exitCode = summary() ? 1 : 0;
