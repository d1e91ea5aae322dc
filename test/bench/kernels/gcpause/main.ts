// GC pauses in the SDK's default 4 MiB heap: a live set of about 1 MiB (a ring of records that are
// replaced one by one, each with a string and an array) while every iteration also makes garbage.
// Runs until 200 collections, then prints the collector's pause percentiles (over the most recent
// pauses the runtime keeps) from memory().
import { memory } from "rumpsdk/sys";

const LIVE = 4000; // records in the ring: roughly 1 MiB with their strings and arrays
const COLLECTIONS = 200;

interface Rec {
  id: number;
  name: string;
  readings: number[];
}

function main(): void {
  const ring: Rec[] = [];
  for (let i = 0; i < LIVE; i++) ring.push({ id: i, name: `record-${i}`, readings: [i, i + 1, i + 2, i + 3] });
  let i = 0;
  let garbage = 0;
  while (memory().collections < COLLECTIONS) {
    for (let k = 0; k < 100; k++, i++) {
      const slot = i % LIVE;
      ring[slot] = { id: i, name: `record-${i}`, readings: [i, i + 1, i + 2, i + 3] };
      const tmp = `tmp-${i}-${slot}`.split("-"); // garbage
      garbage += tmp.length;
    }
  }
  const m = memory();
  console.log(`gcpause: collections ${m.collections} heapSize ${m.heapSize} heapPeak ${m.heapPeak} p50 ${m.gcPauseP50Ms} p99 ${m.gcPauseP99Ms} iterations ${i} garbage ${garbage}`);
}

main();
