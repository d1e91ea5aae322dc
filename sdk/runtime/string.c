/*
 * Strings: immutable UTF-16. Concatenation builds ropes (flattened on first use of the characters)
 * so `s += x` in a loop is linear. Atoms are interned strings used as property keys; the atom table
 * is weak (unreferenced atoms are dropped at collection).
 */
#include "internal.h"

rt_string *rt_str_alloc(uint32_t n) {
	rt_string *s = (rt_string *)rt_alloc(sizeof(rt_string) + (size_t)n * 2, RT_T_STRING);
	s->len = n;
	return s;
}

rt_value rt_str_new(const uint16_t *u, uint32_t n) {
	rt_string *s = rt_str_alloc(n);
	if (n < 64) rt_copy16(s->s, u, n);
	else RT_MEMCPY(s->s, u, (size_t)n * 2);
	return rt_box_ptr(s);
}

/* aligned so that its first loop, the busiest of start-up (every name and literal), never
 * straddles a page: QEMU TCG splits a block at a page boundary, which doubled its steps */
__attribute__((aligned(128))) rt_value rt_str_from_utf8(const char *p, size_t n) {
	/* ASCII (most text, every name of a built-in and most literals): one unit per byte, copied
	 * and hashed (rt_str_hash, for interning) in one pass; a string with a non-ASCII byte is
	 * decoded below */
	rt_string *s = rt_str_alloc((uint32_t)n);
	uint32_t h = 2166136261u;
	uint8_t any = 0; /* the bytes or'ed; a loop of one branch (under QEMU TCG one block an iteration) */
	size_t a = 0;
	if (n) do {
		uint8_t c = (uint8_t)p[a];
		any |= c;
		s->s[a] = c;
		h = (h ^ c) * 16777619u;
	} while (++a < n);
	if (!(any & 0x80)) {
		s->hash = h ? h : 1;
		return rt_box_ptr(s);
	}
	/* decoded into the same string: a sequence of l bytes gives at most l units */
	uint32_t k = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp = (uint8_t)p[i++];
		if (cp >= 0x80) { /* a lead byte and 1..3 continuation bytes */
			int more = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : 1;
			cp &= 0x3Fu >> more;
			for (; more && i < n; more--) cp = cp << 6 | ((uint8_t)p[i++] & 0x3F);
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			s->s[k++] = (uint16_t)(0xD800 + (cp >> 10));
			cp = 0xDC00 + (cp & 0x3FF);
		}
		s->s[k++] = (uint16_t)cp;
	}
	s->len = k;
	return rt_box_ptr(s);
}

rt_value rt_str_c(const char *s) {
	size_t n = 0;
	if (s[0]) do n++; while (s[n]); /* one block an iteration under QEMU TCG */
	return rt_str_from_utf8(s, n);
}
rt_value rt_str_ascii(const char *s) { return rt_str_c(s); }

/* ---- ropes ---- */
static void copy_into(rt_value v, uint16_t *buf, uint32_t end) {
	for (;;) {
		rt_hdr *h = (rt_hdr *)rt_ptr(v);
		if (h->type == RT_T_ROPE) {
			rt_rope *r = (rt_rope *)h;
			if (r->left == RT_UNDEF) { v = r->right; continue; }
			uint32_t rl = rt_str_len(r->right);
			copy_into(r->right, buf, end);
			end -= rl;
			v = r->left;
			continue;
		}
		rt_string *s = (rt_string *)h;
		RT_MEMCPY(buf + end - s->len, s->s, (size_t)s->len * 2);
		return;
	}
}

rt_string *rt_flat(rt_value v) {
	rt_hdr *h = (rt_hdr *)rt_ptr(v);
	if (h->type == RT_T_STRING) return (rt_string *)h;
	rt_rope *r = (rt_rope *)h;
	if (r->left == RT_UNDEF) return (rt_string *)rt_ptr(r->right);
	rt_string *s = rt_str_alloc(r->len);
	copy_into(v, s->s, r->len);
	r->left = RT_UNDEF;
	r->right = rt_box_ptr(s);
	return s;
}

static uint32_t rdepth(rt_value v) {
	rt_hdr *h = (rt_hdr *)rt_ptr(v);
	return h->type == RT_T_ROPE && ((rt_rope *)h)->left != RT_UNDEF ? ((rt_rope *)h)->depth : 0;
}

rt_value rt_concat(rt_value a, rt_value b) {
	uint32_t la = rt_str_len(a), lb = rt_str_len(b);
	if (la == 0) return b;
	if (lb == 0) return a;
	if ((uint64_t)la + lb > 0x3FFFFFFF) rt_throw_range("Invalid string length");
	if (la + lb <= 24) {
		rt_string *x = rt_flat(a), *y = rt_flat(b);
		rt_string *s = rt_str_alloc(la + lb);
		RT_MEMCPY(s->s, x->s, (size_t)la * 2);
		RT_MEMCPY(s->s + la, y->s, (size_t)lb * 2);
		return rt_box_ptr(s);
	}
	uint32_t d = rdepth(b) + 1;
	if (d > 256) { rt_flat(b); d = 1; }
	rt_rope *r = (rt_rope *)rt_alloc(sizeof(rt_rope), RT_T_ROPE);
	r->len = la + lb;
	r->depth = d;
	r->left = a;
	r->right = b;
	return rt_box_ptr(r);
}

rt_value rt_substr(rt_value sv, uint32_t from, uint32_t to) {
	rt_string *s = rt_flat(sv);
	if (from == 0 && to == s->len) return sv;
	if (to <= from) return RT_LIT_EMPTY();
	rt_string *r = rt_str_alloc(to - from);
	s = rt_flat(sv); /* (no move: the GC does not move; kept for clarity) */
	rt_copy16(r->s, s->s + from, to - from);
	return rt_box_ptr(r);
}

/* ---- hashing, equality, ordering ---- */
uint32_t rt_str_hash(rt_string *s) {
	if (s->hash) return s->hash;
	uint32_t h = 2166136261u;
	for (uint32_t i = 0; i < s->len; i++) { h ^= s->s[i]; h *= 16777619u; }
	if (!h) h = 1;
	s->hash = h;
	return h;
}

int rt_str_eq(rt_value a, rt_value b) {
	if (a == b) return 1;
	if (rt_str_len(a) != rt_str_len(b)) return 0;
	rt_string *x = rt_flat(a), *y = rt_flat(b);
	if ((x->h.flags & y->h.flags & RT_F_INTERNED)) return 0;
	if (x->hash && y->hash && x->hash != y->hash) return 0;
	return RT_MEMCMP(x->s, y->s, (size_t)x->len * 2) == 0;
}

int rt_str_cmp(rt_value a, rt_value b) {
	rt_string *x = rt_flat(a), *y = rt_flat(b);
	uint32_t n = x->len < y->len ? x->len : y->len;
	for (uint32_t i = 0; i < n; i++)
		if (x->s[i] != y->s[i]) return x->s[i] < y->s[i] ? -1 : 1;
	return x->len < y->len ? -1 : x->len > y->len;
}

/* ---- atoms ---- */
static rt_valbuf *atoms;  /* open addressing: 0 empty (a new buffer is zeroed), RT_NULL tombstone */
static uint32_t natoms, ntomb;
static rt_string *index_atoms[256];

/* The first table is static (rt_gc_mark_table): the loader has written it, so start-up touches no
 * fresh RAM for it (from the GC heap it would be a large object at the arena's top). */
static struct { rt_valbuf b; rt_value v[1024]; } atoms0;

static void atoms_root(void) {
	rt_gc_mark_table(atoms);
	for (int i = 0; i < 256; i++) rt_gc_mark_ptr(index_atoms[i]);
}

static void atoms_grow(void) {
	uint32_t ncap = atoms->cap * 2;
	if (natoms * 4 < atoms->cap) ncap = atoms->cap; /* mostly tombstones: rehash in place */
	rt_valbuf *nb = (rt_valbuf *)rt_alloc(sizeof(rt_valbuf) + (size_t)ncap * 8, RT_T_VALBUF);
	nb->cap = ncap;
	for (uint32_t i = 0; i < atoms->cap; i++) {
		rt_value v = atoms->v[i];
		if (!rt_is_ptr(v)) continue;
		uint32_t j = rt_str_hash((rt_string *)rt_ptr(v)) & (ncap - 1);
		while (nb->v[j]) j = (j + 1) & (ncap - 1);
		nb->v[j] = v;
	}
	atoms = nb;
	ntomb = 0;
}

void rt_init_strings(void) {
	rt_gc_add_root_fn(atoms_root);
	atoms0.b.h.type = RT_T_VALBUF;
	atoms0.b.h.mark = 1;
	atoms0.b.cap = 1024;
	atoms = &atoms0.b;
}

/* the atom equal to s, or s made one (a static string of the program comes flagged already) */
static rt_string *intern(rt_string *s) {
	if ((natoms + ntomb + 1) * 2 > atoms->cap) atoms_grow();
	uint32_t h = s->hash ? s->hash : rt_str_hash(s), mask = atoms->cap - 1; /* no call for most */
	uint32_t j = h & mask;
	int tomb = -1;
	for (;;) {
		rt_value v = atoms->v[j];
		if (!v) break;
		if (v == RT_NULL) { if (tomb < 0) tomb = (int)j; }
		else {
			rt_string *a = (rt_string *)rt_ptr(v);
			if (a->hash == h && a->len == s->len) {
				/* short keys: a loop here, not memcmp (whose code start-up need not translate) */
				uint32_t k = 0;
				while (k < s->len && a->s[k] == s->s[k]) k++;
				if (k == s->len) return a;
			}
		}
		j = (j + 1) & mask;
	}
	if (tomb >= 0) { j = (uint32_t)tomb; ntomb--; }
	if (!(s->h.flags & RT_F_INTERNED)) {
		s->h.flags |= RT_F_INTERNED;
		uint32_t idx;
		if (rt_str_is_index(s, &idx)) s->h.flags |= RT_F_INDEX;
	}
	atoms->v[j] = rt_box_ptr(s);
	natoms++;
	return s;
}

rt_string *rt_atom(rt_value sv) {
	rt_string *s = rt_flat(sv);
	return s->h.flags & RT_F_INTERNED ? s : intern(s);
}

/* ---- a program's keys and literals ---- */
/* n strings the compiler laid out back to back as rt_string objects (RT_STR in rt.h: read-only,
 * hash and flags computed at compile time, mark set so that the collector neither writes nor frees
 * them), each h.size bytes: interned by pointer; a string the runtime already holds as an atom (e.g.
 * "length") resolves to that atom */
void rt_atoms_init(rt_string **out, const void *strs, size_t n) {
	const char *p = (const char *)strs;
	for (size_t i = 0; i < n; i++, p += ((const rt_hdr *)p)->size) out[i] = intern((rt_string *)p);
}
void rt_lits_init(rt_value *out, const void *strs, size_t n) {
	const char *p = (const char *)strs;
	for (size_t i = 0; i < n; i++, p += ((const rt_hdr *)p)->size) out[i] = rt_box_ptr(intern((rt_string *)p));
}

rt_string *rt_atom_c(const char *c) { return rt_atom(rt_str_c(c)); }

void rt_atoms_sweep(void) {
	for (uint32_t i = 0; i < atoms->cap; i++) {
		rt_value v = atoms->v[i];
		if (rt_is_ptr(v) && !((rt_hdr *)rt_ptr(v))->mark) { atoms->v[i] = RT_NULL; natoms--; ntomb++; }
	}
}

int rt_str_is_index(rt_string *s, uint32_t *idx) {
	if (s->len == 0 || s->len > 10) return 0;
	if (s->s[0] == '0' && s->len > 1) return 0;
	uint64_t v = 0;
	for (uint32_t i = 0; i < s->len; i++) {
		if (s->s[i] < '0' || s->s[i] > '9') return 0;
		v = v * 10 + (s->s[i] - '0');
	}
	if (v >= 0xFFFFFFFFu) return 0;
	*idx = (uint32_t)v;
	return 1;
}

rt_string *rt_atom_index(uint32_t i) {
	if (i < 256 && index_atoms[i]) return index_atoms[i];
	char buf[16];
	int n = rt_fmt_num((double)i, buf);
	rt_string *a = rt_atom(rt_str_from_utf8(buf, (size_t)n));
	if (i < 256) index_atoms[i] = a;
	return a;
}

/* ---- conversions ---- */
/* Fast path of Number::toString for non-integers 1e-6 <= |d| < 1e15: the fewest decimals k whose
 * integer candidates m (near |d| * 10^k) give m / 10^k == |d| (one correctly rounded division of
 * exact operands, so "m e-k" reads back as d). A unique candidate at the smallest k is the shortest
 * round-trip form, i.e. what rt_dtoa prints; anything else goes to rt_dtoa. */
static int fmt_frac(double d, char *buf) {
	static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17};
	double a = d < 0 ? -d : d;
	if (!(a >= 1e-6 && a < 1e15)) return a == 0 ? (buf[0] = '0', buf[1] = 0, 1) : -1;
	int64_t m = (int64_t)a;
	int k = 0;
	if ((double)m != a) /* not an integer (an integer's digits are its own) */
		for (k = 1;; k++) {
			if (k > 17) return -1;
			double x = a * p10[k];
			if (x >= 4503599627370496.0) return -1; /* 2^52 */
			int64_t m0 = (int64_t)(x + 0.5);
			int found = 0;
			for (int64_t c = m0 - 2; c <= m0 + 2; c++)
				if (c > 0 && (double)c / p10[k] == a) { found++; m = c; }
			if (found > 1) return -1;
			if (found) break;
		}
	{
		char t[24];
		int n = 0, o = 0;
		while (m) { t[n++] = (char)('0' + m % 10); m /= 10; }
		if (d < 0) buf[o++] = '-';
		if (!k) while (n) buf[o++] = t[--n];
		else if (n <= k) {
			buf[o++] = '0';
			buf[o++] = '.';
			for (int z = n; z < k; z++) buf[o++] = '0';
			while (n) buf[o++] = t[--n];
		} else {
			while (n > k) buf[o++] = t[--n];
			buf[o++] = '.';
			while (n) buf[o++] = t[--n];
		}
		buf[o] = 0;
		return o;
	}
	return -1;
}
int rt_fmt_num(double d, char *buf) {
	int n = fmt_frac(d, buf);
	return n >= 0 ? n : (int)rt_dtoa(d, buf);
}

static rt_value small_int_str[128];
static void small_root(void) {
	for (int i = 0; i < 128; i++) rt_gc_mark_value(small_int_str[i]);
}
rt_value rt_num_to_str(double d) {
	static int rooted;
	if (d >= 0 && d < 128 && d == (double)(int)d && !(d == 0 && 1 / d < 0)) {
		int i = (int)d;
		if (!rooted) { rt_gc_add_root_fn(small_root); rooted = 1; }
		if (!small_int_str[i]) {
			char b[8];
			int n = rt_fmt_num(d, b);
			small_int_str[i] = rt_str_from_utf8(b, (size_t)n);
		}
		return small_int_str[i];
	}
	char buf[RT_NUMCONV_BUF];
	int n = rt_fmt_num(d, buf);
	return rt_str_from_utf8(buf, (size_t)n);
}

double rt_str_to_num(rt_value v) {
	rt_string *s = rt_flat(v);
	return rt_string_to_number(s->s, s->len);
}

/* ---- string builder ---- */
void rt_sb_init(rt_sb *b) {
	b->cap = 32;
	b->len = 0;
	b->buf = (rt_rawbuf *)rt_alloc(sizeof(rt_rawbuf) + 64, RT_T_RAWBUF);
}
static void sb_need(rt_sb *b, uint32_t more) {
	if (b->len + more <= b->cap) return;
	uint32_t nc = b->cap * 2;
	while (nc < b->len + more) nc *= 2;
	rt_rawbuf *nb = (rt_rawbuf *)rt_alloc(sizeof(rt_rawbuf) + (size_t)nc * 2, RT_T_RAWBUF);
	RT_MEMCPY(nb->b, b->buf->b, (size_t)b->len * 2);
	b->buf = nb;
	b->cap = nc;
}
void rt_sb_add(rt_sb *b, uint16_t c) {
	sb_need(b, 1);
	((uint16_t *)b->buf->b)[b->len++] = c;
}
void rt_sb_addu(rt_sb *b, const uint16_t *s, uint32_t n) {
	sb_need(b, n);
	RT_MEMCPY((uint16_t *)b->buf->b + b->len, s, (size_t)n * 2);
	b->len += n;
}
void rt_sb_adds(rt_sb *b, const char *s) {
	/* ASCII or UTF-8 C string */
	size_t n = 0;
	int ascii = 1;
	while (s[n]) { if ((uint8_t)s[n] >= 0x80) ascii = 0; n++; }
	if (!ascii) { rt_sb_addv(b, rt_str_from_utf8(s, n)); return; }
	sb_need(b, (uint32_t)n);
	uint16_t *d = (uint16_t *)b->buf->b + b->len;
	for (size_t i = 0; i < n; i++) d[i] = (uint8_t)s[i];
	b->len += (uint32_t)n;
}
void rt_sb_addv(rt_sb *b, rt_value str) {
	rt_string *s = rt_flat(str);
	rt_sb_addu(b, s->s, s->len);
}
void rt_sb_addnum(rt_sb *b, double d) {
	char buf[RT_NUMCONV_BUF];
	int n = rt_fmt_num(d, buf);
	sb_need(b, (uint32_t)n);
	uint16_t *o = (uint16_t *)b->buf->b + b->len;
	for (int i = 0; i < n; i++) o[i] = (uint8_t)buf[i];
	b->len += (uint32_t)n;
}
rt_value rt_sb_done(rt_sb *b) { return rt_str_new((uint16_t *)b->buf->b, b->len); }

/* ---- quoting (console.log of nested strings, JSON) ---- */
static const char hexd[] = "0123456789abcdef";
rt_value rt_str_quote(rt_value sv, uint16_t q) {
	rt_string *s = rt_flat(sv);
	/* Node picks the quote: ' unless the string contains ' and not ", then ", else ` */
	if (q == 0) {
		int hs = 0, hd = 0, hb = 0;
		for (uint32_t i = 0; i < s->len; i++) {
			if (s->s[i] == '\'') hs = 1;
			else if (s->s[i] == '"') hd = 1;
			else if (s->s[i] == '`') hb = 1;
		}
		q = !hs ? '\'' : !hd ? '"' : !hb ? '`' : '\'';
	}
	rt_sb b;
	rt_sb_init(&b);
	rt_sb_add(&b, q);
	s = rt_flat(sv);
	for (uint32_t i = 0; i < s->len; i++) {
		uint16_t c = s->s[i];
		if (c == q || c == '\\') { rt_sb_add(&b, '\\'); rt_sb_add(&b, c); }
		else if (c == '\n') rt_sb_adds(&b, "\\n");
		else if (c == '\t') rt_sb_adds(&b, "\\t");
		else if (c == '\r') rt_sb_adds(&b, "\\r");
		else if (c == '\b') rt_sb_adds(&b, "\\b");
		else if (c == '\f') rt_sb_adds(&b, "\\f");
		else if (c == '\v') rt_sb_adds(&b, "\\v");
		else if (c < 0x20 || c == 0x7f) {
			rt_sb_adds(&b, "\\x");
			rt_sb_add(&b, (uint16_t)(hexd[c >> 4] - 32 * (hexd[c >> 4] >= 'a')));
			rt_sb_add(&b, (uint16_t)(hexd[c & 15] - 32 * (hexd[c & 15] >= 'a')));
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			int paired = c < 0xDC00 && i + 1 < s->len && s->s[i + 1] >= 0xDC00 && s->s[i + 1] <= 0xDFFF;
			if (paired) { rt_sb_add(&b, c); rt_sb_add(&b, s->s[++i]); }
			else {
				rt_sb_adds(&b, "\\u");
				for (int k = 12; k >= 0; k -= 4) rt_sb_add(&b, (uint16_t)(hexd[(c >> k) & 15] - 32 * (hexd[(c >> k) & 15] >= 'a')));
			}
		} else rt_sb_add(&b, c);
		s = rt_flat(sv);
	}
	rt_sb_add(&b, q);
	return rt_sb_done(&b);
}

rt_value rt_json_quote(rt_value sv) {
	rt_sb b;
	rt_sb_init(&b);
	rt_sb_json_quote(&b, sv);
	return rt_sb_done(&b);
}
void rt_sb_json_quote(rt_sb *bp, rt_value sv) {
	rt_sb b = *bp;
	rt_string *s = rt_flat(sv);
	/* fast path: a run of characters that need no escape is copied as is */
	sb_need(&b, s->len + 2);
	uint16_t *d = (uint16_t *)b.buf->b + b.len;
	uint32_t i = 0;
	*d++ = '"';
	for (; i < s->len; i++) {
		uint16_t c = s->s[i];
		if (c < 0x20 || c == '"' || c == '\\' || (c >= 0xD800 && c <= 0xDFFF)) break;
		*d++ = c;
	}
	b.len += i + 1;
	for (; i < s->len; i++) {
		uint16_t c = s->s[i];
		if (c == '"' || c == '\\') { rt_sb_add(&b, '\\'); rt_sb_add(&b, c); }
		else if (c == '\n') rt_sb_adds(&b, "\\n");
		else if (c == '\t') rt_sb_adds(&b, "\\t");
		else if (c == '\r') rt_sb_adds(&b, "\\r");
		else if (c == '\b') rt_sb_adds(&b, "\\b");
		else if (c == '\f') rt_sb_adds(&b, "\\f");
		else if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF &&
			!(c < 0xDC00 ? (i + 1 < s->len && s->s[i + 1] >= 0xDC00 && s->s[i + 1] <= 0xDFFF)
			             : (i > 0 && s->s[i - 1] >= 0xD800 && s->s[i - 1] < 0xDC00)))) {
			rt_sb_adds(&b, "\\u");
			for (int k = 12; k >= 0; k -= 4) rt_sb_add(&b, (uint16_t)hexd[(c >> k) & 15]);
		} else rt_sb_add(&b, c);
	}
	rt_sb_add(&b, '"');
	*bp = b;
}
