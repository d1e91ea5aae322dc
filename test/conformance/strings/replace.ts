// Checks replace/replaceAll with string patterns, special $ patterns and function replacers.
const s = "one two one two one";
console.log(s.replace("one", "1"), s.replaceAll("one", "1"));
console.log(s.replace("zzz", "!"), s.replaceAll("", "."));
console.log("aaa".replaceAll("aa", "b"), "a.b.c".replaceAll(".", "/"));
console.log("price: X".replace("X", "$$5"), "abc".replace("b", "[$&]"), "abc".replace("b", "$`|$'"));
console.log("x-y".replace("-", () => "$&"), "hello".replace("l", (m: string) => m.toUpperCase()));
let n = 0;
console.log("a_b_c".replaceAll("_", () => String(++n)));
console.log("abc".replace("", "^"), "".replace("", "empty"));
const template = "Hello {name}, you are {age}";
const data: Record<string, string> = { name: "Ada", age: "36" };
let out = template;
for (const key of Object.keys(data)) out = out.replaceAll("{" + key + "}", data[key]);
console.log(out);
