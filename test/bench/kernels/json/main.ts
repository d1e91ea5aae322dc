// Kernel "json": JSON.stringify and JSON.parse of sensor records {id, t, temp, hum, ok, tags}, in
// batches (as a device would buffer and upload readings), checking what comes back. Prints one line.
const BATCHES = 1000;
const PER_BATCH = 100;
const TAGS = ["kitchen", "hall", "roof", "cellar", "lab", "garage", "north", "south"];

interface Reading {
  id: number;
  t: number;
  temp: number;
  hum: number;
  ok: boolean;
  tags: string[];
}

let seed = 2463534242;
function next(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
}

function makeBatch(batch: number): Reading[] {
  const out: Reading[] = [];
  for (let i = 0; i < PER_BATCH; i++) {
    const r = next();
    const id = batch * PER_BATCH + i;
    const tags: string[] = [];
    const ntags = r % 3;
    for (let k = 0; k < ntags; k++) tags.push(TAGS[(r >>> (8 + 3 * k)) & 7]);
    out.push({ id, t: 1700000000000 + id * 250, temp: ((r >>> 4) % 1000 - 400) / 100, hum: (r >>> 14) % 101, ok: (r & 0x40000000) === 0, tags });
  }
  return out;
}

function main(): void {
  let bytes = 0;
  let ids = 0;
  let times = 0;
  let temps = 0;
  let hums = 0;
  let oks = 0;
  let tagChars = 0;
  for (let b = 0; b < BATCHES; b++) {
    const text = JSON.stringify(makeBatch(b));
    bytes += text.length;
    const back = JSON.parse(text) as Reading[];
    for (const r of back) {
      ids += r.id;
      times += r.t % 1000003;
      temps += Math.round(r.temp * 100);
      hums += r.hum;
      if (r.ok) oks++;
      for (const tag of r.tags) tagChars += tag.length;
    }
  }
  console.log(`json: ${BATCHES * PER_BATCH} records: bytes ${bytes} ids ${ids} t ${times} temp ${temps} hum ${hums} ok ${oks} tags ${tagChars}`);
}

main();
