// Checks deleting and adding entries during Map/Set iteration (live iteration semantics).
const m = new Map<number, string>([[1, "a"], [2, "b"], [3, "c"], [4, "d"]]);
const seen: number[] = [];
for (const [k] of m) {
  seen.push(k);
  if (k === 1) m.delete(2);
  if (k === 3) m.set(5, "e");
}
console.log(seen.join(","), [...m.keys()].join(","));
const s = new Set([1, 2, 3]);
const visited: number[] = [];
for (const v of s) {
  visited.push(v);
  s.delete(v);
  if (v < 3) s.add(v + 10);
}
console.log(visited.join(","), [...s].join(","));
const r = new Map<string, number>([["x", 1], ["y", 2]]);
const order: string[] = [];
for (const [k, v] of r) {
  order.push(k);
  if (k === "x") {
    r.delete("x");
    r.set("x", v + 1);
  }
  if (order.length > 5) break;
}
console.log(order.join(","), [...r].join(";"));
