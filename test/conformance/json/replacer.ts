// Checks JSON.stringify replacers: key whitelist arrays (incl. numbers) and replacer functions.
const data = { id: 7, name: "n", secret: "s", nested: { id: 8, secret: "t", other: 1 }, list: [{ id: 9, x: 0 }] };
console.log(JSON.stringify(data, ["id", "nested", "list"]));
console.log(JSON.stringify(data, ["secret", "id"], 1));
console.log(JSON.stringify({ 1: "one", 2: "two" }, [1]));
const seen: string[] = [];
const out = JSON.stringify(data, (key: string, value: unknown) => {
  seen.push(key === "" ? "(root)" : key);
  if (key === "secret") return undefined;
  if (typeof value === "number") return value * 100;
  return value;
});
console.log(out);
console.log(seen.join(","));
console.log(JSON.stringify([1, "a", 2], (_k: string, v: unknown) => (typeof v === "string" ? undefined : v)));
console.log(JSON.stringify({ a: 1 }, (k: string, v: unknown) => (k === "" ? [v, v] : v)));
