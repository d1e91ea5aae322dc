// Checks JSON string escaping: control characters, quotes, backslash, unicode, lone surrogates.
const samples = ["plain", "quote\"", "back\\slash", "nl\ncr\rtab\t", "\b\f", "\u0000\u0001\u001f", "\u007f", "é😀", "\u2028\u2029", "\ud800", "\udc00x", "</script>"];
for (const s of samples) console.log(JSON.stringify(s));
console.log(JSON.stringify({ "key\n": "v", "ü": 1 }));
const round = samples.map((s) => JSON.parse(JSON.stringify(s)) === s);
console.log(round.join(","));
console.log(JSON.stringify(String.fromCharCode(0x10, 0x1b)));
console.log(JSON.parse("\"\\u0041\\u00e9\\ud83d\\ude00\\/\""));
const controls: string[] = [];
for (let c = 0; c < 32; c += 5) controls.push(JSON.stringify(String.fromCharCode(c)));
console.log(controls.join(" "));
