/*
 * ArrayBuffer, the nine typed arrays and DataView.
 * An ArrayBuffer holds its bytes inline (rt_abuf); a typed array or DataView (rt_typed) keeps the
 * buffer alive through `buffer` and caches `data`, an interior pointer to its first byte, so that
 * element access in generated code is one bounds check and one load/store (rt/rt.h rt_tget_*).
 * Element conversions are the spec's: ToInt8..ToUint32 modulo 2^n, ToUint8Clamp (round half to
 * even), Float32 by C's double->float rounding (round to nearest even, as Math.fround).
 */
#include "internal.h"

#define NATIVE(n) static rt_value n(rt_function *self, rt_value this_, int argc, const rt_value *argv)
void rt_obj_init(rt_object *o, rt_value proto);

static const uint8_t esize[10] = {1, 1, 1, 2, 2, 4, 4, 4, 8, 1};
static const char *const tname[9] = {"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
	"Int32Array", "Uint32Array", "Float32Array", "Float64Array"};
static rt_value ctors[9], proto_ta;
static void typed_roots(void) {
	for (int i = 0; i < 9; i++) rt_gc_mark_value(ctors[i]);
	rt_gc_mark_value(proto_ta);
}

/* ---- element access by kind ---- */
__attribute__((noinline)) static double el_get(int kind, const uint8_t *d, uint32_t k) {
	switch (kind) {
	case RT_TA_I8: return (int8_t)d[k];
	case RT_TA_U8: case RT_TA_U8C: return d[k];
	case RT_TA_I16: return ((const int16_t *)d)[k];
	case RT_TA_U16: return ((const uint16_t *)d)[k];
	case RT_TA_I32: return ((const int32_t *)d)[k];
	case RT_TA_U32: return ((const uint32_t *)d)[k];
	case RT_TA_F32: return ((const float *)d)[k];
	default: return ((const double *)d)[k];
	}
}
uint8_t rt_clamp_u8(double v) {
	if (!(v > 0)) return 0; /* NaN too */
	if (v >= 255) return 255;
	uint32_t i = (uint32_t)v;
	double f = v - i;
	if (f > 0.5 || (f == 0.5 && (i & 1))) i++;
	return (uint8_t)i;
}
__attribute__((noinline)) static void el_set(int kind, uint8_t *d, uint32_t k, double v) {
	switch (kind) {
	case RT_TA_I8: case RT_TA_U8: d[k] = (uint8_t)rt_i32(v); break;
	case RT_TA_U8C: d[k] = rt_clamp_u8(v); break;
	case RT_TA_I16: case RT_TA_U16: ((uint16_t *)d)[k] = (uint16_t)rt_i32(v); break;
	case RT_TA_I32: case RT_TA_U32: ((uint32_t *)d)[k] = (uint32_t)rt_i32(v); break;
	case RT_TA_F32: ((float *)d)[k] = (float)v; break;
	default: ((double *)d)[k] = v; break;
	}
}
double rt_typed_get_slow(rt_value tv, double i) {
	rt_typed *t = (rt_typed *)rt_ptr(tv);
	if (i >= 0 && i < t->length && i == (double)(uint32_t)i) return el_get((int)t->kind, t->data, (uint32_t)i);
	return __builtin_nan(""); /* undefined read as a number */
}
void rt_typed_set_slow(rt_value tv, double i, double v) {
	rt_typed *t = (rt_typed *)rt_ptr(tv);
	if (i >= 0 && i < t->length && i == (double)(uint32_t)i) el_set((int)t->kind, t->data, (uint32_t)i, v);
	/* out of range: ignored, as JS does */
}

/* generic access for the methods below (out of line: the inline rt_tget/rt_tset are for generated code) */
static double tget(rt_value tv, double i) { return rt_typed_get_slow(tv, i); }
static void tset(rt_value tv, double i, double v) { rt_typed_set_slow(tv, i, v); }

/* ---- construction ---- */
static rt_value ab_new(double n) {
	rt_init_typed();
	if (!(n >= 0) || n > 0x7fffffff) rt_throw_range("Array buffer allocation failed");
	uint32_t len = (uint32_t)n;
	rt_abuf *b = (rt_abuf *)rt_alloc(sizeof(rt_abuf) + len, RT_T_ARRAYBUFFER);
	rt_obj_init(&b->o, rt_proto_arraybuffer);
	b->len = len;
	return rt_box_ptr(b);
}
static rt_value ta_make(int kind, rt_value buf, uint32_t off, uint32_t len) {
	rt_init_typed();
	rt_typed *t = (rt_typed *)rt_alloc(sizeof(rt_typed), kind == RT_TA_DV ? RT_T_DATAVIEW : RT_T_TYPEDARRAY);
	rt_obj_init(&t->o, kind == RT_TA_DV ? rt_proto_dataview : rt_proto_typed[kind]);
	t->buffer = buf;
	t->data = ((rt_abuf *)rt_ptr(buf))->b + off;
	t->length = len;
	t->offset = off;
	t->kind = (uint32_t)kind;
	return rt_box_ptr(t);
}
static rt_value ta_new(int kind, uint32_t len) {
	if ((double)len * esize[kind] > 0x7fffffff) rt_throw_range("Invalid typed array length");
	return ta_make(kind, ab_new((double)len * esize[kind]), 0, len);
}
rt_value rt_typed_new(int kind, double len) {
	if (!(len >= 0) || len != (double)(uint32_t)len)
		rt_throw_errv("RangeError", rt_concat(rt_str_c("Invalid typed array length: "), rt_num_to_str(len)));
	return ta_new(kind, (uint32_t)len);
}
static int is_ab(rt_value v) { return rt_is_ptr(v) && rt_ptr_type(v) == RT_T_ARRAYBUFFER; }
static int is_ta(rt_value v) { return rt_is_ptr(v) && rt_ptr_type(v) == RT_T_TYPEDARRAY; }
static rt_typed *this_ta(rt_value v) {
	if (!is_ta(v)) rt_throw_type("this is not a typed array.");
	return (rt_typed *)rt_ptr(v);
}
/* ToIndex */
static double to_index(rt_value v) {
	if (v == RT_UNDEF) return 0;
	double d = rt_to_integer(rt_tonum(v));
	if (d < 0 || d > 9007199254740991.0) rt_throw_range("Invalid index");
	return d;
}
/* relative index (slice/subarray/fill...): clamp into [0, len] */
static uint32_t rel(int argc, const rt_value *argv, int i, uint32_t len, uint32_t dflt) {
	if (i >= argc || argv[i] == RT_UNDEF) return dflt;
	double d = rt_to_integer(rt_tonum(argv[i]));
	if (d < 0) { d += len; return d < 0 ? 0 : (uint32_t)d; }
	return d > len ? len : (uint32_t)d;
}
/* a fresh typed array of `kind` holding the values of an array, typed array or iterable */
static rt_value ta_from_values(int kind, rt_value src) {
	if (is_ta(src)) {
		rt_typed *s = (rt_typed *)rt_ptr(src);
		rt_value r = ta_new(kind, s->length);
		rt_typed *t = (rt_typed *)rt_ptr(r);
		s = (rt_typed *)rt_ptr(src);
		for (uint32_t i = 0; i < s->length; i++) el_set(kind, t->data, i, el_get((int)s->kind, s->data, i));
		return r;
	}
	rt_value arr;
	if (rt_is_array(src)) arr = src;
	else if (rt_is_obj(src) && rt_is_func(rt_get(src, rt_atom_symiter))) arr = rt_array_from_iterable(src);
	else if (rt_is_obj(src)) {
		/* array-like */
		double n = rt_to_integer(rt_tonum(rt_get(src, rt_atom_length)));
		rt_value r = rt_typed_new(kind, n < 0 ? 0 : n);
		for (uint32_t i = 0; i < (uint32_t)n; i++) tset(r, i, rt_tonum(rt_get_index(src, rt_num(i))));
		return r;
	} else return rt_typed_new(kind, rt_to_integer(rt_tonum(src)));
	rt_array *a = (rt_array *)rt_ptr(arr);
	rt_value r = ta_new(kind, a->len);
	for (uint32_t i = 0; i < ((rt_array *)rt_ptr(arr))->len; i++) {
		double v = rt_tonum(rt_aget(arr, i));
		rt_typed *t = (rt_typed *)rt_ptr(r);
		el_set(kind, t->data, i, v);
	}
	return r;
}
static rt_value ta_construct(int kind, int argc, const rt_value *argv) {
	rt_value a0 = rt_arg(argc, argv, 0);
	if (argc == 0 || a0 == RT_UNDEF) return ta_new(kind, 0);
	if (is_ab(a0)) {
		rt_abuf *b = (rt_abuf *)rt_ptr(a0);
		double off = to_index(rt_arg(argc, argv, 1));
		char m[96];
		if ((uint64_t)off % esize[kind]) {
			rt_fmt(m, sizeof m, "start offset of %s should be a multiple of %d", tname[kind], esize[kind]);
			rt_throw_range(m);
		}
		if (off > b->len) {
			rt_fmt(m, sizeof m, "Start offset %u is outside the bounds of the buffer", (unsigned)off);
			rt_throw_range(m);
		}
		double len;
		if (rt_arg(argc, argv, 2) == RT_UNDEF) {
			if ((b->len - (uint32_t)off) % esize[kind]) {
				rt_fmt(m, sizeof m, "byte length of %s should be a multiple of %d", tname[kind], esize[kind]);
				rt_throw_range(m);
			}
			len = (b->len - off) / esize[kind];
		} else {
			len = to_index(argv[2]);
			if (off + len * esize[kind] > b->len) {
				rt_fmt(m, sizeof m, "Invalid typed array length: %u", (unsigned)len);
				rt_throw_range(m);
			}
		}
		return ta_make(kind, a0, (uint32_t)off, (uint32_t)len);
	}
	if (rt_is_obj(a0)) return ta_from_values(kind, a0);
	return rt_typed_new(kind, rt_to_integer(rt_tonum(a0)));
}
#define CTOR(k, n) NATIVE(n) { (void)self; (void)this_; return ta_construct(k, argc, argv); }
CTOR(RT_TA_I8, ctor_i8) CTOR(RT_TA_U8, ctor_u8) CTOR(RT_TA_U8C, ctor_u8c) CTOR(RT_TA_I16, ctor_i16)
CTOR(RT_TA_U16, ctor_u16) CTOR(RT_TA_I32, ctor_i32) CTOR(RT_TA_U32, ctor_u32) CTOR(RT_TA_F32, ctor_f32)
CTOR(RT_TA_F64, ctor_f64)
static const rt_code ctor_code[9] = {ctor_i8, ctor_u8, ctor_u8c, ctor_i16, ctor_u16, ctor_i32, ctor_u32, ctor_f32, ctor_f64};

static int kind_of_ctor(rt_value c) {
	for (int i = 0; i < 9; i++) if (ctors[i] == c) return i;
	rt_throw_type("this is not a typed array constructor");
}
NATIVE(ta_from) {
	(void)self;
	int kind = kind_of_ctor(this_);
	rt_value f = rt_arg(argc, argv, 1);
	rt_value src = rt_arg(argc, argv, 0);
	if (f == RT_UNDEF) return ta_from_values(kind, src);
	rt_value arr = rt_is_array(src) ? src : rt_array_from_iterable(src);
	rt_value r = ta_new(kind, ((rt_array *)rt_ptr(arr))->len);
	for (uint32_t i = 0; i < ((rt_array *)rt_ptr(arr))->len; i++) {
		rt_value args[2] = {rt_aget(arr, i), rt_num(i)};
		tset(r, i, rt_tonum(rt_call(f, rt_arg(argc, argv, 2), 2, args)));
	}
	return r;
}
NATIVE(ta_of) {
	(void)self;
	int kind = kind_of_ctor(this_);
	rt_value r = ta_new(kind, (uint32_t)argc);
	for (int i = 0; i < argc; i++) tset(r, i, rt_tonum(argv[i]));
	return r;
}

/* ---- accessors ---- */
NATIVE(ta_length) { (void)self; (void)argc; (void)argv; return rt_num(this_ta(this_)->length); }
NATIVE(ta_bytelength) {
	(void)self; (void)argc; (void)argv;
	rt_typed *t = this_ta(this_);
	return rt_num((double)t->length * esize[t->kind]);
}
NATIVE(ta_byteoffset) { (void)self; (void)argc; (void)argv; return rt_num(this_ta(this_)->offset); }
NATIVE(ta_buffer) { (void)self; (void)argc; (void)argv; return this_ta(this_)->buffer; }

/* ---- methods ---- */
NATIVE(ta_subarray) {
	(void)self;
	rt_typed *t = this_ta(this_);
	uint32_t b = rel(argc, argv, 0, t->length, 0), e = rel(argc, argv, 1, t->length, t->length);
	return ta_make((int)t->kind, t->buffer, t->offset + b * esize[t->kind], e > b ? e - b : 0);
}
NATIVE(ta_slice) {
	(void)self;
	rt_typed *t = this_ta(this_);
	uint32_t b = rel(argc, argv, 0, t->length, 0), e = rel(argc, argv, 1, t->length, t->length);
	uint32_t n = e > b ? e - b : 0;
	rt_value r = ta_new((int)t->kind, n);
	t = (rt_typed *)rt_ptr(this_);
	RT_MEMCPY(((rt_typed *)rt_ptr(r))->data, t->data + (size_t)b * esize[t->kind], (size_t)n * esize[t->kind]);
	return r;
}
NATIVE(ta_set) {
	(void)self;
	rt_typed *t = this_ta(this_);
	rt_value src = rt_arg(argc, argv, 0);
	double off = rt_to_integer(rt_arg_num(argc, argv, 1, 0));
	if (off < 0) rt_throw_range("offset is out of bounds");
	if (is_ta(src)) {
		rt_typed *s = (rt_typed *)rt_ptr(src);
		if (off + s->length > t->length) rt_throw_range("offset is out of bounds");
		uint32_t o = (uint32_t)off, n = s->length;
		if (s->kind == t->kind || ((s->kind == RT_TA_U8 || s->kind == RT_TA_I8) && (t->kind == RT_TA_U8 || t->kind == RT_TA_I8))) {
			RT_MEMMOVE(t->data + (size_t)o * esize[t->kind], s->data, (size_t)n * esize[t->kind]);
			return RT_UNDEF;
		}
		/* different element types (possibly overlapping): read everything first */
		rt_rawbuf *tmp = (rt_rawbuf *)rt_alloc(sizeof(rt_rawbuf) + (size_t)n * 8, RT_T_RAWBUF);
		double *d = (double *)tmp->b;
		for (uint32_t i = 0; i < n; i++) d[i] = el_get((int)s->kind, s->data, i);
		for (uint32_t i = 0; i < n; i++) el_set((int)t->kind, t->data, o + i, d[i]);
		return RT_UNDEF;
	}
	if (!rt_is_obj(src)) rt_throw_type("invalid_argument");
	double n = rt_is_array(src) ? ((rt_array *)rt_ptr(src))->len : rt_to_integer(rt_tonum(rt_get(src, rt_atom_length)));
	if (off + n > t->length) rt_throw_range("offset is out of bounds");
	for (uint32_t i = 0; i < (uint32_t)n; i++) tset(this_, off + i, rt_tonum(rt_get_index(src, rt_num(i))));
	return RT_UNDEF;
}
NATIVE(ta_fill) {
	(void)self;
	rt_typed *t = this_ta(this_);
	double v = rt_arg_num(argc, argv, 0, __builtin_nan(""));
	uint32_t b = rel(argc, argv, 1, t->length, 0), e = rel(argc, argv, 2, t->length, t->length);
	t = (rt_typed *)rt_ptr(this_);
	if (b < e && esize[t->kind] == 1) {
		el_set((int)t->kind, t->data, b, v);
		RT_MEMSET(t->data + b + 1, t->data[b], e - b - 1);
	} else for (uint32_t i = b; i < e; i++) el_set((int)t->kind, t->data, i, v);
	return this_;
}
static int32_t search(rt_value tv, int argc, const rt_value *argv, int mode /* 0 indexOf, 1 lastIndexOf, 2 includes */) {
	rt_typed *t = this_ta(tv);
	uint32_t n = t->length;
	rt_value x = rt_arg(argc, argv, 0);
	if (!rt_is_num(x) || n == 0) return -1;
	double d = rt_dbl(x);
	int nan = d != d;
	if (mode == 1) {
		double from = argc > 1 ? rt_to_integer(rt_tonum(argv[1])) : (double)n - 1;
		if (from < 0) from += n;
		if (from >= n) from = (double)n - 1;
		for (double i = from; i >= 0; i--) if (el_get((int)t->kind, t->data, (uint32_t)i) == d) return (int32_t)i;
		return -1;
	}
	double from = argc > 1 ? rt_to_integer(rt_tonum(argv[1])) : 0;
	if (from < 0) { from += n; if (from < 0) from = 0; }
	for (double i = from; i < n; i++) {
		double e = el_get((int)t->kind, t->data, (uint32_t)i);
		if (e == d || (mode == 2 && nan && e != e)) return (int32_t)i;
	}
	return -1;
}
NATIVE(ta_indexof) { (void)self; return rt_num(search(this_, argc, argv, 0)); }
NATIVE(ta_lastindexof) { (void)self; return rt_num(search(this_, argc, argv, 1)); }
NATIVE(ta_includes) { (void)self; return rt_bool(search(this_, argc, argv, 2) >= 0); }
static rt_value join(rt_value tv, rt_value sep) {
	rt_typed *t = this_ta(tv);
	rt_sb b;
	rt_sb_init(&b);
	for (uint32_t i = 0; i < ((rt_typed *)rt_ptr(tv))->length; i++) {
		if (i) rt_sb_addv(&b, sep);
		t = (rt_typed *)rt_ptr(tv);
		double d = el_get((int)t->kind, t->data, i);
		rt_sb_addnum(&b, d == 0 ? 0 : d);
	}
	return rt_sb_done(&b);
}
NATIVE(ta_join) {
	(void)self;
	rt_value s = rt_arg(argc, argv, 0);
	return join(this_, s == RT_UNDEF ? rt_str_c(",") : rt_tostring(s));
}
NATIVE(ta_tostring) { (void)self; (void)argc; (void)argv; return join(this_, rt_str_c(",")); }

/* callback methods: f(value, index, array) */
static rt_value cb(rt_value f, rt_value thisarg, rt_value tv, uint32_t i) {
	rt_typed *t = (rt_typed *)rt_ptr(tv);
	rt_value args[3] = {rt_num(el_get((int)t->kind, t->data, i)), rt_num(i), tv};
	return rt_call(f, thisarg, 3, args);
}
static rt_value fn_arg(int argc, const rt_value *argv) {
	rt_value f = rt_arg(argc, argv, 0);
	if (!rt_is_func(f)) rt_throw_errv("TypeError", rt_concat(rt_tostring(f), rt_str_c(" is not a function")));
	return f;
}
/* mode: 0 forEach, 1 every, 2 some, 3 find, 4 findIndex, 5 findLast, 6 findLastIndex */
static rt_value iterate(rt_value tv, int argc, const rt_value *argv, int mode) {
	uint32_t n = this_ta(tv)->length;
	rt_value f = fn_arg(argc, argv), ta = rt_arg(argc, argv, 1);
	for (uint32_t j = 0; j < n; j++) {
		uint32_t i = mode >= 5 ? n - 1 - j : j;
		int r = rt_truthy(cb(f, ta, tv, i));
		if (mode == 1 && !r) return RT_FALSE;
		if (mode == 2 && r) return RT_TRUE;
		if ((mode == 3 || mode == 5) && r) return rt_num(tget(tv, i));
		if ((mode == 4 || mode == 6) && r) return rt_num(i);
	}
	switch (mode) {
	case 1: return RT_TRUE;
	case 2: return RT_FALSE;
	case 4: case 6: return rt_num(-1);
	default: return RT_UNDEF;
	}
}
NATIVE(ta_foreach) { (void)self; return iterate(this_, argc, argv, 0); }
NATIVE(ta_every) { (void)self; return iterate(this_, argc, argv, 1); }
NATIVE(ta_some) { (void)self; return iterate(this_, argc, argv, 2); }
NATIVE(ta_find) { (void)self; return iterate(this_, argc, argv, 3); }
NATIVE(ta_findindex) { (void)self; return iterate(this_, argc, argv, 4); }
NATIVE(ta_findlast) { (void)self; return iterate(this_, argc, argv, 5); }
NATIVE(ta_findlastindex) { (void)self; return iterate(this_, argc, argv, 6); }
NATIVE(ta_map) {
	(void)self;
	rt_typed *t = this_ta(this_);
	rt_value f = fn_arg(argc, argv);
	rt_value r = ta_new((int)t->kind, t->length);
	for (uint32_t i = 0; i < ((rt_typed *)rt_ptr(r))->length; i++) tset(r, i, rt_tonum(cb(f, rt_arg(argc, argv, 1), this_, i)));
	return r;
}
NATIVE(ta_filter) {
	(void)self;
	rt_typed *t = this_ta(this_);
	rt_value f = fn_arg(argc, argv);
	uint32_t n = t->length, m = 0;
	rt_rawbuf *keep = (rt_rawbuf *)rt_alloc(sizeof(rt_rawbuf) + (size_t)n * 8 + 8, RT_T_RAWBUF);
	for (uint32_t i = 0; i < n; i++)
		if (rt_truthy(cb(f, rt_arg(argc, argv, 1), this_, i))) ((double *)keep->b)[m++] = tget(this_, i);
	rt_value r = ta_new((int)t->kind, m);
	for (uint32_t i = 0; i < m; i++) tset(r, i, ((double *)keep->b)[i]);
	return r;
}
static rt_value reduce(rt_value tv, int argc, const rt_value *argv, int right) {
	uint32_t n = this_ta(tv)->length, j = 0;
	rt_value f = fn_arg(argc, argv), acc;
	if (argc >= 2) acc = argv[1];
	else {
		if (n == 0) rt_throw_type("Reduce of empty array with no initial value");
		acc = rt_num(tget(tv, right ? n - 1 : 0));
		j = 1;
	}
	for (; j < n; j++) {
		uint32_t i = right ? n - 1 - j : j;
		rt_value args[4] = {acc, rt_num(tget(tv, i)), rt_num(i), tv};
		acc = rt_call(f, RT_UNDEF, 4, args);
	}
	return acc;
}
NATIVE(ta_reduce) { (void)self; return reduce(this_, argc, argv, 0); }
NATIVE(ta_reduceright) { (void)self; return reduce(this_, argc, argv, 1); }
NATIVE(ta_reverse) {
	(void)self; (void)argc; (void)argv;
	rt_typed *t = this_ta(this_);
	uint32_t n = t->length, s = esize[t->kind];
	for (uint32_t i = 0; i < n / 2; i++) {
		uint8_t *a = t->data + (size_t)i * s, *b = t->data + (size_t)(n - 1 - i) * s, x[8];
		RT_MEMCPY(x, a, s); RT_MEMCPY(a, b, s); RT_MEMCPY(b, x, s);
	}
	return this_;
}
NATIVE(ta_copywithin) {
	(void)self;
	rt_typed *t = this_ta(this_);
	uint32_t n = t->length, s = esize[t->kind];
	uint32_t to = rel(argc, argv, 0, n, 0), from = rel(argc, argv, 1, n, 0), end = rel(argc, argv, 2, n, n);
	t = (rt_typed *)rt_ptr(this_);
	if (end > from) {
		uint32_t cnt = end - from;
		if (cnt > n - to) cnt = n - to;
		RT_MEMMOVE(t->data + (size_t)to * s, t->data + (size_t)from * s, (size_t)cnt * s);
	}
	return this_;
}
NATIVE(ta_at) {
	(void)self;
	rt_typed *t = this_ta(this_);
	double i = rt_to_integer(rt_arg_num(argc, argv, 0, 0));
	if (i < 0) i += t->length;
	if (i < 0 || i >= t->length) return RT_UNDEF;
	return rt_num(el_get((int)t->kind, t->data, (uint32_t)i));
}
NATIVE(ta_values) { (void)self; (void)argc; (void)argv; this_ta(this_); return rt_make_iter_obj(this_, 0); }
NATIVE(ta_keys) { (void)self; (void)argc; (void)argv; this_ta(this_); return rt_make_iter_obj(this_, 1); }
NATIVE(ta_entries) { (void)self; (void)argc; (void)argv; this_ta(this_); return rt_make_iter_obj(this_, 2); }

/* sort: stable merge sort of the values as doubles, then written back */
static int before(double a, double b, rt_value cmp) {
	/* a strictly before b? */
	if (cmp == RT_UNDEF) {
		if (a != a) return 0;
		if (b != b) return 1;
		if (a < b) return 1;
		if (a == 0 && b == 0) return 1 / a < 0 && 1 / b > 0;
		return 0;
	}
	rt_value args[2] = {rt_num(a), rt_num(b)};
	double r = rt_tonum(rt_call(cmp, RT_UNDEF, 2, args));
	return r < 0;
}
static void msort(double *a, double *tmp, uint32_t n, rt_value cmp) {
	if (n < 2) return;
	uint32_t h = n / 2;
	msort(a, tmp, h, cmp);
	msort(a + h, tmp, n - h, cmp);
	uint32_t i = 0, j = h, k = 0;
	while (i < h && j < n) tmp[k++] = before(a[j], a[i], cmp) ? a[j++] : a[i++];
	while (i < h) tmp[k++] = a[i++];
	while (j < n) tmp[k++] = a[j++];
	RT_MEMCPY(a, tmp, (size_t)n * 8);
}
NATIVE(ta_sort) {
	(void)self;
	rt_typed *t = this_ta(this_);
	rt_value cmp = rt_arg(argc, argv, 0);
	if (cmp != RT_UNDEF && !rt_is_func(cmp)) rt_throw_type("The comparison function must be either a function or undefined");
	uint32_t n = t->length;
	rt_rawbuf *buf = (rt_rawbuf *)rt_alloc(sizeof(rt_rawbuf) + (size_t)n * 16 + 8, RT_T_RAWBUF);
	double *a = (double *)buf->b;
	t = (rt_typed *)rt_ptr(this_);
	for (uint32_t i = 0; i < n; i++) a[i] = el_get((int)t->kind, t->data, i);
	msort(a, a + n, n, cmp);
	t = (rt_typed *)rt_ptr(this_);
	for (uint32_t i = 0; i < n && i < t->length; i++) el_set((int)t->kind, t->data, i, a[i]);
	return this_;
}

/* ---- ArrayBuffer ---- */
NATIVE(ab_ctor) { (void)self; (void)this_; return ab_new(to_index(rt_arg(argc, argv, 0))); }
NATIVE(ab_bytelength) {
	(void)self; (void)argc; (void)argv;
	if (!is_ab(this_)) rt_throw_type("not an ArrayBuffer");
	return rt_num(((rt_abuf *)rt_ptr(this_))->len);
}
NATIVE(ab_slice) {
	(void)self;
	if (!is_ab(this_)) rt_throw_type("not an ArrayBuffer");
	uint32_t n = ((rt_abuf *)rt_ptr(this_))->len;
	uint32_t b = rel(argc, argv, 0, n, 0), e = rel(argc, argv, 1, n, n);
	rt_value r = ab_new(e > b ? e - b : 0);
	if (e > b) RT_MEMCPY(((rt_abuf *)rt_ptr(r))->b, ((rt_abuf *)rt_ptr(this_))->b + b, e - b);
	return r;
}
NATIVE(ab_isview) {
	(void)self; (void)this_;
	rt_value v = rt_arg(argc, argv, 0);
	return rt_bool(rt_is_ptr(v) && (rt_ptr_type(v) == RT_T_TYPEDARRAY || rt_ptr_type(v) == RT_T_DATAVIEW));
}

/* ---- DataView: an rt_typed of kind RT_TA_DV whose length is its byte length ---- */
NATIVE(dv_ctor) {
	(void)self; (void)this_;
	rt_value b = rt_arg(argc, argv, 0);
	if (!is_ab(b)) rt_throw_type("First argument to DataView constructor must be an ArrayBuffer");
	uint32_t blen = ((rt_abuf *)rt_ptr(b))->len;
	double off = to_index(rt_arg(argc, argv, 1));
	char m[80];
	if (off > blen) {
		rt_fmt(m, sizeof m, "Start offset %u is outside the bounds of the buffer", (unsigned)off);
		rt_throw_range(m);
	}
	double len = blen - off;
	if (rt_arg(argc, argv, 2) != RT_UNDEF) {
		len = to_index(argv[2]);
		if (off + len > blen) {
			rt_fmt(m, sizeof m, "Invalid DataView length %u", (unsigned)len);
			rt_throw_range(m);
		}
	}
	return ta_make(RT_TA_DV, b, (uint32_t)off, (uint32_t)len);
}
static rt_typed *this_dv(rt_value v) {
	if (!rt_is_ptr(v) || rt_ptr_type(v) != RT_T_DATAVIEW) rt_throw_type("Receiver is not a DataView");
	return (rt_typed *)rt_ptr(v);
}
NATIVE(dv_bytelength) { (void)self; (void)argc; (void)argv; return rt_num(this_dv(this_)->length); }
NATIVE(dv_byteoffset) { (void)self; (void)argc; (void)argv; return rt_num(this_dv(this_)->offset); }
NATIVE(dv_buffer) { (void)self; (void)argc; (void)argv; return this_dv(this_)->buffer; }
static uint8_t *dv_at(rt_value v, int argc, const rt_value *argv, uint32_t size) {
	rt_typed *t = this_dv(v);
	double off = to_index(rt_arg(argc, argv, 0));
	if (off + size > t->length) rt_throw_range("Offset is outside the bounds of the DataView");
	return t->data + (uint32_t)off;
}
/* bytes <-> unsigned integer in the requested byte order */
static uint64_t load(const uint8_t *p, uint32_t n, int le) {
	uint64_t u = 0;
	for (uint32_t i = 0; i < n; i++) u |= (uint64_t)p[le ? i : n - 1 - i] << (8 * i);
	return u;
}
static void store(uint8_t *p, uint32_t n, int le, uint64_t u) {
	for (uint32_t i = 0; i < n; i++) p[le ? i : n - 1 - i] = (uint8_t)(u >> (8 * i));
}
static rt_value dv_get(rt_value v, int argc, const rt_value *argv, int kind) {
	uint32_t n = esize[kind];
	uint8_t *p = dv_at(v, argc, argv, n);
	uint64_t u = load(p, n, rt_truthy(rt_arg(argc, argv, 1)));
	union { uint32_t u; float f; } f32;
	union { uint64_t u; double d; } f64;
	switch (kind) {
	case RT_TA_I8: return rt_num((int8_t)u);
	case RT_TA_U8: return rt_num((uint8_t)u);
	case RT_TA_I16: return rt_num((int16_t)u);
	case RT_TA_U16: return rt_num((uint16_t)u);
	case RT_TA_I32: return rt_num((int32_t)u);
	case RT_TA_U32: return rt_num((uint32_t)u);
	case RT_TA_F32: f32.u = (uint32_t)u; return rt_num(f32.f);
	default: f64.u = u; return rt_num(f64.d);
	}
}
static rt_value dv_set(rt_value v, int argc, const rt_value *argv, int kind) {
	uint32_t n = esize[kind];
	double x = rt_arg_num(argc, argv, 1, __builtin_nan(""));
	uint8_t *p = dv_at(v, argc, argv, n);
	uint64_t u;
	union { uint32_t u; float f; } f32;
	union { uint64_t u; double d; } f64;
	if (kind == RT_TA_F32) { f32.f = (float)x; u = f32.u; }
	else if (kind == RT_TA_F64) { f64.d = x; u = f64.u; }
	else u = rt_u32(x);
	store(p, n, rt_truthy(rt_arg(argc, argv, 2)), u);
	return RT_UNDEF;
}
#define DV(k, g, s) \
	NATIVE(g) { (void)self; return dv_get(this_, argc, argv, k); } \
	NATIVE(s) { (void)self; return dv_set(this_, argc, argv, k); }
DV(RT_TA_I8, dv_gi8, dv_si8) DV(RT_TA_U8, dv_gu8, dv_su8) DV(RT_TA_I16, dv_gi16, dv_si16) DV(RT_TA_U16, dv_gu16, dv_su16)
DV(RT_TA_I32, dv_gi32, dv_si32) DV(RT_TA_U32, dv_gu32, dv_su32) DV(RT_TA_F32, dv_gf32, dv_sf32) DV(RT_TA_F64, dv_gf64, dv_sf64)

static rt_value mkctor(const char *name, rt_code code, rt_value proto, uint32_t length) {
	rt_value c = rt_native(name, code, length);
	rt_define(c, rt_atom_prototype, proto, 0);
	rt_define(proto, rt_atom_constructor, c, 0);
	rt_define(rt_global_obj, rt_atom_c(name), c, 0);
	return c;
}

void rt_init_typed(void) {
	if (proto_ta) return;
	rt_gc_add_root_fn(typed_roots);
	rt_value p = proto_ta = rt_obj_new(rt_proto_object);
	rt_getter(p, "length", ta_length);
	rt_getter(p, "byteLength", ta_bytelength);
	rt_getter(p, "byteOffset", ta_byteoffset);
	rt_getter(p, "buffer", ta_buffer);
	static const rt_fndef m[] = {
		{"subarray", ta_subarray, 2}, {"slice", ta_slice, 2}, {"set", ta_set, 1}, {"fill", ta_fill, 1},
		{"indexOf", ta_indexof, 1}, {"lastIndexOf", ta_lastindexof, 1}, {"includes", ta_includes, 1},
		{"join", ta_join, 1}, {"toString", ta_tostring, 0}, {"forEach", ta_foreach, 1}, {"every", ta_every, 1},
		{"some", ta_some, 1}, {"find", ta_find, 1}, {"findIndex", ta_findindex, 1}, {"findLast", ta_findlast, 1},
		{"findLastIndex", ta_findlastindex, 1}, {"map", ta_map, 1}, {"filter", ta_filter, 1},
		{"reduce", ta_reduce, 1}, {"reduceRight", ta_reduceright, 1}, {"reverse", ta_reverse, 0},
		{"copyWithin", ta_copywithin, 2}, {"at", ta_at, 1}, {"sort", ta_sort, 1}, {"values", ta_values, 0},
		{"keys", ta_keys, 0}, {"entries", ta_entries, 0},
	};
	RT_METHODS(p, m);
	rt_define(p, rt_atom_symiter, rt_obj_get_c(p, "values"), 0);
	rt_value base = rt_native("TypedArray", ta_of, 0);
	rt_define(base, rt_atom_prototype, p, 0);
	rt_define(p, rt_atom_constructor, base, 0);
	for (int k = 0; k < 9; k++) {
		rt_proto_typed[k] = rt_obj_new(p);
		ctors[k] = mkctor(tname[k], ctor_code[k], rt_proto_typed[k], 3);
		static const rt_fndef methods1[] = {
			{"from", ta_from, 1}, {"of", ta_of, 0},
		};
		RT_METHODS(ctors[k], methods1);
		rt_define(ctors[k], rt_atom_c("BYTES_PER_ELEMENT"), rt_num(esize[k]), 0);
		rt_define(rt_proto_typed[k], rt_atom_c("BYTES_PER_ELEMENT"), rt_num(esize[k]), 0);
	}

	rt_proto_arraybuffer = rt_obj_new(rt_proto_object);
	rt_getter(rt_proto_arraybuffer, "byteLength", ab_bytelength);
	rt_method(rt_proto_arraybuffer, "slice", ab_slice, 2);
	rt_value abc = mkctor("ArrayBuffer", ab_ctor, rt_proto_arraybuffer, 1);
	rt_method(abc, "isView", ab_isview, 1);

	p = rt_proto_dataview = rt_obj_new(rt_proto_object);
	rt_getter(p, "buffer", dv_buffer);
	rt_getter(p, "byteLength", dv_bytelength);
	rt_getter(p, "byteOffset", dv_byteoffset);
	static const rt_fndef d[] = {
		{"getInt8", dv_gi8, 1}, {"setInt8", dv_si8, 2}, {"getUint8", dv_gu8, 1}, {"setUint8", dv_su8, 2},
		{"getInt16", dv_gi16, 1}, {"setInt16", dv_si16, 2}, {"getUint16", dv_gu16, 1}, {"setUint16", dv_su16, 2},
		{"getInt32", dv_gi32, 1}, {"setInt32", dv_si32, 2}, {"getUint32", dv_gu32, 1}, {"setUint32", dv_su32, 2},
		{"getFloat32", dv_gf32, 1}, {"setFloat32", dv_sf32, 2}, {"getFloat64", dv_gf64, 1}, {"setFloat64", dv_sf64, 2},
	};
	RT_METHODS(p, d);
	mkctor("DataView", dv_ctor, p, 1);
}
