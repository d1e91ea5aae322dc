/*
 * Map and Set: entries in insertion order (deleted entries become holes, so iteration that
 * deletes is safe) plus an open-addressing hash index. Keys compare with SameValueZero.
 * WeakMap/WeakSet are provided with the same (strong) implementation.
 */
#include "internal.h"

#define NATIVE(n) static rt_value n(rt_function *self, rt_value this_, int argc, const rt_value *argv)
void rt_obj_init(rt_object *o, rt_value proto);
static rt_value proto_weakmap, proto_weakset;
static void coll_roots(void) { rt_gc_mark_value(proto_weakmap); rt_gc_mark_value(proto_weakset); }

static uint32_t hash_value(rt_value k) {
	if (rt_is_num(k)) {
		double d = rt_dbl(k);
		if (d == 0) d = 0; /* -0 and +0 are the same key */
		uint64_t u = dbl_bits(d);
		u ^= u >> 33;
		u *= 0xff51afd7ed558ccdULL;
		u ^= u >> 33;
		return (uint32_t)u;
	}
	if (rt_is_str(k)) return rt_str_hash(rt_flat(k));
	uint64_t u = k * 0x9E3779B97F4A7C15ULL;
	return (uint32_t)(u >> 32);
}
static int same_key(rt_value a, rt_value b) {
	if (a == b) return 1;
	if (rt_is_num(a) && rt_is_num(b)) {
		double x = rt_dbl(a), y = rt_dbl(b);
		return x == y || (x != x && y != y);
	}
	if (rt_is_str(a) && rt_is_str(b)) return rt_str_eq(a, b);
	return 0;
}

static rt_mapobj *map_new(int type, rt_value proto) {
	rt_mapobj *m = (rt_mapobj *)rt_alloc(sizeof(rt_mapobj), type);
	rt_obj_init(&m->o, proto);
	return m;
}

static void rebuild(rt_mapobj *m, uint32_t cap) {
	/* compacts the entries (drops holes) and rebuilds the index with room for cap entries */
	rt_valbuf *ne = (rt_valbuf *)rt_alloc(sizeof(rt_valbuf) + (size_t)cap * 16, RT_T_VALBUF);
	ne->cap = cap * 2;
	uint32_t n = 0;
	for (uint32_t i = 0; i < m->count; i++) {
		if (m->ents->v[2 * i] == RT_HOLE) continue;
		ne->v[2 * n] = m->ents->v[2 * i];
		ne->v[2 * n + 1] = m->ents->v[2 * i + 1];
		n++;
	}
	for (uint32_t i = 2 * n; i < ne->cap; i++) ne->v[i] = RT_UNDEF;
	uint32_t isz = 16;
	while (isz < cap + cap / 2) isz *= 2; /* load factor <= 2/3 */
	rt_rawbuf *ix = (rt_rawbuf *)rt_alloc(sizeof(rt_rawbuf) + (size_t)isz * 4, RT_T_RAWBUF);
	ix->len = isz;
	int32_t *t = (int32_t *)ix->b;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t j = hash_value(ne->v[2 * i]) & (isz - 1);
		while (t[j]) j = (j + 1) & (isz - 1);
		t[j] = (int32_t)i + 1;
	}
	m->ents = ne;
	m->index = ix;
	m->count = n;
}

int rt_map_find(rt_mapobj *m, rt_value k) {
	if (!m->index) return -1;
	uint32_t isz = m->index->len, j = hash_value(k) & (isz - 1);
	int32_t *t = (int32_t *)m->index->b;
	while (t[j]) {
		uint32_t e = (uint32_t)t[j] - 1;
		if (same_key(m->ents->v[2 * e], k)) return (int)e;
		j = (j + 1) & (isz - 1);
	}
	return -1;
}

static void map_put(rt_mapobj *m, rt_value k, rt_value v) {
	int e = rt_map_find(m, k);
	if (e >= 0) { m->ents->v[2 * e + 1] = v; return; }
	if (rt_is_num(k) && rt_dbl(k) == 0) k = rt_num(0); /* -0 is stored as +0 */
	if (!m->ents || m->count * 2 >= m->ents->cap) {
		uint32_t cap = m->size + m->size / 2 + 8;
		rebuild(m, cap);
	}
	uint32_t i = m->count++;
	m->ents->v[2 * i] = k;
	m->ents->v[2 * i + 1] = v;
	uint32_t isz = m->index->len, j = hash_value(k) & (isz - 1);
	int32_t *t = (int32_t *)m->index->b;
	while (t[j]) j = (j + 1) & (isz - 1);
	t[j] = (int32_t)i + 1;
	m->size++;
}

static rt_mapobj *this_map(rt_value v, int type) {
	if (!rt_is_ptr(v) || rt_ptr_type(v) != type) rt_throw_type(type == RT_T_MAP ? "Method Map.prototype called on incompatible receiver" : "Method Set.prototype called on incompatible receiver");
	return (rt_mapobj *)rt_ptr(v);
}

NATIVE(map_get) {
	rt_mapobj *m = this_map(this_, RT_T_MAP);
	int e = rt_map_find(m, rt_arg(argc, argv, 0));
	return e >= 0 ? m->ents->v[2 * e + 1] : RT_UNDEF;
}
NATIVE(map_set) {
	map_put(this_map(this_, RT_T_MAP), rt_arg(argc, argv, 0), rt_arg(argc, argv, 1));
	return this_;
}
NATIVE(map_has) { return rt_bool(rt_map_find((rt_mapobj *)rt_ptr(this_), rt_arg(argc, argv, 0)) >= 0); }
NATIVE(map_delete) {
	rt_mapobj *m = (rt_mapobj *)rt_ptr(this_);
	int e = rt_map_find(m, rt_arg(argc, argv, 0));
	if (e < 0) return RT_FALSE;
	/* remove from the index by rebuilding the probe chain lazily: mark entry as a hole */
	m->ents->v[2 * e] = RT_HOLE;
	m->ents->v[2 * e + 1] = RT_UNDEF;
	m->size--;
	return RT_TRUE;
}
NATIVE(map_clear) {
	rt_mapobj *m = (rt_mapobj *)rt_ptr(this_);
	for (uint32_t i = 0; i < m->count; i++) { m->ents->v[2 * i] = RT_HOLE; m->ents->v[2 * i + 1] = RT_UNDEF; }
	m->size = 0;
	return RT_UNDEF;
}
NATIVE(map_size) { return rt_num(((rt_mapobj *)rt_ptr(this_))->size); }
NATIVE(map_foreach) {
	rt_value f = rt_arg(argc, argv, 0);
	if (!rt_is_func(f)) rt_throw_type("callback is not a function");
	int is_set = rt_ptr_type(this_) == RT_T_SET;
	for (uint32_t i = 0; i < ((rt_mapobj *)rt_ptr(this_))->count; i++) {
		rt_mapobj *m = (rt_mapobj *)rt_ptr(this_);
		rt_value k = m->ents->v[2 * i];
		if (k == RT_HOLE) continue;
		rt_value args[3] = {is_set ? k : m->ents->v[2 * i + 1], k, this_};
		rt_call(f, rt_arg(argc, argv, 1), 3, args);
	}
	return RT_UNDEF;
}
NATIVE(map_keys) { return rt_make_iter_obj(this_, 4); }
NATIVE(map_values) { return rt_make_iter_obj(this_, 3); }
NATIVE(map_entries) { return rt_make_iter_obj(this_, 5); }
NATIVE(set_add) {
	rt_mapobj *m = this_map(this_, RT_T_SET);
	rt_value k = rt_arg(argc, argv, 0);
	if (rt_map_find(m, k) < 0) map_put(m, k, k);
	return this_;
}
NATIVE(set_entries) { return rt_make_iter_obj(this_, 5); }

/* Map/Set methods called directly by compiled code on a receiver that is statically a Map or a Set
 * (m: Map get set has delete, Set add has delete); the same natives (they check the receiver) */
rt_value rt_coll_method(int m, rt_value o, int argc, const rt_value *argv) {
	static const rt_code natives[] = {map_get, map_set, map_has, map_delete, set_add, map_has, map_delete};
	if ((m < 4 && !(rt_is_ptr(o) && rt_ptr_type(o) == RT_T_MAP)) || (m >= 4 && !(rt_is_ptr(o) && rt_ptr_type(o) == RT_T_SET)))
		rt_throw_type(m < 4 ? "Method Map.prototype called on incompatible receiver" : "Method Set.prototype called on incompatible receiver");
	return natives[m](0, o, argc, argv);
}

static rt_value construct(int type, rt_value proto, rt_value this_, rt_value iterable) {
	rt_value p = proto;
	if (rt_is_obj(this_)) p = rt_get_proto(this_); /* subclass prototype */
	rt_mapobj *m = map_new(type, p);
	rt_value mv = rt_box_ptr(m);
	if (!rt_is_nullish(iterable)) {
		rt_iter it;
		rt_value x;
		rt_iter_init(&it, iterable);
		while (rt_iter_next(&it, &x)) {
			if (type == RT_T_SET) { if (rt_map_find(m, x) < 0) map_put(m, x, x); }
			else {
				if (!rt_is_obj(x)) rt_throw_type("Iterator value is not an entry object");
				map_put(m, rt_get_index(x, rt_num(0)), rt_get_index(x, rt_num(1)));
			}
		}
	}
	return mv;
}
NATIVE(map_ctor) { return construct(RT_T_MAP, rt_proto_map, this_, rt_arg(argc, argv, 0)); }
NATIVE(set_ctor) { return construct(RT_T_SET, rt_proto_set, this_, rt_arg(argc, argv, 0)); }
NATIVE(wmap_ctor) { return construct(RT_T_MAP, proto_weakmap, this_, rt_arg(argc, argv, 0)); }
NATIVE(wset_ctor) { return construct(RT_T_SET, proto_weakset, this_, rt_arg(argc, argv, 0)); }
/* weak collections hold objects only (functions and arrays are objects) */
NATIVE(wmap_set) {
	if (!rt_is_obj(rt_arg(argc, argv, 0))) rt_throw_type("Invalid value used as weak map key");
	return map_set(self, this_, argc, argv);
}
NATIVE(wset_add) {
	if (!rt_is_obj(rt_arg(argc, argv, 0))) rt_throw_type("Invalid value used in weak set");
	return set_add(self, this_, argc, argv);
}

static rt_value mkctor(const char *name, rt_code code, rt_value proto) {
	rt_value c = rt_native(name, code, 0);
	rt_define(c, rt_atom_prototype, proto, 0);
	rt_define(proto, rt_atom_constructor, c, 0);
	rt_define(rt_global_obj, rt_atom_c(name), c, 0);
	return c;
}

void rt_init_collections(void) {
	if (rt_proto_map) return;
	rt_gc_add_root_fn(coll_roots);
	rt_proto_map = rt_obj_new(rt_proto_object);
	rt_value p = rt_proto_map;
	static const rt_fndef methods1[] = {
		{"get", map_get, 1}, {"set", map_set, 2}, {"has", map_has, 1}, {"delete", map_delete, 1},
		{"clear", map_clear, 0}, {"forEach", map_foreach, 1}, {"keys", map_keys, 0}, {"values", map_values, 0},
		{"entries", map_entries, 0},
	};
	RT_METHODS(p, methods1);
	rt_getter(p, "size", map_size);
	rt_define(p, rt_atom_symiter, rt_obj_get_c(p, "entries"), 0);
	mkctor("Map", map_ctor, p);

	rt_proto_set = rt_obj_new(rt_proto_object);
	p = rt_proto_set;
	static const rt_fndef methods2[] = {
		{"add", set_add, 1}, {"has", map_has, 1}, {"delete", map_delete, 1}, {"clear", map_clear, 0},
		{"forEach", map_foreach, 1}, {"values", map_values, 0}, {"keys", map_values, 0},
		{"entries", set_entries, 0},
	};
	RT_METHODS(p, methods2);
	rt_getter(p, "size", map_size);
	rt_define(p, rt_atom_symiter, rt_obj_get_c(p, "values"), 0);
	mkctor("Set", set_ctor, p);

	proto_weakmap = rt_obj_new(rt_proto_object);
	static const rt_fndef methods3[] = {
		{"get", map_get, 1}, {"set", wmap_set, 2}, {"has", map_has, 1}, {"delete", map_delete, 1},
	};
	RT_METHODS(proto_weakmap, methods3);
	mkctor("WeakMap", wmap_ctor, proto_weakmap);
	proto_weakset = rt_obj_new(rt_proto_object);
	static const rt_fndef methods4[] = {
		{"add", wset_add, 1}, {"has", map_has, 1}, {"delete", map_delete, 1},
	};
	RT_METHODS(proto_weakset, methods4);
	mkctor("WeakSet", wset_ctor, proto_weakset);
}
