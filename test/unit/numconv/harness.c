/*
 * Host test harness for sdk/runtime/numconv.c and sdk/base/math.c. Reads one request per
 * line on stdin and prints one result line; compare.mjs produces the requests and checks the
 * answers against Node. Only this file uses the hosted libc, and only for I/O.
 *
 *   d HEX          toString()              f HEX N   toFixed(N)
 *   p HEX N        toPrecision(N)          e HEX N   toExponential(N), N = -1: no argument
 *   r HEX R        toString(R)             i HEX     ToInt32 and ToUint32
 *   n UTF16HEX     Number(string)          F UTF16HEX parseFloat(string)
 *   P R UTF16HEX   parseInt(string, R)     s ASCIIHEX rt_strtod (value and consumed length)
 *   m NAME HEX [HEX]  Math function
 * HEX is the 16-hex-digit bit pattern of a double; results that are doubles print as HEX too
 * (every NaN prints as "nan").
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt/numconv.h"
#include "math.h"

static double from_hex(const char *h)
{
    uint64_t u = strtoull(h, NULL, 16);
    double d;
    memcpy(&d, &u, 8);
    return d;
}

static void print_double(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    if (d != d)
        printf("nan\n");
    else
        printf("%016llx\n", (unsigned long long)u);
}

static size_t decode_units(const char *h, uint16_t *out)
{
    size_t n = 0;
    for (; h[0] && h[1] && h[2] && h[3]; h += 4) {
        char t[5] = {h[0], h[1], h[2], h[3], 0};
        out[n++] = (uint16_t)strtoul(t, NULL, 16);
    }
    return n;
}

typedef double (*fn1)(double);
typedef double (*fn2)(double, double);
static const struct { const char *name; fn1 f1; fn2 f2; } fns[] = {
    {"sqrt", sqrt, 0},   {"floor", floor, 0}, {"ceil", ceil, 0},   {"trunc", trunc, 0},
    {"fabs", fabs, 0},   {"sin", sin, 0},     {"cos", cos, 0},     {"tan", tan, 0},
    {"asin", asin, 0},   {"acos", acos, 0},   {"atan", atan, 0},   {"exp", exp, 0},
    {"expm1", expm1, 0}, {"log", log, 0},     {"log1p", log1p, 0}, {"log2", log2, 0},
    {"log10", log10, 0}, {"sinh", sinh, 0},   {"cosh", cosh, 0},   {"tanh", tanh, 0},
    {"asinh", asinh, 0}, {"acosh", acosh, 0}, {"atanh", atanh, 0}, {"cbrt", cbrt, 0},
    {"fmod", 0, fmod},   {"atan2", 0, atan2}, {"pow", 0, pow},     {"hypot", 0, hypot},
};

int main(void)
{
    static char line[1 << 20];
    static char out[RT_DTOA_RADIX_BUF];
    static uint16_t units[1 << 18];
    char a[64], b[64], c[64];
    while (fgets(line, sizeof line, stdin)) {
        char op = line[0];
        char *arg = line + 2;
        line[strcspn(line, "\n")] = 0;
        switch (op) {
        case 'd': rt_dtoa(from_hex(arg), out); puts(out); break;
        case 'f': sscanf(arg, "%63s %63s", a, b); rt_dtoa_fixed(from_hex(a), atoi(b), out); puts(out); break;
        case 'p': sscanf(arg, "%63s %63s", a, b); rt_dtoa_precision(from_hex(a), atoi(b), out); puts(out); break;
        case 'e': sscanf(arg, "%63s %63s", a, b); rt_dtoa_exponential(from_hex(a), atoi(b), out); puts(out); break;
        case 'r': sscanf(arg, "%63s %63s", a, b); rt_dtoa_radix(from_hex(a), atoi(b), out); puts(out); break;
        case 'i': {
            double d = from_hex(arg);
            printf("%ld %lu\n", (long)rt_toint32(d), (unsigned long)rt_touint32(d));
            break;
        }
        case 'n': print_double(rt_string_to_number(units, decode_units(arg, units))); break;
        case 'F': print_double(rt_parse_float(units, decode_units(arg, units))); break;
        case 'P': {
            int radix = atoi(arg);
            char *h = strchr(arg, ' ');
            h = h ? h + 1 : arg + strlen(arg);
            print_double(rt_parse_int(units, decode_units(h, units), radix));
            break;
        }
        case 's': {
            size_t n = decode_units(arg, units), used;
            char *s = (char *)out;
            for (size_t k = 0; k < n; k++)
                s[k] = (char)units[k];
            double v = rt_strtod(s, n, &used);
            uint64_t u;
            memcpy(&u, &v, 8);
            if (v != v)
                printf("nan %zu\n", used);
            else
                printf("%016llx %zu\n", (unsigned long long)u, used);
            break;
        }
        case 'm': {
            int k = sscanf(arg, "%63s %63s %63s", c, a, b);
            size_t j = 0;
            while (j < sizeof fns / sizeof fns[0] && strcmp(fns[j].name, c))
                j++;
            if (j == sizeof fns / sizeof fns[0]) {
                printf("unknown %s\n", c);
                break;
            }
            print_double(fns[j].f1 ? fns[j].f1(from_hex(a)) : fns[j].f2(from_hex(a), k > 2 ? from_hex(b) : 0));
            break;
        }
        default: printf("bad request\n"); break;
        }
    }
    return 0;
}
