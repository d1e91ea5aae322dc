/*
 * Natives behind sdk/api/bytes.ts: UTF-8 encoding and decoding between strings (UTF-16) and
 * Uint8Arrays, and byte-string search/concatenation for protocol parsers.
 */
#include "internal.h"

static rt_typed *u8(rt_value v) {
	if (!rt_is_ptr(v) || rt_ptr_type(v) != RT_T_TYPEDARRAY) rt_throw_type("expected a Uint8Array");
	return (rt_typed *)rt_ptr(v);
}

static rt_value new_u8(uint32_t n, uint8_t **data) {
	rt_value a = rt_typed_new(RT_TA_U8, (double)n);
	*data = ((rt_typed *)rt_ptr(a))->data;
	return a;
}

/* the code point at s[*i] (advancing *i); lone surrogates are U+FFFD */
static uint32_t next_cp(const rt_string *s, uint32_t *i) {
	uint32_t c = s->s[(*i)++];
	if (c >= 0xD800 && c <= 0xDBFF && *i < s->len && s->s[*i] >= 0xDC00 && s->s[*i] <= 0xDFFF)
		return 0x10000 + ((c - 0xD800) << 10) + (s->s[(*i)++] - 0xDC00);
	return c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c;
}

static uint32_t cp_len(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

double rt_bytes_utf8_length(rt_value str) {
	rt_string *s = rt_flat(str);
	double n = 0;
	for (uint32_t i = 0; i < s->len;) n += cp_len(next_cp(s, &i));
	return n;
}

rt_value rt_bytes_utf8_encode(rt_value str) {
	uint8_t *d;
	uint32_t n = (uint32_t)rt_bytes_utf8_length(str);
	rt_value a = new_u8(n, &d);
	rt_string *s = rt_flat(str); /* again: the allocation may have collected (strings do not move, ropes stay flat) */
	for (uint32_t i = 0; i < s->len;) {
		uint32_t cp = next_cp(s, &i);
		if (cp < 0x80) *d++ = (uint8_t)cp;
		else if (cp < 0x800) { *d++ = (uint8_t)(0xC0 | cp >> 6); *d++ = (uint8_t)(0x80 | (cp & 0x3F)); }
		else if (cp < 0x10000) {
			*d++ = (uint8_t)(0xE0 | cp >> 12); *d++ = (uint8_t)(0x80 | (cp >> 6 & 0x3F)); *d++ = (uint8_t)(0x80 | (cp & 0x3F));
		} else {
			*d++ = (uint8_t)(0xF0 | cp >> 18); *d++ = (uint8_t)(0x80 | (cp >> 12 & 0x3F));
			*d++ = (uint8_t)(0x80 | (cp >> 6 & 0x3F)); *d++ = (uint8_t)(0x80 | (cp & 0x3F));
		}
	}
	return a;
}

/* one code point of p[0..n) (n > 0): its length in *l, 0xFFFD (length 1) for a malformed sequence */
static uint32_t decode_one(const uint8_t *p, uint32_t n, uint32_t *l) {
	uint8_t c = p[0];
	*l = 1;
	if (c < 0x80) return c;
	uint32_t need, cp, min;
	if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
	else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
	else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
	else return 0xFFFD;
	if (n < need + 1) return 0xFFFD;
	for (uint32_t k = 1; k <= need; k++) {
		if ((p[k] & 0xC0) != 0x80) return 0xFFFD;
		cp = cp << 6 | (p[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
	*l = need + 1;
	return cp;
}

static void range(rt_typed *t, double start, double end, uint32_t *b, uint32_t *e) {
	double len = t->length;
	double s = start != start ? 0 : start < 0 ? 0 : start > len ? len : start;
	double x = end != end ? len : end < s ? s : end > len ? len : end;
	*b = (uint32_t)s;
	*e = (uint32_t)x;
}

rt_value rt_bytes_utf8_decode(rt_value arr, double start, double end) {
	rt_typed *t = u8(arr);
	uint32_t b, e, units = 0, l;
	range(t, start, end, &b, &e);
	int ascii = 1;
	for (uint32_t i = b; i < e; i++) if (t->data[i] >= 0x80) { ascii = 0; break; }
	if (ascii) {
		rt_string *s = rt_str_alloc(e - b);
		t = (rt_typed *)rt_ptr(arr);
		for (uint32_t i = b; i < e; i++) s->s[i - b] = t->data[i];
		return rt_box_ptr(s);
	}
	for (uint32_t i = b; i < e; i += l) units += decode_one(t->data + i, e - i, &l) >= 0x10000 ? 2 : 1;
	rt_string *s = rt_str_alloc(units);
	t = (rt_typed *)rt_ptr(arr);
	uint32_t k = 0;
	for (uint32_t i = b; i < e; i += l) {
		uint32_t cp = decode_one(t->data + i, e - i, &l);
		if (cp >= 0x10000) {
			cp -= 0x10000;
			s->s[k++] = (uint16_t)(0xD800 + (cp >> 10));
			s->s[k++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
		} else s->s[k++] = (uint16_t)cp;
	}
	return rt_box_ptr(s);
}

double rt_bytes_index_of(rt_value arr, rt_value needle, double from) {
	rt_typed *t = u8(arr);
	rt_string *n = rt_flat(needle);
	uint32_t f = from != from || from < 0 ? 0 : from > t->length ? t->length : (uint32_t)from;
	if (n->len == 0) return f;
	if (n->len > t->length) return -1;
	uint8_t first = (uint8_t)n->s[0];
	for (uint32_t i = f; i + n->len <= t->length; i++) {
		if (t->data[i] != first) continue;
		uint32_t k = 1;
		while (k < n->len && t->data[i + k] == (uint8_t)n->s[k]) k++;
		if (k == n->len) return i;
	}
	return -1;
}

rt_value rt_bytes_concat(rt_value a, rt_value b) {
	uint32_t la = u8(a)->length, lb = u8(b)->length;
	uint8_t *d;
	rt_value r = new_u8(la + lb, &d);
	__builtin_memcpy(d, u8(a)->data, la);
	__builtin_memcpy(d + la, u8(b)->data, lb);
	return r;
}
