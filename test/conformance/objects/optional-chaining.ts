// Checks optional chaining (?.) on properties, calls and indexes, and nullish coalescing (??).
interface User {
  name: string;
  address?: { city?: string; zip: number };
  tags?: string[];
  greet?: (s: string) => string;
}
const users: User[] = [
  { name: "a", address: { city: "Oslo", zip: 1 }, tags: ["x"], greet: (s) => "hi " + s },
  { name: "b", address: { zip: 2 } },
  { name: "c" },
];
for (const u of users) {
  console.log(u.name, u.address?.city, u.address?.zip, u.tags?.[0], u.greet?.(u.name));
  console.log(u.address?.city ?? "no city", u.tags?.length ?? -1);
}
const zero = 0;
const empty = "";
const nothing = <T>(): T | null | undefined => (zero === 0 ? undefined : null);
console.log(zero ?? 5, zero || 5, empty ?? "d", empty || "d", nothing<string>() ?? nothing<string>() ?? "last");
const maybe = nothing<{ f?: () => number }>();
console.log(maybe?.f?.(), maybe?.f === undefined);
let calls = 0;
const side = (): number => ++calls;
const none = nothing<number[]>();
console.log(none?.[side()], calls);
