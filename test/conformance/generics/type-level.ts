// Checks code using mapped, conditional and utility types (erased at run time) still behaves normally.
interface Settings {
  host: string;
  port: number;
  debug: boolean;
}
type Partialize<T> = { [K in keyof T]?: T[K] };
function merge(base: Settings, patch: Partialize<Settings>): Settings {
  return { ...base, ...patch };
}
const base: Settings = { host: "localhost", port: 80, debug: false };
console.log(JSON.stringify(merge(base, { port: 8080 })), JSON.stringify(merge(base, {})));
type Getters<T> = { [K in keyof T as `get${Capitalize<string & K>}`]: () => T[K] };
function getters(s: Settings): Getters<Settings> {
  return { getHost: () => s.host, getPort: () => s.port, getDebug: () => s.debug };
}
const g = getters(base);
console.log(g.getHost(), g.getPort(), g.getDebug());
type ElementOf<T> = T extends readonly (infer E)[] ? E : never;
const tuple = ["a", 1, true] as const;
const firstEl: ElementOf<typeof tuple> = tuple[0];
console.log(firstEl, tuple.length);
const picked: Pick<Settings, "host"> = { host: "h" };
const omitted: Omit<Settings, "host" | "debug"> = { port: 1 };
const ro: Readonly<Settings> = base;
console.log(JSON.stringify(picked), JSON.stringify(omitted), ro.port);
const rec: Record<"a" | "b", number[]> = { a: [1], b: [] };
console.log(Object.keys(rec).join(","), rec.a.length + rec.b.length);
function assertNever(x: never): never {
  throw new Error("unexpected " + String(x));
}
console.log(typeof assertNever);
