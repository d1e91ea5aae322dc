// Checks ASCII toUpperCase/toLowerCase and case-insensitive comparison and title casing.
console.log("Hello World".toUpperCase(), "Hello World".toLowerCase());
console.log("123 abc!?".toUpperCase(), "MiXeD_42".toLowerCase(), "".toUpperCase() === "");
const eqi = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
console.log(eqi("ABC", "abc"), eqi("abc", "abd"));
const title = (s: string): string =>
  s
    .split(" ")
    .map((w) => (w.length === 0 ? w : w[0].toUpperCase() + w.slice(1).toLowerCase()))
    .join(" ");
console.log(title("the qUICK  brown fox"));
const camel = "some_snake_case_name"
  .split("_")
  .map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1)))
  .join("");
console.log(camel);
const s = "abc";
console.log(s.toUpperCase(), s, s.toUpperCase().toLowerCase() === s);
