/*
 * rt/rt.h: the runtime interface that compiled TypeScript (toolchain/compiler output) uses.
 * Layer 5. Uses: sdk/base (math.h), the rump syscalls and hypercalls (only in sys.c).
 * Used by: the generated C of an application and the runtime's own files.
 *
 * Values are 64-bit NaN-boxed (see sdk/runtime/README.md):
 *   a double                      any bit pattern below 0xFFF9 << 48 (NaNs canonicalized)
 *   undefined / null / booleans   0xFFF9.. / 0xFFFA.. / 0xFFFB..0 and ..1
 *   heap pointer                  0xFFFC << 48 | address (48-bit, also fits 32-bit targets)
 */
#ifndef RT_RT_H
#define RT_RT_H
#include <stddef.h>
#include <stdint.h>
#include <dbits.h>
#include <rt/numconv.h>

typedef uint64_t rt_value;

#define RT_UNDEF ((rt_value)0xFFF9000000000000ULL)
#define RT_NULL ((rt_value)0xFFFA000000000000ULL)
#define RT_FALSE ((rt_value)0xFFFB000000000000ULL)
#define RT_TRUE ((rt_value)0xFFFB000000000001ULL)
#define RT_HOLE ((rt_value)0xFFFD000000000000ULL) /* array hole; never visible to programs */
#define RT_TAG_PTR 0xFFFC000000000000ULL
#define RT_TAG_MASK 0xFFFF000000000000ULL
#define RT_NAN_BITS 0x7FF8000000000000ULL

/* ---- heap object header and types ---- */
enum rt_type {
	RT_T_FREE = 0,
	RT_T_STRING,   /* flat UTF-16 string */
	RT_T_ROPE,     /* concatenation, flattened on demand */
	RT_T_CELL,     /* a captured variable */
	RT_T_VALBUF,   /* array of rt_value (object slots, array storage) */
	RT_T_RAWBUF,   /* bytes without pointers */
	RT_T_SHAPE,    /* hidden class */
	RT_T_BOXD,     /* internal holder of one double (unused by programs) */
	/* everything from here on is an object (has the rt_object prefix) */
	RT_T_OBJECT,
	RT_T_ARRAY,
	RT_T_FUNCTION,
	RT_T_MAP,
	RT_T_SET,
	RT_T_ARRAYBUFFER,
	RT_T_TYPEDARRAY,
	RT_T_DATAVIEW,
	RT_T_PROMISE,
	RT_T_GENERATOR,
	RT_T_ERROR,
	RT_T_DATE,
	RT_T_BOXPRIM, /* String/Number/Boolean wrapper; only used internally */
	RT_T_COUNT
};
#define RT_T_FIRST_OBJECT RT_T_OBJECT

typedef struct rt_hdr {
	uint8_t type;
	uint8_t mark;
	uint16_t flags;
	uint32_t size; /* allocation size in bytes (header included) */
} rt_hdr;

/* hdr.flags */
#define RT_F_PROTO 0x1    /* object is some shape's prototype */
#define RT_F_INTERNED 0x2 /* string is an atom */
#define RT_F_INDEX 0x4    /* atom is a canonical array index ("0", "17") */
#define RT_F_SYMBOL 0x8   /* atom is a symbol */
#define RT_F_FROZEN 0x10  /* object is frozen */
#define RT_F_CLASSCTOR 0x20 /* function is a class constructor */
#define RT_F_ARROW 0x40   /* function is an arrow function (no own this) */
#define RT_F_NOEXT 0x80   /* object not extensible (sealed/frozen) */

typedef struct rt_string {
	rt_hdr h;
	uint32_t len;
	uint32_t hash; /* 0 = not computed */
	uint16_t s[];
} rt_string;

typedef struct rt_rope {
	rt_hdr h;
	uint32_t len;
	uint32_t depth;
	rt_value left, right; /* left == RT_UNDEF once flattened: right is then the flat string */
} rt_rope;

typedef struct rt_cell {
	rt_hdr h;
	rt_value v;
} rt_cell;

typedef struct rt_valbuf {
	rt_hdr h;
	uint32_t cap;
	uint32_t pad_;
	rt_value v[];
} rt_valbuf;

typedef struct rt_rawbuf {
	rt_hdr h;
	uint32_t len;
	uint32_t pad_;
	uint8_t b[];
} rt_rawbuf;

/* property attributes in a shape */
#define RT_P_ENUM 0x1
#define RT_P_ACCESSOR 0x2 /* slot holds a valbuf [getter, setter] */
#define RT_P_READONLY 0x4

typedef struct rt_prop {
	rt_string *key; /* an atom */
	uint32_t attrs;
} rt_prop;

typedef struct rt_shape {
	rt_hdr h;
	rt_value proto;          /* an object or RT_NULL */
	struct rt_shape *parent; /* shape this was derived from (NULL for roots/dicts) */
	rt_valbuf *trans;        /* transitions: pairs of (key atom, child shape) */
	rt_rawbuf *index;        /* hash index (int32 slot+1 per bucket) when nkeys > 8 */
	uint32_t ntrans;
	uint32_t nkeys;
	uint32_t cap;
	uint32_t dict; /* owned by one object, mutated in place */
	rt_prop props[];
} rt_shape;

typedef struct rt_object {
	rt_hdr h;
	rt_shape *shape;
	rt_valbuf *slots;
} rt_object;

typedef struct rt_array {
	rt_object o;
	uint32_t len;
	uint32_t pad_;
	rt_valbuf *items; /* capacity items->cap; items beyond len are RT_HOLE */
} rt_array;

struct rt_function;
typedef rt_value (*rt_code)(struct rt_function *self, rt_value this_, int argc, const rt_value *argv);

typedef struct rt_function {
	rt_object o;
	rt_code code;
	rt_value name;      /* string, or the address of its C text as a number until first read (rt_func_name) */
	rt_value home;      /* home object for super lookups (methods), or RT_UNDEF */
	rt_value bound;     /* bound functions: [target, this, args...] valbuf, else RT_UNDEF */
	uint32_t length;
	uint32_t ncap;
	rt_value cap[];     /* captured cells (or values) */
} rt_function;

/* ---- value predicates and conversions ---- */
static inline int rt_is_num(rt_value v) { return v < 0xFFF9000000000000ULL; }
static inline int rt_is_ptr(rt_value v) { return (v & RT_TAG_MASK) == RT_TAG_PTR; }
static inline int rt_is_bool(rt_value v) { return (v & ~1ULL) == RT_FALSE; }
static inline int rt_is_nullish(rt_value v) { return v == RT_UNDEF || v == RT_NULL; }
static inline void *rt_ptr(rt_value v) { return (void *)(uintptr_t)(v & 0x0000FFFFFFFFFFFFULL); }
static inline rt_value rt_box_ptr(const void *p) { return RT_TAG_PTR | (uint64_t)(uintptr_t)p; }
static inline int rt_ptr_type(rt_value v) { return ((rt_hdr *)rt_ptr(v))->type; }
static inline int rt_is_str(rt_value v) { return rt_is_ptr(v) && rt_ptr_type(v) <= RT_T_ROPE; }
static inline int rt_is_obj(rt_value v) { return rt_is_ptr(v) && rt_ptr_type(v) >= RT_T_FIRST_OBJECT; }
static inline int rt_is_array(rt_value v) { return rt_is_ptr(v) && rt_ptr_type(v) == RT_T_ARRAY; }
static inline int rt_is_func(rt_value v) { return rt_is_ptr(v) && rt_ptr_type(v) == RT_T_FUNCTION; }

static inline rt_value rt_num(double d) {
	if (__builtin_expect(d != d, 0)) return RT_NAN_BITS;
	return dbl_bits(d);
}
static inline double rt_dbl(rt_value v) { return dbl_from_bits(v); } /* v must be a number */
static inline rt_value rt_bool(int b) { return b ? RT_TRUE : RT_FALSE; }

double rt_to_number_slow(rt_value v);
static inline double rt_tonum(rt_value v) { return rt_is_num(v) ? rt_dbl(v) : rt_to_number_slow(v); }
int rt_truthy_slow(rt_value v);
static inline int rt_truthy(rt_value v) {
	if (v == RT_TRUE) return 1;
	if (v == RT_FALSE || v == RT_UNDEF || v == RT_NULL) return 0;
	if (rt_is_num(v)) { double d = rt_dbl(v); return d == d && d != 0; }
	return rt_truthy_slow(v);
}
static inline int32_t rt_i32(double d) { return rt_toint32(d); }
static inline uint32_t rt_u32(double d) { return rt_touint32(d); }
static inline double rt_fmod(double a, double b) {
	extern double rt_fmod_slow(double, double);
	if (a >= 1 && b >= 1 && a < 9007199254740992.0 && b < 9007199254740992.0 && a == (double)(int64_t)a && b == (double)(int64_t)b)
		return (double)((int64_t)a % (int64_t)b);
	return rt_fmod_slow(a, b);
}

/* ---- strings ---- */
rt_value rt_str_from_utf8(const char *s, size_t n);
rt_value rt_str_ascii(const char *s); /* C string literal */
rt_value rt_str_new(const uint16_t *s, uint32_t n);
rt_string *rt_str_alloc(uint32_t n);
rt_string *rt_flat(rt_value v); /* v must be a string (flattens ropes) */
static inline uint32_t rt_str_len(rt_value v) { return ((rt_string *)rt_ptr(v))->len; } /* rope too */
rt_value rt_concat(rt_value a, rt_value b);     /* both strings */
rt_value rt_add(rt_value a, rt_value b);        /* generic + */
rt_value rt_tostring(rt_value v);               /* ToString */
rt_value rt_num_to_str(double d);
rt_string *rt_atom(rt_value s);                 /* intern */
rt_string *rt_atom_c(const char *s);
int rt_str_eq(rt_value a, rt_value b);
int rt_str_cmp(rt_value a, rt_value b);
rt_value rt_str_at(rt_value s, double i);       /* s[i] */
double rt_str_code_at_slow(rt_value s, double i); /* charCodeAt, NaN out of range */
static inline double rt_str_code_at(rt_value s, double i) { /* inline for flat strings */
	rt_string *f = (rt_string *)rt_ptr(s);
	uint32_t k = (uint32_t)i;
	if (__builtin_expect(f->h.type == RT_T_STRING && (double)k == i && k < f->len, 1)) return f->s[k];
	return rt_str_code_at_slow(s, i);
}
static inline double rt_str_code_at_i(rt_value s, int64_t i) { /* an integer index */
	rt_string *f = (rt_string *)rt_ptr(s);
	if (__builtin_expect(f->h.type == RT_T_STRING && (uint64_t)i < f->len, 1)) return f->s[i];
	return rt_str_code_at_slow(s, (double)i);
}
/* s.indexOf(...) etc. with s a string: m is the index in "indexOf lastIndexOf includes startsWith endsWith
 * slice substring toLowerCase toUpperCase trim split charAt trimStart trimEnd padStart padEnd repeat replaceAll at" */
rt_value rt_str_method(int m, rt_value s, int argc, const rt_value *argv);
/* map.get/set/has/delete(...) (m 0..3) and set.add/has/delete(...) (m 4..6) on a Map/Set receiver */
rt_value rt_coll_method(int m, rt_value o, int argc, const rt_value *argv);
double rt_str_indexof_d(rt_value s, rt_value needle, double from);  /* s.indexOf(needle, from) */
rt_value rt_str_substring_d(rt_value s, double a, double b);         /* s.substring(a, b); b = Infinity if absent */
rt_value rt_typeof(rt_value v);

/* A program's property keys and string literals: rt_string objects the compiler lays out back to back
 * in read-only data, one RT_STR(max(len, 1)) each (h = {RT_T_STRING, mark 1, flags RT_F_INTERNED and
 * RT_F_INDEX as rt_atom would set them, sizeof}, the UTF-16 units, the hash of rt_str_hash), so that
 * start-up only interns them by pointer, one loop per table (an atom the runtime holds already is
 * used instead). Their mark stays set: the collector never writes, frees or sweeps them. */
#define RT_STR(n) struct { rt_hdr h; uint32_t len, hash; uint16_t s[n]; }
void rt_atoms_init(rt_string **out, const void *strs, size_t n);
void rt_lits_init(rt_value *out, const void *strs, size_t n);

/* ---- GC ---- */
void *rt_alloc(size_t size, int type); /* zeroed */
void rt_gc_collect(void);
void rt_gc_add_roots(rt_value *roots, size_t n);
void rt_gc_add_root_ptrs(void **roots, size_t n);
typedef struct rt_memstats {
	double heap_size, heap_used, heap_peak, collections, pause_p50_ms, pause_p99_ms;
} rt_memstats;
void rt_gc_stats(rt_memstats *out);
extern char *rt_stack_limit;

/* ---- objects and properties ---- */
typedef struct rt_ic {
	rt_shape *shape;
	rt_shape *nshape; /* for adds: shape after the add */
	rt_object *holder; /* prototype holding the property, NULL = own */
	uint32_t slot;
	uint32_t epoch;
} rt_ic;
extern uint32_t rt_epoch;
void rt_register_ics(rt_ic *ics, size_t n);

rt_value rt_obj_new(rt_value proto);
rt_value rt_obj_new_sized(rt_value proto, uint32_t nslots);
rt_value rt_object_proto(void);
rt_value rt_get_slow(rt_value o, rt_string *key, rt_ic *ic);
void rt_set_slow(rt_value o, rt_string *key, rt_value v, rt_ic *ic);
rt_value rt_get(rt_value o, rt_string *key);
void rt_set(rt_value o, rt_string *key, rt_value v);
void rt_define(rt_value o, rt_string *key, rt_value v, uint32_t attrs); /* own data property */
void rt_define_accessor(rt_value o, rt_string *key, rt_value getter, rt_value setter, uint32_t attrs);
int rt_has_own(rt_value o, rt_string *key);
int rt_has(rt_value o, rt_string *key); /* the `in` operator */
int rt_delete(rt_value o, rt_string *key);
rt_value rt_get_index(rt_value o, rt_value key); /* o[key], any key */
void rt_set_index(rt_value o, rt_value key, rt_value v);
rt_value rt_get_proto(rt_value o);
rt_value rt_own_keys(rt_value o);         /* Object.keys as array */
int rt_instanceof(rt_value v, rt_value ctor);
rt_value rt_spread_obj(rt_value dst, rt_value src); /* {...src} into dst */
rt_value rt_super_get(rt_value home, rt_string *key, rt_value this_);

static inline rt_value rt_get_ic(rt_value o, rt_string *key, rt_ic *ic) {
	if (rt_is_ptr(o)) {
		rt_object *ob = (rt_object *)rt_ptr(o);
		if (ob->h.type >= RT_T_FIRST_OBJECT && ob->shape == ic->shape && ic->epoch == rt_epoch) {
			rt_object *hold = ic->holder ? ic->holder : ob;
			return hold->slots->v[ic->slot];
		}
	}
	return rt_get_slow(o, key, ic);
}
static inline void rt_set_ic(rt_value o, rt_string *key, rt_value v, rt_ic *ic) {
	if (rt_is_ptr(o)) {
		rt_object *ob = (rt_object *)rt_ptr(o);
		if (ob->h.type >= RT_T_FIRST_OBJECT && ob->shape == ic->shape && ic->epoch == rt_epoch && !ic->holder) {
			if (!ic->nshape) { ob->slots->v[ic->slot] = v; return; }
			if (ob->slots && ic->slot < ob->slots->cap) {
				ob->shape = ic->nshape;
				ob->slots->v[ic->slot] = v;
				return;
			}
		}
	}
	rt_set_slow(o, key, v, ic);
}

/* An object literal's `key: v` on the fresh object o (not a prototype, extensible): the cached
 * shape transition when o has the shape the previous evaluation had, else rt_define (and cache). */
void rt_define_slow_ic(rt_value o, rt_string *key, rt_value v, rt_ic *ic);
static inline void rt_define_ic(rt_value o, rt_string *key, rt_value v, rt_ic *ic) {
	rt_object *ob = (rt_object *)rt_ptr(o);
	if (ob->shape == ic->shape && ic->nshape && ob->slots && ic->slot < ob->slots->cap) {
		ob->shape = ic->nshape;
		ob->slots->v[ic->slot] = v;
		return;
	}
	rt_define_slow_ic(o, key, v, ic);
}

/* ---- functions and calls ---- */
rt_value rt_func_new(rt_code code, const char *name, uint32_t length, uint32_t ncap);
/* a class's methods from a table: each a non-constructor function named by its key atoms[key], home obj */
typedef struct { rt_code code; uint32_t key; uint32_t length; } rt_methoddef;
void rt_class_methods(rt_value obj, rt_string *const *atoms, const rt_methoddef *tab, size_t n);
/* a module's function declarations from a table: *slot = the function (no captures); name never null */
typedef struct { rt_code code; const char *name; uint32_t length; rt_value *slot; } rt_funcdef;
void rt_funcs_init(const rt_funcdef *tab, size_t n);
rt_value rt_func_new_nc(rt_code code, const char *name, uint32_t length, uint32_t ncap); /* not a constructor */
rt_value rt_class_new(rt_code code, const char *name, uint32_t length, uint32_t ncap, rt_value parent);
rt_value rt_call(rt_value f, rt_value this_, int argc, const rt_value *argv);
rt_value rt_construct(rt_value f, int argc, const rt_value *argv);
rt_value rt_call_method(rt_value o, rt_string *key, rt_ic *ic, int argc, const rt_value *argv);
rt_value rt_call_spread(rt_value f, rt_value this_, rt_value args /* array */);
rt_value rt_construct_spread(rt_value f, rt_value args);
rt_value rt_new_cell(rt_value v);
rt_value rt_arg(int argc, const rt_value *argv, int i);
rt_value rt_rest(int argc, const rt_value *argv, int from);
static inline rt_cell *rt_cellp(rt_value c) { return (rt_cell *)rt_ptr(c); }
void rt_check_stack(void);
#define RT_STACK_CHECK() do { char probe_; if (__builtin_expect((char *)&probe_ < rt_stack_limit, 0)) rt_check_stack(); } while (0)

/* ---- operators ---- */
int rt_strict_eq(rt_value a, rt_value b);
int rt_loose_eq(rt_value a, rt_value b);
int rt_less(rt_value a, rt_value b, int or_equal); /* a < b (or a <= b) */
rt_value rt_binop_num(int op, rt_value a, rt_value b);

/* ---- exceptions ---- */
typedef struct rt_handler {
	void *jb[5];
	struct rt_handler *prev;
} rt_handler;
extern rt_handler *rt_cur_handler;
extern rt_value rt_exc;
void rt_throw(rt_value v) __attribute__((noreturn));
void rt_throw_type(const char *msg) __attribute__((noreturn));
void rt_throw_range(const char *msg) __attribute__((noreturn));
void rt_throw_errv(const char *ctor, rt_value msg) __attribute__((noreturn));
rt_value rt_error_new(const char *ctor, const char *msg);
#define RT_TRY_ENTER(h) ((h).prev = rt_cur_handler, rt_cur_handler = &(h), __builtin_setjmp((h).jb) == 0)
#define RT_TRY_LEAVE(h) (rt_cur_handler = (h).prev)

/* ---- arrays ---- */
rt_value rt_array_new(uint32_t len, uint32_t cap);
rt_value rt_array_of(int n, const rt_value *items);
rt_value rt_template_object(int n, const rt_value *cooked, const rt_value *raw); /* tagged templates */
void rt_array_push(rt_value a, rt_value v);
rt_value rt_array_sort_num(rt_value a, rt_value f, int dir); /* a.sort(f), f proved (x, y) => x - y (1) or y - x (-1) */
void rt_array_extend(rt_value a, rt_value iterable); /* ...spread */
rt_value rt_array_get_slow(rt_array *a, double i);
void rt_array_set_slow(rt_array *a, double i, rt_value v);
static inline rt_value rt_aget(rt_value av, double i) {
	rt_array *a = (rt_array *)rt_ptr(av);
	uint32_t k = (uint32_t)i;
	if (__builtin_expect((double)k == i && k < a->len, 1)) {
		rt_value v = a->items->v[k];
		return v == RT_HOLE ? RT_UNDEF : v;
	}
	return rt_array_get_slow(a, i);
}
static inline void rt_aset(rt_value av, double i, rt_value v) {
	rt_array *a = (rt_array *)rt_ptr(av);
	uint32_t k = (uint32_t)i;
	if (__builtin_expect((double)k == i && k < a->len, 1)) { a->items->v[k] = v; return; }
	rt_array_set_slow(a, i, v);
}
static inline double rt_alen(rt_value av) { return ((rt_array *)rt_ptr(av))->len; }
void rt_array_set_length(rt_value a, double n);

/* ---- iteration ---- */
typedef struct rt_iter {
	rt_value obj;   /* array/string/map/set/iterator object */
	rt_value aux;   /* next() method for generic iterators */
	uint32_t kind;
	uint32_t i;
} rt_iter;
void rt_iter_init(rt_iter *it, rt_value iterable);
int rt_iter_next(rt_iter *it, rt_value *out);
void rt_iter_close(rt_iter *it);
rt_value rt_forin_keys(rt_value o); /* array of keys for for-in */

/* ---- typed arrays ---- */
typedef struct rt_typed {
	rt_object o;
	rt_value buffer; /* ArrayBuffer */
	uint8_t *data;   /* cached pointer into the buffer (interior; buffer keeps it alive) */
	uint32_t length; /* elements */
	uint32_t offset; /* bytes */
	uint32_t kind;   /* rt_tkind */
	uint32_t pad_;
} rt_typed;
enum rt_tkind { RT_TA_I8, RT_TA_U8, RT_TA_U8C, RT_TA_I16, RT_TA_U16, RT_TA_I32, RT_TA_U32, RT_TA_F32, RT_TA_F64, RT_TA_DV };
double rt_typed_get_slow(rt_value t, double i); /* NaN (undefined as a number) out of range */
void rt_typed_set_slow(rt_value t, double i, double v); /* ignored out of range */
uint8_t rt_clamp_u8(double v);                          /* ToUint8Clamp */
rt_value rt_typed_new(int kind, double length);
static inline double rt_tget(rt_value tv, double i) {
	rt_typed *t = (rt_typed *)rt_ptr(tv);
	uint32_t k = (uint32_t)i;
	if (__builtin_expect((double)k == i && k < t->length, 1)) {
		switch (t->kind) {
		case RT_TA_U8: case RT_TA_U8C: return t->data[k];
		case RT_TA_I8: return (int8_t)t->data[k];
		case RT_TA_I16: return ((int16_t *)t->data)[k];
		case RT_TA_U16: return ((uint16_t *)t->data)[k];
		case RT_TA_I32: return ((int32_t *)t->data)[k];
		case RT_TA_U32: return ((uint32_t *)t->data)[k];
		case RT_TA_F32: return ((float *)t->data)[k];
		case RT_TA_F64: return ((double *)t->data)[k];
		}
	}
	return rt_typed_get_slow(tv, i);
}
static inline void rt_tset(rt_value tv, double i, double v) {
	rt_typed *t = (rt_typed *)rt_ptr(tv);
	uint32_t k = (uint32_t)i;
	if (__builtin_expect((double)k == i && k < t->length, 1)) {
		switch (t->kind) {
		case RT_TA_U8: case RT_TA_I8: t->data[k] = (uint8_t)rt_i32(v); return;
		case RT_TA_U8C: t->data[k] = rt_clamp_u8(v); return;
		case RT_TA_I16: case RT_TA_U16: ((uint16_t *)t->data)[k] = (uint16_t)rt_i32(v); return;
		case RT_TA_I32: case RT_TA_U32: ((uint32_t *)t->data)[k] = (uint32_t)rt_i32(v); return;
		case RT_TA_F32: ((float *)t->data)[k] = (float)v; return;
		case RT_TA_F64: ((double *)t->data)[k] = v; return;
		default: break;
		}
	}
	rt_typed_set_slow(tv, i, v);
}
/* Element access when the compiler knows the kind statically (`u8[i]` with u8: Uint8Array):
 * a kind check (guards against lying casts), a bounds check and one load/store. The _i forms
 * take an integer index (from integer expressions: any int64 value, exact below 2^53), avoiding a
 * double round trip. */
#define RT_TA_ACCESS(sfx, KIND, CT, LOAD, STORE) \
	static inline double rt_tget_##sfx(rt_value tv, double i) { \
		rt_typed *t = (rt_typed *)rt_ptr(tv); \
		uint32_t k = (uint32_t)i; \
		if (__builtin_expect((double)k == i && k < t->length && t->kind == KIND, 1)) return LOAD(((CT *)t->data)[k]); \
		return rt_typed_get_slow(tv, i); \
	} \
	static inline double rt_tget_##sfx##_i(rt_value tv, int64_t i) { \
		rt_typed *t = (rt_typed *)rt_ptr(tv); \
		if (__builtin_expect((uint64_t)i < t->length && t->kind == KIND, 1)) return LOAD(((CT *)t->data)[i]); \
		return rt_typed_get_slow(tv, i); \
	} \
	static inline int64_t rt_tgeti_##sfx(rt_value tv, double i) { /* for ToInt32/ToUint32 uses: 0 out of range */ \
		rt_typed *t = (rt_typed *)rt_ptr(tv); \
		uint32_t k = (uint32_t)i; \
		if (__builtin_expect((double)k == i && k < t->length && t->kind == KIND, 1)) return (int64_t)(((CT *)t->data)[k]); \
		return (int64_t)rt_u32(rt_typed_get_slow(tv, i)); \
	} \
	static inline int64_t rt_tgeti_##sfx##_i(rt_value tv, int64_t i) { \
		rt_typed *t = (rt_typed *)rt_ptr(tv); \
		if (__builtin_expect((uint64_t)i < t->length && t->kind == KIND, 1)) return (int64_t)(((CT *)t->data)[i]); \
		return (int64_t)rt_u32(rt_typed_get_slow(tv, i)); \
	} \
	static inline void rt_tset_##sfx(rt_value tv, double i, double v) { \
		rt_typed *t = (rt_typed *)rt_ptr(tv); \
		uint32_t k = (uint32_t)i; \
		if (__builtin_expect((double)k == i && k < t->length && t->kind == KIND, 1)) { ((CT *)t->data)[k] = STORE(v); return; } \
		rt_typed_set_slow(tv, i, v); \
	} \
	static inline void rt_tset_##sfx##_i(rt_value tv, int64_t i, double v) { \
		rt_typed *t = (rt_typed *)rt_ptr(tv); \
		if (__builtin_expect((uint64_t)i < t->length && t->kind == KIND, 1)) { ((CT *)t->data)[i] = STORE(v); return; } \
		rt_typed_set_slow(tv, i, v); \
	}
#define RT_TA_ID(x) (x)
#define RT_TA_I32S(v) rt_i32(v)
RT_TA_ACCESS(i8, RT_TA_I8, int8_t, RT_TA_ID, (int8_t)RT_TA_I32S)
RT_TA_ACCESS(u8, RT_TA_U8, uint8_t, RT_TA_ID, (uint8_t)RT_TA_I32S)
RT_TA_ACCESS(u8c, RT_TA_U8C, uint8_t, RT_TA_ID, rt_clamp_u8)
RT_TA_ACCESS(i16, RT_TA_I16, int16_t, RT_TA_ID, (int16_t)RT_TA_I32S)
RT_TA_ACCESS(u16, RT_TA_U16, uint16_t, RT_TA_ID, (uint16_t)RT_TA_I32S)
RT_TA_ACCESS(i32, RT_TA_I32, int32_t, RT_TA_ID, RT_TA_I32S)
RT_TA_ACCESS(u32, RT_TA_U32, uint32_t, RT_TA_ID, (uint32_t)RT_TA_I32S)
RT_TA_ACCESS(f32, RT_TA_F32, float, RT_TA_ID, (float))
RT_TA_ACCESS(f64, RT_TA_F64, double, RT_TA_ID, RT_TA_ID)
static inline double rt_tlen(rt_value tv) { return ((rt_typed *)rt_ptr(tv))->length; }
static inline rt_value rt_tgetv(rt_value tv, double i) { /* boxed read: undefined out of range */
	rt_typed *t = (rt_typed *)rt_ptr(tv);
	return i >= 0 && i < t->length && i == (double)(uint32_t)i ? rt_num(rt_tget(tv, i)) : RT_UNDEF;
}

/* ---- console and event loop ---- */
void rt_console_log(int fd, int argc, const rt_value *argv);
void rt_out_write(int fd, const char *s, size_t n);
void rt_out_flush(void);
rt_value rt_inspect(rt_value v); /* util.inspect-like string (console.log of a value) */
void rt_enqueue_microtask(rt_value fn, rt_value arg);
rt_value rt_timer_add(rt_value fn, double ms, int repeat, int argc, const rt_value *argv);
void rt_timer_clear(rt_value id);
void rt_panic(const char *msg) __attribute__((noreturn));

/* ---- promises / async / generators ---- */
rt_value rt_promise_new(void);
void rt_promise_resolve(rt_value p, rt_value v);
void rt_promise_reject(rt_value p, rt_value v);
rt_value rt_promise_resolved(rt_value v); /* Promise.resolve(v) */
void rt_promise_then_native(rt_value p, rt_value on_ok, rt_value on_err);

/* A resumable frame for generators and async functions (compiled as state machines). */
typedef struct rt_genframe rt_genframe;
typedef rt_value (*rt_resume)(rt_genframe *f, int mode, rt_value sent); /* mode: 0 next, 1 throw, 2 return */
struct rt_genframe {
	rt_object o;
	rt_resume resume;
	rt_value promise;   /* async: the function's promise; RT_UNDEF for generators */
	rt_value self;      /* the rt_function (for captures) */
	rt_value this_;
	rt_value delegate;  /* yield* iterator in progress */
	uint32_t state;     /* 0 = start, 0xFFFFFFFF = done */
	uint32_t running;
	uint32_t nslots;
	uint32_t kind;      /* 0 generator, 1 async function, 2 async generator */
	rt_value slot[];    /* locals, temporaries */
};
rt_value rt_gen_new(rt_resume resume, rt_value self, rt_value this_, uint32_t nslots, int kind); /* kind as rt_genframe */
rt_value rt_iter_result(rt_value v, int done);
void rt_async_await(rt_genframe *f, rt_value v); /* subscribes f to v */
rt_value rt_async_start(rt_value frame);        /* runs to first await, returns promise */
#define RT_GEN_DONE 0xFFFFFFFFu
int rt_gen_delegate(rt_genframe *f, int mode, rt_value sent, rt_value *out); /* one yield* step: 0 yielded, 1 done, 2 returned */
rt_value rt_get_iterator(rt_value v);             /* GetIterator: the iterator object */
/* for await: GetIterator(v, async) (a sync iterator is wrapped), its next method, the parts of a
 * result object (TypeError if not an object), and the start of AsyncIteratorClose (the value to
 * await, or RT_HOLE when the iterator has no return method) */
rt_value rt_async_iter_get(rt_value v);
rt_value rt_iter_next_method(rt_value it);
int rt_iter_result_done(rt_value r);
rt_value rt_iter_result_value(rt_value r);
rt_value rt_async_iter_close_start(rt_value it);
rt_value rt_sym_async_iterator(void);             /* Symbol.asyncIterator */
rt_value rt_array_from_iterable_n(rt_value v, uint32_t n); /* [a, b] = iterable: n values, then close */

/* ---- entry ---- */
void rt_app_main(void); /* defined by generated code */
void rt_exit(int code) __attribute__((noreturn));
double rt_now_ms(void);
extern int rt_exit_code;

#endif
