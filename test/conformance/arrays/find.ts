// Checks find/findIndex/findLast/findLastIndex, including not-found results and holes.
interface Item {
  id: number;
  tag: string;
}
const items: Item[] = [
  { id: 1, tag: "a" },
  { id: 2, tag: "b" },
  { id: 3, tag: "a" },
  { id: 4, tag: "c" },
];
console.log(items.find((i) => i.tag === "a")?.id, items.findLast((i) => i.tag === "a")?.id);
console.log(items.findIndex((i) => i.tag === "c"), items.findLastIndex((i) => i.tag === "b"));
console.log(items.find((i) => i.tag === "z"), items.findIndex((i) => i.id > 10), items.findLastIndex(() => false));
const nums = [5, 12, 8, 130, 44];
console.log(nums.find((n) => n > 10), nums.findLast((n) => n > 10), nums.findIndex((n) => n > 1000));
const holes = [1, , 3];
let calls = 0;
console.log(holes.find(() => (calls++, false)), calls);
const byIndex = nums.find((_, i) => i === 2);
console.log(byIndex);
