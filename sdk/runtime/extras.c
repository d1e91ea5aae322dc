/*
 * Entry points behind language constructs that generated code calls (see rt/rtx.h).
 */
#include "internal.h"
#include <rt/rtx.h>

double rt_pow(double a, double b) {
	if (b != b) return __builtin_nan("");
	if (b == 0) return 1;
	if ((a == 1 || a == -1) && (b - b != 0)) return __builtin_nan(""); /* (+-1) ** +-Infinity */
	return pow(a, b);
}

static uint64_t rng_state = 0x853c49e6748fea9bULL;
double rt_random(void) {
	if (rng_state == 0x853c49e6748fea9bULL) rng_state ^= rt_sys_now_ns() * 0x9E3779B97F4A7C15ULL;
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	uint64_t r = rng_state * 0x2545F4914F6CDD1DULL;
	return (double)(r >> 11) / 9007199254740992.0;
}

rt_value rt_global(rt_string *name) {
	rt_object *g = (rt_object *)rt_ptr(rt_global_obj);
	int i = rt_shape_find(g->shape, name);
	if (i < 0 && rt_global_lazy(name)) i = rt_shape_find(g->shape, name);
	if (i < 0) rt_throw_errv("ReferenceError", rt_concat(rt_box_ptr(name), rt_str_c(" is not defined")));
	return g->slots->v[i];
}

rt_string *rt_to_key(rt_value k) {
	if (rt_is_num(k)) {
		double d = rt_dbl(k);
		uint32_t i = (uint32_t)d;
		if ((double)i == d && i != 0xFFFFFFFFu) return rt_atom_index(i);
	}
	return rt_atom(rt_tostring(k));
}

rt_string *rt_atom_index_or_str(double d) { return rt_to_key(rt_num(d)); }

rt_value rt_obj_rest(rt_value src, rt_value exclude) {
	rt_value out = rt_obj_new(rt_proto_object);
	rt_value keys = rt_own_keys(src);
	rt_array *k = (rt_array *)rt_ptr(keys);
	rt_array *ex = (rt_array *)rt_ptr(exclude);
	for (uint32_t i = 0; i < k->len; i++) {
		rt_string *key = rt_atom(k->items->v[i]);
		int skip = 0;
		for (uint32_t j = 0; j < ex->len; j++) if ((rt_string *)rt_ptr(ex->items->v[j]) == key) skip = 1;
		if (!skip) rt_define(out, key, rt_get(src, key), RT_P_ENUM);
	}
	return out;
}

rt_value rt_array_slice_from(rt_value av, double from) {
	rt_array *a = (rt_array *)rt_ptr(av);
	uint32_t f = (uint32_t)from;
	uint32_t n = a->len > f ? a->len - f : 0;
	rt_value r = rt_array_new(n, n);
	a = (rt_array *)rt_ptr(av);
	for (uint32_t i = 0; i < n; i++) {
		rt_value v = a->items->v[f + i];
		((rt_array *)rt_ptr(r))->items->v[i] = v == RT_HOLE ? RT_UNDEF : v;
	}
	return r;
}

void rt_array_push_hole(rt_value a) {
	rt_array_push(a, RT_HOLE);
}

int rt_forin_live(rt_value o, rt_value key) {
	if (!rt_is_obj(o)) return 1;
	return rt_has(o, rt_atom(key)); /* keys deleted during the loop are skipped */
}

rt_value rt_call_ctor_spread(rt_value f, rt_value this_, rt_value args) {
	rt_array *a = (rt_array *)rt_ptr(args);
	uint32_t n = a->len;
	rt_value tmp[n + 1];
	for (uint32_t i = 0; i < n; i++) tmp[i] = a->items->v[i] == RT_HOLE ? RT_UNDEF : a->items->v[i];
	return rt_call_ctor(f, this_, (int)n, tmp);
}

void rt_throw_tdz(rt_string *name) {
	rt_throw_errv("ReferenceError", rt_concat(rt_concat(rt_str_c("Cannot access '"), rt_box_ptr(name)), rt_str_c("' before initialization")));
}

/* the strings array of a tagged template call site: cooked parts, .raw = the raw parts; both frozen */
rt_value rt_template_object(int n, const rt_value *cooked, const rt_value *raw) {
	rt_value r = rt_array_of(n, raw);
	rt_value c = rt_array_of(n, cooked);
	rt_define(c, rt_atom_c("raw"), r, 0);
	((rt_hdr *)rt_ptr(r))->flags |= RT_F_FROZEN;
	((rt_hdr *)rt_ptr(c))->flags |= RT_F_FROZEN;
	return c;
}
