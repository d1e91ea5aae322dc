// Checks the allocator/GC: 200000 short-lived small objects with a small live set (bounded memory).
interface Cell {
  id: number;
  value: number;
  next: Cell | null;
}
let live: Cell | null = null;
let liveCount = 0;
let checksum = 0;
for (let i = 0; i < 200000; i++) {
  const c: Cell = { id: i, value: (i * 7) % 1000, next: null };
  checksum = (checksum + c.value * (i & 15)) % 1000000007;
  if (i % 1000 === 0) {
    c.next = live;
    live = c;
    liveCount++;
  }
}
let walked = 0;
let sum = 0;
for (let c = live; c !== null; c = c.next) {
  walked++;
  sum += c.id;
}
console.log(checksum, liveCount, walked, sum);
const pairs: [number, number][] = [];
for (let round = 0; round < 10; round++) {
  pairs.length = 0;
  for (let i = 0; i < 20000; i++) pairs.push([i, round]);
}
console.log(pairs.length, pairs[19999][0], pairs[0][1]);
