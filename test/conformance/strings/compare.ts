// Checks string comparison with < and >: UTF-16 code unit order, prefixes, case, and sorting.
console.log("a" < "b", "B" < "a", "abc" < "abd", "ab" < "abc", "" < "a");
console.log("Z" < "a", "10" < "9", "é" > "z", "😀" > "\uffff", "\uffff" > "😀");
console.log("a" === "a", "a" == "a", "abc" !== "ab" + "c");
const words = ["banana", "Apple", "cherry", "apple", "Banana", "10", "9", "é", "z"];
console.log([...words].sort().join(" "));
console.log([...words].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)).join(" "));
const max = words.reduce((m, w) => (w > m ? w : m));
console.log(max);
console.log(["b", "a"].sort()[0], ["b", "a", "C"].sort().join(""));
console.log("abc" >= "abc", "abc" <= "ab");
