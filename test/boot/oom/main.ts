// Keeps every allocation reachable until the heap is full: the runtime must stop with a clean panic
// report naming the heap size, never corrupt memory or hang.
const keep: string[][] = [];
let n = 0;
for (;;) {
  const row: string[] = [];
  for (let i = 0; i < 100; i++) row.push(`row ${n} item ${i}`);
  keep.push(row);
  n++;
  if (n % 10 === 0) console.log(`oom: ${n} rows kept`);
}
