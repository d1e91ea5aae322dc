/*
 * rt/numconv.h — number <-> text conversions with exactly JavaScript's (V8's) results.
 *
 * Freestanding C11: uses only the compiler's stddef.h/stdint.h, no libc and no libm.
 * Portable to 32-bit targets (soft-float double is fine: every double operation used
 * here is a single correctly rounded IEEE operation).
 *
 * Printing (each writes a NUL-terminated ASCII string into `out` and returns its length):
 *   rt_dtoa              Number.prototype.toString()          out >= RT_NUMCONV_BUF bytes
 *   rt_dtoa_fixed        Number.prototype.toFixed(0..100)     out >= RT_NUMCONV_BUF bytes
 *   rt_dtoa_precision    Number.prototype.toPrecision(1..100) out >= RT_NUMCONV_BUF bytes
 *   rt_dtoa_exponential  Number.prototype.toExponential(0..100, or -1 = argument absent)
 *   rt_dtoa_radix        Number.prototype.toString(2..36)     out >= RT_DTOA_RADIX_BUF bytes
 * The caller has already range-checked digits/radix (the RangeError is the runtime's job).
 *
 * Parsing:
 *   rt_strtod            correctly rounded decimal literal prefix (8-bit chars)
 *   rt_string_to_number  ToNumber(string)      (UTF-16)
 *   rt_parse_float       parseFloat(string)    (UTF-16)
 *   rt_parse_int         parseInt(string, radix) (UTF-16; radix 0 = absent/undefined,
 *                        otherwise the caller passes ToInt32(radix))
 *   rt_toint32, rt_touint32  ToInt32 / ToUint32 (inline fast path, modular slow path)
 *
 * Algorithms: shortest digits by exact big-integer free-format generation (Steele & White /
 * Burger & Dybvig, boundaries included when the significand is even, ties to the even
 * digit); toFixed/toPrecision/toExponential round the exact decimal expansion of the binary
 * value half-up (as the spec and V8 do); decimal parsing uses an exact double fast path
 * (<= 15 digits, |exp| <= 22) and otherwise exact big-integer division with round-half-even
 * (subnormals included, digits beyond 800 folded into a sticky digit); toString(radix)
 * reproduces the semantics of V8's DoubleToRadixCString (fraction digits up to half the
 * gap to the next double, round-half-even on the last digit); parseInt with radix
 * 2/4/8/16/32 rounds the exact value, radix 10 rounds the decimal digits correctly, other
 * radixes accumulate 32-bit chunks in doubles as V8 does.
 *
 * Stack use: the big-integer routines use about 2 KB of stack (three 516-byte numbers plus
 * digit buffers); nothing is allocated and nothing is global, so all of this is reentrant.
 */
#ifndef RT_NUMCONV_H
#define RT_NUMCONV_H

#include <stddef.h>
#include <stdint.h>

#define RT_NUMCONV_BUF 128     /* toString/toFixed/toPrecision/toExponential output */
#define RT_DTOA_RADIX_BUF 2200 /* toString(radix) output (radix 2: ~1100 + ~1080 chars) */

size_t rt_dtoa(double v, char *out);
size_t rt_dtoa_fixed(double v, int digits, char *out);
size_t rt_dtoa_precision(double v, int precision, char *out);
size_t rt_dtoa_exponential(double v, int digits, char *out);
size_t rt_dtoa_radix(double v, int radix, char *out);

/* Parses the longest prefix of s[0..len) of the form [+-](Infinity | digits[.digits][e[+-]digits]
 * | .digits[e[+-]digits]) — the StrDecimalLiteral of ECMA-262, without white space — and returns
 * it correctly rounded. *consumed (may be NULL) receives the prefix length; 0 means no number
 * was found and NaN is returned. */
double rt_strtod(const char *s, size_t len, size_t *consumed);

double rt_string_to_number(const uint16_t *s, size_t len);
double rt_parse_float(const uint16_t *s, size_t len);
double rt_parse_int(const uint16_t *s, size_t len, int radix);

/* JS white space and line terminators (WhiteSpace + LineTerminator), as trimmed by
 * StringToNumber, parseInt, parseFloat and String.prototype.trim. */
int rt_is_js_space(uint32_t c);

uint32_t rt_touint32_slow(double v);

static inline uint32_t rt_touint32(double v)
{
    if (v >= 0.0 && v < 4294967296.0)
        return (uint32_t)v; /* truncation is exact modular result in range */
    if (v > -2147483649.0 && v < 0.0)
        return (uint32_t)(int32_t)v;
    return rt_touint32_slow(v);
}

static inline int32_t rt_toint32(double v)
{
    if (v > -2147483649.0 && v < 2147483648.0) /* NaN fails both comparisons */
        return (int32_t)v;
    return (int32_t)rt_touint32_slow(v);
}

#endif
