// Checks const enums (inlined), enum members computed from other members, and enums as map keys.
const enum Size {
  Small = 1,
  Medium = Small * 2,
  Large = Medium * 2,
}
console.log(Size.Small, Size.Medium, Size.Large);
const sizes: Size[] = [Size.Large, Size.Small, Size.Medium];
console.log(sizes.sort((a, b) => a - b).join(","));
enum Status {
  Idle,
  Running,
  Done,
}
const labels = new Map<Status, string>([
  [Status.Idle, "idle"],
  [Status.Running, "running"],
  [Status.Done, "done"],
]);
let s = Status.Idle;
while (s !== Status.Done) {
  console.log(labels.get(s), Status[s]);
  s = s + 1;
}
console.log(labels.get(s), s === Status.Done);
const byName: Record<string, number> = {};
for (const k of Object.keys(Status)) if (Number.isNaN(Number(k))) byName[k] = Status[k as keyof typeof Status];
console.log(JSON.stringify(byName));
