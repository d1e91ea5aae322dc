/*
 * The global object and the core built-ins: prototypes, Object, Error and its subclasses,
 * Symbol.iterator, iteration (for-of / spread over arrays, strings, maps, sets, iterators).
 */
#include "internal.h"

#define NATIVE(n) static rt_value n(rt_function *self, rt_value this_, int argc, const rt_value *argv)

rt_value rt_proto_object, rt_proto_function, rt_proto_array, rt_proto_string, rt_proto_number,
	rt_proto_boolean, rt_proto_error, rt_proto_map, rt_proto_set, rt_proto_promise, rt_proto_generator,
	rt_proto_arraybuffer, rt_proto_dataview, rt_proto_typed[9], rt_proto_symbol, rt_proto_date,
	rt_proto_iterator, rt_proto_regexp;
rt_value rt_global_obj;
static rt_value array_iter_proto, error_ctor, object_ctor;

rt_string *rt_atom_length, *rt_atom_prototype, *rt_atom_constructor, *rt_atom_name, *rt_atom_message,
	*rt_atom_next, *rt_atom_value, *rt_atom_done, *rt_atom_stack, *rt_atom_then, *rt_atom_toJSON,
	*rt_atom_symiter, *rt_atom_cause, *rt_atom_return, *rt_atom_throw, *rt_atom_get, *rt_atom_set,
	*rt_atom_toString;

static rt_value *const builtin_roots[] = {
	&rt_proto_object, &rt_proto_function, &rt_proto_array, &rt_proto_string, &rt_proto_number,
	&rt_proto_boolean, &rt_proto_error, &rt_proto_map, &rt_proto_set, &rt_proto_promise, &rt_proto_generator,
	&rt_proto_arraybuffer, &rt_proto_dataview, &rt_proto_symbol, &rt_proto_date, &rt_proto_iterator,
	&rt_proto_regexp, &rt_global_obj, &array_iter_proto, &rt_empty_str, &error_ctor, &object_ctor,
};
static rt_string **const atom_roots[] = {
	&rt_atom_length, &rt_atom_prototype, &rt_atom_constructor, &rt_atom_name, &rt_atom_message,
	&rt_atom_next, &rt_atom_value, &rt_atom_done, &rt_atom_stack, &rt_atom_then, &rt_atom_toJSON,
	&rt_atom_cause, &rt_atom_return, &rt_atom_throw, &rt_atom_get, &rt_atom_set,
	&rt_atom_toString,
};
static void builtins_roots(void) {
	for (size_t i = 0; i < sizeof builtin_roots / sizeof builtin_roots[0]; i++) rt_gc_mark_value(*builtin_roots[i]);
	for (size_t i = 0; i < sizeof atom_roots / sizeof atom_roots[0]; i++) rt_gc_mark_ptr(*atom_roots[i]);
	rt_gc_mark_ptr(rt_atom_symiter);
	for (int i = 0; i < 9; i++) rt_gc_mark_value(rt_proto_typed[i]);
}

rt_value rt_sym_iterator(void) { return rt_box_ptr(rt_atom_symiter); }

void rt_global_add(const char *name, rt_value v) { rt_define(rt_global_obj, rt_atom_c(name), v, 0); }
static rt_value ctor(const char *name, rt_code code, uint32_t len, rt_value proto) {
	rt_value c = rt_native(name, code, len);
	rt_define(c, rt_atom_prototype, proto, 0);
	rt_define(proto, rt_atom_constructor, c, 0);
	rt_global_add(name, c);
	return c;
}

static int made(void (*init)(void));

/* ---- Object ---- */
NATIVE(obj_ctor) {
	rt_value v = rt_arg(argc, argv, 0);
	if (rt_is_obj(v)) return v;
	if (rt_is_nullish(v)) return rt_obj_new(rt_proto_object);
	/* Object(primitive): a wrapper holding the value (printed as [Number: 1]) */
	rt_value o = rt_obj_new(rt_to_object_proto(v));
	rt_define(o, rt_atom_c("[[PrimitiveValue]]"), v, 0);
	((rt_hdr *)rt_ptr(o))->type = RT_T_BOXPRIM;
	return o;
}
NATIVE(obj_keys) {
	rt_value o = rt_arg(argc, argv, 0);
	if (rt_is_nullish(o)) rt_throw_type("Cannot convert undefined or null to object");
	return rt_own_keys(o);
}
NATIVE(obj_values) {
	rt_value o = rt_arg(argc, argv, 0);
	rt_value keys = obj_keys(self, this_, argc, argv);
	rt_array *k = (rt_array *)rt_ptr(keys);
	for (uint32_t i = 0; i < k->len; i++) k->items->v[i] = rt_get_index(o, k->items->v[i]);
	return keys;
}
NATIVE(obj_entries) {
	rt_value o = rt_arg(argc, argv, 0);
	rt_value keys = obj_keys(self, this_, argc, argv);
	rt_array *k = (rt_array *)rt_ptr(keys);
	for (uint32_t i = 0; i < k->len; i++) {
		rt_value pair[2] = {k->items->v[i], rt_get_index(o, k->items->v[i])};
		rt_value e = rt_array_of(2, pair);
		((rt_array *)rt_ptr(keys))->items->v[i] = e;
	}
	return keys;
}
NATIVE(obj_assign) {
	rt_value t = rt_arg(argc, argv, 0);
	for (int i = 1; i < argc; i++) {
		rt_value keys = rt_own_keys(argv[i]);
		rt_array *k = (rt_array *)rt_ptr(keys);
		for (uint32_t j = 0; j < k->len; j++) {
			rt_string *key = rt_atom(k->items->v[j]);
			rt_set(t, key, rt_get(argv[i], key));
		}
	}
	return t;
}
NATIVE(obj_fromentries) {
	rt_value o = rt_obj_new(rt_proto_object);
	rt_iter it;
	rt_value e;
	rt_iter_init(&it, rt_arg(argc, argv, 0));
	while (rt_iter_next(&it, &e)) rt_set_index(o, rt_get_index(e, rt_num(0)), rt_get_index(e, rt_num(1)));
	return o;
}
NATIVE(obj_freeze) {
	rt_value o = rt_arg(argc, argv, 0);
	if (o == rt_global_obj) rt_global_lazy_all();
	if (!rt_is_obj(o)) return o;
	rt_object *ob = (rt_object *)rt_ptr(o);
	rt_fill(ob);
	rt_shape *s = ob->shape;
	for (uint32_t i = 0; i < s->nkeys; i++)
		if (!(s->props[i].attrs & RT_P_ACCESSOR) && !(s->props[i].attrs & RT_P_READONLY))
			rt_define(o, s->props[i].key, ob->slots->v[i], s->props[i].attrs | RT_P_READONLY), s = ob->shape;
	ob->h.flags |= RT_F_FROZEN | RT_F_NOEXT;
	return o;
}
NATIVE(obj_isfrozen) {
	rt_value o = rt_arg(argc, argv, 0);
	return rt_bool(!rt_is_obj(o) || (((rt_hdr *)rt_ptr(o))->flags & RT_F_FROZEN));
}
NATIVE(obj_seal) {
	rt_value o = rt_arg(argc, argv, 0);
	if (!rt_is_obj(o)) return o;
	rt_fill((rt_object *)rt_ptr(o)); /* its built-in properties exist before it is closed */
	((rt_hdr *)rt_ptr(o))->flags |= RT_F_NOEXT;
	return o;
}
NATIVE(obj_create) {
	rt_value p = rt_arg(argc, argv, 0);
	if (!rt_is_obj(p) && p != RT_NULL) rt_throw_type("Object prototype may only be an Object or null");
	return rt_obj_new(p);
}
NATIVE(obj_getproto) { return rt_get_proto(rt_arg(argc, argv, 0)); }
NATIVE(obj_setproto) {
	rt_value o = rt_arg(argc, argv, 0), p = rt_arg(argc, argv, 1);
	if (o == rt_global_obj) rt_global_lazy_all();
	if (!rt_is_obj(o)) return o;
	rt_object *ob = (rt_object *)rt_ptr(o);
	rt_fill(ob);
	/* rebuild the object on a shape rooted at the new prototype */
	rt_shape *old = ob->shape;
	rt_valbuf *slots = ob->slots;
	ob->shape = rt_shape_root(p);
	ob->slots = 0;
	for (uint32_t i = 0; i < old->nkeys; i++) rt_define(o, old->props[i].key, slots->v[i], old->props[i].attrs);
	rt_epoch++;
	return o;
}
NATIVE(obj_defprop) {
	rt_value o = rt_arg(argc, argv, 0), d = rt_arg(argc, argv, 2);
	if (o == rt_global_obj) rt_global_lazy_all();
	rt_value kv = rt_arg(argc, argv, 1);
	rt_string *k = rt_atom(rt_tostring(kv));
	uint32_t attrs = rt_truthy(rt_obj_get_c(d, "enumerable")) ? RT_P_ENUM : 0;
	rt_value g = rt_obj_get_c(d, "get"), s = rt_obj_get_c(d, "set");
	if (g != RT_UNDEF || s != RT_UNDEF) rt_define_accessor(o, k, g, s, attrs);
	else {
		if (!rt_truthy(rt_obj_get_c(d, "writable"))) attrs |= RT_P_READONLY;
		rt_define(o, k, rt_obj_get_c(d, "value"), attrs);
	}
	return o;
}
NATIVE(obj_getownpropnames) {
	rt_value o = rt_arg(argc, argv, 0);
	if (o == rt_global_obj) rt_global_lazy_all();
	rt_value out = rt_array_new(0, 4);
	if (rt_is_array(o)) {
		rt_value k = rt_own_keys(o);
		rt_array_extend(out, k);
		rt_array_push(out, rt_str_c("length"));
		return out;
	}
	if (!rt_is_obj(o)) return out;
	rt_fill((rt_object *)rt_ptr(o));
	rt_shape *s = ((rt_object *)rt_ptr(o))->shape;
	for (uint32_t i = 0; i < s->nkeys; i++)
		if (!(s->props[i].key->h.flags & RT_F_SYMBOL)) rt_array_push(out, rt_box_ptr(((rt_object *)rt_ptr(o))->shape->props[i].key));
	return out;
}
NATIVE(obj_is) {
	rt_value a = rt_arg(argc, argv, 0), b = rt_arg(argc, argv, 1);
	if (rt_is_num(a) && rt_is_num(b)) {
		double x = rt_dbl(a), y = rt_dbl(b);
		if (x != x) return rt_bool(y != y);
		if (x == 0 && y == 0) return rt_bool((1 / x < 0) == (1 / y < 0));
		return rt_bool(x == y);
	}
	return rt_bool(rt_strict_eq(a, b));
}
NATIVE(op_hasown) { return rt_bool(rt_has_own(this_, rt_atom(rt_tostring(rt_arg(argc, argv, 0))))); }
NATIVE(obj_hasown) { return rt_bool(rt_has_own(rt_arg(argc, argv, 0), rt_atom(rt_tostring(rt_arg(argc, argv, 1))))); }
NATIVE(op_tostring) {
	if (this_ == RT_UNDEF) return rt_str_c("[object Undefined]");
	if (this_ == RT_NULL) return rt_str_c("[object Null]");
	if (rt_is_array(this_)) return rt_str_c("[object Array]");
	if (rt_is_func(this_)) return rt_str_c("[object Function]");
	if (rt_is_obj(this_) && ((rt_hdr *)rt_ptr(this_))->type == RT_T_ERROR) return rt_str_c("[object Error]");
	if (rt_is_obj(this_)) {
		/* built-ins with a Symbol.toStringTag in JS */
		int ty = ((rt_hdr *)rt_ptr(this_))->type;
		int weak = 1;
		for (rt_value p = rt_get_proto(this_); rt_is_obj(p); p = rt_get_proto(p))
			if (p == rt_proto_map || p == rt_proto_set) weak = 0;
		if (ty == RT_T_MAP) return rt_str_c(weak ? "[object WeakMap]" : "[object Map]");
		if (ty == RT_T_SET) return rt_str_c(weak ? "[object WeakSet]" : "[object Set]");
		if (ty == RT_T_PROMISE) return rt_str_c("[object Promise]");
		if (ty == RT_T_GENERATOR) return rt_str_c(((rt_genframe *)rt_ptr(this_))->kind == 2 ? "[object AsyncGenerator]" : "[object Generator]");
	}
	/* the namespaces with a Symbol.toStringTag in JS (not made for this: before they are, no
	 * program can pass them) */
	if (made(rt_init_math) && this_ == rt_obj_get_c(rt_global_obj, "Math")) return rt_str_c("[object Math]");
	if (made(rt_init_json) && this_ == rt_obj_get_c(rt_global_obj, "JSON")) return rt_str_c("[object JSON]");
	return rt_str_c("[object Object]");
}
NATIVE(op_valueof) { return this_; }
NATIVE(op_isprototypeof) {
	rt_value v = rt_arg(argc, argv, 0);
	for (rt_value p = rt_get_proto(v); rt_is_obj(p); p = rt_get_proto(p)) if (p == this_) return RT_TRUE;
	return RT_FALSE;
}

/* ---- Error ---- */
static rt_value make_stack(rt_value e) {
	rt_value name = rt_get(e, rt_atom_name), msg = rt_get(e, rt_atom_message);
	rt_value s = rt_tostring(name);
	if (rt_is_str(msg) && rt_str_len(msg)) s = rt_concat(rt_concat(s, rt_str_c(": ")), msg);
	return rt_concat(s, rt_str_c("\n    at <anonymous>"));
}
NATIVE(err_ctor) {
	rt_value e = this_;
	if (!rt_is_obj(e) || ((rt_hdr *)rt_ptr(e))->type != RT_T_OBJECT) {
		/* called as a function or from rt_error_new with a fresh object: keep prototype */
		rt_value proto = rt_get((rt_value)rt_box_ptr(self), rt_atom_prototype);
		e = rt_obj_new(proto);
	}
	rt_object *o = (rt_object *)rt_ptr(e);
	o->h.type = RT_T_ERROR;
	rt_value msg = rt_arg(argc, argv, 0);
	if (msg != RT_UNDEF) rt_define(e, rt_atom_message, rt_tostring(msg), 0);
	rt_value opts = rt_arg(argc, argv, 1);
	if (rt_is_obj(opts) && rt_has(opts, rt_atom_cause)) rt_define(e, rt_atom_cause, rt_get(opts, rt_atom_cause), 0);
	rt_define(e, rt_atom_stack, make_stack(e), 0);
	return e;
}
NATIVE(err_tostring) {
	rt_value name = rt_get(this_, rt_atom_name), msg = rt_get(this_, rt_atom_message);
	rt_value n = name == RT_UNDEF ? rt_str_c("Error") : rt_tostring(name);
	rt_value m = msg == RT_UNDEF ? rt_empty_str : rt_tostring(msg);
	if (!rt_str_len(n)) return m;
	if (!rt_str_len(m)) return n;
	return rt_concat(rt_concat(n, rt_str_c(": ")), m);
}

/* rebuilds `stack` after a subclass constructor sets name (called by compiled code) */
void rt_error_fix_stack(rt_value e) {
	if (rt_is_obj(e) && ((rt_hdr *)rt_ptr(e))->type == RT_T_ERROR) rt_define(e, rt_atom_stack, make_stack(e), 0);
}

static const char *const error_names[] = {"TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError", "AggregateError"};

void rt_init_errors(void) {
	error_ctor = rt_native("Error", err_ctor, 1);
	rt_string *const keys[] = {rt_atom_constructor, rt_atom_name, rt_atom_message};
	rt_value vals[] = {error_ctor, rt_str_c("Error"), rt_empty_str};
	static const rt_fndef methods[] = {{"toString", err_tostring, 0}};
	rt_methods_x(rt_proto_error, keys, vals, 3, methods, 1);
	rt_methods_x(error_ctor, &rt_atom_prototype, &rt_proto_error, 1, 0, 0);
	rt_global_add("Error", error_ctor);
}

/* TypeError, RangeError, ...: made together on first use */
static void init_error_subclasses(void) {
	static int done;
	if (done++) return;
	rt_fill((rt_object *)rt_ptr(rt_proto_error)); /* makes Error */
	rt_value e = error_ctor;
	for (size_t i = 0; i < sizeof error_names / sizeof error_names[0]; i++) {
		rt_value p = rt_obj_new(rt_proto_error);
		rt_value c = ctor(error_names[i], err_ctor, 1, p);
		rt_object *co = (rt_object *)rt_ptr(c);
		rt_obj_set_c(c, "__dummy", RT_UNDEF); /* ensure slots */
		rt_delete(c, rt_atom_c("__dummy"));
		co->shape = rt_shape_root(e); /* static inheritance: TypeError.__proto__ === Error */
		co->slots = 0;
		rt_define(c, rt_atom_prototype, p, 0);
		rt_define(p, rt_atom_name, rt_str_c(error_names[i]), 0);
		rt_define(p, rt_atom_message, rt_empty_str, 0);
	}
}

/* ---- iteration ---- */
enum { IT_ARRAY, IT_STRING, IT_MAP, IT_SET, IT_TYPED, IT_GENERIC, IT_KEYS, IT_ENTRIES };

void rt_iter_init(rt_iter *it, rt_value v) {
	it->obj = v;
	it->i = 0;
	it->aux = RT_UNDEF;
	if (rt_is_array(v)) { it->kind = IT_ARRAY; return; }
	if (rt_is_str(v)) { it->kind = IT_STRING; return; }
	if (rt_is_obj(v)) {
		int t = rt_ptr_type(v);
		rt_value f = rt_get(v, rt_atom_symiter);
		/* built-in iteration unless a program replaced [Symbol.iterator] */
		if (t == RT_T_MAP && rt_get(rt_proto_map, rt_atom_symiter) == f) { it->kind = IT_MAP; return; }
		if (t == RT_T_SET && rt_get(rt_proto_set, rt_atom_symiter) == f) { it->kind = IT_SET; return; }
		if (t == RT_T_TYPEDARRAY) { it->kind = IT_TYPED; return; }
		if (rt_is_func(f)) {
			rt_value iter = rt_call(f, v, 0, 0);
			if (!rt_is_obj(iter)) rt_throw_type("Result of the Symbol.iterator method is not an object");
			it->kind = IT_GENERIC;
			it->obj = iter;
			it->aux = rt_get(iter, rt_atom_next);
			return;
		}
	}
	rt_throw_errv("TypeError", rt_concat(rt_is_obj(v) ? rt_str_c("object") : rt_tostring(v), rt_str_c(" is not iterable")));
}

int rt_iter_next(rt_iter *it, rt_value *out) {
	switch (it->kind) {
	case IT_ARRAY: {
		rt_array *a = (rt_array *)rt_ptr(it->obj);
		if (it->i >= a->len) return 0;
		rt_value v = a->items->v[it->i++];
		*out = v == RT_HOLE ? RT_UNDEF : v;
		return 1;
	}
	case IT_STRING: {
		rt_string *s = rt_flat(it->obj);
		if (it->i >= s->len) return 0;
		uint32_t i = it->i, n = 1;
		if (s->s[i] >= 0xD800 && s->s[i] < 0xDC00 && i + 1 < s->len && s->s[i + 1] >= 0xDC00 && s->s[i + 1] <= 0xDFFF) n = 2;
		it->i += n;
		*out = rt_substr(it->obj, i, i + n);
		return 1;
	}
	case IT_MAP: case IT_SET: {
		rt_mapobj *m = (rt_mapobj *)rt_ptr(it->obj);
		while (it->i < m->count && m->ents->v[2 * it->i] == RT_HOLE) it->i++;
		if (it->i >= m->count) return 0;
		uint32_t i = it->i++;
		if (it->kind == IT_SET) *out = m->ents->v[2 * i];
		else {
			rt_value pair[2] = {m->ents->v[2 * i], m->ents->v[2 * i + 1]};
			*out = rt_array_of(2, pair);
		}
		return 1;
	}
	case IT_TYPED: {
		rt_typed *t = (rt_typed *)rt_ptr(it->obj);
		if (it->i >= t->length) return 0;
		*out = rt_num(rt_tget(it->obj, it->i++));
		return 1;
	}
	default: {
		rt_value r = rt_call(it->aux, it->obj, 0, 0);
		if (!rt_is_obj(r)) rt_throw_type("Iterator result is not an object");
		if (rt_truthy(rt_get(r, rt_atom_done))) { it->kind = 99; return 0; }
		*out = rt_get(r, rt_atom_value);
		return 1;
	}
	case 99: return 0;
	}
}

void rt_iter_close(rt_iter *it) {
	if (it->kind != IT_GENERIC) return;
	rt_value ret = rt_get(it->obj, rt_atom_return);
	if (rt_is_func(ret)) rt_call(ret, it->obj, 0, 0);
}

rt_value rt_iter_result(rt_value v, int done) {
	rt_value o = rt_obj_new_sized(rt_proto_object, 2);
	rt_set(o, rt_atom_value, v);
	rt_set(o, rt_atom_done, rt_bool(done));
	return o;
}

/* iterator objects for arr.keys()/values()/entries(), map.keys() ...: slots [source, kind, index] */
rt_value rt_make_iter_obj(rt_value src, int kind) {
	rt_value o = rt_obj_new(array_iter_proto);
	rt_define(o, rt_atom_c("__src"), src, 0);
	rt_define(o, rt_atom_c("__kind"), rt_num(kind), 0);
	rt_define(o, rt_atom_c("__i"), rt_num(0), 0);
	return o;
}
NATIVE(iterobj_next) {
	rt_object *o = (rt_object *)rt_ptr(this_);
	rt_value src = o->slots->v[0];
	int kind = (int)rt_dbl(o->slots->v[1]);
	uint32_t i = (uint32_t)rt_dbl(o->slots->v[2]);
	/* kind: 0 values, 1 keys, 2 entries (arrays); 3 values, 4 keys, 5 entries (maps/sets); 10 string */
	if (kind == 10) {
		rt_string *f = rt_flat(src);
		if (i >= f->len) return rt_iter_result(RT_UNDEF, 1);
		uint32_t n = (f->s[i] >= 0xD800 && f->s[i] < 0xDC00 && i + 1 < f->len && f->s[i + 1] >= 0xDC00 && f->s[i + 1] <= 0xDFFF) ? 2 : 1;
		o->slots->v[2] = rt_num(i + n);
		return rt_iter_result(rt_substr(src, i, i + n), 0);
	}
	if (kind <= 2) {
		uint32_t len = rt_is_array(src) ? ((rt_array *)rt_ptr(src))->len : ((rt_typed *)rt_ptr(src))->length;
		if (i >= len) return rt_iter_result(RT_UNDEF, 1);
		o->slots->v[2] = rt_num(i + 1);
		rt_value v = kind == 1 ? RT_UNDEF : rt_get_index(src, rt_num(i));
		if (kind == 1) return rt_iter_result(rt_num(i), 0);
		if (kind == 0) return rt_iter_result(v, 0);
		rt_value pair[2] = {rt_num(i), v};
		return rt_iter_result(rt_array_of(2, pair), 0);
	}
	rt_mapobj *m = (rt_mapobj *)rt_ptr(src);
	while (i < m->count && m->ents->v[2 * i] == RT_HOLE) i++;
	if (i >= m->count) { o->slots->v[2] = rt_num(i); return rt_iter_result(RT_UNDEF, 1); }
	o->slots->v[2] = rt_num(i + 1);
	rt_value k = m->ents->v[2 * i], v = m->o.h.type == RT_T_SET ? k : m->ents->v[2 * i + 1];
	if (kind == 4) return rt_iter_result(k, 0);
	if (kind == 3) return rt_iter_result(v, 0);
	rt_value pair[2] = {k, v};
	return rt_iter_result(rt_array_of(2, pair), 0);
}
NATIVE(iter_self) { return this_; }

/* ---- globals: parseInt etc. ---- */
NATIVE(g_parseint) {
	rt_string *s = rt_flat(rt_arg_str(argc, argv, 0));
	int radix = argc > 1 && argv[1] != RT_UNDEF ? rt_i32(rt_tonum(argv[1])) : 0;
	return rt_num(rt_parse_int(s->s, s->len, radix));
}
NATIVE(g_parsefloat) {
	rt_string *s = rt_flat(rt_arg_str(argc, argv, 0));
	return rt_num(rt_parse_float(s->s, s->len));
}
NATIVE(g_isnan) { double d = rt_tonum(rt_arg(argc, argv, 0)); return rt_bool(d != d); }
NATIVE(g_isfinite) { double d = rt_tonum(rt_arg(argc, argv, 0)); return rt_bool(d == d && d - d == 0); }

/* ---- console as an object (when passed around as a value) ---- */
NATIVE(con_log) { rt_console_log(1, argc, argv); return RT_UNDEF; }
NATIVE(con_error) { rt_console_log(2, argc, argv); return RT_UNDEF; }

/* ---- Symbol ---- */
static uint32_t sym_counter;
NATIVE(sym_ctor) {
	/* a symbol is a unique (non-interned-table) atom flagged as symbol; prints as Symbol(desc) */
	rt_value d = rt_arg(argc, argv, 0);
	rt_value txt = rt_concat(rt_concat(rt_str_c("Symbol("), d == RT_UNDEF ? rt_empty_str : rt_tostring(d)), rt_str_c(")"));
	rt_string *s = rt_flat(rt_substr(txt, 0, rt_str_len(txt)));
	if (s == rt_flat(txt)) { s = rt_str_alloc(rt_str_len(txt)); RT_MEMCPY(s->s, rt_flat(txt)->s, (size_t)s->len * 2); }
	s->h.flags |= RT_F_SYMBOL | RT_F_INTERNED;
	s->hash = 0x9e3779b9u ^ ++sym_counter;
	return rt_box_ptr(s);
}

static void init_symbol(void) {
	rt_value sym = rt_native("Symbol", sym_ctor, 0);
	rt_define(sym, rt_atom_c("iterator"), rt_box_ptr(rt_atom_symiter), 0);
	rt_define(sym, rt_atom_c("asyncIterator"), rt_sym_async_iterator(), 0);
	rt_global_add("Symbol", sym);
}

/* ---- the fillers of the built-ins made on first use ---- */
/* Object.prototype and the Object constructor, whose statics are made on its own first use */
static void init_object(void) {
	static const rt_fndef methods[] = {
		{"hasOwnProperty", op_hasown, 1}, {"toString", op_tostring, 0}, {"valueOf", op_valueof, 0},
		{"isPrototypeOf", op_isprototypeof, 1},
	};
	object_ctor = rt_native("Object", obj_ctor, 1);
	rt_methods_x(rt_proto_object, &rt_atom_constructor, &object_ctor, 1, methods, sizeof methods / sizeof methods[0]);
	rt_obj_make_lazy(object_ctor);
	rt_global_add("Object", object_ctor);
}
static void init_object_statics(void) {
	static const rt_fndef statics[] = {
		{"keys", obj_keys, 1}, {"values", obj_values, 1}, {"entries", obj_entries, 1}, {"assign", obj_assign, 2},
		{"fromEntries", obj_fromentries, 1}, {"freeze", obj_freeze, 1}, {"isFrozen", obj_isfrozen, 1},
		{"seal", obj_seal, 1}, {"preventExtensions", obj_seal, 1}, {"create", obj_create, 2},
		{"getPrototypeOf", obj_getproto, 1}, {"setPrototypeOf", obj_setproto, 2},
		{"defineProperty", obj_defprop, 3}, {"getOwnPropertyNames", obj_getownpropnames, 1}, {"is", obj_is, 2},
		{"hasOwn", obj_hasown, 2},
	};
	rt_methods_x(object_ctor, &rt_atom_prototype, &rt_proto_object, 1, statics, sizeof statics / sizeof statics[0]);
}
static void init_function(void) {
	rt_builtin_class("Function", obj_ctor, 1, rt_proto_function, 0, 0, 0, 0);
	rt_init_functions();
}
static void init_iterators(void) {
	static const rt_fndef iter_methods[] = {{0, iter_self, 0}}; /* [Symbol.iterator] */
	RT_METHODS(rt_proto_iterator, iter_methods);
	static const rt_fndef array_iter_methods[] = {{"next", iterobj_next, 0}};
	RT_METHODS(array_iter_proto, array_iter_methods);
}
static void init_numbers(void) {
	rt_value parse_int = rt_native("parseInt", g_parseint, 2), parse_float = rt_native("parseFloat", g_parsefloat, 1);
	rt_global_add("parseInt", parse_int);
	rt_global_add("parseFloat", parse_float);
	rt_init_numbers(parse_float, parse_int);
}
static void init_values(void) {
	rt_global_add("NaN", rt_num(__builtin_nan("")));
	rt_global_add("Infinity", rt_num(__builtin_inf()));
	rt_global_add("undefined", RT_UNDEF);
	rt_global_add("globalThis", rt_global_obj);
}
static void init_console(void) {
	rt_value con = rt_obj_new(rt_proto_object);
	static const rt_fndef methods[] = {
		{"log", con_log, 0}, {"error", con_error, 0}, {"warn", con_error, 0}, {"info", con_log, 0},
		{"debug", con_log, 0},
	};
	RT_METHODS(con, methods);
	rt_global_add("console", con);
}
static void init_global_fns(void) {
	static const rt_fndef fns[] = {{"isNaN", g_isnan, 1}, {"isFinite", g_isfinite, 1}};
	RT_METHODS(rt_global_obj, fns);
}

/* Start-up makes only the built-in prototypes, empty and flagged RT_F_LAZY (rt_obj_lazy); each
 * built-in is made by its filler on first use: of its object, a prototype or constructor (rt_fill,
 * from every path that reads or changes an object's own properties), or of one of its global
 * names (rt_global, reads of globalThis: get, `in`, hasOwnProperty; writes to globalThis (set,
 * delete, defineProperty, setPrototypeOf, freeze) and getOwnPropertyNames(globalThis) make all of
 * them first, so a program sees the same objects). A filler runs once, for all the entries that
 * name it; the runtime's C code also calls some directly, which are then idempotent (a promise
 * made by an async function, a typed array made in C). */
static const struct { const char *name; rt_value *obj; void (*init)(void); } lazy_builtins[] = {
	{"Object", &rt_proto_object, init_object}, {0, &object_ctor, init_object_statics},
	{"Function", &rt_proto_function, init_function},
	{"Error", &rt_proto_error, rt_init_errors}, {"Array", &rt_proto_array, rt_init_arrays},
	{0, &rt_proto_iterator, init_iterators}, {0, &array_iter_proto, init_iterators},
	{"parseInt", 0, init_numbers}, {"parseFloat", 0, init_numbers}, {"Number", &rt_proto_number, init_numbers},
	{"Boolean", &rt_proto_boolean, rt_init_booleans}, {"String", &rt_proto_string, rt_init_string_methods},
	{"NaN", 0, init_values}, {"Infinity", 0, init_values}, {"undefined", 0, init_values},
	{"globalThis", 0, init_values}, {"console", 0, init_console}, {"isNaN", 0, init_global_fns},
	{"isFinite", 0, init_global_fns},
	{"Map", 0, rt_init_collections}, {"Set", 0, rt_init_collections}, {"WeakMap", 0, rt_init_collections},
	{"WeakSet", 0, rt_init_collections}, {"JSON", 0, rt_init_json}, {"Promise", 0, rt_init_promise},
	{"Symbol", 0, init_symbol}, {"Math", 0, rt_init_math}, {"TypeError", 0, init_error_subclasses},
	{"RangeError", 0, init_error_subclasses}, {"SyntaxError", 0, init_error_subclasses},
	{"ReferenceError", 0, init_error_subclasses}, {"EvalError", 0, init_error_subclasses},
	{"URIError", 0, init_error_subclasses}, {"AggregateError", 0, init_error_subclasses},
	{"ArrayBuffer", 0, rt_init_typed}, {"DataView", 0, rt_init_typed}, {"Int8Array", 0, rt_init_typed},
	{"Uint8Array", 0, rt_init_typed}, {"Uint8ClampedArray", 0, rt_init_typed}, {"Int16Array", 0, rt_init_typed},
	{"Uint16Array", 0, rt_init_typed}, {"Int32Array", 0, rt_init_typed}, {"Uint32Array", 0, rt_init_typed},
	{"Float32Array", 0, rt_init_typed}, {"Float64Array", 0, rt_init_typed},
};
#define NLAZY (sizeof lazy_builtins / sizeof lazy_builtins[0])
static uint8_t lazy_made[NLAZY];

static void lazy_make(size_t i) {
	void (*init)(void) = lazy_builtins[i].init;
	for (size_t j = 0; j < NLAZY; j++)
		if (lazy_builtins[j].init == init) {
			lazy_made[j] = 1;
			if (lazy_builtins[j].obj) rt_obj_unlazy(*lazy_builtins[j].obj);
		}
	init();
}

void rt_fill_slow(rt_object *o) {
	for (size_t i = 0; i < NLAZY; i++)
		if (lazy_builtins[i].obj && rt_ptr(*lazy_builtins[i].obj) == o) { lazy_make(i); return; }
}

/* 1 when the filler init has run */
static int made(void (*init)(void)) {
	for (size_t i = 0; i < NLAZY; i++)
		if (lazy_builtins[i].init == init) return lazy_made[i];
	return 1;
}

/* 1 when `key` named a global not made yet (and it now is) */
int rt_global_lazy(rt_string *key) {
	for (size_t i = 0; i < NLAZY; i++) {
		const char *n = lazy_builtins[i].name;
		if (lazy_made[i] || !n) continue;
		uint32_t k = 0;
		while (k < key->len && n[k] && key->s[k] == (uint8_t)n[k]) k++;
		if (k == key->len && !n[k]) { lazy_make(i); return 1; }
	}
	return 0;
}

void rt_global_lazy_all(void) {
	for (size_t i = 0; i < NLAZY; i++)
		if (!lazy_made[i] && lazy_builtins[i].name) lazy_make(i);
}

void rt_objects_init(void);

void rt_builtins_init(void) {
	rt_objects_init();
	rt_init_strings();
	rt_gc_add_root_fn(builtins_roots);
	/* the runtime's own atoms (those of atom_roots, then ""), laid out as the compiler lays out a
	 * program's (RT_STR, with rt_str_hash's FNV-1a computed at compile time: F_ is one step, over
	 * units 0..10), so start-up converts and hashes no text */
#define L_(s) (sizeof s / 2 - 1)
#define F_(h, s, i) (((h) ^ (i < L_(s) ? s[i < L_(s) ? i : 0] : 0u)) * (i < L_(s) ? 16777619u : 1u))
#define FNV(s) F_(F_(F_(F_(F_(F_(F_(F_(F_(F_(F_(2166136261u, s, 0), s, 1), s, 2), s, 3), s, 4), s, 5), s, 6), s, 7), s, 8), s, 9), s, 10)
#define U(s) {{RT_T_STRING, 1, RT_F_INTERNED, sizeof(RT_STR(11))}, L_(u##s), FNV(u##s), u##s}
	static RT_STR(11) names[] = {U("length"), U("prototype"), U("constructor"), U("name"), U("message"),
		U("next"), U("value"), U("done"), U("stack"), U("then"), U("toJSON"), U("cause"), U("return"),
		U("throw"), U("get"), U("set"), U("toString"), U("")};
#undef U
#undef FNV
#undef F_
#undef L_
	enum { NA = sizeof atom_roots / sizeof atom_roots[0] };
	_Static_assert(sizeof names / sizeof names[0] == NA + 1, "a name for each of atom_roots, then \"\"");
	rt_string *a[NA + 1];
	rt_atoms_init(a, names, NA + 1);
	for (size_t i = 0; i < NA; i++) *atom_roots[i] = a[i];
	rt_empty_str = rt_box_ptr(a[NA]);
	/* Symbol.iterator: a symbol atom */
	static RT_STR(23) symiter = {{RT_T_STRING, 1, RT_F_SYMBOL | RT_F_INTERNED, sizeof symiter}, 23, 0x51ed270bu,
		u"Symbol(Symbol.iterator)"};
	rt_atom_symiter = (rt_string *)&symiter;

	rt_proto_object = rt_obj_lazy(RT_NULL);
	static rt_value *const protos[] = {&rt_proto_function, &rt_proto_error, &rt_proto_array, &rt_proto_string,
		&rt_proto_number, &rt_proto_boolean, &rt_proto_iterator}; /* each of Object.prototype */
	for (size_t i = 0; i < sizeof protos / sizeof protos[0]; i++) *protos[i] = rt_obj_lazy(rt_proto_object);
	array_iter_proto = rt_obj_lazy(rt_proto_iterator);
	rt_global_obj = rt_obj_new(rt_proto_object);
}
