/*
 * Arrays: dense storage (rt_valbuf) with RT_HOLE marking holes, and Array.prototype.
 */
#include "internal.h"

#define NATIVE(n) static rt_value n(rt_function *self, rt_value this_, int argc, const rt_value *argv)
#define ARR(v) ((rt_array *)rt_ptr(v))
void rt_obj_init(rt_object *o, rt_value proto);

static rt_valbuf *items_alloc(uint32_t cap) {
	rt_valbuf *b = (rt_valbuf *)rt_alloc(sizeof(rt_valbuf) + (size_t)cap * 8, RT_T_VALBUF);
	b->cap = cap;
	for (uint32_t i = 0; i < cap; i++) b->v[i] = RT_HOLE;
	return b;
}

rt_value rt_array_new(uint32_t len, uint32_t cap) {
	if (cap < len) cap = len;
	if (cap == 0) cap = 4;
	rt_array *a = (rt_array *)rt_alloc(sizeof(rt_array), RT_T_ARRAY);
	rt_obj_init(&a->o, rt_proto_array);
	a->len = len;
	a->items = items_alloc(cap);
	return rt_box_ptr(a);
}

rt_value rt_array_of(int n, const rt_value *items) {
	rt_value a = rt_array_new((uint32_t)n, (uint32_t)n);
	RT_MEMCPY(ARR(a)->items->v, items, (size_t)n * 8);
	return a;
}

static void reserve(rt_array *a, uint32_t n) {
	if (n <= a->items->cap) return;
	if (n > 100000000u) rt_throw_range("Invalid array length");
	uint32_t nc = a->items->cap * 2;
	if (nc < n) nc = n;
	rt_valbuf *b = items_alloc(nc);
	RT_MEMCPY(b->v, a->items->v, (size_t)a->len * 8);
	a->items = b;
}

void rt_array_push(rt_value av, rt_value v) {
	rt_array *a = ARR(av);
	if (a->len == a->items->cap) reserve(a, a->len + 1);
	a->items->v[a->len++] = v;
}

rt_value rt_array_get_slow(rt_array *a, double i) {
	(void)a;
	(void)i;
	return RT_UNDEF;
}

void rt_array_set_slow(rt_array *a, double d, rt_value v) {
	uint32_t i = (uint32_t)d;
	if ((double)i != d || i == 0xFFFFFFFFu) {
		rt_set(rt_box_ptr(a), rt_atom(rt_num_to_str(d)), v);
		return;
	}
	if (a->o.h.flags & RT_F_FROZEN) rt_throw_type("Cannot add property, object is not extensible");
	reserve(a, i + 1);
	a->len = i + 1;
	a->items->v[i] = v;
}

void rt_array_set_length(rt_value av, double n) {
	rt_array *a = ARR(av);
	uint32_t k = (uint32_t)n;
	if ((double)k != n) rt_throw_range("Invalid array length");
	if (k > a->len) reserve(a, k);
	for (uint32_t i = k; i < a->len; i++) a->items->v[i] = RT_HOLE;
	a->len = k;
}

rt_value rt_array_from_iterable(rt_value v) {
	rt_value out = rt_array_new(0, 8);
	rt_array_extend(out, v);
	return out;
}

void rt_array_extend(rt_value a, rt_value v) {
	if (rt_is_array(v)) {
		rt_array *s = ARR(v);
		rt_array *d = ARR(a);
		reserve(d, d->len + s->len);
		for (uint32_t i = 0; i < s->len; i++) {
			rt_value x = s->items->v[i];
			d->items->v[d->len++] = x == RT_HOLE ? RT_UNDEF : x;
		}
		return;
	}
	rt_iter it;
	rt_value x;
	rt_iter_init(&it, v);
	while (rt_iter_next(&it, &x)) rt_array_push(a, x);
}

static rt_array *this_array(rt_value v) {
	if (!rt_is_array(v)) rt_throw_type("Array.prototype method called on a non-array");
	return ARR(v);
}
static inline rt_value elem(rt_array *a, uint32_t i) {
	rt_value v = a->items->v[i];
	return v == RT_HOLE ? RT_UNDEF : v;
}

static uint32_t rel_index(int argc, const rt_value *argv, int i, uint32_t len, uint32_t dflt) {
	if (i >= argc || argv[i] == RT_UNDEF) return dflt;
	double d = rt_to_integer(rt_tonum(argv[i]));
	if (d < 0) { d += len; return d < 0 ? 0 : (uint32_t)d; }
	return d > len ? len : (uint32_t)d;
}

NATIVE(a_push) {
	rt_array *a = this_array(this_);
	reserve(a, a->len + (uint32_t)argc);
	for (int i = 0; i < argc; i++) a->items->v[a->len++] = argv[i];
	return rt_num(a->len);
}
NATIVE(a_pop) {
	rt_array *a = this_array(this_);
	if (!a->len) return RT_UNDEF;
	rt_value v = elem(a, --a->len);
	a->items->v[a->len] = RT_HOLE;
	return v;
}
NATIVE(a_shift) {
	rt_array *a = this_array(this_);
	if (!a->len) return RT_UNDEF;
	rt_value v = elem(a, 0);
	RT_MEMMOVE(a->items->v, a->items->v + 1, (size_t)(a->len - 1) * 8);
	a->items->v[--a->len] = RT_HOLE;
	return v;
}
NATIVE(a_unshift) {
	rt_array *a = this_array(this_);
	reserve(a, a->len + (uint32_t)argc);
	RT_MEMMOVE(a->items->v + argc, a->items->v, (size_t)a->len * 8);
	for (int i = 0; i < argc; i++) a->items->v[i] = argv[i];
	a->len += (uint32_t)argc;
	return rt_num(a->len);
}
NATIVE(a_slice) {
	rt_array *a = this_array(this_);
	uint32_t s = rel_index(argc, argv, 0, a->len, 0), e = rel_index(argc, argv, 1, a->len, a->len);
	uint32_t n = e > s ? e - s : 0;
	rt_value r = rt_array_new(n, n);
	RT_MEMCPY(ARR(r)->items->v, ARR(this_)->items->v + s, (size_t)n * 8);
	return r;
}
NATIVE(a_splice) {
	rt_array *a = this_array(this_);
	uint32_t s = rel_index(argc, argv, 0, a->len, 0);
	uint32_t dc;
	if (argc == 0) dc = 0;
	else if (argc == 1) dc = a->len - s;
	else {
		double d = rt_to_integer(rt_tonum(argv[1]));
		dc = d < 0 ? 0 : d > a->len - s ? a->len - s : (uint32_t)d;
	}
	uint32_t ni = argc > 2 ? (uint32_t)argc - 2 : 0;
	rt_value removed = rt_array_new(dc, dc);
	a = ARR(this_);
	RT_MEMCPY(ARR(removed)->items->v, a->items->v + s, (size_t)dc * 8);
	uint32_t nl = a->len - dc + ni;
	reserve(a, nl);
	RT_MEMMOVE(a->items->v + s + ni, a->items->v + s + dc, (size_t)(a->len - s - dc) * 8);
	for (uint32_t i = 0; i < ni; i++) a->items->v[s + i] = argv[2 + i];
	for (uint32_t i = nl; i < a->len; i++) a->items->v[i] = RT_HOLE;
	a->len = nl;
	return removed;
}
NATIVE(a_concat) {
	rt_array *a = this_array(this_);
	rt_value r = rt_array_new(0, a->len);
	RT_MEMCPY(ARR(r)->items->v, a->items->v, (size_t)a->len * 8);
	ARR(r)->len = a->len;
	for (int i = 0; i < argc; i++) {
		if (rt_is_array(argv[i])) {
			rt_array *s = ARR(argv[i]);
			reserve(ARR(r), ARR(r)->len + s->len);
			RT_MEMCPY(ARR(r)->items->v + ARR(r)->len, s->items->v, (size_t)s->len * 8);
			ARR(r)->len += s->len;
		} else rt_array_push(r, argv[i]);
	}
	return r;
}
NATIVE(a_join) {
	rt_array *a = this_array(this_);
	rt_value sep = argc > 0 && argv[0] != RT_UNDEF ? rt_tostring(argv[0]) : rt_str_c(",");
	rt_sb b;
	rt_sb_init(&b);
	for (uint32_t i = 0; i < ARR(this_)->len; i++) {
		if (i) rt_sb_addv(&b, sep);
		rt_value v = elem(ARR(this_), i);
		if (!rt_is_nullish(v)) rt_sb_addv(&b, rt_tostring(v));
	}
	(void)a;
	return rt_sb_done(&b);
}
NATIVE(a_tostring) {
	rt_value sep = rt_str_c(",");
	return a_join(self, this_, 1, &sep);
}
NATIVE(a_reverse) {
	rt_array *a = this_array(this_);
	for (uint32_t i = 0, j = a->len; i + 1 < j; i++, j--) {
		rt_value t = a->items->v[i];
		a->items->v[i] = a->items->v[j - 1];
		a->items->v[j - 1] = t;
	}
	return this_;
}
static int same_value_zero(rt_value a, rt_value b) {
	if (rt_is_num(a) && rt_is_num(b)) {
		double x = rt_dbl(a), y = rt_dbl(b);
		return x == y || (x != x && y != y);
	}
	return rt_strict_eq(a, b);
}
NATIVE(a_indexof) {
	rt_array *a = this_array(this_);
	rt_value x = rt_arg(argc, argv, 0);
	for (uint32_t i = rel_index(argc, argv, 1, a->len, 0); i < a->len; i++)
		if (a->items->v[i] != RT_HOLE && rt_strict_eq(a->items->v[i], x)) return rt_num(i);
	return rt_num(-1);
}
NATIVE(a_lastindexof) {
	rt_array *a = this_array(this_);
	rt_value x = rt_arg(argc, argv, 0);
	uint32_t start = a->len;
	if (argc > 1) {
		double d = rt_to_integer(rt_tonum(argv[1]));
		if (d < 0) d += a->len;
		if (d < 0) return rt_num(-1);
		start = d >= a->len ? a->len : (uint32_t)d + 1;
	}
	for (uint32_t i = start; i > 0; i--)
		if (a->items->v[i - 1] != RT_HOLE && rt_strict_eq(a->items->v[i - 1], x)) return rt_num(i - 1);
	return rt_num(-1);
}
NATIVE(a_includes) {
	rt_array *a = this_array(this_);
	rt_value x = rt_arg(argc, argv, 0);
	for (uint32_t i = rel_index(argc, argv, 1, a->len, 0); i < a->len; i++)
		if (same_value_zero(elem(a, i), x)) return RT_TRUE;
	return RT_FALSE;
}
NATIVE(a_at) {
	rt_array *a = this_array(this_);
	double d = rt_to_integer(rt_arg_num(argc, argv, 0, 0));
	if (d < 0) d += a->len;
	if (d < 0 || d >= a->len) return RT_UNDEF;
	return elem(a, (uint32_t)d);
}
NATIVE(a_fill) {
	rt_array *a = this_array(this_);
	rt_value v = rt_arg(argc, argv, 0);
	uint32_t s = rel_index(argc, argv, 1, a->len, 0), e = rel_index(argc, argv, 2, a->len, a->len);
	for (uint32_t i = s; i < e; i++) a->items->v[i] = v;
	return this_;
}

/* callback-taking methods: the callback may mutate the array, so re-read length and storage */
static rt_value cb3(rt_value f, rt_value thisarg, rt_value v, uint32_t i, rt_value arr) {
	rt_value args[3] = {v, rt_num(i), arr};
	return rt_call(f, thisarg, 3, args);
}
static void check_cb(rt_value f, rt_value a) {
	if (!rt_is_func(f)) rt_throw_type("callback is not a function");
	this_array(a);
}
#define CB rt_value f = rt_arg(argc, argv, 0), ta = rt_arg(argc, argv, 1); \
	check_cb(f, this_)

NATIVE(a_foreach) {
	CB;
	for (uint32_t i = 0; i < ARR(this_)->len; i++)
		if (ARR(this_)->items->v[i] != RT_HOLE) cb3(f, ta, ARR(this_)->items->v[i], i, this_);
	return RT_UNDEF;
}
NATIVE(a_map) {
	CB;
	uint32_t n = ARR(this_)->len;
	rt_value r = rt_array_new(n, n);
	for (uint32_t i = 0; i < n && i < ARR(this_)->len; i++)
		if (ARR(this_)->items->v[i] != RT_HOLE) ARR(r)->items->v[i] = cb3(f, ta, ARR(this_)->items->v[i], i, this_);
	return r;
}
NATIVE(a_filter) {
	CB;
	rt_value r = rt_array_new(0, 4);
	for (uint32_t i = 0; i < ARR(this_)->len; i++) {
		rt_value v = ARR(this_)->items->v[i];
		if (v != RT_HOLE && rt_truthy(cb3(f, ta, v, i, this_))) rt_array_push(r, v);
	}
	return r;
}
NATIVE(a_find) {
	CB;
	for (uint32_t i = 0; i < ARR(this_)->len; i++) {
		rt_value v = elem(ARR(this_), i);
		if (rt_truthy(cb3(f, ta, v, i, this_))) return v;
	}
	return RT_UNDEF;
}
NATIVE(a_findindex) {
	CB;
	for (uint32_t i = 0; i < ARR(this_)->len; i++)
		if (rt_truthy(cb3(f, ta, elem(ARR(this_), i), i, this_))) return rt_num(i);
	return rt_num(-1);
}
NATIVE(a_findlast) {
	CB;
	for (uint32_t i = ARR(this_)->len; i > 0; i--) {
		rt_value v = elem(ARR(this_), i - 1);
		if (rt_truthy(cb3(f, ta, v, i - 1, this_))) return v;
	}
	return RT_UNDEF;
}
NATIVE(a_findlastindex) {
	CB;
	for (uint32_t i = ARR(this_)->len; i > 0; i--)
		if (rt_truthy(cb3(f, ta, elem(ARR(this_), i - 1), i - 1, this_))) return rt_num(i - 1);
	return rt_num(-1);
}
NATIVE(a_some) {
	CB;
	for (uint32_t i = 0; i < ARR(this_)->len; i++)
		if (ARR(this_)->items->v[i] != RT_HOLE && rt_truthy(cb3(f, ta, ARR(this_)->items->v[i], i, this_))) return RT_TRUE;
	return RT_FALSE;
}
NATIVE(a_every) {
	CB;
	for (uint32_t i = 0; i < ARR(this_)->len; i++)
		if (ARR(this_)->items->v[i] != RT_HOLE && !rt_truthy(cb3(f, ta, ARR(this_)->items->v[i], i, this_))) return RT_FALSE;
	return RT_TRUE;
}
static rt_value reduce(rt_value this_, int argc, const rt_value *argv, int right) {
	rt_value f = rt_arg(argc, argv, 0);
	if (!rt_is_func(f)) rt_throw_type("callback is not a function");
	rt_array *a = this_array(this_);
	uint32_t n = a->len, k = 0;
	rt_value acc = RT_UNDEF;
	int have = argc > 1;
	if (have) acc = argv[1];
	for (; k < n; k++) {
		uint32_t i = right ? n - 1 - k : k;
		if (i >= ARR(this_)->len) continue;
		rt_value v = ARR(this_)->items->v[i];
		if (v == RT_HOLE) continue;
		if (!have) { acc = v; have = 1; continue; }
		rt_value args[4] = {acc, v, rt_num(i), this_};
		acc = rt_call(f, RT_UNDEF, 4, args);
	}
	if (!have) rt_throw_type("Reduce of empty array with no initial value");
	return acc;
}
NATIVE(a_reduce) { return reduce(this_, argc, argv, 0); }
NATIVE(a_reduceright) { return reduce(this_, argc, argv, 1); }

static void flat_into(rt_value out, rt_value src, double depth) {
	rt_array *s = ARR(src);
	for (uint32_t i = 0; i < s->len; i++) {
		rt_value v = ARR(src)->items->v[i];
		if (v == RT_HOLE) continue;
		if (depth >= 1 && rt_is_array(v)) flat_into(out, v, depth - 1);
		else rt_array_push(out, v);
	}
}
NATIVE(a_flat) {
	this_array(this_);
	rt_value r = rt_array_new(0, 8);
	flat_into(r, this_, rt_arg_num(argc, argv, 0, 1));
	return r;
}
NATIVE(a_flatmap) {
	rt_value m = a_map(self, this_, argc, argv);
	rt_value r = rt_array_new(0, 8);
	flat_into(r, m, 1);
	return r;
}

/* sort: stable merge sort with the JS default comparator (strings) or the user's */
/* dir != 0 (rt_array_sort_num): the comparator is known to be (a, b) => a - b (1) or b - a (-1) */
static int sort_cmp(rt_value f, rt_value a, rt_value b, int dir) {
	if (dir && rt_is_num(a) && rt_is_num(b)) {
		double r = dir > 0 ? rt_dbl(a) - rt_dbl(b) : rt_dbl(b) - rt_dbl(a);
		return r < 0 ? -1 : r > 0 ? 1 : 0;
	}
	if (a == RT_UNDEF) return b == RT_UNDEF ? 0 : 1;
	if (b == RT_UNDEF) return -1;
	if (f == RT_UNDEF) {
		if (rt_is_str(a) && rt_is_str(b)) return rt_str_cmp(a, b);
		return rt_str_cmp(rt_tostring(a), rt_tostring(b));
	}
	rt_value args[2] = {a, b};
	double r = rt_tonum(rt_call(f, RT_UNDEF, 2, args));
	return r < 0 ? -1 : r > 0 ? 1 : 0;
}
static void merge_sort(rt_value f, rt_value *v, rt_value *tmp, uint32_t n, int dir) {
	if (n < 2) return;
	if (n <= 8) {
		for (uint32_t i = 1; i < n; i++) {
			rt_value x = v[i];
			uint32_t j = i;
			while (j > 0 && sort_cmp(f, v[j - 1], x, dir) > 0) { v[j] = v[j - 1]; j--; }
			v[j] = x;
		}
		return;
	}
	uint32_t h = n / 2;
	merge_sort(f, v, tmp, h, dir);
	merge_sort(f, v + h, tmp, n - h, dir);
	if (sort_cmp(f, v[h - 1], v[h], dir) <= 0) return;
	RT_MEMCPY(tmp, v, (size_t)h * 8);
	uint32_t i = 0, j = h, k = 0;
	while (i < h && j < n) v[k++] = sort_cmp(f, v[j], tmp[i], dir) < 0 ? v[j++] : tmp[i++];
	while (i < h) v[k++] = tmp[i++];
}
static int num_cmp_asc(double a, double b) { return a < b ? -1 : a > b; }
static rt_value sort_impl(rt_value this_, rt_value f, int dir) {
	rt_array *a = this_array(this_);
	uint32_t n = a->len, m = 0;
	/* holes go last, undefined before them */
	for (uint32_t i = 0; i < n; i++)
		if (a->items->v[i] != RT_HOLE) a->items->v[m++] = a->items->v[i];
	for (uint32_t i = m; i < n; i++) a->items->v[i] = RT_HOLE;
	rt_rawbuf *tmp = (rt_rawbuf *)rt_alloc(sizeof(rt_rawbuf) + (size_t)m * 8 + 8, RT_T_RAWBUF);
	a = ARR(this_);
	(void)num_cmp_asc;
	merge_sort(f, a->items->v, (rt_value *)(void *)tmp->b, m, dir);
	return this_;
}
rt_value rt_array_sort(rt_value this_, rt_value f) { return sort_impl(this_, f, 0); }
/* arr.sort(f) where the compiler proved f is (a, b) => a - b (dir 1) or b - a (dir -1), side-effect
 * free: two numbers are compared in C with the same result; anything else still calls f */
rt_value rt_array_sort_num(rt_value arr, rt_value f, int dir) { return sort_impl(arr, f, dir); }
NATIVE(a_sort) {
	rt_value f = rt_arg(argc, argv, 0);
	if (f != RT_UNDEF && !rt_is_func(f)) rt_throw_type("The comparison function must be either a function or undefined");
	return rt_array_sort(this_, f);
}
NATIVE(a_copywithin) {
	rt_array *a = this_array(this_);
	uint32_t t = rel_index(argc, argv, 0, a->len, 0), s = rel_index(argc, argv, 1, a->len, 0);
	uint32_t e = rel_index(argc, argv, 2, a->len, a->len);
	uint32_t n = e > s ? e - s : 0;
	if (n > a->len - t) n = a->len - t;
	RT_MEMMOVE(a->items->v + t, a->items->v + s, (size_t)n * 8);
	return this_;
}
/* ES2023 copying methods: holes read as undefined in the copy */
static rt_value dense_copy(rt_value this_) {
	rt_array *a = this_array(this_);
	rt_value r = rt_array_new(a->len, a->len);
	for (uint32_t i = 0; i < a->len; i++) ARR(r)->items->v[i] = elem(ARR(this_), i);
	return r;
}
NATIVE(a_toreversed) { return a_reverse(self, dense_copy(this_), 0, 0); }
NATIVE(a_tosorted) {
	rt_value f = rt_arg(argc, argv, 0);
	if (f != RT_UNDEF && !rt_is_func(f)) rt_throw_type("The comparison function must be either a function or undefined");
	return rt_array_sort(dense_copy(this_), f);
}
NATIVE(a_tospliced) {
	rt_value r = dense_copy(this_);
	a_splice(self, r, argc, argv);
	return r;
}
NATIVE(a_with) {
	rt_array *a = this_array(this_);
	double d = rt_to_integer(rt_arg_num(argc, argv, 0, 0));
	if (d < 0) d += a->len;
	if (d < 0 || d >= a->len) {
		char msg[48] = "Invalid index : ";
		rt_string *ds = rt_flat(rt_num_to_str(rt_to_integer(rt_arg_num(argc, argv, 0, 0))));
		for (uint32_t i = 0; i < ds->len && i < 30; i++) msg[16 + i] = (char)ds->s[i], msg[17 + i] = 0;
		rt_throw_range(msg);
	}
	rt_value r = dense_copy(this_);
	ARR(r)->items->v[(uint32_t)d] = rt_arg(argc, argv, 1);
	return r;
}
NATIVE(a_keys) { return rt_make_iter_obj(this_, 1); }
NATIVE(a_values) { return rt_make_iter_obj(this_, 0); }
NATIVE(a_entries) { return rt_make_iter_obj(this_, 2); }

NATIVE(arr_isarray) { return rt_bool(rt_is_array(rt_arg(argc, argv, 0))); }
NATIVE(arr_of) { return rt_array_of(argc, argv); }
NATIVE(arr_from) {
	rt_value src = rt_arg(argc, argv, 0), f = rt_arg(argc, argv, 1);
	rt_value r;
	if (rt_is_obj(src) && !rt_is_array(src) && rt_get(src, rt_atom_symiter) == RT_UNDEF) {
		/* array-like: { length: n } */
		double n = rt_tonum(rt_get(src, rt_atom_length));
		r = rt_array_new(0, 4);
		for (uint32_t i = 0; i < (uint32_t)n; i++) rt_array_push(r, rt_get(src, rt_atom_index(i)));
	} else r = rt_array_from_iterable(src);
	if (f != RT_UNDEF)
		for (uint32_t i = 0; i < ARR(r)->len; i++) {
			rt_value args[2] = {ARR(r)->items->v[i], rt_num(i)};
			ARR(r)->items->v[i] = rt_call(f, RT_UNDEF, 2, args);
		}
	return r;
}
NATIVE(arr_ctor) {
	if (argc == 1 && rt_is_num(argv[0])) {
		double d = rt_dbl(argv[0]);
		if (d < 0 || d != (double)(uint32_t)d) rt_throw_range("Invalid array length");
		return rt_array_new((uint32_t)d, (uint32_t)d);
	}
	return rt_array_of(argc, argv);
}

void rt_init_arrays(void) {
	rt_value p = rt_proto_array;
	static const rt_fndef methods1[] = {
		{"push", a_push, 1}, {"pop", a_pop, 0}, {"shift", a_shift, 0}, {"unshift", a_unshift, 1},
		{"slice", a_slice, 2}, {"splice", a_splice, 2}, {"concat", a_concat, 1}, {"join", a_join, 1},
		{"toString", a_tostring, 0}, {"reverse", a_reverse, 0}, {"indexOf", a_indexof, 1},
		{"lastIndexOf", a_lastindexof, 1}, {"includes", a_includes, 1}, {"at", a_at, 1}, {"fill", a_fill, 1},
		{"forEach", a_foreach, 1}, {"map", a_map, 1}, {"filter", a_filter, 1}, {"find", a_find, 1},
		{"findIndex", a_findindex, 1}, {"findLast", a_findlast, 1}, {"findLastIndex", a_findlastindex, 1},
		{"some", a_some, 1}, {"every", a_every, 1}, {"reduce", a_reduce, 1}, {"reduceRight", a_reduceright, 1},
		{"flat", a_flat, 0}, {"flatMap", a_flatmap, 1}, {"sort", a_sort, 1}, {"copyWithin", a_copywithin, 2},
		{"toReversed", a_toreversed, 0}, {"toSorted", a_tosorted, 1}, {"toSpliced", a_tospliced, 2},
		{"with", a_with, 2}, {"keys", a_keys, 0}, {"values", a_values, 0}, {"entries", a_entries, 0},
		{0, 0, 35}, /* [Symbol.iterator]: values */
	};
	static const rt_fndef methods2[] = {
		{"isArray", arr_isarray, 1}, {"of", arr_of, 0}, {"from", arr_from, 1},
	};
	RT_CLASS("Array", arr_ctor, 1, p, methods1, methods2);
}
