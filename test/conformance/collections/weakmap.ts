// Checks WeakMap/WeakSet basics: object keys, has/get/set/delete, and rejection of primitive keys.
const wm = new WeakMap<object, number>();
const k1 = {};
const k2 = { name: "k2" };
wm.set(k1, 1).set(k2, 2);
console.log(wm.get(k1), wm.get(k2), wm.has({}), wm.get({}));
console.log(wm.delete(k1), wm.has(k1), wm.delete(k1));
const ws = new WeakSet<object>();
ws.add(k2);
console.log(ws.has(k2), ws.has(k1));
try {
  wm.set(1 as unknown as object, 1);
} catch (e) {
  console.log("primitive key:", (e as Error).name);
}
const meta = new WeakMap<object, { visits: number }>();
function visit(o: object): number {
  const entry = meta.get(o) ?? { visits: 0 };
  entry.visits++;
  meta.set(o, entry);
  return entry.visits;
}
visit(k1);
visit(k1);
console.log(visit(k1), visit(k2));
