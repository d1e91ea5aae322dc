// Kernel "sort": sort 10^5 pseudo-random numbers (a number[]) with a comparator, verify the order,
// several rounds with fresh data. Prints one line.
const COUNT = 100_000;
const ROUNDS = 4;

let seed = 2463534242;
function next(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
}

function main(): void {
  let checksum = 0;
  let unsorted = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const values: number[] = [];
    for (let i = 0; i < COUNT; i++) values.push(next() / 1024); // fractional values
    values.sort((a, b) => a - b);
    for (let i = 1; i < COUNT; i++) if (values[i - 1] > values[i]) unsorted++;
    for (let i = 0; i < COUNT; i += 1000) checksum += values[i];
    checksum += values[COUNT - 1];
  }
  console.log(`sort: ${ROUNDS} x ${COUNT} numbers: unsorted ${unsorted} checksum ${Math.floor(checksum * 1024)}`);
}

main();
