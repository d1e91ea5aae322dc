// The compiler's static strings (strings.ts) against the runtime (sdk/runtime/string.c), on the host:
// a C program built with the runtime interns a table laid out by staticStrings, then makes the same
// strings at run time (from UTF-16 units and from UTF-8), hashes them with rt_str_hash and interns them.
// Both hashes must equal strHash, and the run-time strings must resolve to the same atoms, before and
// after a collection (the static strings are outside the collector's arena, unrooted here, never swept).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import { loadBoard } from "../boards.ts";
import { build } from "../build.ts";
import { sdkPath } from "../paths.ts";
import { staticStrings, strHash } from "./strings.ts";

const STRINGS = [
  "", "a", "length", "hello: rumpsdk firmware up, ", "name", "0", "17", "4294967294", "4294967295", "01", "-1",
  "é", "naïve café", "日本語", "\u00ff\u0100", "😀", "a😀b", "𝄞 clef", "\u0000nul", "\ud800", "x\udc00",
  "a*/b??/", "\uffff",
];
// a canonical array index below 2^32 - 1 (rt_str_is_index)
const isIndex = (s: string) => s !== "" && String(Number(s) >>> 0) === s && s !== "4294967295";
const hasLoneSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

function program(): string {
  const n = STRINGS.length;
  const units = STRINGS.map((s) => `{${[...Array(s.length).keys()].map((k) => s.charCodeAt(k)).join(",") || 0}}`);
  const utf8 = STRINGS.map((s) => (hasLoneSurrogate(s) ? "0" : `"${[...Buffer.from(s)].map((b) => "\\x" + b.toString(16).padStart(2, "0")).join("")}"`));
  return `#include <rt/rt.h>
uint32_t rt_str_hash(rt_string *s); /* the runtime's (sdk/runtime/internal.h) */
${staticStrings("XS_", STRINGS)}
static rt_string *X_[${n}];
static const uint16_t units[${n}][32] = {${units.join(", ")}};
static const uint32_t lens[${n}] = {${STRINGS.map((s) => s.length).join(", ")}};
static const char *const utf8[${n}] = {${utf8.join(", ")}};
static const uint32_t nutf8[${n}] = {${STRINGS.map((s) => Buffer.byteLength(s)).join(", ")}};
static void put(const char *s) { size_t n = 0; while (s[n]) n++; rt_out_write(1, s, n); }
static void hex(uint32_t h) {
	char b[9];
	for (int i = 0; i < 8; i++) b[i] = "0123456789abcdef"[h >> (28 - 4 * i) & 15];
	b[8] = 0;
	put(b);
}
static void check(const char *when) {
	for (int i = 0; i < ${n}; i++) {
		rt_string *fresh = rt_flat(rt_str_new(units[i], lens[i]));
		put(when); put(" "); hex(rt_str_hash(fresh)); put(" ");
		if (utf8[i]) hex(rt_str_hash(rt_flat(rt_str_from_utf8(utf8[i], nutf8[i])))); else put("-");
		const char *x = (const char *)X_[i];
		put(rt_atom(rt_box_ptr(fresh)) == X_[i] ? " same" : " other");
		put(x >= (const char *)&XS_ && x < (const char *)(&XS_ + 1) ? " static" : " runtime");
		put(X_[i]->h.flags & RT_F_INDEX ? " index\\n" : "\\n");
	}
}
void rt_app_main(void) {
	rt_atoms_init(X_, &XS_, ${n});
	check("init");
	rt_gc_collect();
	check("gc");
	rt_out_flush();
}
`;
}

let lines: string[];
beforeAll(async () => {
  const dir = sdkPath("build", "test", "static-strings");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "main.ts"), "// the C is written by toolchain/compiler/strings.test.ts\n");
  const exe = path.join(dir, "strings");
  await build({ input: path.join(dir, "main.ts"), board: loadBoard("host"), output: exe, quiet: true, compiled: { c: program() } });
  const r = spawnSync(exe, [], { encoding: "utf8", timeout: 30_000 });
  expect(r.status).toBe(0);
  lines = r.stdout.trim().split("\n");
}, 300_000);

test("strHash is the runtime's hash (rt_str_hash, and the one rt_str_from_utf8 computes for ASCII)", () => {
  const want = (when: string) => STRINGS.map((s) => `${when} ${strHash(s).toString(16).padStart(8, "0")} ${hasLoneSurrogate(s) ? "-" : strHash(s).toString(16).padStart(8, "0")}`);
  expect(lines.map((l) => l.split(" ").slice(0, 3).join(" "))).toEqual([...want("init"), ...want("gc")]);
});

// atoms the runtime makes at start-up ("" may be one or not: its place is not checked)
const RUNTIME = new Set(["length", "name"]);

test("static strings intern as the runtime's atoms, survive a collection, and keep the runtime's own ('length')", () => {
  const want = (when: string) => STRINGS.map((s) => `${when} same ${s === "" ? "-" : RUNTIME.has(s) ? "runtime" : "static"}${isIndex(s) ? " index" : ""}`);
  const got = lines.map((l, i) => { const w = l.split(" "); return [w[0], w[3], STRINGS[i % STRINGS.length] === "" ? "-" : w[4], ...w.slice(5)].join(" "); });
  expect(got).toEqual([...want("init"), ...want("gc")]);
});

test("strHash is 32-bit FNV-1a (its published values for ASCII text, where units are bytes)", () => {
  expect([strHash(""), strHash("a"), strHash("foobar")]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
});
