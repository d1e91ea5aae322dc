/*
 * numconv.c — JavaScript number <-> string conversions. See rt/numconv.h for the contract
 * and the algorithms; everything here is exact integer arithmetic on a small big-integer
 * type, plus single IEEE double operations where V8 itself uses doubles (toString(radix),
 * parseInt with odd radixes).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dbits.h"
#include "rt/numconv.h"

/* ---------------------------------------------------------------- doubles as bits */

#define FRAC_MASK ((UINT64_C(1) << 52) - 1)
#define HIDDEN (UINT64_C(1) << 52)

/* |v| = f * 2^e for finite nonzero v (f includes the hidden bit). */
static void decompose(double v, uint64_t *f, int *e)
{
    uint64_t b = dbl_bits(v);
    int be = (int)((b >> 52) & 0x7ff);
    if (be == 0) {
        *f = b & FRAC_MASK;
        *e = -1074;
    } else {
        *f = (b & FRAC_MASK) | HIDDEN;
        *e = be - 1075;
    }
}

/* ---------------------------------------------------------------- big integers */

/* Unsigned integers of up to 4096 bits, little-endian 32-bit limbs. The largest number
 * needed is in rt_strtod: 10^(324+801) shifted by 64 bits (< 3820 bits). */
#define BN_LIMBS 128

typedef struct {
    int n; /* limbs in use; d[n-1] != 0 unless n == 0 */
    uint32_t d[BN_LIMBS];
} bn;

static void bn_set(bn *a, uint64_t v)
{
    a->d[0] = (uint32_t)v;
    a->d[1] = (uint32_t)(v >> 32);
    a->n = a->d[1] ? 2 : a->d[0] ? 1 : 0;
}

static void bn_copy(bn *dst, const bn *src)
{
    dst->n = src->n;
    for (int i = 0; i < src->n; i++)
        dst->d[i] = src->d[i];
}

/* a = a * m + add */
static void bn_muladd(bn *a, uint32_t m, uint32_t add)
{
    uint64_t c = add;
    for (int i = 0; i < a->n; i++) {
        c += (uint64_t)a->d[i] * m;
        a->d[i] = (uint32_t)c;
        c >>= 32;
    }
    if (c)
        a->d[a->n++] = (uint32_t)c;
}

static void bn_mul_pow10(bn *a, int k)
{
    static const uint32_t p10[10] = {1,      10,      100,      1000,      10000,
                                     100000, 1000000, 10000000, 100000000, 1000000000};
    for (; k >= 9; k -= 9)
        bn_muladd(a, 1000000000u, 0);
    if (k)
        bn_muladd(a, p10[k], 0);
}

static void bn_mul_pow5(bn *a, int k)
{
    uint32_t p = 1;
    for (; k >= 13; k -= 13)
        bn_muladd(a, 1220703125u, 0); /* 5^13 */
    while (k-- > 0)
        p *= 5;
    if (p != 1)
        bn_muladd(a, p, 0);
}

static void bn_shl(bn *a, int s)
{
    if (a->n == 0 || s == 0)
        return;
    int w = s / 32, b = s % 32;
    int n = a->n;
    if (b) {
        a->d[n] = 0;
        for (int i = n; i > 0; i--)
            a->d[i] = (a->d[i] << b) | (a->d[i - 1] >> (32 - b));
        a->d[0] <<= b;
        n += (a->d[n] != 0);
    }
    if (w) {
        for (int i = n - 1; i >= 0; i--)
            a->d[i + w] = a->d[i];
        for (int i = 0; i < w; i++)
            a->d[i] = 0;
        n += w;
    }
    a->n = n;
}

static void bn_shr1(bn *a)
{
    for (int i = 0; i < a->n; i++)
        a->d[i] = (a->d[i] >> 1) | (i + 1 < a->n ? a->d[i + 1] << 31 : 0);
    if (a->n && a->d[a->n - 1] == 0)
        a->n--;
}

static int bn_cmp(const bn *a, const bn *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

/* a -= b, requires a >= b */
static void bn_sub(bn *a, const bn *b)
{
    int64_t c = 0;
    for (int i = 0; i < a->n; i++) {
        c += (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0);
        a->d[i] = (uint32_t)c;
        c >>= 32; /* arithmetic shift: 0 or -1 */
    }
    while (a->n && a->d[a->n - 1] == 0)
        a->n--;
}

/* r = a + b */
static void bn_add(bn *r, const bn *a, const bn *b)
{
    const bn *l = a->n >= b->n ? a : b, *s = a->n >= b->n ? b : a;
    uint64_t c = 0;
    int i;
    for (i = 0; i < l->n; i++) {
        c += (uint64_t)l->d[i] + (i < s->n ? s->d[i] : 0);
        r->d[i] = (uint32_t)c;
        c >>= 32;
    }
    r->n = l->n;
    if (c)
        r->d[r->n++] = (uint32_t)c;
}

/* a /= d, returns the remainder */
static uint32_t bn_divmod_small(bn *a, uint32_t d)
{
    uint64_t r = 0;
    for (int i = a->n - 1; i >= 0; i--) {
        r = (r << 32) | a->d[i];
        a->d[i] = (uint32_t)(r / d);
        r %= d;
    }
    while (a->n && a->d[a->n - 1] == 0)
        a->n--;
    return (uint32_t)r;
}

static int bn_bitlen(const bn *a)
{
    if (a->n == 0)
        return 0;
    uint32_t top = a->d[a->n - 1];
    int b = 0;
    while (top) {
        b++;
        top >>= 1;
    }
    return (a->n - 1) * 32 + b;
}

/* Decimal digits of a (destroyed) into buf; returns the count (0 for a == 0). */
static int bn_to_decimal(bn *a, char *buf, int cap)
{
    char tmp[9];
    int n = cap;
    while (a->n) {
        uint32_t r = bn_divmod_small(a, 1000000000u);
        for (int i = 8; i >= 0; i--) {
            tmp[i] = (char)('0' + r % 10);
            r /= 10;
        }
        for (int i = 8; i >= 0; i--)
            buf[--n] = tmp[i];
    }
    int s = n;
    while (s < cap && buf[s] == '0')
        s++;
    int len = cap - s;
    for (int i = 0; i < len; i++)
        buf[i] = buf[s + i];
    return len;
}

/* ---------------------------------------------------------------- small output helpers */

static size_t put_str(char *out, size_t at, const char *s)
{
    while (*s)
        out[at++] = *s++;
    return at;
}

static size_t put_int(char *out, size_t at, unsigned v)
{
    char t[12];
    int n = 0;
    do {
        t[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        out[at++] = t[--n];
    return at;
}

static size_t put_zeros(char *out, size_t at, int n)
{
    while (n-- > 0)
        out[at++] = '0';
    return at;
}

/* Non-finite values and the sign; returns true if the whole output was produced. */
static bool special(double v, char *out, size_t *len)
{
    if (v != v) {
        *len = put_str(out, 0, "NaN");
    } else if (v == __builtin_inf()) {
        *len = put_str(out, 0, "Infinity");
    } else if (v == -__builtin_inf()) {
        *len = put_str(out, 0, "-Infinity");
    } else {
        return false;
    }
    out[*len] = 0;
    return true;
}

/* ---------------------------------------------------------------- shortest digits */

static int floor_div(int a, int b) /* b > 0 */
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Shortest digits that read back as v (finite, > 0): v ~ 0.DIGITS * 10^point.
 * Returns the number of digits written to d (at most 17). */
static int shortest_digits(double v, char *d, int *point)
{
    uint64_t f;
    int e;
    decompose(v, &f, &e);
    bool even = (f & 1) == 0;

    /* Integers below 2^53: the shortest digits are the integer's own. */
    if (e <= 0 && e > -53 && (f & ((UINT64_C(1) << -e) - 1)) == 0) {
        uint64_t i = f >> -e;
        char t[20];
        int n = 0;
        while (i) {
            t[n++] = (char)('0' + i % 10);
            i /= 10;
        }
        *point = n;
        int z = 0;
        while (t[z] == '0')
            z++;
        int k = 0;
        for (int j = n - 1; j >= z; j--)
            d[k++] = t[j];
        return k;
    }

    /* v = r/s, the rounding interval is (v - mm/s, v + mp/s), all scaled by 2. */
    bn r, s, mp, mm, t;
    bool unequal = f == HIDDEN && e > -1074; /* lower neighbour is closer */
    if (e >= 0) {
        bn_set(&r, f);
        bn_shl(&r, e + 1 + unequal);
        bn_set(&s, 2u << unequal);
        bn_set(&mp, 1);
        bn_shl(&mp, e + unequal);
        bn_set(&mm, 1);
        bn_shl(&mm, e);
    } else {
        bn_set(&r, f << (1 + unequal));
        bn_set(&s, 1);
        bn_shl(&s, 1 - e + unequal);
        bn_set(&mp, 1u << unequal);
        bn_set(&mm, 1);
    }

    /* k <= ceil(log10 v): estimated from the binary exponent, then fixed up. */
    int topbit = 63 - __builtin_clzll(f) + e; /* v in [2^topbit, 2^(topbit+1)) */
    int k = floor_div(topbit * 78913, 1 << 18); /* 78913 / 2^18 is just below log10(2) */
    if (k >= 0) {
        bn_mul_pow10(&s, k);
    } else {
        bn_mul_pow10(&r, -k);
        bn_mul_pow10(&mp, -k);
        bn_mul_pow10(&mm, -k);
    }
    for (;;) {
        bn_add(&t, &r, &mp);
        int c = bn_cmp(&t, &s);
        if (even ? c < 0 : c <= 0)
            break;
        bn_muladd(&s, 10, 0);
        k++;
    }
    *point = k;

    int n = 0;
    for (;;) {
        bn_muladd(&r, 10, 0);
        bn_muladd(&mp, 10, 0);
        bn_muladd(&mm, 10, 0);
        int dig = 0;
        while (bn_cmp(&r, &s) >= 0) {
            bn_sub(&r, &s);
            dig++;
        }
        int c1 = bn_cmp(&r, &mm);
        bool low = even ? c1 <= 0 : c1 < 0;
        bn_add(&t, &r, &mp);
        int c2 = bn_cmp(&t, &s);
        bool high = even ? c2 >= 0 : c2 > 0;
        if (!low && !high) {
            d[n++] = (char)('0' + dig);
            continue;
        }
        if (low && high) {
            bn_add(&t, &r, &r);
            int c = bn_cmp(&t, &s);
            if (c > 0 || (c == 0 && (dig & 1)))
                dig++;
        } else if (high) {
            dig++;
        }
        d[n++] = (char)('0' + dig); /* dig == 10 cannot happen: high implies v+mp >= next digit */
        return n;
    }
}

/* Formats sign + digits as Number::toString does. */
static size_t format_js(bool neg, const char *d, int nd, int point, char *out)
{
    size_t at = 0;
    if (neg)
        out[at++] = '-';
    if (nd <= point && point <= 21) {
        for (int i = 0; i < nd; i++)
            out[at++] = d[i];
        at = put_zeros(out, at, point - nd);
    } else if (0 < point && point <= 21) {
        for (int i = 0; i < nd; i++) {
            if (i == point)
                out[at++] = '.';
            out[at++] = d[i];
        }
    } else if (-6 < point && point <= 0) {
        at = put_str(out, at, "0.");
        at = put_zeros(out, at, -point);
        for (int i = 0; i < nd; i++)
            out[at++] = d[i];
    } else {
        int x = point - 1;
        out[at++] = d[0];
        if (nd > 1) {
            out[at++] = '.';
            for (int i = 1; i < nd; i++)
                out[at++] = d[i];
        }
        out[at++] = 'e';
        out[at++] = x < 0 ? '-' : '+';
        at = put_int(out, at, (unsigned)(x < 0 ? -x : x));
    }
    out[at] = 0;
    return at;
}

size_t rt_dtoa(double v, char *out)
{
    size_t len;
    if (special(v, out, &len))
        return len;
    if (v == 0) {
        out[0] = '0';
        out[1] = 0;
        return 1;
    }
    char d[20];
    int point;
    int nd = shortest_digits(v < 0 ? -v : v, d, &point);
    return format_js(v < 0, d, nd, point, out);
}

/* ---------------------------------------------------------------- exact digits + rounding */

#define EXACT_MAX 800 /* 2^-1074 * (2^53-1) has 767 significant digits */

/* All significant digits of v (finite, > 0) exactly: v = 0.DIGITS * 10^point. */
static int exact_digits(double v, char *d, int *point)
{
    uint64_t f;
    int e;
    decompose(v, &f, &e);
    bn a;
    bn_set(&a, f);
    int scale = 0;
    if (e >= 0) {
        bn_shl(&a, e);
    } else {
        bn_mul_pow5(&a, -e); /* f * 2^e = f * 5^-e / 10^-e */
        scale = e;
    }
    int nd = bn_to_decimal(&a, d, EXACT_MAX);
    *point = nd + scale;
    while (nd > 1 && d[nd - 1] == '0')
        nd--;
    return nd;
}

/* Keeps `keep` leading digits, rounding half up; returns the new digit count (0 if the value
 * rounded to zero). Trailing positions beyond the count are zeros. */
static int round_half_up(char *d, int nd, int keep, int *point)
{
    if (keep >= nd)
        return nd;
    if (keep < 0)
        return 0;
    bool up = d[keep] >= '5';
    if (!up)
        return keep;
    int i = keep - 1;
    while (i >= 0 && d[i] == '9')
        i--;
    if (i < 0) {
        d[0] = '1';
        (*point)++;
        return 1;
    }
    d[i]++;
    return i + 1;
}

static char digit_at(const char *d, int nd, int i)
{
    return i >= 0 && i < nd ? d[i] : '0';
}

size_t rt_dtoa_fixed(double v, int digits, char *out)
{
    size_t at;
    if (special(v, out, &at))
        return at;
    double a = v < 0 ? -v : v;
    if (a >= 1e21)
        return rt_dtoa(v, out);
    char d[EXACT_MAX];
    int point = 1, nd = 0;
    if (a != 0) {
        nd = exact_digits(a, d, &point);
        nd = round_half_up(d, nd, point + digits, &point);
    }
    at = 0;
    if (v < 0)
        out[at++] = '-';
    if (nd == 0 || point <= 0) {
        out[at++] = '0';
    } else {
        for (int i = 0; i < point; i++)
            out[at++] = digit_at(d, nd, i);
    }
    if (digits > 0) {
        out[at++] = '.';
        for (int i = 0; i < digits; i++)
            out[at++] = nd ? digit_at(d, nd, point + i) : '0';
    }
    out[at] = 0;
    return at;
}

/* d.ddd e±x with exactly `count` digits */
static size_t format_exp(bool neg, const char *d, int nd, int count, int x, char *out)
{
    size_t at = 0;
    if (neg)
        out[at++] = '-';
    out[at++] = digit_at(d, nd, 0);
    if (count > 1) {
        out[at++] = '.';
        for (int i = 1; i < count; i++)
            out[at++] = digit_at(d, nd, i);
    }
    out[at++] = 'e';
    out[at++] = x < 0 ? '-' : '+';
    at = put_int(out, at, (unsigned)(x < 0 ? -x : x));
    out[at] = 0;
    return at;
}

size_t rt_dtoa_exponential(double v, int digits, char *out)
{
    size_t at;
    if (special(v, out, &at))
        return at;
    char d[EXACT_MAX];
    int point = 1, nd = 0, count;
    if (v == 0) {
        count = digits < 0 ? 1 : digits + 1;
    } else if (digits < 0) {
        nd = shortest_digits(v < 0 ? -v : v, d, &point);
        count = nd;
    } else {
        nd = exact_digits(v < 0 ? -v : v, d, &point);
        nd = round_half_up(d, nd, digits + 1, &point);
        count = digits + 1;
    }
    return format_exp(v < 0, d, nd, count, point - 1, out);
}

size_t rt_dtoa_precision(double v, int p, char *out)
{
    size_t at;
    if (special(v, out, &at))
        return at;
    char d[EXACT_MAX];
    int point = 1, nd = 0;
    if (v != 0) {
        nd = exact_digits(v < 0 ? -v : v, d, &point);
        nd = round_half_up(d, nd, p, &point);
    }
    int x = point - 1;
    if (x < -6 || x >= p)
        return format_exp(v < 0, d, nd, p, x, out);
    at = 0;
    if (v < 0)
        out[at++] = '-';
    if (x >= 0) {
        for (int i = 0; i < p; i++) {
            if (i == x + 1)
                out[at++] = '.';
            out[at++] = digit_at(d, nd, i);
        }
    } else {
        at = put_str(out, at, "0.");
        at = put_zeros(out, at, -x - 1);
        for (int i = 0; i < p; i++)
            out[at++] = digit_at(d, nd, i);
    }
    out[at] = 0;
    return at;
}

/* ---------------------------------------------------------------- toString(radix) */

static const char radix_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static double floor_nonneg(double v) /* v finite, >= 0 */
{
    uint64_t b = dbl_bits(v);
    int be = (int)(b >> 52);
    if (be < 1023)
        return 0;
    if (be >= 1075)
        return v;
    return dbl_from_bits(b & ~(FRAC_MASK >> (be - 1023)));
}

static double next_up(double v) /* v finite, >= 0 */
{
    return dbl_from_bits(dbl_bits(v) + 1);
}

/* Same semantics as V8's DoubleToRadixCString: fraction digits are produced until the
 * remaining fraction is below half the distance to the next double, the last digit is
 * rounded half-to-even (with carry into the integer part), and integer digits that a double
 * cannot represent (quotient >= 2^53) are printed as zeros. */
size_t rt_dtoa_radix(double v, int radix, char *out)
{
    size_t at;
    if (special(v, out, &at))
        return at;
    if (radix == 10)
        return rt_dtoa(v, out);
    const int mid = RT_DTOA_RADIX_BUF / 2; /* integer digits grow down from here, fraction up */
    bool neg = v < 0;
    if (neg)
        v = -v;
    double integer = floor_nonneg(v);
    double fraction = v - integer;
    double delta = 0.5 * (next_up(v) - v);
    if (!(delta > 0))
        delta = dbl_from_bits(1); /* 0.5 * 2^-1074 rounds to 0 */
    int fc = mid;
    if (fraction >= delta) {
        out[fc++] = '.';
        do {
            fraction *= radix;
            delta *= radix;
            int digit = (int)fraction;
            out[fc++] = radix_chars[digit];
            fraction -= digit;
            if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
                if (fraction + delta > 1) {
                    /* round up, propagating the carry backwards */
                    for (;;) {
                        fc--;
                        if (fc == mid) {
                            integer += 1;
                            break;
                        }
                        char c = out[fc];
                        int dg = c > '9' ? c - 'a' + 10 : c - '0';
                        if (dg + 1 < radix) {
                            out[fc++] = radix_chars[dg + 1];
                            break;
                        }
                    }
                    break;
                }
            }
        } while (fraction >= delta);
    }
    int ic = mid;
    /* while integer / radix >= 2^53 its low digits are not representable: print zeros */
    while (((dbl_bits(integer / radix) >> 52) & 0x7ff) > 1075) {
        integer /= radix;
        out[--ic] = '0';
    }
    do {
        /* rem = fmod(integer, radix), exactly; integer may have a fraction left over from the
         * divisions above, and like V8 we keep it (it only shifts digits' rounding). */
        double whole = floor_nonneg(integer);
        uint64_t iv = (uint64_t)whole; /* < 2^53 * 36 */
        double rem = (double)(iv % (uint64_t)radix) + (integer - whole);
        out[--ic] = radix_chars[(int)rem];
        integer = (integer - rem) / radix;
    } while (integer > 0);
    if (neg)
        out[--ic] = '-';
    size_t len = (size_t)(fc - ic);
    for (size_t i = 0; i < len; i++)
        out[i] = out[ic + i];
    out[len] = 0;
    return len;
}

/* ---------------------------------------------------------------- parsing */

/* Text to parse: 8-bit or UTF-16 code units. Reading past the end gives 0. */
typedef struct {
    const void *p;
    size_t len;
    bool wide;
} src_t;

static inline uint32_t ch(const src_t *s, size_t i)
{
    if (i >= s->len)
        return 0;
    return s->wide ? ((const uint16_t *)s->p)[i] : ((const unsigned char *)s->p)[i];
}

static inline bool is_digit(uint32_t c)
{
    return c - '0' < 10;
}

int rt_is_js_space(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 9 && c <= 13);
    return c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
           c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff;
}

static bool match_word(const src_t *s, size_t i, const char *w)
{
    for (; *w; w++, i++)
        if (ch(s, i) != (unsigned char)*w)
            return false;
    return true;
}

#define MAX_DIGITS 800 /* more than the 768 that can matter; the rest is a sticky digit */

static const double exact_pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Correctly rounded D * 10^e10 where D is the decimal integer d[0..nd) (no leading zero). */
static double decimal_to_double(const char *d, int nd, long e10)
{
    while (nd > 0 && d[nd - 1] == '0') {
        nd--;
        e10++;
    }
    if (nd == 0)
        return 0;
    long dp = nd + e10; /* value in [10^(dp-1), 10^dp) */
    if (dp > 310)
        return __builtin_inf();
    if (dp < -324)
        return 0;
    if (nd <= 15 && e10 >= -22 && e10 <= 22) {
        uint64_t m = 0;
        for (int i = 0; i < nd; i++)
            m = m * 10 + (uint64_t)(d[i] - '0');
        double x = (double)m; /* exact: < 10^15 */
        return e10 >= 0 ? x * exact_pow10[e10] : x / exact_pow10[-e10];
    }

    /* Exact: value = N / M; find q = floor(N * 2^-E / M) in [2^63, 2^64) and a sticky bit. */
    bn N, M, T;
    bn_set(&N, 0);
    int i = 0;
    for (; i + 9 <= nd; i += 9) {
        uint32_t chunk = 0;
        for (int j = 0; j < 9; j++)
            chunk = chunk * 10 + (uint32_t)(d[i + j] - '0');
        bn_muladd(&N, 1000000000u, chunk);
    }
    if (i < nd) {
        uint32_t chunk = 0, mul = 1;
        for (; i < nd; i++) {
            chunk = chunk * 10 + (uint32_t)(d[i] - '0');
            mul *= 10;
        }
        bn_muladd(&N, mul, chunk);
    }
    bn_set(&M, 1);
    if (e10 >= 0)
        bn_mul_pow10(&N, (int)e10);
    else
        bn_mul_pow10(&M, (int)-e10);
    int sh = 64 - (bn_bitlen(&N) - bn_bitlen(&M)); /* quotient in (2^63, 2^65) after shift */
    if (sh > 0)
        bn_shl(&N, sh);
    else
        bn_shl(&M, -sh);
    int E = -sh;
    bn_copy(&T, &M);
    bn_shl(&T, 64);
    if (bn_cmp(&N, &T) >= 0) {
        bn_shl(&M, 1);
        E++;
    }
    bn_copy(&T, &M);
    bn_shl(&T, 63);
    uint64_t q = 0;
    for (int bit = 63; bit >= 0; bit--) {
        if (bn_cmp(&N, &T) >= 0) {
            bn_sub(&N, &T);
            q |= UINT64_C(1) << bit;
        }
        bn_shr1(&T);
    }
    bool sticky = N.n != 0;

    /* value = (q + sticky) * 2^E; its top bit is 2^(E+63). Round to 53 bits, or fewer below
     * the normal range. */
    int top = E + 63;
    int drop = 11;
    if (top < -1022)
        drop += -1022 - top;
    if (drop > 64)
        return 0;
    uint64_t m, rem, half;
    if (drop == 64) {
        m = 0;
        rem = q;
        half = UINT64_C(1) << 63;
    } else {
        m = q >> drop;
        rem = q & ((UINT64_C(1) << drop) - 1);
        half = UINT64_C(1) << (drop - 1);
    }
    if (rem > half || (rem == half && (sticky || (m & 1))))
        m++;
    int e2 = E + drop; /* value = m * 2^e2 */
    if (m == (UINT64_C(1) << 53)) {
        m >>= 1;
        e2++;
    }
    if (m < HIDDEN) /* subnormal (e2 == -1074), or zero */
        return dbl_from_bits(m);
    int biased = e2 + 52 + 1023;
    if (biased >= 2047)
        return __builtin_inf();
    return dbl_from_bits(((uint64_t)biased << 52) | (m & FRAC_MASK));
}

/* Longest StrDecimalLiteral prefix at s[start..]; *end == start if there is none. */
static double parse_decimal(const src_t *s, size_t start, size_t *end)
{
    size_t i = start;
    bool neg = false;
    uint32_t c = ch(s, i);
    if (c == '+' || c == '-') {
        neg = c == '-';
        i++;
    }
    if (match_word(s, i, "Infinity")) {
        *end = i + 8;
        return neg ? -__builtin_inf() : __builtin_inf();
    }
    char d[MAX_DIGITS + 1];
    int nd = 0;
    long e10 = 0;
    bool any = false, sticky = false;
    for (; is_digit(c = ch(s, i)); i++) {
        any = true;
        if (nd == 0 && c == '0')
            continue;
        if (nd < MAX_DIGITS)
            d[nd++] = (char)c;
        else {
            sticky |= c != '0';
            e10++;
        }
    }
    if (ch(s, i) == '.' && (any || is_digit(ch(s, i + 1)))) {
        for (i++; is_digit(c = ch(s, i)); i++) {
            any = true;
            if (nd == 0 && c == '0') {
                e10--;
            } else if (nd < MAX_DIGITS) {
                d[nd++] = (char)c;
                e10--;
            } else {
                sticky |= c != '0';
            }
        }
    }
    if (!any) {
        *end = start;
        return __builtin_nan("");
    }
    c = ch(s, i);
    if (c == 'e' || c == 'E') {
        size_t j = i + 1;
        bool eneg = false;
        c = ch(s, j);
        if (c == '+' || c == '-') {
            eneg = c == '-';
            j++;
        }
        if (is_digit(ch(s, j))) {
            long x = 0;
            for (; is_digit(c = ch(s, j)); j++)
                if (x < 100000000)
                    x = x * 10 + (long)(c - '0');
            e10 += eneg ? -x : x;
            i = j;
        }
    }
    *end = i;
    if (sticky) {
        d[nd++] = '1';
        e10--;
    }
    double v = decimal_to_double(d, nd, e10);
    return neg ? -v : v;
}

double rt_strtod(const char *str, size_t len, size_t *consumed)
{
    src_t s = {str, len, false};
    size_t end;
    double v = parse_decimal(&s, 0, &end);
    if (consumed)
        *consumed = end;
    return v;
}

static int digit_value(uint32_t c)
{
    if (c - '0' < 10)
        return (int)(c - '0');
    c |= 0x20;
    if (c - 'a' < 26)
        return (int)(c - 'a') + 10;
    return 99;
}

/* Integer in radix 2^log2 (digits s[i..end) all valid), rounded half to even. */
static double parse_pow2_radix(const src_t *s, size_t i, size_t end, int log2)
{
    while (i < end && ch(s, i) == '0')
        i++;
    uint64_t m = 0;
    int bits = 0; /* significant bits in m */
    int extra = 0; /* binary digits beyond m */
    bool round_bit_seen = false, half = false, sticky = false;
    for (; i < end; i++) {
        int dv = digit_value(ch(s, i));
        for (int b = log2 - 1; b >= 0; b--) {
            int bit = (dv >> b) & 1;
            if (bits == 0 && !bit)
                continue;
            if (bits < 53) {
                m = (m << 1) | (uint64_t)bit;
                bits++;
            } else {
                if (!round_bit_seen) {
                    round_bit_seen = true;
                    half = bit;
                } else {
                    sticky |= bit;
                }
                extra++;
            }
        }
    }
    if (half && (sticky || (m & 1))) {
        m++;
        if (m == (UINT64_C(1) << 53)) {
            m >>= 1;
            extra++;
        }
    }
    double v = (double)m;
    while (extra-- > 0) {
        v *= 2;
        if (v == __builtin_inf())
            break;
    }
    return v;
}

/* parseInt for radixes other than powers of two and 10: V8 accumulates the digits in chunks
 * whose multiplier stays within 32 bits, combining chunks in double arithmetic. */
static double parse_other_radix(const src_t *s, size_t i, size_t end, int radix)
{
    double v = 0;
    const uint32_t max_mul = 0xffffffffu / 36;
    while (i < end) {
        uint32_t part = 0, mul = 1;
        while (i < end) {
            uint32_t m = mul * (uint32_t)radix;
            if (m > max_mul)
                break;
            part = part * (uint32_t)radix + (uint32_t)digit_value(ch(s, i));
            mul = m;
            i++;
        }
        v = v * (double)mul + (double)part;
    }
    return v;
}

/* Integer in radix r from s[i..end) where every digit is valid. */
static double parse_radix_digits(const src_t *s, size_t i, size_t end, int radix)
{
    switch (radix) {
    case 2: return parse_pow2_radix(s, i, end, 1);
    case 4: return parse_pow2_radix(s, i, end, 2);
    case 8: return parse_pow2_radix(s, i, end, 3);
    case 16: return parse_pow2_radix(s, i, end, 4);
    case 32: return parse_pow2_radix(s, i, end, 5);
    case 10: {
        char d[MAX_DIGITS + 1];
        int nd = 0;
        long e10 = 0;
        bool sticky = false;
        for (; i < end; i++) {
            uint32_t c = ch(s, i);
            if (nd == 0 && c == '0')
                continue;
            if (nd < MAX_DIGITS)
                d[nd++] = (char)c;
            else {
                sticky |= c != '0';
                e10++;
            }
        }
        if (sticky) {
            d[nd++] = '1';
            e10--;
        }
        return decimal_to_double(d, nd, e10);
    }
    default:
        while (i < end && ch(s, i) == '0') /* V8 starts its chunks after the leading zeros */
            i++;
        return parse_other_radix(s, i, end, radix);
    }
}

static size_t skip_space(const src_t *s, size_t i)
{
    while (i < s->len && rt_is_js_space(ch(s, i)))
        i++;
    return i;
}

double rt_string_to_number(const uint16_t *str, size_t len)
{
    src_t s = {str, len, true};
    size_t i = skip_space(&s, 0), end = len;
    while (end > i && rt_is_js_space(ch(&s, end - 1)))
        end--;
    if (i == end)
        return 0;
    s.len = end;
    if (ch(&s, i) == '0' && end - i > 2) {
        uint32_t p = ch(&s, i + 1) | 0x20;
        int radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (radix) {
            for (size_t j = i + 2; j < end; j++)
                if (digit_value(ch(&s, j)) >= radix)
                    return __builtin_nan("");
            return parse_radix_digits(&s, i + 2, end, radix);
        }
    }
    size_t stop;
    double v = parse_decimal(&s, i, &stop);
    return stop == end ? v : __builtin_nan("");
}

double rt_parse_float(const uint16_t *str, size_t len)
{
    src_t s = {str, len, true};
    size_t i = skip_space(&s, 0), stop;
    return parse_decimal(&s, i, &stop); /* NaN when nothing matched */
}

double rt_parse_int(const uint16_t *str, size_t len, int radix)
{
    src_t s = {str, len, true};
    size_t i = skip_space(&s, 0);
    bool neg = false;
    uint32_t c = ch(&s, i);
    if (c == '+' || c == '-') {
        neg = c == '-';
        i++;
    }
    bool strip = true;
    if (radix != 0) {
        if (radix < 2 || radix > 36)
            return __builtin_nan("");
        if (radix != 16)
            strip = false;
    } else {
        radix = 10;
    }
    if (strip && ch(&s, i) == '0' && (ch(&s, i + 1) | 0x20) == 'x') {
        i += 2;
        radix = 16;
    }
    size_t end = i;
    while (end < len && digit_value(ch(&s, end)) < radix)
        end++;
    if (end == i)
        return __builtin_nan("");
    double v = parse_radix_digits(&s, i, end, radix);
    return neg ? -v : v;
}

/* ---------------------------------------------------------------- ToInt32 / ToUint32 */

uint32_t rt_touint32_slow(double v)
{
    uint64_t b = dbl_bits(v);
    int be = (int)((b >> 52) & 0x7ff);
    if (be == 0x7ff || be < 1023) /* NaN, infinities, |v| < 1 */
        return 0;
    uint64_t m = (b & FRAC_MASK) | HIDDEN;
    int sh = be - 1075;
    uint32_t r;
    if (sh >= 32)
        r = 0;
    else if (sh >= 0)
        r = (uint32_t)(m << sh);
    else
        r = (uint32_t)(m >> -sh);
    return (b >> 63) ? 0u - r : r;
}
