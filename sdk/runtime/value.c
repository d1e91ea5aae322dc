/*
 * Generic operations on values: conversions, equality, the + operator, typeof, exceptions.
 */
#include "internal.h"
#include <math.h>

rt_value rt_empty_str;
rt_handler *rt_cur_handler;
rt_value rt_exc;

int rt_truthy_slow(rt_value v) {
	if (rt_is_str(v)) return rt_str_len(v) != 0;
	return 1; /* objects */
}

static rt_value to_primitive(rt_value v, int hint_string);

double rt_to_number_slow(rt_value v) {
	if (v == RT_UNDEF) return __builtin_nan("");
	if (v == RT_NULL || v == RT_FALSE) return 0;
	if (v == RT_TRUE) return 1;
	if (rt_is_str(v)) return rt_str_to_num(v);
	if (rt_is_obj(v)) return rt_tonum(to_primitive(v, 0));
	return __builtin_nan("");
}

double rt_fmod_slow(double a, double b) { return fmod(a, b); }

static rt_value call_method_if(rt_value o, const char *name, int *ok) {
	rt_value f = rt_get(o, rt_atom_c(name));
	if (rt_is_func(f)) {
		rt_value r = rt_call(f, o, 0, 0);
		if (!rt_is_obj(r)) { *ok = 1; return r; }
	}
	*ok = 0;
	return RT_UNDEF;
}

static rt_value to_primitive(rt_value v, int hint_string) {
	int ok;
	rt_value r = call_method_if(v, hint_string ? "toString" : "valueOf", &ok);
	if (ok) return r;
	r = call_method_if(v, hint_string ? "valueOf" : "toString", &ok);
	if (ok) return r;
	rt_throw_type("Cannot convert object to primitive value");
}

rt_value rt_tostring(rt_value v) {
	if (rt_is_str(v)) return v;
	if (rt_is_num(v)) return rt_num_to_str(rt_dbl(v));
	if (v == RT_UNDEF) return rt_str_c("undefined");
	if (v == RT_NULL) return rt_str_c("null");
	if (v == RT_TRUE) return rt_str_c("true");
	if (v == RT_FALSE) return rt_str_c("false");
	if (rt_is_obj(v)) {
		rt_object *o = (rt_object *)rt_ptr(v);
		if (o->h.flags & RT_F_SYMBOL) rt_throw_type("Cannot convert a Symbol value to a string");
		return rt_tostring(to_primitive(v, 1));
	}
	return rt_str_c("?");
}

rt_value rt_add(rt_value a, rt_value b) {
	if (rt_is_num(a) && rt_is_num(b)) return rt_num(rt_dbl(a) + rt_dbl(b));
	if (rt_is_obj(a)) a = to_primitive(a, 0);
	if (rt_is_obj(b)) b = to_primitive(b, 0);
	if (rt_is_str(a) || rt_is_str(b)) return rt_concat(rt_tostring(a), rt_tostring(b));
	return rt_num(rt_tonum(a) + rt_tonum(b));
}

int rt_strict_eq(rt_value a, rt_value b) {
	if (rt_is_num(a) && rt_is_num(b)) return rt_dbl(a) == rt_dbl(b);
	if (a == b) return 1;
	if (rt_is_str(a) && rt_is_str(b)) return rt_str_eq(a, b);
	return 0;
}

int rt_loose_eq(rt_value a, rt_value b) {
	if (rt_is_nullish(a)) return rt_is_nullish(b);
	if (rt_is_nullish(b)) return 0;
	if (rt_is_num(a) && rt_is_num(b)) return rt_dbl(a) == rt_dbl(b);
	if (rt_is_str(a) && rt_is_str(b)) return rt_str_eq(a, b);
	if (rt_is_obj(a) && rt_is_obj(b)) return a == b;
	if (rt_is_bool(a)) return rt_loose_eq(rt_num(a == RT_TRUE), b);
	if (rt_is_bool(b)) return rt_loose_eq(a, rt_num(b == RT_TRUE));
	if (rt_is_obj(a)) return rt_loose_eq(to_primitive(a, 0), b);
	if (rt_is_obj(b)) return rt_loose_eq(a, to_primitive(b, 0));
	return rt_tonum(a) == rt_tonum(b);
}

int rt_less(rt_value a, rt_value b, int or_equal) {
	if (rt_is_obj(a)) a = to_primitive(a, 0);
	if (rt_is_obj(b)) b = to_primitive(b, 0);
	if (rt_is_str(a) && rt_is_str(b)) {
		int c = rt_str_cmp(a, b);
		return or_equal ? c <= 0 : c < 0;
	}
	double x = rt_tonum(a), y = rt_tonum(b);
	return or_equal ? x <= y : x < y;
}

rt_value rt_typeof(rt_value v) {
	const char *t;
	if (rt_is_num(v)) t = "number";
	else if (v == RT_UNDEF) t = "undefined";
	else if (v == RT_NULL) t = "object";
	else if (rt_is_bool(v)) t = "boolean";
	else if (rt_is_str(v)) t = "string";
	else if (rt_is_func(v)) t = "function";
	else if (rt_is_obj(v) && (((rt_hdr *)rt_ptr(v))->flags & RT_F_SYMBOL)) t = "symbol";
	else t = "object";
	return rt_box_ptr(rt_atom_c(t));
}

double rt_to_integer(double d) {
	if (d > -9e18 && d < 9e18) return (double)(int64_t)d; /* trunc, and -0 -> +0 */
	if (d != d) return 0;
	if (__builtin_isinf(d)) return d;
	return trunc(d) + 0.0;
}

/* ---- exceptions ---- */
void rt_throw(rt_value v) {
	rt_exc = v;
	if (!rt_cur_handler) {
		rt_report_uncaught(v);
		rt_out_flush();
		rt_sys_exit(1);
	}
	rt_handler *h = rt_cur_handler;
	rt_cur_handler = h->prev;
	__builtin_longjmp(h->jb, 1);
}

rt_value rt_error_new(const char *ctor, const char *msg) {
	rt_value c = rt_obj_get_c(rt_global_obj, ctor);
	rt_value m = rt_str_c(msg);
	return rt_construct(c, 1, &m);
}

void rt_throw_errv(const char *ctor, rt_value msg) {
	rt_value c = rt_obj_get_c(rt_global_obj, ctor);
	rt_throw(rt_construct(c, 1, &msg));
}
void rt_throw_type(const char *msg) { rt_throw(rt_error_new("TypeError", msg)); }
void rt_throw_range(const char *msg) { rt_throw(rt_error_new("RangeError", msg)); }

void rt_check_stack(void) {
	char probe;
	rt_stack_limit_fix();
	if (&probe < rt_stack_limit) {
		char *saved = rt_stack_limit;
		rt_stack_limit -= 32 * 1024; /* room to build the error */
		rt_value e = rt_error_new("RangeError", "Maximum call stack size exceeded");
		rt_stack_limit = saved;
		rt_throw(e);
	}
}

/* ---- small formatting helper (%s %d %u only) ---- */
void rt_fmt(char *buf, size_t n, const char *fmt, ...) {
	va_list ap;
	va_start(ap, fmt);
	size_t k = 0;
	for (const char *p = fmt; *p && k + 1 < n; p++) {
		if (*p != '%') { buf[k++] = *p; continue; }
		p++;
		char tmp[24];
		const char *s = tmp;
		if (*p == 's') s = va_arg(ap, const char *);
		else if (*p == 'd' || *p == 'u') {
			long long v = *p == 'd' ? (long long)va_arg(ap, int) : (long long)va_arg(ap, unsigned);
			int neg = v < 0;
			unsigned long long u = neg ? (unsigned long long)-v : (unsigned long long)v;
			int i = 23;
			tmp[i] = 0;
			do { tmp[--i] = (char)('0' + u % 10); u /= 10; } while (u);
			if (neg) tmp[--i] = '-';
			s = tmp + i;
		} else { tmp[0] = *p; tmp[1] = 0; }
		while (*s && k + 1 < n) buf[k++] = *s++;
	}
	buf[k] = 0;
	va_end(ap);
}

void rt_panic(const char *msg) {
	rt_out_flush();
	rt_sys_panic(msg);
}

/* ---- argument helpers for natives ---- */
rt_value rt_arg(int argc, const rt_value *argv, int i) { return i < argc ? argv[i] : RT_UNDEF; }
double rt_arg_num(int argc, const rt_value *argv, int i, double dflt) {
	return i < argc && argv[i] != RT_UNDEF ? rt_tonum(argv[i]) : dflt;
}
rt_value rt_arg_str(int argc, const rt_value *argv, int i) { return rt_tostring(rt_arg(argc, argv, i)); }
rt_value rt_rest(int argc, const rt_value *argv, int from) {
	if (from >= argc) return rt_array_new(0, 0);
	return rt_array_of(argc - from, argv + from);
}
rt_value rt_new_cell(rt_value v) {
	rt_cell *c = (rt_cell *)rt_alloc(sizeof(rt_cell), RT_T_CELL);
	c->v = v;
	return rt_box_ptr(c);
}
