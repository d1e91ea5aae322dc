/*
 * rt/rtx.h: small helpers used by generated code (inline arithmetic with JS semantics and the
 * entry points behind a few language constructs). Included after rt/rt.h.
 */
#ifndef RT_RTX_H
#define RT_RTX_H
#include <rt/rt.h>
#include <math.h>

static inline int rt_dtruthy(double d) { return d == d && d != 0; }
static inline double rt_trunc(double x) { return trunc(x); }
static inline double rt_round(double x) {
	if (!(x == x) || x - x != 0) return x; /* NaN, infinities */
	double r = floor(x);
	if (x - r >= 0.5) r += 1;
	if (r == 0 && (x < 0 || (x == 0 && 1 / x < 0))) return -0.0;
	return r;
}
static inline double rt_sign(double x) { return x > 0 ? 1 : x < 0 ? -1 : x; }
static inline double rt_fround(double x) { return (double)(float)x; }
static inline double rt_clz32(double x) { uint32_t u = rt_u32(x); return u ? __builtin_clz(u) : 32; }
static inline double rt_imul(double a, double b) { return (double)(int32_t)(rt_u32(a) * rt_u32(b)); }
static inline double rt_max(double a, double b) {
	if (a != a || b != b) return __builtin_nan("");
	if (a == 0 && b == 0) return (1 / a < 0) ? b : a;
	return a > b ? a : b;
}
static inline double rt_min(double a, double b) {
	if (a != a || b != b) return __builtin_nan("");
	if (a == 0 && b == 0) return (1 / a < 0) ? a : b;
	return a < b ? a : b;
}
double rt_pow(double a, double b);
double rt_random(void);

rt_value rt_atom_utf8_v(const char *s, size_t n);
static inline rt_string *rt_atom_utf8(const char *s, size_t n) { return rt_atom(rt_str_from_utf8(s, n)); }
rt_value rt_global(rt_string *name);
rt_string *rt_to_key(rt_value k);
rt_string *rt_atom_index_or_str(double d);
rt_value rt_obj_rest(rt_value src, rt_value exclude_keys);
rt_value rt_array_slice_from(rt_value a, double from);
void rt_array_push_hole(rt_value a);
int rt_forin_live(rt_value o, rt_value key);
rt_value rt_call_ctor(rt_value f, rt_value this_, int argc, const rt_value *argv);
rt_value rt_call_ctor_spread(rt_value f, rt_value this_, rt_value args);
rt_value rt_array_from_iterable(rt_value v);
void rt_throw_tdz(rt_string *name) __attribute__((noreturn));
static inline rt_value rt_tdz(rt_value v, rt_string *name) {
	if (__builtin_expect(v == RT_HOLE, 0)) rt_throw_tdz(name);
	return v;
}
#endif
