// A program's property keys and string literals as the runtime's own string objects (rt_string,
// sdk/runtime/include/rt/rt.h), laid out at compile time so that start-up only interns them by pointer.

/** The runtime's string hash, rt_str_hash in sdk/runtime/string.c: FNV-1a over the UTF-16 units, never 0. */
export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}

/** Is s a canonical array index ("0", "17", below 2^32 - 1): rt_str_is_index in sdk/runtime/string.c. */
const isIndex = (s: string) => /^(0|[1-9][0-9]{0,9})$/.test(s) && Number(s) < 0xffffffff;

/**
 * C defining `name`: the strings back to back in one read-only struct, each an RT_STR(max(len, 1))
 * (rt.h) with its header (type, mark set, the flags rt_atom would give it, its size), length, hash and
 * UTF-16 units, for rt_atoms_init / rt_lits_init, which step from one to the next by the header's size.
 */
export function staticStrings(name: string, strs: string[]): string {
  const members: string[] = [];
  const inits: string[] = [];
  let total = 0;
  strs.forEach((s, i) => {
    const n = Math.max(1, s.length);
    const size = 16 + ((2 * n + 3) & ~3); // rt_hdr, len, hash, the units padded to the struct's 4-byte alignment
    const units = Array.from({ length: n }, (_, k) => (k < s.length ? s.charCodeAt(k) : 0));
    const flags = isIndex(s) ? "RT_F_INTERNED | RT_F_INDEX" : "RT_F_INTERNED";
    // the text in a comment, with "*/" and trigraphs ("??/") escaped
    members.push(`\tRT_STR(${n}) s${i}; /* ${JSON.stringify(s).replace(/[/?]/g, "\\$&")} */`);
    inits.push(`\t{{RT_T_STRING, 1, ${flags}, ${size}}, ${s.length}, 0x${strHash(s).toString(16)}u, {${units.join(",")}}},`);
    total += size;
  });
  return [
    `static const struct {`, ...members, `} ${name} = {`, ...inits, `};`,
    `_Static_assert(sizeof ${name} == ${total}, "${name}: the strings lie back to back, each h.size bytes");`,
  ].join("\n");
}
