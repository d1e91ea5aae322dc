// Checks spread in calls combined with rest parameters, and spreading large arrays into push.
function count(...args: unknown[]): number {
  return args.length;
}
console.log(count(), count(...[]), count(...[1, 2], 3, ...[4]), count(..."abc"));
function describe(first: string, ...rest: number[]): string {
  return `${first}[${rest.join(",")}]`;
}
const nums = [1, 2, 3];
console.log(describe("a", ...nums), describe(...(["b", 4, 5] as [string, number, number])));
const target: number[] = [];
const chunk = Array.from({ length: 5000 }, (_, i) => i);
target.push(...chunk);
target.push(...chunk);
console.log(target.length, target[9999]);
class Vec {
  constructor(public x: number, public y: number, public z: number) {}
}
const coords: [number, number, number] = [1, 2, 3];
const v = new Vec(...coords);
console.log(v.x + v.y + v.z);
const fns = [(a: number, b: number) => a + b, (a: number, b: number) => a * b];
const args: [number, number] = [6, 7];
console.log(fns.map((f) => f(...args)).join(","));
