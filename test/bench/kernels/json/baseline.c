/*
 * Kernel "json" in hand-written C: the same records, the same JSON text (byte for byte: numbers are
 * printed as JavaScript prints them), a parser for that shape, and the same output line as main.ts.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BATCHES 1000
#define PER_BATCH 100
#define MAXTAGS 2

static const char *const TAGS[8] = {"kitchen", "hall", "roof", "cellar", "lab", "garage", "north", "south"};

struct reading {
	double id, t, temp, hum;
	int ok;
	int ntags;
	char tags[MAXTAGS][16];
};

static uint32_t seed = 2463534242u;
static uint32_t next(void) {
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

static void make_batch(int batch, struct reading *out) {
	for (int i = 0; i < PER_BATCH; i++) {
		uint32_t r = next();
		struct reading *x = &out[i];
		int id = batch * PER_BATCH + i;
		x->id = id;
		x->t = 1700000000000.0 + id * 250.0;
		x->temp = ((int)((r >> 4) % 1000) - 400) / 100.0;
		x->hum = (r >> 14) % 101;
		x->ok = (r & 0x40000000u) == 0;
		x->ntags = r % 3;
		for (int k = 0; k < x->ntags; k++) strcpy(x->tags[k], TAGS[(r >> (8 + 3 * k)) & 7]);
	}
}

/* an integer-valued double, as JavaScript prints it */
static char *put_int(char *p, double v) {
	char tmp[24];
	int n = 0;
	long long x = (long long)v;
	if (x < 0) { *p++ = '-'; x = -x; }
	do { tmp[n++] = (char)('0' + x % 10); x /= 10; } while (x);
	while (n) *p++ = tmp[--n];
	return p;
}

/* a value k/100 (the temperatures), as JavaScript prints it: no trailing zeros */
static char *put_centi(char *p, double v) {
	long long k = llround(v * 100);
	if (k < 0) { *p++ = '-'; k = -k; }
	p = put_int(p, (double)(k / 100));
	int frac = (int)(k % 100);
	if (frac) {
		*p++ = '.';
		*p++ = (char)('0' + frac / 10);
		if (frac % 10) *p++ = (char)('0' + frac % 10);
	}
	return p;
}

static char *put_lit(char *p, const char *s) {
	while (*s) *p++ = *s++;
	return p;
}

static char *put_str(char *p, const char *s) {
	*p++ = '"';
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') *p++ = '\\';
		*p++ = *s;
	}
	*p++ = '"';
	return p;
}

static size_t stringify(const struct reading *rs, int n, char *buf) {
	char *p = buf;
	*p++ = '[';
	for (int i = 0; i < n; i++) {
		const struct reading *r = &rs[i];
		if (i) *p++ = ',';
		p = put_lit(p, "{\"id\":");
		p = put_int(p, r->id);
		p = put_lit(p, ",\"t\":");
		p = put_int(p, r->t);
		p = put_lit(p, ",\"temp\":");
		p = put_centi(p, r->temp);
		p = put_lit(p, ",\"hum\":");
		p = put_int(p, r->hum);
		p = put_lit(p, r->ok ? ",\"ok\":true,\"tags\":[" : ",\"ok\":false,\"tags\":[");
		for (int k = 0; k < r->ntags; k++) {
			if (k) *p++ = ',';
			p = put_str(p, r->tags[k]);
		}
		p = put_lit(p, "]}");
	}
	*p++ = ']';
	*p = 0;
	return (size_t)(p - buf);
}

/* a parser for arrays of these records (any key order; fails on anything else) */
struct parser { const char *p; int err; };

static void ws(struct parser *ps) { while (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\t' || *ps->p == '\r') ps->p++; }
static int eat(struct parser *ps, char c) { ws(ps); if (*ps->p == c) { ps->p++; return 1; } return 0; }
static void expect(struct parser *ps, char c) { if (!eat(ps, c)) ps->err = 1; }

static int parse_string(struct parser *ps, char *out, size_t cap) {
	ws(ps);
	if (*ps->p != '"') { ps->err = 1; return 0; }
	ps->p++;
	size_t n = 0;
	while (*ps->p && *ps->p != '"') {
		char c = *ps->p++;
		if (c == '\\') c = *ps->p++; /* the records hold only \" and \\ escapes */
		if (n + 1 < cap) out[n++] = c;
	}
	if (*ps->p != '"') { ps->err = 1; return 0; }
	ps->p++;
	out[n] = 0;
	return (int)n;
}

static double parse_number(struct parser *ps) {
	ws(ps);
	char *end;
	double v = strtod(ps->p, &end);
	if (end == ps->p) ps->err = 1;
	ps->p = end;
	return v;
}

static int parse_bool(struct parser *ps) {
	ws(ps);
	if (!strncmp(ps->p, "true", 4)) { ps->p += 4; return 1; }
	if (!strncmp(ps->p, "false", 5)) { ps->p += 5; return 0; }
	ps->err = 1;
	return 0;
}

static int parse(const char *text, struct reading *out, int cap) {
	struct parser ps = {text, 0};
	int n = 0;
	expect(&ps, '[');
	if (eat(&ps, ']')) return 0;
	do {
		if (n == cap) return -1;
		struct reading *r = &out[n++];
		memset(r, 0, sizeof *r);
		expect(&ps, '{');
		do {
			char key[16];
			parse_string(&ps, key, sizeof key);
			expect(&ps, ':');
			if (!strcmp(key, "id")) r->id = parse_number(&ps);
			else if (!strcmp(key, "t")) r->t = parse_number(&ps);
			else if (!strcmp(key, "temp")) r->temp = parse_number(&ps);
			else if (!strcmp(key, "hum")) r->hum = parse_number(&ps);
			else if (!strcmp(key, "ok")) r->ok = parse_bool(&ps);
			else if (!strcmp(key, "tags")) {
				expect(&ps, '[');
				if (!eat(&ps, ']')) {
					do {
						if (r->ntags == MAXTAGS) return -1;
						parse_string(&ps, r->tags[r->ntags++], 16);
					} while (eat(&ps, ','));
					expect(&ps, ']');
				}
			} else ps.err = 1;
		} while (!ps.err && eat(&ps, ','));
		expect(&ps, '}');
	} while (!ps.err && eat(&ps, ','));
	expect(&ps, ']');
	return ps.err ? -1 : n;
}

int main(void) {
	static struct reading batch[PER_BATCH], back[PER_BATCH];
	static char text[PER_BATCH * 160];
	double bytes = 0, ids = 0, times = 0, temps = 0, hums = 0;
	int oks = 0, tag_chars = 0;
	for (int b = 0; b < BATCHES; b++) {
		make_batch(b, batch);
		bytes += stringify(batch, PER_BATCH, text);
		int n = parse(text, back, PER_BATCH);
		if (n < 0) { puts("json: parse error"); return 1; }
		for (int i = 0; i < n; i++) {
			const struct reading *r = &back[i];
			ids += r->id;
			times += fmod(r->t, 1000003);
			temps += floor(r->temp * 100 + 0.5); /* Math.round */
			hums += r->hum;
			oks += r->ok;
			for (int k = 0; k < r->ntags; k++) tag_chars += (int)strlen(r->tags[k]);
		}
	}
	printf("json: %d records: bytes %.0f ids %.0f t %.0f temp %.0f hum %.0f ok %d tags %d\n", BATCHES * PER_BATCH,
		bytes, ids, times, temps, hums, oks, tag_chars);
	return 0;
}
