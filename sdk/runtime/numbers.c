/*
 * Number, Boolean and Math (the Math object for uses as values; direct calls are inlined by the
 * compiler through rt/rtx.h and sdk/base math.h).
 */
#include "internal.h"
#include <rt/rtx.h>

#define NATIVE(n) static rt_value n(rt_function *self, rt_value this_, int argc, const rt_value *argv)

static double this_num(rt_value v) {
	if (rt_is_num(v)) return rt_dbl(v);
	rt_throw_type("Number.prototype method called on a non-number");
}

NATIVE(n_tostring) {
	double d = this_num(this_);
	rt_value r = rt_arg(argc, argv, 0);
	if (r == RT_UNDEF || (rt_is_num(r) && rt_dbl(r) == 10)) return rt_num_to_str(d);
	double radix = rt_to_integer(rt_tonum(r));
	if (radix < 2 || radix > 36) rt_throw_range("toString() radix must be between 2 and 36");
	char buf[RT_DTOA_RADIX_BUF];
	size_t n = rt_dtoa_radix(d, (int)radix, buf);
	return rt_str_from_utf8(buf, n);
}
/* toFixed for the common case, exactly (64-bit targets): |d| = m * 2^e with -64 < e < 0 and
 * m * 10^f below 2^64 gives n = round-half-up(|d| * 10^f) by integer arithmetic; otherwise 0
 * (the caller then uses rt_dtoa_fixed's exact big-number digits) */
static size_t fixed_fast(double d, int f, char *out) {
#if UINTPTR_MAX > 0xffffffffu
	uint64_t bits = dbl_bits(d);
	int exp = (int)(bits >> 52 & 0x7ff), e = exp - 1075;
	if (f > 19 || exp == 0 || e >= 0 || e <= -64) return 0;
	uint64_t m = (bits & ((1ull << 52) - 1)) | 1ull << 52, p = 1, q;
	for (int i = 0; i < f; i++) p *= 10;
	if (__builtin_mul_overflow(m, p, &q)) return 0;
	uint64_t n = q >> -e;
	if ((q & ((1ull << -e) - 1)) >= 1ull << (-e - 1)) n++;
	char dig[24];
	int nd = 0;
	do dig[nd++] = (char)('0' + n % 10); while ((n /= 10) != 0);
	while (nd < f + 1) dig[nd++] = '0';
	size_t at = 0;
	if (d < 0) out[at++] = '-';
	while (nd > f) out[at++] = dig[--nd];
	if (f) out[at++] = '.';
	while (nd > 0) out[at++] = dig[--nd];
	out[at] = 0;
	return at;
#else
	(void)d; (void)f; (void)out;
	return 0;
#endif
}

NATIVE(n_tofixed) {
	double d = this_num(this_);
	double digits = rt_to_integer(rt_arg_num(argc, argv, 0, 0));
	if (digits < 0 || digits > 100) rt_throw_range("toFixed() digits argument must be between 0 and 100");
	if (!(d == d) || d >= 1e21 || d <= -1e21) return rt_num_to_str(d);
	char buf[RT_NUMCONV_BUF];
	size_t n = fixed_fast(d, (int)digits, buf);
	if (!n) n = rt_dtoa_fixed(d, (int)digits, buf);
	return rt_str_from_utf8(buf, n);
}
NATIVE(n_toprecision) {
	double d = this_num(this_);
	if (argc == 0 || argv[0] == RT_UNDEF) return rt_num_to_str(d);
	double p = rt_to_integer(rt_tonum(argv[0]));
	if (!(d == d) || d - d != 0) return rt_num_to_str(d);
	if (p < 1 || p > 100) rt_throw_range("toPrecision() argument must be between 1 and 100");
	char buf[RT_NUMCONV_BUF];
	size_t n = rt_dtoa_precision(d, (int)p, buf);
	return rt_str_from_utf8(buf, n);
}
NATIVE(n_toexponential) {
	double d = this_num(this_);
	int digits = -1;
	if (argc > 0 && argv[0] != RT_UNDEF) {
		double p = rt_to_integer(rt_tonum(argv[0]));
		if (!(d == d) || d - d != 0) return rt_num_to_str(d);
		if (p < 0 || p > 100) rt_throw_range("toExponential() argument must be between 0 and 100");
		digits = (int)p;
	}
	if (!(d == d) || d - d != 0) return rt_num_to_str(d);
	char buf[RT_NUMCONV_BUF];
	size_t n = rt_dtoa_exponential(d, digits, buf);
	return rt_str_from_utf8(buf, n);
}
NATIVE(n_valueof) { return rt_num(this_num(this_)); }

NATIVE(num_ctor) { return argc ? rt_num(rt_tonum(argv[0])) : rt_num(0); }
NATIVE(num_isinteger) {
	rt_value v = rt_arg(argc, argv, 0);
	if (!rt_is_num(v)) return RT_FALSE;
	double d = rt_dbl(v);
	return rt_bool(d == d && d - d == 0 && trunc(d) == d);
}
NATIVE(num_issafe) {
	rt_value v = rt_arg(argc, argv, 0);
	if (!rt_is_num(v)) return RT_FALSE;
	double d = rt_dbl(v);
	return rt_bool(d == d && trunc(d) == d && fabs(d) <= 9007199254740991.0);
}
NATIVE(num_isfinite) {
	rt_value v = rt_arg(argc, argv, 0);
	return rt_bool(rt_is_num(v) && rt_dbl(v) - rt_dbl(v) == 0);
}
NATIVE(num_isnan) {
	rt_value v = rt_arg(argc, argv, 0);
	return rt_bool(rt_is_num(v) && rt_dbl(v) != rt_dbl(v));
}

NATIVE(b_tostring) { return rt_str_c(this_ == RT_TRUE ? "true" : "false"); }
NATIVE(b_valueof) { return this_; }
NATIVE(bool_ctor) { return rt_bool(argc && rt_truthy(argv[0])); }

/* ---- Math as an object ---- */
#define M1(name, expr) NATIVE(m_##name) { double x = rt_arg_num(argc, argv, 0, __builtin_nan("")); return rt_num(expr); }
M1(floor, floor(x)) M1(ceil, ceil(x)) M1(trunc, trunc(x)) M1(sqrt, sqrt(x)) M1(abs, fabs(x)) M1(sin, sin(x))
M1(cos, cos(x)) M1(tan, tan(x)) M1(asin, asin(x)) M1(acos, acos(x)) M1(atan, atan(x)) M1(exp, exp(x))
M1(log, log(x)) M1(log2, log2(x)) M1(log10, log10(x)) M1(round, rt_round(x)) M1(sign, rt_sign(x))
M1(cbrt, cbrt(x)) M1(log1p, log1p(x)) M1(expm1, expm1(x)) M1(sinh, sinh(x)) M1(cosh, cosh(x)) M1(tanh, tanh(x))
M1(asinh, asinh(x)) M1(acosh, acosh(x)) M1(atanh, atanh(x)) M1(fround, rt_fround(x)) M1(clz32, rt_clz32(x))
NATIVE(m_pow) { return rt_num(rt_pow(rt_arg_num(argc, argv, 0, __builtin_nan("")), rt_arg_num(argc, argv, 1, __builtin_nan("")))); }
NATIVE(m_atan2) { return rt_num(atan2(rt_arg_num(argc, argv, 0, __builtin_nan("")), rt_arg_num(argc, argv, 1, __builtin_nan("")))); }
NATIVE(m_imul) { return rt_num(rt_imul(rt_arg_num(argc, argv, 0, 0), rt_arg_num(argc, argv, 1, 0))); }
NATIVE(m_hypot) {
	double s = 0;
	int inf = 0, nan = 0;
	for (int i = 0; i < argc; i++) {
		double x = rt_tonum(argv[i]);
		if (x - x != 0 && x == x) inf = 1;
		if (x != x) nan = 1;
		s += x * x;
	}
	if (inf) return rt_num(__builtin_inf());
	if (nan) return rt_num(__builtin_nan(""));
	return rt_num(argc == 2 ? hypot(rt_tonum(argv[0]), rt_tonum(argv[1])) : sqrt(s));
}
NATIVE(m_max) {
	double r = -__builtin_inf();
	for (int i = 0; i < argc; i++) r = rt_max(r, rt_tonum(argv[i]));
	return rt_num(r);
}
NATIVE(m_min) {
	double r = __builtin_inf();
	for (int i = 0; i < argc; i++) r = rt_min(r, rt_tonum(argv[i]));
	return rt_num(r);
}
NATIVE(m_random) { return rt_num(rt_random()); }

/* Number; parse_float and parse_int: the global functions, also Number's */
void rt_init_numbers(rt_value parse_float, rt_value parse_int) {
	rt_value p = rt_proto_number;
	static const rt_fndef methods1[] = {
		{"toString", n_tostring, 1}, {"toFixed", n_tofixed, 1}, {"toPrecision", n_toprecision, 1},
		{"toExponential", n_toexponential, 1}, {"toLocaleString", n_tostring, 0}, {"valueOf", n_valueof, 0},
	};
	static const rt_fndef methods2[] = {
		{"isInteger", num_isinteger, 1}, {"isSafeInteger", num_issafe, 1}, {"isFinite", num_isfinite, 1},
		{"isNaN", num_isnan, 1},
	};
	rt_value c = RT_CLASS("Number", num_ctor, 1, p, methods1, methods2);
	/* then the global parseFloat and parseInt (the same functions) and the constants, in one step */
	static const rt_numdef number_constants[] = {
		{"MAX_SAFE_INTEGER", 9007199254740991.0}, {"MIN_SAFE_INTEGER", -9007199254740991.0},
		{"EPSILON", 2.220446049250313e-16}, {"MAX_VALUE", 1.7976931348623157e308}, {"MIN_VALUE", 4.9406564584124654e-324},
		{"POSITIVE_INFINITY", __builtin_inf()}, {"NEGATIVE_INFINITY", -__builtin_inf()}, {"NaN", __builtin_nan("")},
	};
	enum { NC = sizeof number_constants / sizeof number_constants[0] };
	rt_string *keys[NC + 2];
	rt_value vals[NC + 2];
	keys[0] = rt_atom_c("parseFloat"), vals[0] = parse_float;
	keys[1] = rt_atom_c("parseInt"), vals[1] = parse_int;
	for (size_t i = 0; i < NC; i++) keys[2 + i] = rt_atom_c(number_constants[i].name), vals[2 + i] = rt_num(number_constants[i].value);
	rt_define_all(c, keys, vals, NC + 2);
}

void rt_init_booleans(void) {
	static const rt_fndef methods[] = {
		{"toString", b_tostring, 0}, {"valueOf", b_valueof, 0},
	};
	rt_builtin_class("Boolean", bool_ctor, 1, rt_proto_boolean, methods, sizeof methods / sizeof methods[0], 0, 0);
}

void rt_init_math(void) {
	rt_value m = rt_obj_new(rt_proto_object);
#define MM(n, len) {#n, m_##n, len}
	static const rt_fndef math[] = {
		MM(floor, 1), MM(ceil, 1), MM(trunc, 1), MM(sqrt, 1), MM(abs, 1), MM(sin, 1), MM(cos, 1), MM(tan, 1),
		MM(asin, 1), MM(acos, 1), MM(atan, 1), MM(exp, 1), MM(log, 1), MM(log2, 1), MM(log10, 1), MM(round, 1),
		MM(sign, 1), MM(cbrt, 1), MM(log1p, 1), MM(expm1, 1), MM(sinh, 1), MM(cosh, 1), MM(tanh, 1), MM(asinh, 1),
		MM(acosh, 1), MM(atanh, 1), MM(fround, 1), MM(clz32, 1), MM(pow, 2), MM(atan2, 2), MM(imul, 2),
		MM(hypot, 2), MM(max, 2), MM(min, 2), MM(random, 0),
	};
#undef MM
	RT_METHODS(m, math);
	static const rt_numdef math_constants[] = {
		{"PI", 3.141592653589793}, {"E", 2.718281828459045}, {"LN2", 0.6931471805599453}, {"LN10", 2.302585092994046},
		{"LOG2E", 1.4426950408889634}, {"LOG10E", 0.4342944819032518}, {"SQRT2", 1.4142135623730951},
		{"SQRT1_2", 0.7071067811865476},
	};
	RT_CONSTANTS(m, math_constants);
	rt_define(rt_global_obj, rt_atom_c("Math"), m, 0);
}
