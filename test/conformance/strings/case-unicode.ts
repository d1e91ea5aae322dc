// Checks Unicode case mapping beyond ASCII: Latin-1, Greek, special casing that changes length.
console.log("ÀÉÎõü".toLowerCase(), "àéîõü".toUpperCase());
console.log("straße".toUpperCase(), "ﬀ".toUpperCase(), "ǅ".toLowerCase(), "ǆ".toUpperCase());
console.log("ΑΒΓ".toLowerCase(), "αβγ".toUpperCase(), "ΣΑΣ".toLowerCase());
console.log("İ".toLowerCase().length, "i".toUpperCase(), "ı".toUpperCase());
console.log("Привет".toUpperCase(), "ПРИВЕТ".toLowerCase());
console.log("😀a".toUpperCase(), "ÿ".toUpperCase(), "µ".toUpperCase());
const words = ["Éclair", "éclair", "ÉCLAIR"];
console.log(words.map((w) => w.toLowerCase()).every((w) => w === "éclair"));
const lengths = ["ß", "ŉ", "ǰ", "ΐ"].map((c) => c.toUpperCase().length);
console.log(lengths.join(","));
console.log("ΌΣΟΣ".toLowerCase(), "Σ".toLowerCase());
