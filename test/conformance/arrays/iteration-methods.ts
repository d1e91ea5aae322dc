// Checks map/filter/reduce/reduceRight/forEach/some/every and the index/array callback arguments.
const xs = [3, 1, 4, 1, 5, 9, 2, 6];
console.log(xs.map((x, i) => x * i).join(","));
console.log(xs.filter((x) => x % 2 === 1).join(","));
console.log(xs.reduce((a, b) => a + b), xs.reduce((a, b) => a + b, 100));
console.log(xs.reduce((acc, x) => acc + x, ""), xs.reduceRight((acc, x) => acc + x, ""));
console.log([[1, 2], [3]].reduce<number[]>((acc, x) => acc.concat(x), []).join(","));
try {
  ([] as number[]).reduce((a, b) => a + b);
} catch (e) {
  console.log((e as Error).name);
}
console.log([5].reduce((a, b) => a + b), ([] as number[]).reduce((a, b) => a + b, 0));
const seen: string[] = [];
xs.forEach((x, i, arr) => {
  if (i < 2) seen.push(`${x}@${i}/${arr.length}`);
});
console.log(seen.join(" "));
console.log(xs.some((x) => x > 8), xs.every((x) => x > 0), [].some(() => true), [].every(() => false));
let visits = 0;
xs.some((x) => (visits++, x === 4));
console.log("short-circuit visits", visits);
const mapped = ["1", "2", "3"].map((s) => parseInt(s));
console.log(mapped.join(","), ["10", "10", "10"].map(Number).join(","));
