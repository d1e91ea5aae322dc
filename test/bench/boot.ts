// Issue "firmware spine": image size and boot time of examples/hello against the do-nothing floor kernel.
import { loadBoard } from "../../toolchain/boards.ts";
import { build } from "../../toolchain/build.ts";
import { sdkPath } from "../../toolchain/paths.ts";
import { probeAccel, probeKernel, runImage, type Accel } from "../../toolchain/qemu.ts";
import { fmt, median, row, target } from "./lib.ts";

const RUNS = 7;

async function timeToLine(image: string, accel: Accel, match: RegExp, board = loadBoard("qemu-x86")) {
  const r = await runImage({ board, image, accel, timeoutSec: 60 });
  const l = r.lines.find((x) => match.test(x.text));
  if (!l) throw new Error(`no line matching ${match} in:\n${r.output}`);
  return { ms: l.ms, line: l.text };
}

export async function benchBoot(): Promise<void> {
  const board = loadBoard("qemu-x86");
  const hello = await build({ input: sdkPath("examples/hello"), board, quiet: true });
  const bytes = hello.size.text + hello.size.data;
  console.log(`\n== boot: examples/hello on qemu-x86 ==`);
  console.log(`  image: text ${hello.size.text} B, data ${hello.size.data} B, bss ${hello.size.bss} B`);
  target("hello image size", bytes / 1024, 512, "KiB");
  const floor = probeKernel("floor");
  const accels: Accel[] = (await probeAccel(board)) === "kvm" ? ["tcg", "kvm"] : ["tcg"];
  console.log(`  accelerators: ${accels.join(", ")}${accels.length === 1 ? " (KVM cannot run a probe guest on this machine)" : ""}`);
  for (const accel of accels) {
    const floorMs: number[] = [];
    const helloMs: number[] = [];
    const guestMs: number[] = [];
    for (let i = 0; i < RUNS; i++) { // interleaved, so drift in machine load hits both alike
      floorMs.push((await timeToLine(floor, accel, /^floor: first line/)).ms);
      const h = await timeToLine(hello.image, accel, /^hello: /);
      helloMs.push(h.ms);
      guestMs.push(Number(h.line.match(/([\d.]+) ms after kernel entry/)![1]));
    }
    console.log(` ${accel.toUpperCase()}:`);
    row("QEMU start to first line, floor kernel", floorMs, "ms");
    row("QEMU start to first line, hello", helloMs, "ms");
    row("kernel entry to hello's first line (guest TSC)", guestMs, "ms");
    const ratio = median(helloMs) / median(floorMs);
    console.log(`  ratio hello / floor: ${fmt(ratio)}x`);
    target(`${accel}: kernel entry to first line`, median(guestMs), 5, "ms");
    target(`${accel}: QEMU start to first line vs floor`, ratio, 1.5, "x");
  }
}
