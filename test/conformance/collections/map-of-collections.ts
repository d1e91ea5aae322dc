// Checks nested collections: Map of arrays, Map of Sets, grouping and an adjacency-list graph BFS.
const words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"];
const byLetter = new Map<string, string[]>();
for (const w of words) {
  const list = byLetter.get(w[0]);
  if (list) list.push(w);
  else byLetter.set(w[0], [w]);
}
for (const [k, v] of byLetter) console.log(k, v.join(","));
const edges: [string, string][] = [["a", "b"], ["a", "c"], ["b", "d"], ["c", "d"], ["d", "e"]];
const adj = new Map<string, Set<string>>();
for (const [x, y] of edges) {
  if (!adj.has(x)) adj.set(x, new Set());
  if (!adj.has(y)) adj.set(y, new Set());
  adj.get(x)?.add(y);
  adj.get(y)?.add(x);
}
const dist = new Map<string, number>([["a", 0]]);
const queue = ["a"];
while (queue.length > 0) {
  const cur = queue.shift() as string;
  for (const n of adj.get(cur) ?? []) {
    if (!dist.has(n)) {
      dist.set(n, (dist.get(cur) ?? 0) + 1);
      queue.push(n);
    }
  }
}
console.log([...dist].map(([k, d]) => k + d).join(" "));
