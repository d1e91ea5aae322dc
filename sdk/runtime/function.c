/*
 * Functions and calls. Every function (compiled or native) has the uniform C signature rt_code:
 * (self, this, argc, argv). Closures keep their captured cells in self->cap[].
 */
#include "internal.h"

void rt_obj_init(rt_object *o, rt_value proto);

static rt_value func_new(rt_code code, rt_value name, uint32_t length, uint32_t ncap) {
	rt_function *f = (rt_function *)rt_alloc(sizeof(rt_function) + (size_t)ncap * 8, RT_T_FUNCTION);
	rt_obj_init(&f->o, rt_proto_function);
	f->code = code;
	f->name = name;
	f->home = RT_UNDEF;
	f->bound = RT_UNDEF;
	f->length = length;
	f->ncap = ncap;
	for (uint32_t i = 0; i < ncap; i++) f->cap[i] = RT_UNDEF;
	return rt_box_ptr(f);
}

rt_value rt_func_new(rt_code code, const char *name, uint32_t length, uint32_t ncap) {
	return func_new(code, name ? rt_box_ptr(rt_atom_c(name)) : rt_empty_str, length, ncap);
}

rt_value rt_func_new_nc(rt_code code, const char *name, uint32_t length, uint32_t ncap) {
	rt_value f = rt_func_new(code, name, length, ncap);
	((rt_hdr *)rt_ptr(f))->flags |= RT_F_ARROW;
	return f;
}

rt_value rt_native(const char *name, rt_code code, uint32_t length) { return rt_func_new(code, name, length, 0); }

void rt_method(rt_value obj, const char *name, rt_code code, uint32_t length) {
	rt_string *key = rt_atom_c(name);
	rt_define(obj, key, func_new(code, rt_box_ptr(key), length, 0), 0);
}

/* The built-ins' start-up: most of its cost under emulation is translating code run once, so a
 * table and one loop instead of a call per method, and one shape for the whole table. */
void rt_methods_x(rt_value obj, rt_string *const *xk, const rt_value *xv, size_t nx, const rt_fndef *tab, size_t n) {
	rt_string *keys[nx + n];
	rt_value vals[nx + n]; /* on the stack, which the collector scans */
	for (size_t i = 0; i < nx; i++) keys[i] = xk[i], vals[i] = xv[i];
	for (size_t i = 0; i < n; i++) {
		rt_string **k = &keys[nx + i];
		rt_value *v = &vals[nx + i];
		if (tab[i].name) {
			*k = rt_atom_c(tab[i].name);
			*v = func_new(tab[i].code, rt_box_ptr(*k), tab[i].length, 0);
		} else {
			*k = rt_atom_symiter;
			*v = tab[i].code ? func_new(tab[i].code, rt_box_ptr(rt_atom_c("[Symbol.iterator]")), 0, 0) : vals[nx + tab[i].length];
		}
	}
	rt_define_all(obj, keys, vals, (uint32_t)(nx + n));
}

void rt_methods(rt_value obj, const rt_fndef *tab, size_t n) { rt_methods_x(obj, 0, 0, 0, tab, n); }

rt_value rt_builtin_class(const char *name, rt_code code, uint32_t length, rt_value proto,
	const rt_fndef *pm, size_t npm, const rt_fndef *cm, size_t ncm) {
	rt_value c = rt_native(name, code, length);
	rt_methods_x(proto, &rt_atom_constructor, &c, 1, pm, npm);
	rt_methods_x(c, &rt_atom_prototype, &proto, 1, cm, ncm);
	rt_global_add(name, c);
	return c;
}

void rt_class_methods(rt_value obj, rt_string *const *atoms, const rt_methoddef *tab, size_t n) {
	rt_string *keys[n];
	rt_value vals[n];
	for (size_t i = 0; i < n; i++) {
		keys[i] = atoms[tab[i].key];
		vals[i] = func_new(tab[i].code, rt_box_ptr(keys[i]), tab[i].length, 0);
		rt_function *f = (rt_function *)rt_ptr(vals[i]);
		f->o.h.flags |= RT_F_ARROW;
		f->home = obj;
	}
	rt_define_all(obj, keys, vals, (uint32_t)n);
}

/* each name stays the address of its C text, as a number (intptr_t: one instruction each way), until
 * first read (rt_func_name): start-up makes no string for them */
void rt_funcs_init(const rt_funcdef *tab, size_t n) {
	for (size_t i = 0; i < n; i++)
		*tab[i].slot = func_new(tab[i].code, rt_num((double)(intptr_t)tab[i].name), tab[i].length, 0);
}

void rt_constants(rt_value obj, const rt_numdef *tab, size_t n) {
	rt_string *keys[n];
	rt_value vals[n];
	for (size_t i = 0; i < n; i++) {
		keys[i] = rt_atom_c(tab[i].name);
		vals[i] = rt_num(tab[i].value);
	}
	rt_define_all(obj, keys, vals, (uint32_t)n);
}

void rt_getter(rt_value obj, const char *name, rt_code code) {
	rt_define_accessor(obj, rt_atom_c(name), rt_native(name, code, 0), RT_UNDEF, 0);
}

rt_value rt_class_new(rt_code code, const char *name, uint32_t length, uint32_t ncap, rt_value parent) {
	rt_value f = rt_func_new(code, name, length, ncap);
	rt_function *fp = (rt_function *)rt_ptr(f);
	fp->o.h.flags |= RT_F_CLASSCTOR;
	rt_value pproto = rt_proto_object;
	if (parent != RT_UNDEF) {
		if (parent == RT_NULL) pproto = RT_NULL;
		else {
			if (!rt_is_func(parent)) rt_throw_type("Class extends value is not a constructor or null");
			rt_obj_init(&fp->o, parent); /* static inheritance */
			pproto = rt_get(parent, rt_atom_prototype);
		}
	}
	rt_value proto = rt_obj_new(pproto);
	rt_define(f, rt_atom_prototype, proto, 0);
	rt_define(proto, rt_atom_constructor, f, 0);
	return f;
}

/* a function's name (every read of f->name goes through here): a string, or the address of its C
 * text as a number (rt_funcs_init), made an atom now */
rt_value rt_func_name(rt_function *f) {
	if (rt_is_num(f->name)) f->name = rt_box_ptr(rt_atom_c((const char *)(intptr_t)rt_dbl(f->name)));
	return f->name;
}

static void not_callable(rt_value f) {
	rt_value d = rt_is_str(f) ? rt_str_quote(f, '"') : rt_is_obj(f) ? rt_str_c("object") : rt_tostring(f);
	rt_throw_errv("TypeError", rt_concat(d, rt_str_c(" is not a function")));
}

rt_value rt_call(rt_value f, rt_value this_, int argc, const rt_value *argv) {
	if (!rt_is_func(f)) not_callable(f);
	rt_function *fn = (rt_function *)rt_ptr(f);
	if (fn->o.h.flags & RT_F_CLASSCTOR) {
		rt_throw_errv("TypeError", rt_concat(rt_concat(rt_str_c("Class constructor "), rt_func_name(fn)),
			rt_str_c(" cannot be invoked without 'new'")));
	}
	return fn->code(fn, this_, argc, argv);
}

rt_value rt_call0(rt_value f) { return rt_call(f, RT_UNDEF, 0, 0); }

/* Calls a constructor with an existing `this` (super(...) and internal use). */
rt_value rt_call_ctor(rt_value f, rt_value this_, int argc, const rt_value *argv) {
	if (!rt_is_func(f)) not_callable(f);
	rt_function *fn = (rt_function *)rt_ptr(f);
	return fn->code(fn, this_, argc, argv);
}

rt_value rt_construct(rt_value f, int argc, const rt_value *argv) {
	if (!rt_is_func(f) || (((rt_hdr *)rt_ptr(f))->flags & RT_F_ARROW)) {
		rt_value d = rt_is_func(f) ? rt_func_name((rt_function *)rt_ptr(f)) : rt_tostring(f);
		rt_throw_errv("TypeError", rt_concat(rt_str_len(d) ? d : rt_str_c("anonymous"), rt_str_c(" is not a constructor")));
	}
	rt_function *fn = (rt_function *)rt_ptr(f);
	if (fn->bound != RT_UNDEF) {
		rt_valbuf *b = (rt_valbuf *)rt_ptr(fn->bound);
		uint32_t nb = b->cap - 2;
		rt_value args[nb + (uint32_t)argc + 1];
		for (uint32_t i = 0; i < nb; i++) args[i] = b->v[2 + i];
		for (int i = 0; i < argc; i++) args[nb + (uint32_t)i] = argv[i];
		return rt_construct(b->v[0], (int)nb + argc, args);
	}
	rt_value proto = rt_get(f, rt_atom_prototype);
	rt_value obj = rt_obj_new(rt_is_obj(proto) ? proto : rt_proto_object);
	rt_value r = fn->code(fn, obj, argc, argv);
	return rt_is_obj(r) ? r : obj;
}

rt_value rt_call_method(rt_value o, rt_string *key, rt_ic *ic, int argc, const rt_value *argv) {
	rt_value f = rt_get_ic(o, key, ic);
	if (!rt_is_func(f)) {
		rt_value what = rt_concat(rt_concat(rt_is_obj(o) ? rt_str_c("object.") : rt_str_c("value."), rt_box_ptr(key)),
			rt_str_c(" is not a function"));
		rt_throw_errv("TypeError", what);
	}
	return rt_call(f, o, argc, argv);
}

rt_value rt_call_spread(rt_value f, rt_value this_, rt_value args) {
	rt_array *a = (rt_array *)rt_ptr(args);
	uint32_t n = a->len;
	rt_value tmp[n + 1];
	for (uint32_t i = 0; i < n; i++) tmp[i] = a->items->v[i] == RT_HOLE ? RT_UNDEF : a->items->v[i];
	return rt_call(f, this_, (int)n, tmp);
}

rt_value rt_construct_spread(rt_value f, rt_value args) {
	rt_array *a = (rt_array *)rt_ptr(args);
	uint32_t n = a->len;
	rt_value tmp[n + 1];
	for (uint32_t i = 0; i < n; i++) tmp[i] = a->items->v[i] == RT_HOLE ? RT_UNDEF : a->items->v[i];
	return rt_construct(f, (int)n, tmp);
}

/* ---- Function.prototype ---- */
static rt_value bound_code(rt_function *self, rt_value this_, int argc, const rt_value *argv) {
	(void)this_;
	rt_valbuf *b = (rt_valbuf *)rt_ptr(self->bound);
	uint32_t nb = b->cap - 2;
	rt_value args[nb + (uint32_t)argc + 1];
	for (uint32_t i = 0; i < nb; i++) args[i] = b->v[2 + i];
	for (int i = 0; i < argc; i++) args[nb + (uint32_t)i] = argv[i];
	return rt_call(b->v[0], b->v[1], (int)nb + argc, args);
}

static rt_value fn_bind(rt_function *self, rt_value this_, int argc, const rt_value *argv) {
	(void)self;
	if (!rt_is_func(this_)) rt_throw_type("Bind must be called on a function");
	uint32_t nb = argc > 1 ? (uint32_t)argc - 1 : 0;
	rt_valbuf *b = (rt_valbuf *)rt_alloc(sizeof(rt_valbuf) + (size_t)(nb + 2) * 8, RT_T_VALBUF);
	b->cap = nb + 2;
	b->v[0] = this_;
	b->v[1] = rt_arg(argc, argv, 0);
	for (uint32_t i = 0; i < nb; i++) b->v[2 + i] = argv[1 + i];
	rt_function *t = (rt_function *)rt_ptr(this_);
	rt_value f = rt_func_new(bound_code, 0, t->length > nb ? t->length - nb : 0, 0);
	rt_function *fp = (rt_function *)rt_ptr(f);
	fp->bound = rt_box_ptr(b);
	fp->name = rt_concat(rt_str_c("bound "), rt_func_name(t));
	return f;
}

static rt_value fn_call(rt_function *self, rt_value this_, int argc, const rt_value *argv) {
	(void)self;
	return rt_call(this_, rt_arg(argc, argv, 0), argc > 0 ? argc - 1 : 0, argv + (argc > 0));
}

static rt_value fn_apply(rt_function *self, rt_value this_, int argc, const rt_value *argv) {
	(void)self;
	rt_value args = rt_arg(argc, argv, 1);
	if (rt_is_nullish(args)) return rt_call(this_, rt_arg(argc, argv, 0), 0, 0);
	return rt_call_spread(this_, rt_arg(argc, argv, 0), rt_array_from_iterable(args));
}

static rt_value fn_tostring(rt_function *self, rt_value this_, int argc, const rt_value *argv) {
	(void)self; (void)argc; (void)argv;
	rt_function *f = (rt_function *)rt_ptr(this_);
	return rt_concat(rt_concat(rt_str_c("function "), rt_func_name(f)), rt_str_c("() { [native code] }"));
}

void rt_init_functions(void) {
	static const rt_fndef methods1[] = {
		{"bind", fn_bind, 1}, {"call", fn_call, 1}, {"apply", fn_apply, 2}, {"toString", fn_tostring, 0},
	};
	RT_METHODS(rt_proto_function, methods1);
}
