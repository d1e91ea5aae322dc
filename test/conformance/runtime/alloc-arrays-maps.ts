// Checks churn of arrays and Maps: repeatedly building and dropping containers keeps memory bounded.
let total = 0;
for (let round = 0; round < 200; round++) {
  const arr: number[] = [];
  for (let i = 0; i < 1000; i++) arr.push(i * round);
  total += arr[999];
}
console.log(total);
let mapTotal = 0;
for (let round = 0; round < 100; round++) {
  const m = new Map<string, number>();
  for (let i = 0; i < 500; i++) m.set("k" + i, i);
  for (let i = 0; i < 500; i += 2) m.delete("k" + i);
  mapTotal += m.size;
}
console.log(mapTotal);
const cache = new Map<number, number[]>();
for (let i = 0; i < 100000; i++) {
  cache.set(i, [i, i * 2]);
  if (cache.size > 100) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}
console.log(cache.size, [...cache.keys()][0], cache.get(99999)?.[1]);
const buffers: Uint8Array[] = [];
for (let i = 0; i < 2000; i++) {
  buffers.push(new Uint8Array(1024).fill(i & 0xff));
  if (buffers.length > 8) buffers.shift();
}
console.log(buffers.length, buffers[7][0], buffers[0][1023]);
