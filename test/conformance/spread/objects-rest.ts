// Checks object rest/spread together: removing keys immutably, defaults merging, getters evaluated once.
const user = { id: 1, name: "ann", password: "secret", role: "admin" };
const { password, ...publicUser } = user;
console.log(JSON.stringify(publicUser), password.length);
const defaults = { theme: "light", size: 12, lang: "en" };
const prefs = { size: 14, lang: undefined };
const merged = { ...defaults, ...prefs };
console.log(JSON.stringify(merged), "lang" in merged);
let reads = 0;
const withGetter = {
  get value(): number {
    return ++reads;
  },
};
const snap = { ...withGetter };
console.log(snap.value, snap.value, reads);
const update = <T extends object>(obj: T, patch: Partial<T>): T => ({ ...obj, ...patch });
const state = { count: 0, items: ["a"] };
const next = update(state, { count: 1 });
console.log(state.count, next.count, state.items === next.items);
const arrLike = { ...["x", "y"] };
console.log(JSON.stringify(arrLike), Object.keys(arrLike).join(","));
