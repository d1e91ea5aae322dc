// Checks numeric enums: auto-increment, explicit values, reverse mapping, and enum objects' keys.
enum Color {
  Red,
  Green,
  Blue = 10,
  Violet,
}
console.log(Color.Red, Color.Green, Color.Blue, Color.Violet);
console.log(Color[0], Color[10], Color[11], Color[5]);
console.log(Color[Color.Green], typeof Color.Red);
console.log(Object.keys(Color).join(","));
console.log(JSON.stringify(Color));
enum Flags {
  None = 0,
  Read = 1 << 0,
  Write = 1 << 1,
  Exec = 1 << 2,
  All = Read | Write | Exec,
}
const perms = Flags.Read | Flags.Exec;
console.log(perms, (perms & Flags.Write) !== 0, (perms & Flags.Exec) !== 0, Flags.All, Flags[7]);
const names: string[] = [];
for (const f of [Flags.Read, Flags.Write, Flags.Exec]) if (perms & f) names.push(Flags[f]);
console.log(names.join("|"));
enum Negative {
  A = -1,
  B,
  C = 2.5,
}
console.log(Negative.A, Negative.B, Negative.C, Negative[-1], Negative[2.5]);
