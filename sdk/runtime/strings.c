/*
 * String.prototype and String: the common methods with UTF-16 semantics.
 */
#include "internal.h"

#define NATIVE(n) static rt_value n(rt_function *self, rt_value this_, int argc, const rt_value *argv)

static rt_value this_str(rt_value v) {
	if (rt_is_str(v)) return v;
	if (rt_is_nullish(v)) rt_throw_type("String.prototype method called on null or undefined");
	return rt_tostring(v);
}
/* rt_flat with the flat case inline (the methods' receivers are mostly flat) */
static inline __attribute__((always_inline)) rt_string *flat(rt_value v) {
	rt_string *f = (rt_string *)rt_ptr(v);
	if (f->h.type == RT_T_STRING) return f;
	rt_rope *r = (rt_rope *)f;
	return r->left == RT_UNDEF ? (rt_string *)rt_ptr(r->right) : rt_flat(v);
}
#define S0 rt_value s = this_str(this_); rt_string *f = rt_flat(s); (void)f

rt_value rt_str_at(rt_value s, double i) {
	rt_string *f = rt_flat(s);
	uint32_t k = (uint32_t)i;
	if ((double)k != i || k >= f->len) return RT_UNDEF;
	return rt_str_new(f->s + k, 1);
}
double rt_str_code_at_slow(rt_value s, double i) {
	rt_string *f = rt_flat(s);
	uint32_t k = (uint32_t)i;
	if ((double)k != i || k >= f->len) return __builtin_nan("");
	return f->s[k];
}

static uint32_t clampi(double d, uint32_t len) {
	if (d != d) return 0;
	if (d < 0) return 0;
	if (d > len) return len;
	return (uint32_t)d;
}
static uint32_t relidx(int argc, const rt_value *argv, int i, uint32_t len, uint32_t dflt) {
	if (i >= argc || argv[i] == RT_UNDEF) return dflt;
	double d = rt_to_integer(rt_tonum(argv[i]));
	if (d < 0) { d += len; return d < 0 ? 0 : (uint32_t)d; }
	return d > len ? len : (uint32_t)d;
}

static int64_t find(rt_string *h, rt_string *n, uint32_t from) {
	if (n->len == 0) return from <= h->len ? from : h->len;
	if (n->len > h->len) return -1;
	uint16_t c0 = n->s[0];
	const uint16_t *hs = h->s;
	const uint64_t ones = 0x0001000100010001ULL, pat = ones * c0;
	typedef uint16_t v8u16 __attribute__((vector_size(16)));
	const v8u16 vpat = (v8u16){0} + c0;
	for (uint32_t i = from, last = h->len - n->len; i <= last; i++) {
		/* skip 8 units at a time (a vector compare), then 4 (a zero 16-bit lane of w ^ pat), while
		 * none of them is c0 */
		while (i + 7 <= last) {
			v8u16 w;
			uint64_t m[2];
			__builtin_memcpy(&w, hs + i, 16);
			w = (v8u16)(w == vpat);
			__builtin_memcpy(m, &w, 16);
			if (m[0] | m[1]) break;
			i += 8;
		}
		while (i + 3 <= last) {
			uint64_t w;
			__builtin_memcpy(&w, hs + i, 8);
			w ^= pat;
			if ((w - ones) & ~w & (ones << 15)) break;
			i += 4;
		}
		if (i > last) break; /* the skips may end one past the last start */
		if (hs[i] != c0) continue;
		uint32_t k = 1;
		while (k < n->len && hs[i + k] == n->s[k]) k++;
		if (k == n->len) return i;
	}
	return -1;
}

NATIVE(s_charat) {
	S0;
	double i = rt_to_integer(rt_arg_num(argc, argv, 0, 0));
	if (i < 0 || i >= f->len) return rt_empty_str;
	return rt_str_new(f->s + (uint32_t)i, 1);
}
NATIVE(s_charcodeat) {
	S0;
	double i = rt_to_integer(rt_arg_num(argc, argv, 0, 0));
	if (i < 0 || i >= f->len) return rt_num(__builtin_nan(""));
	return rt_num(f->s[(uint32_t)i]);
}
NATIVE(s_codepointat) {
	S0;
	double i = rt_to_integer(rt_arg_num(argc, argv, 0, 0));
	if (i < 0 || i >= f->len) return RT_UNDEF;
	uint32_t k = (uint32_t)i;
	uint16_t c = f->s[k];
	if (c >= 0xD800 && c < 0xDC00 && k + 1 < f->len && f->s[k + 1] >= 0xDC00 && f->s[k + 1] <= 0xDFFF)
		return rt_num(0x10000 + ((c - 0xD800) << 10) + (f->s[k + 1] - 0xDC00));
	return rt_num(c);
}
NATIVE(s_at) {
	S0;
	double i = rt_to_integer(rt_arg_num(argc, argv, 0, 0));
	if (i < 0) i += f->len;
	if (i < 0 || i >= f->len) return RT_UNDEF;
	return rt_str_new(f->s + (uint32_t)i, 1);
}
NATIVE(s_indexof) {
	S0;
	rt_string *n = rt_flat(rt_arg_str(argc, argv, 0));
	f = rt_flat(s);
	uint32_t from = clampi(rt_to_integer(rt_arg_num(argc, argv, 1, 0)), f->len);
	return rt_num((double)find(f, n, from));
}
NATIVE(s_lastindexof) {
	S0;
	rt_string *n = rt_flat(rt_arg_str(argc, argv, 0));
	f = rt_flat(s);
	double fromd = rt_arg_num(argc, argv, 1, __builtin_inf());
	if (fromd != fromd) fromd = __builtin_inf();
	int64_t start = (int64_t)f->len - (int64_t)n->len;
	if (fromd < start) start = fromd < 0 ? 0 : (int64_t)fromd;
	for (int64_t i = start; i >= 0; i--)
		if (RT_MEMCMP(f->s + i, n->s, (size_t)n->len * 2) == 0) return rt_num((double)i);
	return rt_num(-1);
}
NATIVE(s_includes) {
	S0;
	rt_string *n = rt_flat(rt_arg_str(argc, argv, 0));
	f = rt_flat(s);
	uint32_t from = clampi(rt_to_integer(rt_arg_num(argc, argv, 1, 0)), f->len);
	return rt_bool(find(f, n, from) >= 0);
}
NATIVE(s_startswith) {
	S0;
	rt_string *n = rt_flat(rt_arg_str(argc, argv, 0));
	f = rt_flat(s);
	uint32_t pos = clampi(rt_to_integer(rt_arg_num(argc, argv, 1, 0)), f->len);
	if (pos + n->len > f->len) return RT_FALSE;
	return rt_bool(RT_MEMCMP(f->s + pos, n->s, (size_t)n->len * 2) == 0);
}
NATIVE(s_endswith) {
	S0;
	rt_string *n = rt_flat(rt_arg_str(argc, argv, 0));
	f = rt_flat(s);
	uint32_t end = clampi(rt_to_integer(rt_arg_num(argc, argv, 1, f->len)), f->len);
	if (n->len > end) return RT_FALSE;
	return rt_bool(RT_MEMCMP(f->s + end - n->len, n->s, (size_t)n->len * 2) == 0);
}
NATIVE(s_slice) {
	S0;
	uint32_t a = relidx(argc, argv, 0, f->len, 0), b = relidx(argc, argv, 1, f->len, f->len);
	return rt_substr(s, a, b > a ? b : a);
}
NATIVE(s_substring) {
	S0;
	uint32_t a = clampi(rt_to_integer(rt_arg_num(argc, argv, 0, 0)), f->len);
	uint32_t b = clampi(rt_to_integer(rt_arg_num(argc, argv, 1, f->len)), f->len);
	if (a > b) { uint32_t t = a; a = b; b = t; }
	return rt_substr(s, a, b);
}
NATIVE(s_substr) {
	S0;
	uint32_t a = relidx(argc, argv, 0, f->len, 0);
	double n = rt_to_integer(rt_arg_num(argc, argv, 1, f->len));
	uint32_t b = n <= 0 ? a : (a + n > f->len ? f->len : a + (uint32_t)n);
	return rt_substr(s, a, b);
}

/* Unicode case mapping: generated tables (casemap.h) of runs with a common delta, plus the
 * mappings to several code points; final sigma is the one context-dependent rule. */
#include "casemap.h"
static uint32_t map_simple(const rt_caserun *t, int n, uint32_t c) {
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		const rt_caserun *r = &t[mid];
		if (c < r->start) hi = mid - 1;
		else if (c > r->start + (uint32_t)(r->len - 1) * r->stride) lo = mid + 1;
		else return (c - r->start) % r->stride ? c : (uint32_t)((int32_t)c + r->delta);
	}
	return c;
}
static const rt_casespecial *map_special(const rt_casespecial *t, int n, uint32_t c) {
	for (int i = 0; i < n; i++) if (t[i].cp == c) return &t[i];
	return 0;
}
#define NRUNS(t) ((int)(sizeof(t) / sizeof(t[0])))
static uint32_t upper1(uint32_t c) { return map_simple(case_upper_runs, NRUNS(case_upper_runs), c); }
static uint32_t lower1(uint32_t c) { return map_simple(case_lower_runs, NRUNS(case_lower_runs), c); }
static int is_cased(uint32_t c) { return upper1(c) != c || lower1(c) != c || (c >= 0xDF && c <= 0x24F); }
static int case_ignorable(uint32_t c) {
	return c == '\'' || c == '.' || c == ':' || c == 0xB7 || c == 0x2019 || (c >= 0x300 && c <= 0x36F);
}
static uint32_t cp_at(rt_string *f, uint32_t i, uint32_t *w) {
	uint32_t c = f->s[i];
	*w = 1;
	if (c >= 0xD800 && c < 0xDC00 && i + 1 < f->len && f->s[i + 1] >= 0xDC00 && f->s[i + 1] < 0xE000) {
		*w = 2;
		return 0x10000 + ((c - 0xD800) << 10) + (f->s[i + 1] - 0xDC00);
	}
	return c;
}
static void sb_cp(rt_sb *b, uint32_t c) {
	if (c >= 0x10000) {
		c -= 0x10000;
		rt_sb_add(b, (uint16_t)(0xD800 + (c >> 10)));
		rt_sb_add(b, (uint16_t)(0xDC00 + (c & 0x3FF)));
	} else rt_sb_add(b, (uint16_t)c);
}
/* Σ is ς at the end of a word: a cased letter before it, none after (case-ignorables skipped) */
static int final_sigma(rt_string *f, uint32_t i) {
	int before = 0, after = 0;
	for (uint32_t k = i; k > 0; k--) {
		uint32_t c = f->s[k - 1];
		if (case_ignorable(c)) continue;
		before = is_cased(c);
		break;
	}
	for (uint32_t k = i + 1; k < f->len; k++) {
		uint32_t c = f->s[k];
		if (case_ignorable(c)) continue;
		after = is_cased(c);
		break;
	}
	return before && !after;
}
static rt_value change_case(rt_value s, int up) {
	{ /* ASCII strings: map in place in a copy, or return s when nothing changes */
		rt_string *f = rt_flat(s);
		uint32_t i = 0, n = f->len;
		uint16_t lo = up ? 'a' : 'A';
		while (i < n && f->s[i] < 0x80 && (uint16_t)(f->s[i] - lo) >= 26) i++;
		if (i == n) return s;
		uint32_t j = i;
		while (j < n && f->s[j] < 0x80) j++;
		if (j == n) {
			rt_string *r = rt_str_alloc(n);
			for (uint32_t k = 0; k < n; k++) {
				uint16_t c = f->s[k];
				r->s[k] = (uint16_t)(c - lo) < 26 ? c ^ 0x20 : c;
			}
			return rt_box_ptr(r);
		}
	}
	rt_sb b;
	rt_sb_init(&b);
	for (uint32_t i = 0; i < rt_str_len(s);) {
		rt_string *f = rt_flat(s);
		uint32_t w, c = cp_at(f, i, &w);
		const rt_casespecial *sp = c < 0xDF ? 0 : up ? map_special(case_upper_special, CASE_UPPER_NSPECIAL, c)
			: map_special(case_lower_special, CASE_LOWER_NSPECIAL, c);
		if (sp) {
			for (int k = 0; k < 3 && sp->to[k]; k++) sb_cp(&b, sp->to[k]);
		} else if (!up && c == 0x3A3 && final_sigma(f, i)) rt_sb_add(&b, 0x3C2);
		else sb_cp(&b, up ? upper1(c) : lower1(c));
		i += w;
	}
	return rt_sb_done(&b);
}
NATIVE(s_upper) { S0; return change_case(s, 1); }
NATIVE(s_lower) { S0; return change_case(s, 0); }

static rt_value trim(rt_value s, int start, int end) {
	rt_string *f = rt_flat(s);
	uint32_t a = 0, b = f->len;
	if (start) while (a < b && rt_is_js_space(f->s[a])) a++;
	if (end) while (b > a && rt_is_js_space(f->s[b - 1])) b--;
	return rt_substr(s, a, b);
}
NATIVE(s_trim) { S0; return trim(s, 1, 1); }
NATIVE(s_trimstart) { S0; return trim(s, 1, 0); }
NATIVE(s_trimend) { S0; return trim(s, 0, 1); }

static rt_value pad(rt_value s, int argc, const rt_value *argv, int atstart) {
	double target = rt_to_integer(rt_arg_num(argc, argv, 0, 0));
	uint32_t len = rt_str_len(s);
	if (target <= len) return s;
	rt_value filler = argc > 1 && argv[1] != RT_UNDEF ? rt_tostring(argv[1]) : rt_str_c(" ");
	uint32_t fl = rt_str_len(filler);
	if (fl == 0) return s;
	rt_sb b;
	rt_sb_init(&b);
	if (!atstart) rt_sb_addv(&b, s);
	uint32_t need = (uint32_t)target - len;
	for (uint32_t i = 0; i < need; i++) rt_sb_add(&b, rt_flat(filler)->s[i % fl]);
	if (atstart) rt_sb_addv(&b, s);
	return rt_sb_done(&b);
}
NATIVE(s_padstart) { S0; return pad(s, argc, argv, 1); }
NATIVE(s_padend) { S0; return pad(s, argc, argv, 0); }
NATIVE(s_repeat) {
	S0;
	double n = rt_to_integer(rt_arg_num(argc, argv, 0, 0));
	if (n < 0 || n == __builtin_inf()) rt_throw_range("Invalid count value: -1");
	if ((double)f->len * n > 0x3FFFFFFF) rt_throw_range("Invalid string length");
	rt_sb b;
	rt_sb_init(&b);
	for (uint32_t i = 0; i < (uint32_t)n; i++) rt_sb_addv(&b, s);
	return rt_sb_done(&b);
}
NATIVE(s_concat) {
	S0;
	for (int i = 0; i < argc; i++) s = rt_concat(s, rt_tostring(argv[i]));
	return s;
}
NATIVE(s_split) {
	S0;
	rt_value sep = rt_arg(argc, argv, 0);
	double lim = argc > 1 && argv[1] != RT_UNDEF ? (double)rt_u32(rt_tonum(argv[1])) : 4294967295.0;
	rt_value out = rt_array_new(0, 4);
	if (lim == 0) return out;
	if (sep == RT_UNDEF) { rt_array_push(out, s); return out; }
	rt_string *n = rt_flat(rt_tostring(sep));
	f = rt_flat(s);
	if (n->len == 0) {
		for (uint32_t i = 0; i < f->len && i < lim; i++) rt_array_push(out, rt_str_new(rt_flat(s)->s + i, 1));
		return out;
	}
	uint32_t start = 0;
	for (;;) {
		int64_t k = find(rt_flat(s), n, start);
		if (k < 0) break;
		rt_array_push(out, rt_substr(s, start, (uint32_t)k));
		if (((rt_array *)rt_ptr(out))->len >= lim) return out;
		start = (uint32_t)k + n->len;
	}
	rt_array_push(out, rt_substr(s, start, rt_str_len(s)));
	return out;
}

/* replacement patterns: $$, $&, $` and $' (no capture groups without regular expressions) */
static void add_replacement(rt_sb *b, rt_value rep, rt_value s, uint32_t pos, uint32_t mlen) {
	rt_string *r = rt_flat(rep);
	for (uint32_t i = 0; i < r->len; i++) {
		uint16_t c = rt_flat(rep)->s[i];
		if (c == '$' && i + 1 < r->len) {
			uint16_t d = rt_flat(rep)->s[i + 1];
			if (d == '$') { rt_sb_add(b, '$'); i++; continue; }
			if (d == '&') { rt_sb_addu(b, rt_flat(s)->s + pos, mlen); i++; continue; }
			if (d == '`') { rt_sb_addu(b, rt_flat(s)->s, pos); i++; continue; }
			if (d == '\'') { rt_sb_addu(b, rt_flat(s)->s + pos + mlen, rt_str_len(s) - pos - mlen); i++; continue; }
		}
		rt_sb_add(b, c);
	}
}
static rt_value replace(rt_value s, int argc, const rt_value *argv, int all) {
	rt_value pat = rt_arg_str(argc, argv, 0);
	rt_value rep = rt_arg(argc, argv, 1);
	int fn = rt_is_func(rep);
	if (!fn) rep = rt_tostring(rep);
	rt_sb b;
	rt_sb_init(&b);
	uint32_t start = 0, plen = rt_str_len(pat);
	int any = 0;
	for (;;) {
		int64_t k = find(rt_flat(s), rt_flat(pat), start);
		if (k < 0 || (any && !all)) break;
		if (plen == 0 && any && (uint32_t)k >= rt_str_len(s) + 1) break;
		any = 1;
		rt_sb_addu(&b, rt_flat(s)->s + start, (uint32_t)k - start);
		if (fn) {
			rt_value args[3] = {pat, rt_num((double)k), s};
			rt_sb_addv(&b, rt_tostring(rt_call(rep, RT_UNDEF, 3, args)));
		} else add_replacement(&b, rep, s, (uint32_t)k, plen);
		if (plen == 0) {
			if ((uint32_t)k < rt_str_len(s)) rt_sb_add(&b, rt_flat(s)->s[k]);
			start = (uint32_t)k + 1;
			if (start > rt_str_len(s)) break;
		} else start = (uint32_t)k + plen;
		if (!all) break;
	}
	if (start <= rt_str_len(s)) rt_sb_addu(&b, rt_flat(s)->s + start, rt_str_len(s) - start);
	return rt_sb_done(&b);
}
NATIVE(s_replace) { S0; return replace(s, argc, argv, 0); }
NATIVE(s_replaceall) { S0; return replace(s, argc, argv, 1); }
NATIVE(s_localecompare) {
	S0;
	int c = rt_str_cmp(s, rt_arg_str(argc, argv, 0));
	return rt_num(c);
}
NATIVE(s_tostring) { return this_str(this_); }

/* s.indexOf(n, from) and s.substring(a, b) with s and n strings and number arguments (compiled code;
 * from = 0 and b = +Infinity when absent: the same results as the natives) */
static uint32_t clampd(double d, uint32_t len) { /* ToIntegerOrInfinity, then clamped to [0, len] */
	return d > 0 ? (d < len ? (uint32_t)d : len) : 0;
}
double rt_str_indexof_d(rt_value s, rt_value n, double from) {
	rt_string *f = flat(s);
	return (double)find(f, flat(n), clampd(from, f->len));
}
rt_value rt_str_substring_d(rt_value s, double a, double b) {
	rt_string *f = flat(s);
	uint32_t x = clampd(a, f->len), y = clampd(b, f->len);
	if (x > y) { uint32_t t = x; x = y; y = t; }
	if (x == 0 && y == f->len) return s;
	if (y == x) return RT_LIT_EMPTY();
	rt_string *r = rt_str_alloc(y - x);
	rt_copy16(r->s, flat(s)->s + x, y - x);
	return rt_box_ptr(r);
}

/* String.prototype methods called directly by compiled code on a receiver that is statically a
 * string (the compiler's fast path: no property lookup, no call frame); same natives, same results */
rt_value rt_str_method(int m, rt_value s, int argc, const rt_value *argv) {
	static const rt_code natives[] = {s_indexof, s_lastindexof, s_includes, s_startswith, s_endswith, s_slice, s_substring,
		s_lower, s_upper, s_trim, s_split, s_charat, s_trimstart, s_trimend, s_padstart, s_padend, s_repeat, s_replaceall, s_at};
	return natives[m](0, s, argc, argv);
}
NATIVE(s_normalize) { return this_str(this_); }
NATIVE(s_iter) { return rt_make_iter_obj(this_str(this_), 10); }

NATIVE(str_ctor) {
	if (argc == 0) return rt_empty_str;
	rt_value v = argv[0];
	if (rt_is_str(v) && (rt_flat(v)->h.flags & RT_F_SYMBOL)) return rt_substr(v, 0, rt_str_len(v)); /* Symbol(x) text */
	return rt_tostring(v);
}
NATIVE(str_fromcharcode) {
	rt_sb b;
	rt_sb_init(&b);
	for (int i = 0; i < argc; i++) rt_sb_add(&b, (uint16_t)rt_u32(rt_tonum(argv[i])));
	return rt_sb_done(&b);
}
/* String.raw(strings, ...subs): the raw parts interleaved with the substitutions */
NATIVE(str_raw) {
	rt_value raw = rt_get(rt_arg(argc, argv, 0), rt_atom_c("raw"));
	uint32_t n = (uint32_t)rt_to_integer(rt_tonum(rt_get(raw, rt_atom_length)));
	rt_sb b;
	rt_sb_init(&b);
	for (uint32_t i = 0; i < n; i++) {
		rt_sb_addv(&b, rt_tostring(rt_get_index(raw, rt_num(i))));
		if (i + 1 < n && (int)i + 1 < argc) rt_sb_addv(&b, rt_tostring(argv[i + 1]));
	}
	return rt_sb_done(&b);
}
NATIVE(str_fromcodepoint) {
	rt_sb b;
	rt_sb_init(&b);
	for (int i = 0; i < argc; i++) {
		double d = rt_tonum(argv[i]);
		if (d < 0 || d > 0x10FFFF || d != (double)(uint32_t)d) rt_throw_range("Invalid code point");
		uint32_t c = (uint32_t)d;
		if (c >= 0x10000) {
			c -= 0x10000;
			rt_sb_add(&b, (uint16_t)(0xD800 + (c >> 10)));
			rt_sb_add(&b, (uint16_t)(0xDC00 + (c & 0x3FF)));
		} else rt_sb_add(&b, (uint16_t)c);
	}
	return rt_sb_done(&b);
}

void rt_init_string_methods(void) {
	rt_value p = rt_proto_string;
	static const rt_fndef methods1[] = {
		{"charAt", s_charat, 1}, {"charCodeAt", s_charcodeat, 1}, {"codePointAt", s_codepointat, 1},
		{"at", s_at, 1}, {"indexOf", s_indexof, 1}, {"lastIndexOf", s_lastindexof, 1}, {"includes", s_includes, 1},
		{"startsWith", s_startswith, 1}, {"endsWith", s_endswith, 1}, {"slice", s_slice, 2},
		{"substring", s_substring, 2}, {"substr", s_substr, 2}, {"toUpperCase", s_upper, 0},
		{"toLowerCase", s_lower, 0}, {"toLocaleUpperCase", s_upper, 0}, {"toLocaleLowerCase", s_lower, 0},
		{"trim", s_trim, 0}, {"trimStart", s_trimstart, 0}, {"trimEnd", s_trimend, 0}, {"padStart", s_padstart, 2},
		{"padEnd", s_padend, 2}, {"repeat", s_repeat, 1}, {"concat", s_concat, 1}, {"split", s_split, 2},
		{"replace", s_replace, 2}, {"replaceAll", s_replaceall, 2}, {"localeCompare", s_localecompare, 1},
		{"toString", s_tostring, 0}, {"valueOf", s_tostring, 0}, {"normalize", s_normalize, 0},
		{0, s_iter, 0}, /* [Symbol.iterator] */
	};
	static const rt_fndef methods2[] = {
		{"fromCharCode", str_fromcharcode, 1}, {"fromCodePoint", str_fromcodepoint, 1}, {"raw", str_raw, 1},
	};
	RT_CLASS("String", str_ctor, 1, p, methods1, methods2);
}
