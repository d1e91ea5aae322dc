// Checks JSON.parse revivers: visit order (depth first, keys in order), removal, and transformation.
const order: string[] = [];
const result = JSON.parse('{"a": 1, "b": [10, 20], "c": {"d": "x"}}', (key: string, value: unknown) => {
  order.push(key === "" ? "(root)" : key);
  if (typeof value === "number") return value * 2;
  if (key === "d") return undefined;
  return value;
}) as Record<string, unknown>;
console.log(order.join(","));
console.log(JSON.stringify(result));
const dates = JSON.parse('{"when": "epoch:86400", "n": 1}', (_k: string, v: unknown) =>
  typeof v === "string" && v.startsWith("epoch:") ? Number(v.slice(6)) / 3600 : v,
) as { when: number; n: number };
console.log(dates.when, dates.n);
const holed = JSON.parse("[1, 2, 3]", (k: string, v: unknown) => (k === "1" ? undefined : v)) as number[];
console.log(JSON.stringify(holed), holed.length, 1 in holed);
