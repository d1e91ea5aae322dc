// Heap flatness: 10^6 iterations of an allocation loop (an object, a string and an array each), in
// the SDK's default 4 MiB heap. The collector runs only when an allocation finds the heap full, so
// heapUsed at an arbitrary moment is live data plus garbage not yet collected; the comparable figure
// is heapUsed just after a collection ("afterGc": sampled on the first iteration that sees the
// collection count change). Prints both at iterations 10^5 and 10^6.
import { memory } from "rumpsdk/sys";

const ITERATIONS = 1_000_000;

interface Sample {
  id: number;
  label: string;
  values: number[];
}

function main(): void {
  const kept: Sample[] = []; // a small live set that keeps changing
  let collections = memory().collections;
  let afterGc = -1;
  let checksum = 0;
  for (let i = 1; i <= ITERATIONS; i++) {
    const s: Sample = { id: i, label: `sample-${i}`, values: [i, i * 2, i * 3] };
    checksum += s.label.length + s.values[2];
    kept[i % 100] = s;
    const m = memory();
    if (m.collections !== collections) {
      collections = m.collections;
      afterGc = m.heapUsed;
    }
    if (i === 100_000 || i === ITERATIONS) {
      console.log(`gcflat: iteration ${i}: heapUsed ${m.heapUsed} afterGc ${afterGc} collections ${m.collections} heapSize ${m.heapSize}`);
    }
  }
  console.log(`gcflat: checksum ${checksum} kept ${kept.length}`);
}

main();
