/*
 * JSON.stringify (replacer function or key list, indentation, toJSON) and JSON.parse (reviver).
 */
#include "internal.h"

#define NATIVE(n) static rt_value n(rt_function *self, rt_value this_, int argc, const rt_value *argv)

typedef struct jctx {
	rt_sb *b;
	rt_value replacer; /* function or RT_UNDEF */
	rt_value keylist;  /* array of allowed keys or RT_UNDEF */
	rt_value gap;      /* string */
	rt_value stack;    /* array of objects being serialized */
	rt_value indent;   /* current indentation string */
} jctx;

static int ser(jctx *c, rt_value holder, rt_value key, rt_value v);

/* v (an object) is a plain object whose keys ser may take from its shape: no key list, a shared
 * (immutable) shape, no accessors, no integer keys (those would enumerate first) */
static int plain_keys(jctx *c, rt_value v) {
	rt_object *ob = (rt_object *)rt_ptr(v);
	if (c->keylist != RT_UNDEF || ob->h.type != RT_T_OBJECT || ob->shape->dict) return 0;
	rt_shape *sh = ob->shape;
	for (uint32_t i = 0; i < sh->nkeys; i++)
		if ((sh->props[i].attrs & RT_P_ACCESSOR) || (sh->props[i].key->h.flags & RT_F_INDEX)) return 0;
	return 1;
}

static void newline(jctx *c) {
	rt_sb_add(c->b, '\n');
	rt_sb_addv(c->b, c->indent);
}

static int ser(jctx *c, rt_value holder, rt_value key, rt_value v) {
	if (rt_is_obj(v)) {
		rt_value tj = rt_get(v, rt_atom_toJSON);
		if (rt_is_func(tj)) v = rt_call(tj, v, 1, &key);
	}
	if (c->replacer != RT_UNDEF) {
		rt_value args[2] = {key, v};
		v = rt_call(c->replacer, holder, 2, args);
	}
	if (v == RT_NULL) { rt_sb_adds(c->b, "null"); return 1; }
	if (v == RT_TRUE) { rt_sb_adds(c->b, "true"); return 1; }
	if (v == RT_FALSE) { rt_sb_adds(c->b, "false"); return 1; }
	if (rt_is_num(v)) {
		double d = rt_dbl(v);
		if (d != d || d - d != 0) rt_sb_adds(c->b, "null");
		else rt_sb_addnum(c->b, d == 0 ? 0 : d);
		return 1;
	}
	if (rt_is_str(v)) {
		if (rt_flat(v)->h.flags & RT_F_SYMBOL) return 0;
		rt_sb_json_quote(c->b, v);
		return 1;
	}
	if (v == RT_UNDEF || rt_is_func(v) || !rt_is_obj(v)) return 0;
	rt_array *st = (rt_array *)rt_ptr(c->stack);
	for (uint32_t i = 0; i < st->len; i++)
		if (st->items->v[i] == v) rt_throw_type("Converting circular structure to JSON");
	rt_array_push(c->stack, v);
	rt_value saved = c->indent;
	int pretty = rt_str_len(c->gap) > 0;
	if (pretty) c->indent = rt_concat(c->indent, c->gap);
	if (rt_is_array(v)) {
		uint32_t n = ((rt_array *)rt_ptr(v))->len;
		rt_sb_add(c->b, '[');
		for (uint32_t i = 0; i < n; i++) {
			if (i) rt_sb_add(c->b, ',');
			if (pretty) newline(c);
			if (!ser(c, v, rt_num_to_str(i), rt_aget(v, i))) rt_sb_adds(c->b, "null");
		}
		c->indent = saved;
		if (pretty && n) newline(c);
		rt_sb_add(c->b, ']');
	} else if (plain_keys(c, v)) {
		/* a plain object without accessors or index keys: its keys in shape order, values from
		 * the slots while the shape is unchanged (a toJSON may change the object: then rt_get) */
		rt_object *ob = (rt_object *)rt_ptr(v);
		rt_shape *sh = ob->shape;
		rt_sb_add(c->b, '{');
		int any = 0;
		for (uint32_t i = 0; i < sh->nkeys; i++) {
			rt_prop *pr = &sh->props[i];
			if (!(pr->attrs & RT_P_ENUM) || (pr->key->h.flags & RT_F_SYMBOL)) continue;
			rt_value k = rt_box_ptr(pr->key);
			rt_value pv = ob->shape == sh ? ob->slots->v[i] : rt_get(v, pr->key);
			uint32_t mark = c->b->len;
			if (any) rt_sb_add(c->b, ',');
			if (pretty) newline(c);
			rt_sb_json_quote(c->b, k);
			rt_sb_add(c->b, ':');
			if (pretty) rt_sb_add(c->b, ' ');
			if (ser(c, v, k, pv)) any = 1;
			else c->b->len = mark;
		}
		c->indent = saved;
		if (pretty && any) newline(c);
		rt_sb_add(c->b, '}');
	} else {
		rt_value keys = c->keylist != RT_UNDEF ? c->keylist : rt_own_keys(v);
		rt_sb_add(c->b, '{');
		int any = 0;
		for (uint32_t i = 0; i < ((rt_array *)rt_ptr(keys))->len; i++) {
			rt_value k = ((rt_array *)rt_ptr(keys))->items->v[i];
			rt_value pv = rt_get(v, rt_atom(k));
			uint32_t mark = c->b->len;
			if (any) rt_sb_add(c->b, ',');
			if (pretty) newline(c);
			rt_sb_json_quote(c->b, k);
			rt_sb_add(c->b, ':');
			if (pretty) rt_sb_add(c->b, ' ');
			if (ser(c, v, k, pv)) any = 1;
			else c->b->len = mark; /* undefined/function members are skipped */
		}
		c->indent = saved;
		if (pretty && any) newline(c);
		rt_sb_add(c->b, '}');
	}
	((rt_array *)rt_ptr(c->stack))->len--;
	return 1;
}

NATIVE(j_stringify) {
	rt_sb b;
	rt_sb_init(&b);
	jctx c;
	c.b = &b;
	c.replacer = RT_UNDEF;
	c.keylist = RT_UNDEF;
	c.stack = rt_array_new(0, 8);
	c.indent = rt_empty_str;
	c.gap = rt_empty_str;
	rt_value r = rt_arg(argc, argv, 1), sp = rt_arg(argc, argv, 2);
	if (rt_is_func(r)) c.replacer = r;
	else if (rt_is_array(r)) {
		c.keylist = rt_array_new(0, 4);
		for (uint32_t i = 0; i < ((rt_array *)rt_ptr(r))->len; i++) rt_array_push(c.keylist, rt_tostring(rt_aget(r, i)));
	}
	if (rt_is_num(sp)) {
		int n = (int)rt_dbl(sp);
		if (n > 10) n = 10;
		rt_sb g;
		rt_sb_init(&g);
		for (int i = 0; i < n; i++) rt_sb_add(&g, ' ');
		c.gap = rt_sb_done(&g);
	} else if (rt_is_str(sp)) c.gap = rt_str_len(sp) > 10 ? rt_substr(sp, 0, 10) : sp;
	rt_value holder = rt_obj_new(rt_proto_object);
	rt_value v = rt_arg(argc, argv, 0);
	rt_set(holder, rt_atom(rt_empty_str), v);
	if (!ser(&c, holder, rt_empty_str, v)) return RT_UNDEF;
	return rt_sb_done(&b);
}

/* ---- parse ---- */
typedef struct pctx {
	rt_value src;
	const uint16_t *s; /* the flat characters of src (the collector does not move objects) */
	uint32_t i, n;
} pctx;

static inline __attribute__((always_inline)) uint16_t ch(pctx *p) { return p->i < p->n ? p->s[p->i] : 0; }
static inline __attribute__((always_inline)) void ws(pctx *p) {
	while (p->i < p->n) {
		uint16_t c = ch(p);
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') p->i++;
		else break;
	}
}
static void fail(pctx *p) {
	if (p->i >= p->n) rt_throw_errv("SyntaxError", rt_str_c("Unexpected end of JSON input"));
	rt_value tok = rt_substr(p->src, p->i, p->i + 1);
	rt_value msg = rt_concat(rt_concat(rt_str_c("Unexpected token '"), tok), rt_str_c("', "));
	rt_value s = p->n > 30 ? rt_concat(rt_substr(p->src, 0, 30), rt_str_c("...")) : p->src;
	msg = rt_concat(rt_concat(rt_concat(msg, rt_str_c("\"")), s), rt_str_c("\" is not valid JSON"));
	rt_throw_errv("SyntaxError", msg);
}
static rt_value pvalue(pctx *p);

/* JSON.parse builds objects of the same keys again and again: the shape transition of the n-th key of
 * an object is cached (cleared by each collection, as the compiled code's inline caches) */
#define NPICS 16
static rt_ic pics[NPICS];
static void pdefine(rt_value o, rt_string *key, rt_value v, uint32_t n) {
	rt_object *ob = (rt_object *)rt_ptr(o);
	rt_ic *ic = &pics[n < NPICS ? n : NPICS - 1];
	if (ob->shape == ic->shape && ic->nshape && ic->nshape->props[ic->slot].key == key && ic->slot < ob->slots->cap) {
		ob->shape = ic->nshape;
		ob->slots->v[ic->slot] = v;
		return;
	}
	rt_define_slow_ic(o, key, v, ic);
}
static rt_value pstring(pctx *p) {
	p->i++; /* opening quote */
	/* fast path: no escapes before the closing quote */
	for (uint32_t j = p->i; j < p->n; j++) {
		uint16_t c = p->s[j];
		if (c == '"') {
			rt_value r = rt_str_new(p->s + p->i, j - p->i);
			p->i = j + 1;
			return r;
		}
		if (c < 0x20 || c == '\\') break;
	}
	rt_sb b;
	rt_sb_init(&b);
	for (;;) {
		if (p->i >= p->n) fail(p);
		uint16_t c = ch(p);
		if (c == '"') { p->i++; break; }
		if (c < 0x20) fail(p);
		if (c == '\\') {
			p->i++;
			uint16_t e = ch(p);
			p->i++;
			switch (e) {
			case '"': rt_sb_add(&b, '"'); break;
			case '\\': rt_sb_add(&b, '\\'); break;
			case '/': rt_sb_add(&b, '/'); break;
			case 'b': rt_sb_add(&b, 8); break;
			case 'f': rt_sb_add(&b, 12); break;
			case 'n': rt_sb_add(&b, 10); break;
			case 'r': rt_sb_add(&b, 13); break;
			case 't': rt_sb_add(&b, 9); break;
			case 'u': {
				uint16_t u = 0;
				for (int k = 0; k < 4; k++) {
					uint16_t h = ch(p);
					int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
					if (d < 0) fail(p);
					u = (uint16_t)(u * 16 + d);
					p->i++;
				}
				rt_sb_add(&b, u);
				break;
			}
			default: p->i--; fail(p);
			}
			continue;
		}
		rt_sb_add(&b, c);
		p->i++;
	}
	return rt_sb_done(&b);
}
static rt_value pnumber(pctx *p) {
	uint32_t st = p->i;
	{ /* fast path: at most 15 digits, no exponent: m / 10^k is exact operands, one rounding */
		static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
		uint32_t j = p->i, nd = 0;
		int neg = 0, k = 0;
		int64_t m = 0;
		if (j < p->n && p->s[j] == '-') { neg = 1; j++; }
		if (j < p->n && p->s[j] == '0') { j++; nd++; }
		else while (j < p->n && p->s[j] >= '0' && p->s[j] <= '9') { m = m * 10 + (p->s[j++] - '0'); nd++; if (nd > 15) break; }
		if (nd && nd <= 15 && j < p->n && p->s[j] == '.') {
			j++;
			while (j < p->n && p->s[j] >= '0' && p->s[j] <= '9' && nd <= 15) { m = m * 10 + (p->s[j++] - '0'); nd++; k++; }
			if (!k) nd = 99; /* "1." is an error: the slow path reports it */
		}
		if (nd && nd <= 15 && !(j < p->n && (p->s[j] == 'e' || p->s[j] == 'E' || (p->s[j] >= '0' && p->s[j] <= '9')))) {
			double v = (double)m / p10[k];
			p->i = j;
			return rt_num(neg ? -v : v);
		}
	}
	if (ch(p) == '-') p->i++;
	if (ch(p) == '0') p->i++;
	else if (ch(p) >= '1' && ch(p) <= '9') while (ch(p) >= '0' && ch(p) <= '9') p->i++;
	else fail(p);
	if (ch(p) == '.') {
		p->i++;
		if (!(ch(p) >= '0' && ch(p) <= '9')) fail(p);
		while (ch(p) >= '0' && ch(p) <= '9') p->i++;
	}
	if (ch(p) == 'e' || ch(p) == 'E') {
		p->i++;
		if (ch(p) == '+' || ch(p) == '-') p->i++;
		if (!(ch(p) >= '0' && ch(p) <= '9')) fail(p);
		while (ch(p) >= '0' && ch(p) <= '9') p->i++;
	}
	char buf[64];
	uint32_t n = p->i - st;
	if (n < sizeof buf) {
		for (uint32_t k = 0; k < n; k++) buf[k] = (char)p->s[st + k];
		return rt_num(rt_strtod(buf, n, 0));
	}
	rt_string *f = rt_flat(rt_substr(p->src, st, p->i));
	return rt_num(rt_string_to_number(f->s, f->len));
}
static int lit(pctx *p, const char *w) {
	uint32_t k = 0;
	while (w[k]) { if (ch(p) != (uint16_t)w[k]) fail(p); p->i++; k++; }
	return 1;
}
static rt_value pvalue(pctx *p) {
	ws(p);
	uint16_t c = ch(p);
	if (p->i >= p->n) fail(p);
	if (c == '{') {
		p->i++;
		rt_value o = rt_obj_new_sized(rt_proto_object, 8);
		uint32_t nk = 0;
		ws(p);
		if (ch(p) == '}') { p->i++; return o; }
		for (;;) {
			ws(p);
			if (ch(p) != '"') fail(p);
			rt_value k = pstring(p);
			ws(p);
			if (ch(p) != ':') fail(p);
			p->i++;
			rt_value v = pvalue(p);
			pdefine(o, rt_atom(k), v, nk++);
			ws(p);
			if (ch(p) == ',') { p->i++; continue; }
			if (ch(p) == '}') { p->i++; return o; }
			fail(p);
		}
	}
	if (c == '[') {
		p->i++;
		rt_value a = rt_array_new(0, 4);
		ws(p);
		if (ch(p) == ']') { p->i++; return a; }
		for (;;) {
			rt_array_push(a, pvalue(p));
			ws(p);
			if (ch(p) == ',') { p->i++; continue; }
			if (ch(p) == ']') { p->i++; return a; }
			fail(p);
		}
	}
	if (c == '"') return pstring(p);
	if (c == '-' || (c >= '0' && c <= '9')) return pnumber(p);
	if (c == 't') { lit(p, "true"); return RT_TRUE; }
	if (c == 'f') { lit(p, "false"); return RT_FALSE; }
	if (c == 'n') { lit(p, "null"); return RT_NULL; }
	fail(p);
	return RT_UNDEF;
}
static rt_value revive(rt_value reviver, rt_value holder, rt_value key) {
	rt_value v = rt_get_index(holder, key);
	if (rt_is_obj(v)) {
		rt_value keys = rt_own_keys(v);
		for (uint32_t i = 0; i < ((rt_array *)rt_ptr(keys))->len; i++) {
			rt_value k = ((rt_array *)rt_ptr(keys))->items->v[i];
			rt_value nv = revive(reviver, v, k);
			if (nv == RT_UNDEF) rt_delete(v, rt_atom(k));
			else rt_set_index(v, k, nv);
		}
	}
	rt_value args[2] = {key, v};
	return rt_call(reviver, holder, 2, args);
}
NATIVE(j_parse) {
	pctx p;
	p.src = rt_arg_str(argc, argv, 0);
	p.i = 0;
	p.n = rt_str_len(p.src);
	p.s = rt_flat(p.src)->s;
	rt_value v = pvalue(&p);
	ws(&p);
	if (p.i < p.n) fail(&p);
	rt_value reviver = rt_arg(argc, argv, 1);
	if (rt_is_func(reviver)) {
		rt_value holder = rt_obj_new(rt_proto_object);
		rt_set(holder, rt_atom(rt_empty_str), v);
		return revive(reviver, holder, rt_empty_str);
	}
	return v;
}

void rt_init_json(void) {
	static int made;
	if (made) return;
	made = 1;
	rt_value j = rt_obj_new(rt_proto_object);
	static const rt_fndef methods1[] = {
		{"stringify", j_stringify, 3}, {"parse", j_parse, 2},
	};
	RT_METHODS(j, methods1);
	rt_register_ics(pics, NPICS);
	rt_define(rt_global_obj, rt_atom_c("JSON"), j, 0);
}
