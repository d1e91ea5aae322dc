// String literals and property keys written in the program (laid out by the compiler, interned at
// start-up) against the same strings made at run time: equality, property lookup both ways, `in`,
// switch, Map keys, array-index keys ordered first, non-ASCII, astral and lone-surrogate text.
const made = (codes: number[]): string => String.fromCharCode(...codes);
const texts: string[] = ["length", "name", "café", "日本", "😀", "a😀b", "\ud800", "x\udc00y", "0", "17", "4294967295", "01", ""];
for (const t of texts) {
  const codes: number[] = [];
  for (let i = 0; i < t.length; i++) codes.push(t.charCodeAt(i));
  const m = made(codes);
  console.log(JSON.stringify(t), t === m, t.length, m.length);
}

const o: Record<string, number> = { café: 1, "😀": 2, "\ud800": 3, b: 4, "17": 5, "0": 6, "4294967295": 7, "01": 8 };
console.log(Object.keys(o).map((k) => JSON.stringify(k)).join(" "));
console.log(o[made([0x63, 0x61, 0x66, 0xe9])], o[made([0xd83d, 0xde00])], o[made([0xd800])], o[made([0x31, 0x37])], o[made([0x30])]);
console.log(made([0xd83d, 0xde00]) in o, made([0xd83d]) in o, "length" in [1, 2], made([0x6c, 0x65, 0x6e, 0x67, 0x74, 0x68]) in [1]);

const p: Record<string, number> = {};
p[made([0x65e5, 0x672c])] = 9;
p[made([0x61, 0xd83d, 0xde00, 0x62])] = 10;
console.log(p["日本"], p["a😀b"], Object.keys(p).join(","));

function kind(s: string): string {
  switch (s) {
    case "café": return "coffee";
    case "😀": return "smile";
    case "\udc00": return "lone";
    default: return "other";
  }
}
console.log(kind(made([0x63, 0x61, 0x66, 0xe9])), kind(made([0xd83d, 0xde00])), kind(made([0xdc00])), kind("cafe"));

const map = new Map<string, number>([["日本", 1], ["😀", 2]]);
console.log(map.get(made([0x65e5, 0x672c])), map.get(made([0xd83d, 0xde00])), map.has("\ud83d"));
const arr = [10, 20, 30];
console.log(arr[made([0x31]) as unknown as number], (arr as unknown as Record<string, number>)["2"], [..."a😀"].length);
