// Checks util.inspect line breaking of objects whose one-line form exceeds 72 columns.
console.log({ alpha: 1, beta: 2, gamma: 3, delta: 4, epsilon: 5, zeta: 6, eta: 7, theta: 8 });
console.log({ name: "a long enough name value", description: "and a description too" });
const rows = [
  { id: 1, name: "first", tags: ["x", "y"] },
  { id: 2, name: "second", tags: [] },
  { id: 3, name: "third", tags: ["z"] },
];
console.log(rows);
console.log({ short: 1, nested: { alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc" } });
const many: Record<string, number> = {};
for (let i = 0; i < 30; i++) many["key" + i] = i;
console.log(many);
