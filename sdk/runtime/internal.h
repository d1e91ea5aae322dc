/*
 * Private declarations shared by the runtime's C files (not for generated code).
 */
#ifndef RT_INTERNAL_H
#define RT_INTERNAL_H
#include <rt/rt.h>
#include <stdarg.h>

#define RT_MEMCPY __builtin_memcpy
#define RT_MEMSET __builtin_memset
#define RT_MEMMOVE __builtin_memmove
#define RT_MEMCMP __builtin_memcmp

/* sys.c: the only file that reaches below the runtime */
void rt_sys_write(int fd, const void *buf, size_t n);
void rt_sys_wait_ms(double ms);
uint64_t rt_sys_now_ns(void);
void *rt_sys_heap(size_t size);
size_t rt_sys_stack_size(void);
int rt_sys_param(const char *name, char *buf, size_t n);
void rt_sys_panic(const char *msg) __attribute__((noreturn));
void rt_sys_exit(int code) __attribute__((noreturn));
void rt_sys_init(void);

/* io.c: sockets and the descriptors the loop waits for (the other file that reaches the kernel) */
int rt_io_active(void);     /* any descriptor watched: the loop keeps running */
void rt_io_wait(double ms); /* wait up to ms (< 0: until ready), then run the ready callbacks */

/* gc.c */
void rt_gc_init(void *stack_top);
void rt_gc_mark_value(rt_value v);
void rt_gc_mark_ptr(void *p);
void rt_gc_mark_table(rt_valbuf *b); /* a table that may be static: see gc.c */
typedef void (*rt_root_fn)(void);
void rt_gc_add_root_fn(rt_root_fn fn);
void rt_stack_limit_fix(void); /* rt_stack_limit: the real one from now on (it starts provisional) */
extern size_t rt_heap_size;

/* strings */
extern rt_value rt_empty_str;
#define RT_LIT_EMPTY() rt_empty_str
rt_value rt_str_c(const char *s); /* ASCII/UTF-8 C string */
void rt_atoms_sweep(void);
void rt_atoms_mark(void);
uint32_t rt_str_hash(rt_string *s);
rt_value rt_substr(rt_value s, uint32_t from, uint32_t to);
int rt_str_is_index(rt_string *s, uint32_t *idx);
rt_string *rt_atom_index(uint32_t i);
rt_value rt_str_quote(rt_value s, uint16_t q); /* 'x' / "x" with escapes */
rt_value rt_json_quote(rt_value s);
/* copies n UTF-16 units; short copies (substrings) without the -Os `rep movsb` of memcpy */
static inline void rt_copy16(uint16_t *d, const uint16_t *s, uint32_t n) {
	for (; n >= 4; n -= 4, d += 4, s += 4) { uint64_t w; __builtin_memcpy(&w, s, 8); __builtin_memcpy(d, &w, 8); }
	while (n--) *d++ = *s++;
}

/* string builder (GC-safe: the buffer is a rooted rawbuf on the C stack via the conservative scan) */
typedef struct rt_sb {
	rt_rawbuf *buf; /* uint16 units */
	uint32_t len, cap;
} rt_sb;
void rt_sb_init(rt_sb *b);
void rt_sb_add(rt_sb *b, uint16_t c);
void rt_sb_adds(rt_sb *b, const char *s);
void rt_sb_addv(rt_sb *b, rt_value str);
void rt_sb_addu(rt_sb *b, const uint16_t *s, uint32_t n);
void rt_sb_addnum(rt_sb *b, double d);
void rt_sb_json_quote(rt_sb *b, rt_value s); /* appends JSON.stringify of a string */
rt_value rt_sb_done(rt_sb *b);

/* objects */
rt_shape *rt_shape_root(rt_value proto);
/* Built-in objects filled on first use: made empty with rt_obj_lazy (flag RT_F_LAZY, a private empty
 * dict shape that no inline cache remembers); every path that reads or changes an object's own
 * properties calls rt_fill first, which defines them (the filler of lazy_builtins in builtins.c). */
#define RT_F_LAZY 0x100
rt_value rt_obj_lazy(rt_value proto);
void rt_obj_make_lazy(rt_value o); /* an object made otherwise (a built-in constructor) */
void rt_obj_unlazy(rt_value o);
void rt_fill_slow(rt_object *o);
static inline void rt_fill(rt_object *o) {
	if (__builtin_expect(o->h.flags & RT_F_LAZY, 0)) rt_fill_slow(o);
}
int rt_shape_find(rt_shape *s, rt_string *key);
rt_value rt_get_from(rt_value o, rt_string *key, rt_value receiver);
extern rt_value rt_proto_object, rt_proto_function, rt_proto_array, rt_proto_string, rt_proto_number,
	rt_proto_boolean, rt_proto_error, rt_proto_map, rt_proto_set, rt_proto_promise, rt_proto_generator,
	rt_proto_arraybuffer, rt_proto_dataview, rt_proto_typed[9], rt_proto_symbol, rt_proto_date,
	rt_proto_iterator, rt_proto_regexp;
extern rt_value rt_global_obj;
rt_value rt_native(const char *name, rt_code code, uint32_t length);
void rt_method(rt_value obj, const char *name, rt_code code, uint32_t length);
/* methods from a table: one loop and one new shape for all of them (start-up cost, see rt_methods).
 * An entry without a name is [Symbol.iterator]: its own native when it has code, else the same
 * function as the entry whose index is in `length` (Array.prototype.values and [Symbol.iterator]
 * are one function). */
typedef struct { const char *name; rt_code code; uint32_t length; } rt_fndef;
void rt_methods(rt_value obj, const rt_fndef *tab, size_t n);
#define RT_METHODS(obj, tab) rt_methods(obj, tab, sizeof tab / sizeof tab[0])
/* the same, after nx other properties (keys xk, values xv), all in one step */
void rt_methods_x(rt_value obj, rt_string *const *xk, const rt_value *xv, size_t nx, const rt_fndef *tab, size_t n);
/* a built-in constructor `name` for proto: proto gets constructor + pm, the constructor gets
 * prototype + cm (one step each); it becomes a global (rt_global_add); returns the constructor */
rt_value rt_builtin_class(const char *name, rt_code code, uint32_t length, rt_value proto,
	const rt_fndef *pm, size_t npm, const rt_fndef *cm, size_t ncm);
#define RT_CLASS(name, code, length, proto, pm, cm) \
	rt_builtin_class(name, code, length, proto, pm, sizeof pm / sizeof pm[0], cm, sizeof cm / sizeof cm[0])
/* a global made by a built-in's filler (see lazy_builtins in builtins.c) */
void rt_global_add(const char *name, rt_value v);
typedef struct { const char *name; double value; } rt_numdef; /* number-valued properties, the same way */
void rt_constants(rt_value obj, const rt_numdef *tab, size_t n);
#define RT_CONSTANTS(obj, tab) rt_constants(obj, tab, sizeof tab / sizeof tab[0])
void rt_define_all(rt_value o, rt_string *const *keys, const rt_value *vals, uint32_t n);
void rt_getter(rt_value obj, const char *name, rt_code code);
rt_value rt_obj_get_c(rt_value o, const char *key);
void rt_obj_set_c(rt_value o, const char *key, rt_value v);
void rt_builtins_init(void);
void rt_init_strings(void);
void rt_init_arrays(void);
void rt_init_collections(void);
void rt_init_json(void);
void rt_init_math(void);
int rt_global_lazy(rt_string *key);
void rt_global_lazy_all(void);
void rt_init_typed(void);
void rt_init_promise(void);
void rt_init_errors(void);
void rt_init_functions(void);
void rt_init_numbers(rt_value parse_float, rt_value parse_int);
void rt_init_booleans(void);
void rt_init_string_methods(void);
rt_value rt_func_name(rt_function *f);
rt_value rt_class_name_of(rt_value o); /* constructor name via the prototype, or RT_UNDEF */
rt_value rt_make_iter_obj(rt_value src, int kind); /* array/map/set iterators as JS objects */
rt_value rt_array_from_iterable(rt_value v);
rt_value rt_sym_iterator(void);
extern rt_string *rt_atom_length, *rt_atom_prototype, *rt_atom_constructor, *rt_atom_name, *rt_atom_message,
	*rt_atom_next, *rt_atom_value, *rt_atom_done, *rt_atom_stack, *rt_atom_then, *rt_atom_toJSON,
	*rt_atom_symiter, *rt_atom_cause, *rt_atom_return, *rt_atom_throw, *rt_atom_get, *rt_atom_set,
	*rt_atom_toString;

/* numbers */
int rt_fmt_num(double d, char *buf); /* shortest JS form; returns length */
double rt_str_to_num(rt_value s);

/* errors */
void rt_report_uncaught(rt_value e);

/* collections */
typedef struct rt_mapobj {
	rt_object o;
	rt_valbuf *ents;   /* key,value pairs in insertion order; deleted = RT_HOLE key */
	rt_rawbuf *index;  /* hash buckets: int32 entry index+1 */
	uint32_t count;    /* entries used (including deleted) */
	uint32_t size;     /* live entries */
} rt_mapobj;
int rt_map_find(rt_mapobj *m, rt_value k);

/* ArrayBuffer: the bytes are inline (typed arrays point into b) */
typedef struct rt_abuf {
	rt_object o;
	uint32_t len;
	uint32_t pad_;
	uint8_t b[] __attribute__((aligned(8)));
} rt_abuf;

/* promises */
typedef struct rt_promise {
	rt_object o;
	uint32_t state; /* 0 pending, 1 fulfilled, 2 rejected */
	uint32_t handled;
	rt_value value;
	rt_valbuf *reactions; /* pending reactions: triples (on_ok, on_err, derived promise) */
	uint32_t nreact;
	uint32_t pad_;
} rt_promise;
void rt_run_microtasks(void);
int rt_microtasks_pending(void);

/* misc */
rt_value rt_call0(rt_value f);
double rt_arg_num(int argc, const rt_value *argv, int i, double dflt);
rt_value rt_arg_str(int argc, const rt_value *argv, int i);
void rt_fmt(char *buf, size_t n, const char *fmt, ...);
double rt_to_integer(double d); /* ToIntegerOrInfinity */
rt_value rt_to_object_proto(rt_value v); /* prototype used for property lookup on primitives */
rt_value rt_inspect_key(rt_string *k);
#endif
