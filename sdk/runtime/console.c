/*
 * console.log / console.error: Node's util.inspect formatting (compact mode 3, breakLength 80 for
 * the grouping of arrays, 80 columns for single-line objects, depth 2), written as UTF-8 through
 * a buffered writer (one write per console call).
 */
#include "internal.h"
#include <math.h>

#define BREAK_LEN 80

/* ---- output buffer ---- */
static char outbuf[2][1024];
static size_t outlen[2];

void rt_out_flush(void) {
	for (int i = 0; i < 2; i++)
		if (outlen[i]) { rt_sys_write(i + 1, outbuf[i], outlen[i]); outlen[i] = 0; }
}
void rt_out_write(int fd, const char *s, size_t n) {
	int i = fd == 2 ? 1 : 0;
	if (outlen[i] + n > sizeof outbuf[i]) {
		if (outlen[i]) { rt_sys_write(fd, outbuf[i], outlen[i]); outlen[i] = 0; }
		if (n > sizeof outbuf[i]) { rt_sys_write(fd, s, n); return; }
	}
	RT_MEMCPY(outbuf[i] + outlen[i], s, n);
	outlen[i] += n;
}
static void out_str(int fd, rt_value sv) {
	rt_string *s = rt_flat(sv);
	char buf[256];
	size_t k = 0;
	for (uint32_t i = 0; i < s->len; i++) {
		uint32_t c = s->s[i];
		if (c >= 0xD800 && c < 0xDC00 && i + 1 < s->len && s->s[i + 1] >= 0xDC00 && s->s[i + 1] <= 0xDFFF) {
			c = 0x10000 + ((c - 0xD800) << 10) + (s->s[i + 1] - 0xDC00);
			i++;
		} else if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
		if (k + 4 > sizeof buf) { rt_out_write(fd, buf, k); k = 0; }
		if (c < 0x80) buf[k++] = (char)c;
		else if (c < 0x800) { buf[k++] = (char)(0xC0 | c >> 6); buf[k++] = (char)(0x80 | (c & 0x3F)); }
		else if (c < 0x10000) { buf[k++] = (char)(0xE0 | c >> 12); buf[k++] = (char)(0x80 | ((c >> 6) & 0x3F)); buf[k++] = (char)(0x80 | (c & 0x3F)); }
		else { buf[k++] = (char)(0xF0 | c >> 18); buf[k++] = (char)(0x80 | ((c >> 12) & 0x3F)); buf[k++] = (char)(0x80 | ((c >> 6) & 0x3F)); buf[k++] = (char)(0x80 | (c & 0x3F)); }
	}
	rt_out_write(fd, buf, k);
}

/* ---- inspect ---- */
typedef struct ictx {
	rt_value seen;     /* array of objects on the current path */
	rt_value circular; /* array of objects found circular (index+1 = ref number) */
	int indent;
	int current_depth;
	int depth_limit;
} ictx;

static rt_value S(const char *s) { return rt_str_c(s); }
static rt_value cat(rt_value a, rt_value b) { return rt_concat(a, b); }
static uint32_t slen(rt_value s) { return rt_str_len(s); }

static int is_ident(rt_string *k) {
	if (k->len == 0) return 0;
	for (uint32_t i = 0; i < k->len; i++) {
		uint16_t c = k->s[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
		if (!ok) return 0;
	}
	return 1;
}

rt_value rt_inspect_key(rt_string *k) {
	if (k->h.flags & RT_F_SYMBOL) return cat(cat(S("["), rt_box_ptr(k)), S("]"));
	if (is_ident(k)) return rt_box_ptr(k);
	return rt_str_quote(rt_box_ptr(k), '\'');
}

static rt_value fmt_value(ictx *c, rt_value v, int depth, int nested);

static int arr_index_of(rt_value arr, rt_value v) {
	rt_array *a = (rt_array *)rt_ptr(arr);
	for (uint32_t i = 0; i < a->len; i++) if (a->items->v[i] == v) return (int)i;
	return -1;
}

static rt_value fmt_number(double d) {
	if (d == 0 && 1 / d < 0) return S("-0");
	return rt_num_to_str(d);
}

static rt_value fmt_primitive(rt_value v, int nested) {
	if (rt_is_num(v)) return fmt_number(rt_dbl(v));
	if (v == RT_UNDEF) return S("undefined");
	if (v == RT_NULL) return S("null");
	if (v == RT_TRUE) return S("true");
	if (v == RT_FALSE) return S("false");
	if (rt_is_str(v)) {
		if (rt_flat(v)->h.flags & RT_F_SYMBOL) return v;
		return nested ? rt_str_quote(v, 0) : v;
	}
	return RT_UNDEF;
}

static int is_below_break(ictx *c, rt_value out, uint32_t start, rt_value base) {
	rt_array *a = (rt_array *)rt_ptr(out);
	uint32_t total = a->len + start;
	if (total + a->len > BREAK_LEN) return 0;
	for (uint32_t i = 0; i < a->len; i++) {
		total += slen(a->items->v[i]);
		if (total > BREAK_LEN) return 0;
	}
	(void)c;
	(void)base;
	return 1;
}

static rt_value pad(rt_value s, uint32_t w, int start) {
	uint32_t n = slen(s);
	if (n >= w) return s;
	rt_sb b;
	rt_sb_init(&b);
	if (!start) rt_sb_addv(&b, s);
	for (uint32_t i = n; i < w; i++) rt_sb_add(&b, ' ');
	if (start) rt_sb_addv(&b, s);
	return rt_sb_done(&b);
}

static rt_value group_array(ictx *c, rt_value out, rt_value value, int has_more) {
	rt_array *o = (rt_array *)rt_ptr(out);
	uint32_t olen = o->len, n = o->len;
	if (has_more) n--;
	uint32_t total = 0, maxlen = 0, sep = 2;
	uint32_t dl[n + 1];
	for (uint32_t i = 0; i < n; i++) {
		uint32_t l = slen(o->items->v[i]);
		dl[i] = l;
		total += l + sep;
		if (maxlen < l) maxlen = l;
	}
	uint32_t amax = maxlen + sep;
	if (amax * 3 + (uint32_t)c->indent < BREAK_LEN && ((double)total / amax > 5 || maxlen <= 6)) {
		double avg_bias = sqrt(amax - (double)total / olen);
		double biased = amax - 3 - avg_bias;
		if (biased < 1) biased = 1;
		double cols = floor(sqrt(2.5 * biased * n) / biased + 0.5);
		double c2 = floor((double)(BREAK_LEN - c->indent) / amax);
		if (c2 < cols) cols = c2;
		if (12 < cols) cols = 12;
		if (15 < cols) cols = 15;
		uint32_t columns = (uint32_t)cols;
		if (columns <= 1) return out;
		uint32_t maxline[16];
		for (uint32_t i = 0; i < columns; i++) {
			uint32_t ll = 0;
			for (uint32_t j = i; j < n; j += columns) if (dl[j] > ll) ll = dl[j];
			maxline[i] = ll + sep;
		}
		int padstart = 1;
		if (value != RT_UNDEF && rt_is_array(value)) {
			rt_array *va = (rt_array *)rt_ptr(value);
			for (uint32_t i = 0; i < olen; i++) {
				rt_value e = i < va->len ? va->items->v[i] : RT_UNDEF;
				if (!rt_is_num(e)) { padstart = 0; break; }
			}
		}
		rt_value tmp = rt_array_new(0, 8);
		for (uint32_t i = 0; i < n; i += columns) {
			uint32_t max = i + columns < n ? i + columns : n;
			rt_value str = rt_empty_str;
			uint32_t j = i;
			for (; j < max - 1; j++)
				str = cat(str, pad(cat(((rt_array *)rt_ptr(out))->items->v[j], S(", ")), maxline[j - i], padstart));
			rt_value last = ((rt_array *)rt_ptr(out))->items->v[j];
			if (padstart) str = cat(str, pad(last, maxline[j - i] - sep, 1));
			else str = cat(str, last);
			rt_array_push(tmp, str);
		}
		if (has_more) rt_array_push(tmp, ((rt_array *)rt_ptr(out))->items->v[n]);
		return tmp;
	}
	return out;
}

static rt_value join(rt_value out, const char *sep) {
	rt_sb b;
	rt_sb_init(&b);
	rt_array *a = (rt_array *)rt_ptr(out);
	for (uint32_t i = 0; i < a->len; i++) {
		if (i) rt_sb_adds(&b, sep);
		rt_sb_addv(&b, ((rt_array *)rt_ptr(out))->items->v[i]);
	}
	return rt_sb_done(&b);
}

static int contains_nl(rt_value s) {
	rt_string *f = rt_flat(s);
	for (uint32_t i = 0; i < f->len; i++) if (f->s[i] == '\n') return 1;
	return 0;
}

static rt_value reduce(ictx *c, rt_value out, rt_value base, const char *b0, const char *b1, int is_array, int depth, rt_value value, int has_more) {
	uint32_t entries = ((rt_array *)rt_ptr(out))->len;
	if (is_array && entries > 6) out = group_array(c, out, value, has_more);
	uint32_t nout = ((rt_array *)rt_ptr(out))->len;
	uint32_t b0len = 0;
	while (b0[b0len]) b0len++;
	if (c->current_depth - depth < 3 && entries == nout) {
		uint32_t start = nout + (uint32_t)c->indent + b0len + slen(base) + 10;
		if (is_below_break(c, out, start, base)) {
			rt_value j = join(out, ", ");
			if (!contains_nl(j)) {
				rt_value r = slen(base) ? cat(base, S(" ")) : rt_empty_str;
				return cat(cat(cat(cat(r, S(b0)), S(" ")), cat(j, S(" "))), S(b1));
			}
		}
	}
	rt_sb ind;
	rt_sb_init(&ind);
	rt_sb_add(&ind, '\n');
	for (int i = 0; i < c->indent; i++) rt_sb_add(&ind, ' ');
	rt_value nl = rt_sb_done(&ind);
	rt_value r = slen(base) ? cat(base, S(" ")) : rt_empty_str;
	r = cat(cat(cat(r, S(b0)), nl), S("  "));
	rt_array *a = (rt_array *)rt_ptr(out);
	for (uint32_t i = 0; i < a->len; i++) {
		if (i) r = cat(cat(cat(r, S(",")), nl), S("  "));
		r = cat(r, ((rt_array *)rt_ptr(out))->items->v[i]);
	}
	return cat(cat(r, nl), S(b1));
}

static rt_value ctor_name(rt_value o) {
	rt_value n = rt_class_name_of(o);
	return rt_is_str(n) ? n : RT_UNDEF;
}

static rt_value fmt_function(rt_value v) {
	rt_function *f = (rt_function *)rt_ptr(v);
	rt_value name = rt_func_name(f);
	if (f->o.h.flags & RT_F_CLASSCTOR) {
		rt_value r = cat(S("[class "), slen(name) ? name : S("(anonymous)"));
		rt_value p = f->o.shape->proto;
		if (rt_is_func(p) && p != rt_proto_function) r = cat(cat(r, S(" extends ")), rt_func_name((rt_function *)rt_ptr(p)));
		return cat(r, S("]"));
	}
	if (!slen(name)) return S("[Function (anonymous)]");
	return cat(cat(S("[Function: "), name), S("]"));
}

static void add_props(ictx *c, rt_value out, rt_value v, int depth) {
	rt_object *o = (rt_object *)rt_ptr(v);
	rt_shape *s = o->shape;
	uint32_t n = s->nkeys;
	/* integer-like keys first (ascending), as Object.keys does */
	rt_value keys = rt_own_keys(v);
	rt_array *ka = (rt_array *)rt_ptr(keys);
	int t = o->h.type;
	for (uint32_t i = 0; i < ka->len; i++) {
		rt_string *k = rt_atom(((rt_array *)rt_ptr(keys))->items->v[i]);
		if ((t == RT_T_ARRAY || t == RT_T_TYPEDARRAY) && (k->h.flags & RT_F_INDEX)) continue;
		int si = rt_shape_find(((rt_object *)rt_ptr(v))->shape, k);
		if (si < 0) continue;
		rt_object *ob = (rt_object *)rt_ptr(v);
		rt_value e;
		if (ob->shape->props[si].attrs & RT_P_ACCESSOR) {
			rt_valbuf *b = (rt_valbuf *)rt_ptr(ob->slots->v[si]);
			e = S(b->v[0] != RT_UNDEF ? (b->v[1] != RT_UNDEF ? "[Getter/Setter]" : "[Getter]") : "[Setter]");
		} else e = fmt_value(c, ob->slots->v[si], depth + 1, 1);
		rt_array_push(out, cat(cat(rt_inspect_key(k), S(": ")), e));
	}
	/* then enumerable symbol keys, in insertion order (as util.inspect) */
	for (uint32_t i = 0; i < ((rt_object *)rt_ptr(v))->shape->nkeys; i++) {
		rt_object *ob = (rt_object *)rt_ptr(v);
		rt_string *k = ob->shape->props[i].key;
		if (!(k->h.flags & RT_F_SYMBOL) || !(ob->shape->props[i].attrs & RT_P_ENUM)) continue;
		rt_value e;
		if (ob->shape->props[i].attrs & RT_P_ACCESSOR) {
			rt_valbuf *b = (rt_valbuf *)rt_ptr(ob->slots->v[i]);
			e = S(b->v[0] != RT_UNDEF ? (b->v[1] != RT_UNDEF ? "[Getter/Setter]" : "[Getter]") : "[Setter]");
		} else e = fmt_value(c, ob->slots->v[i], depth + 1, 1);
		rt_array_push(out, cat(cat(rt_inspect_key(k), S(": ")), e));
	}
	(void)n;
}

static rt_value fmt_object(ictx *c, rt_value v, int depth) {
	rt_hdr *h = (rt_hdr *)rt_ptr(v);
	rt_fill((rt_object *)h);
	if (h->type == RT_T_FUNCTION) {
		rt_object *o = (rt_object *)h;
		/* functions with own enumerable props print like objects: [Function: f] { a: 1 } */
		int any = 0;
		for (uint32_t i = 0; i < o->shape->nkeys; i++) if (o->shape->props[i].attrs & RT_P_ENUM) any = 1;
		if (!any) return fmt_function(v);
	}
	int ci = arr_index_of(c->seen, v);
	if (ci >= 0) {
		int k = arr_index_of(c->circular, v);
		if (k < 0) { rt_array_push(c->circular, v); k = (int)((rt_array *)rt_ptr(c->circular))->len - 1; }
		char buf[32];
		rt_fmt(buf, sizeof buf, "[Circular *%d]", k + 1);
		return S(buf);
	}
	rt_value cname = ctor_name(v);
	int type = h->type;
	rt_value proto = rt_get_proto(v);
	/* prefix ("base") and braces */
	const char *b0 = "{", *b1 = "}";
	rt_value prefix = rt_empty_str;
	int is_array = 0;
	if (type == RT_T_ARRAY) {
		b0 = "["; b1 = "]"; is_array = 1;
		if (cname != RT_UNDEF && !rt_str_eq(cname, S("Array"))) prefix = cat(cat(cat(cname, S("(")), rt_num_to_str(((rt_array *)h)->len)), S(") "));
	} else if ((type == RT_T_MAP || type == RT_T_SET) && cname != RT_UNDEF && (rt_str_eq(cname, S("WeakMap")) || rt_str_eq(cname, S("WeakSet")))) {
		return cat(cname, S(" { <items unknown> }"));
	} else if (type == RT_T_MAP || type == RT_T_SET) {
		rt_mapobj *m = (rt_mapobj *)h;
		prefix = cat(cat(cat(cname != RT_UNDEF ? cname : S(type == RT_T_MAP ? "Map" : "Set"), S("(")), rt_num_to_str(m->size)), S(") "));
	} else if (type == RT_T_TYPEDARRAY) {
		b0 = "["; b1 = "]"; is_array = 1;
		prefix = cat(cat(cat(cname, S("(")), rt_num_to_str(((rt_typed *)h)->length)), S(") "));
	} else if (type == RT_T_ERROR) {
		rt_value st = rt_get(v, rt_atom_stack);
		if (!rt_is_str(st)) st = rt_tostring(v);
		int any = 0;
		rt_object *o = (rt_object *)h;
		for (uint32_t i = 0; i < o->shape->nkeys; i++)
			if ((o->shape->props[i].attrs & RT_P_ENUM) && o->shape->props[i].key != rt_atom_stack && o->shape->props[i].key != rt_atom_message) any = 1;
		if (!any) return depth > 0 ? cat(cat(S("["), st), S("]")) : st;
		prefix = cat(st, S(" "));
	} else if (type == RT_T_PROMISE) {
		prefix = S("Promise ");
	} else if (type == RT_T_BOXPRIM) {
		rt_value pv = rt_get(v, rt_atom_c("[[PrimitiveValue]]"));
		const char *k = rt_is_num(pv) ? "[Number: " : rt_is_bool(pv) ? "[Boolean: " : rt_is_str(pv) ? "[String: " : "[Symbol: ";
		return cat(cat(S(k), fmt_value(c, pv, depth + 1, 1)), S("]"));
	} else if (!rt_is_obj(proto)) {
		prefix = S("[Object: null prototype] ");
	} else if (cname == RT_UNDEF) {
		prefix = rt_empty_str;
	} else if (!rt_str_eq(cname, S("Object"))) {
		prefix = cat(cname, S(" "));
	}
	if (type == RT_T_FUNCTION) prefix = cat(fmt_function(v), S(" "));
	if (depth > c->depth_limit) {
		if (type == RT_T_ARRAY) return S("[Array]");
		if (cname != RT_UNDEF) return cat(cat(S("["), cname), S("]"));
		return S("[Object]");
	}
	rt_array_push(c->seen, v);
	rt_value out = rt_array_new(0, 8);
	int has_more = 0;
	int entries_before = 0;
	if (type == RT_T_ARRAY) {
		rt_array *a = (rt_array *)h;
		uint32_t shown = 0, i = 0;
		while (i < a->len && shown < 100) {
			rt_value e = ((rt_array *)rt_ptr(v))->items->v[i];
			if (e == RT_HOLE) {
				uint32_t j = i;
				while (j < ((rt_array *)rt_ptr(v))->len && ((rt_array *)rt_ptr(v))->items->v[j] == RT_HOLE) j++;
				char buf[48];
				rt_fmt(buf, sizeof buf, "<%u empty item%s>", j - i, j - i == 1 ? "" : "s");
				rt_array_push(out, S(buf));
				i = j;
			} else {
				rt_array_push(out, fmt_value(c, e, depth + 1, 1));
				i++;
			}
			shown++;
		}
		if (i < ((rt_array *)rt_ptr(v))->len) {
			char buf[48];
			uint32_t rem = ((rt_array *)rt_ptr(v))->len - i;
			rt_fmt(buf, sizeof buf, "... %u more item%s", rem, rem == 1 ? "" : "s");
			rt_array_push(out, S(buf));
			has_more = 1;
		}
	} else if (type == RT_T_TYPEDARRAY) {
		rt_typed *t = (rt_typed *)h;
		uint32_t n = t->length < 100 ? t->length : 100;
		for (uint32_t i = 0; i < n; i++) rt_array_push(out, fmt_number(rt_tget(v, i)));
		if (t->length > 100) {
			char buf[48];
			rt_fmt(buf, sizeof buf, "... %u more item%s", t->length - 100, t->length - 100 == 1 ? "" : "s");
			rt_array_push(out, S(buf));
			has_more = 1;
		}
	} else if (type == RT_T_MAP || type == RT_T_SET) {
		rt_mapobj *m = (rt_mapobj *)h;
		for (uint32_t i = 0; i < ((rt_mapobj *)rt_ptr(v))->count; i++) {
			rt_valbuf *ents = ((rt_mapobj *)rt_ptr(v))->ents;
			rt_value k = ents->v[2 * i];
			if (k == RT_HOLE) continue;
			rt_value ks = fmt_value(c, k, depth + 1, 1);
			if (type == RT_T_MAP) ks = cat(cat(ks, S(" => ")), fmt_value(c, ((rt_mapobj *)rt_ptr(v))->ents->v[2 * i + 1], depth + 1, 1));
			rt_array_push(out, ks);
		}
		(void)m;
	} else if (type == RT_T_PROMISE) {
		rt_promise *p = (rt_promise *)h;
		if (p->state == 0) rt_array_push(out, S("<pending>"));
		else if (p->state == 1) rt_array_push(out, fmt_value(c, p->value, depth + 1, 1));
		else rt_array_push(out, cat(S("<rejected> "), fmt_value(c, ((rt_promise *)rt_ptr(v))->value, depth + 1, 1)));
	} else if (type == RT_T_ARRAYBUFFER) {
		rt_abuf *ab = (rt_abuf *)h;
		uint32_t len = ab->len;
		rt_sb b;
		rt_sb_init(&b);
		rt_sb_adds(&b, "[Uint8Contents]: <");
		uint32_t n = len < 50 ? len : 50;
		static const char hx[] = "0123456789abcdef";
		for (uint32_t i = 0; i < n; i++) {
			if (i) rt_sb_add(&b, ' ');
			rt_sb_add(&b, (uint16_t)hx[ab->b[i] >> 4]);
			rt_sb_add(&b, (uint16_t)hx[ab->b[i] & 15]);
		}
		if (len > 50) {
			char buf[40];
			rt_fmt(buf, sizeof buf, " ... %u more byte%s", len - 50, len - 50 == 1 ? "" : "s");
			rt_sb_adds(&b, buf);
		}
		rt_sb_add(&b, '>');
		rt_array_push(out, rt_sb_done(&b));
		rt_array_push(out, cat(S("byteLength: "), fmt_number(len)));
		prefix = S("ArrayBuffer ");
	} else if (type == RT_T_DATAVIEW) {
		rt_typed *t = (rt_typed *)h;
		rt_array_push(out, cat(S("byteLength: "), fmt_number(t->length)));
		rt_array_push(out, cat(S("byteOffset: "), fmt_number(t->offset)));
		rt_array_push(out, cat(S("buffer: "), fmt_value(c, ((rt_typed *)rt_ptr(v))->buffer, depth + 1, 1)));
	}
	entries_before = (int)((rt_array *)rt_ptr(out))->len;
	(void)entries_before;
	if (type != RT_T_ARRAYBUFFER) add_props(c, out, v, depth);
	((rt_array *)rt_ptr(c->seen))->len--;
	rt_value r;
	if (((rt_array *)rt_ptr(out))->len == 0) {
		if (type == RT_T_ARRAY || type == RT_T_TYPEDARRAY) r = cat(prefix, S("[]"));
		else r = cat(prefix, S("{}"));
		if (type == RT_T_FUNCTION) r = fmt_function(v);
	} else {
		c->current_depth = depth;
		int oi = c->indent;
		(void)oi;
		uint32_t plen = slen(prefix);
		rt_value base = plen ? rt_substr(prefix, 0, plen - 1) : rt_empty_str;
		r = reduce(c, out, base, b0, b1, is_array, depth, is_array ? v : RT_UNDEF, has_more);
	}
	int k = arr_index_of(c->circular, v);
	if (k >= 0) {
		char buf[32];
		rt_fmt(buf, sizeof buf, "<ref *%d> ", k + 1);
		r = cat(S(buf), r);
	}
	return r;
}

static rt_value fmt_value(ictx *c, rt_value v, int depth, int nested) {
	rt_value p = fmt_primitive(v, nested);
	if (p != RT_UNDEF) return p;
	int saved = c->indent;
	if (depth > 0) c->indent += 2;
	rt_value r = fmt_object(c, v, depth);
	c->indent = saved;
	return r;
}

/* formatRaw indents children while formatting them; emulate by adjusting indent per level */
rt_value rt_inspect(rt_value v) {
	ictx c;
	c.seen = rt_array_new(0, 8);
	c.circular = rt_array_new(0, 2);
	c.indent = 0;
	c.current_depth = 0;
	c.depth_limit = 2;
	rt_value p = fmt_primitive(v, 0);
	if (p != RT_UNDEF) return p;
	return fmt_object(&c, v, 0);
}

rt_value rt_inspect_nested(rt_value v) {
	rt_value p = fmt_primitive(v, 1);
	if (p != RT_UNDEF) return p;
	return rt_inspect(v);
}

/* console.log(fmt, ...): printf-like directives in a leading string */
void rt_console_log(int fd, int argc, const rt_value *argv) {
	rt_sb b;
	rt_sb_init(&b);
	int i = 0;
	if (argc > 0 && rt_is_str(argv[0])) {
		rt_string *f = rt_flat(argv[0]);
		int has_pct = 0;
		for (uint32_t k = 0; k < f->len; k++) if (f->s[k] == '%') { has_pct = 1; break; }
		if (has_pct && argc > 1) {
			i = 1;
			for (uint32_t k = 0; k < rt_flat(argv[0])->len; k++) {
				f = rt_flat(argv[0]);
				uint16_t ch = f->s[k];
				if (ch != '%' || k + 1 >= f->len) { rt_sb_add(&b, ch); continue; }
				uint16_t d = f->s[k + 1];
				if (d == '%') { rt_sb_add(&b, '%'); k++; continue; }
				if (i >= argc || !(d == 's' || d == 'd' || d == 'i' || d == 'f' || d == 'o' || d == 'O' || d == 'j' || d == 'c')) {
					rt_sb_add(&b, ch);
					continue;
				}
				rt_value a = argv[i++];
				k++;
				if (d == 's') rt_sb_addv(&b, rt_is_str(a) ? a : rt_is_obj(a) ? rt_inspect(a) : fmt_primitive(a, 0));
				else if (d == 'd' || d == 'i') {
					double x = rt_is_obj(a) ? __builtin_nan("") : rt_tonum(a);
					if (d == 'i') x = trunc(x);
					rt_sb_addv(&b, fmt_number(x));
				} else if (d == 'f') rt_sb_addv(&b, fmt_number(rt_tonum(a)));
				else if (d == 'c') { }
				else if (d == 'j') {
					rt_value js = rt_call(rt_obj_get_c(rt_obj_get_c(rt_global_obj, "JSON"), "stringify"), RT_UNDEF, 1, &a);
					rt_sb_addv(&b, rt_is_str(js) ? js : rt_str_c("undefined"));
				}
				else if (d == 'o' && rt_is_array(a)) {
					/* %o shows hidden properties: an array's [length] */
					rt_value t = rt_inspect_nested(a);
					uint32_t n = rt_str_len(t);
					char buf[40];
					rt_fmt(buf, sizeof buf, "[length]: %u ]", ((rt_array *)rt_ptr(a))->len);
					if (n == 2) rt_sb_adds(&b, "[ "), rt_sb_adds(&b, buf);
					else rt_sb_addv(&b, rt_substr(t, 0, n - 2)), rt_sb_adds(&b, ", "), rt_sb_adds(&b, buf);
				} else rt_sb_addv(&b, rt_inspect_nested(a));
			}
			if (i < argc) rt_sb_add(&b, ' ');
		}
	}
	for (int first = i; i < argc; i++) {
		if (i > first) rt_sb_add(&b, ' ');
		rt_sb_addv(&b, rt_inspect(argv[i]));
	}
	rt_sb_add(&b, '\n');
	out_str(fd, rt_sb_done(&b));
	rt_out_flush();
}

void rt_write_str(int fd, rt_value s) { out_str(fd, s); }
