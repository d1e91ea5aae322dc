/* Not yet implemented: typed arrays, ArrayBuffer, DataView, Promise (the compiler rejects their use). */
#include "internal.h"
void rt_init_typed(void) {}
void rt_init_promise(void) {}
double rt_typed_get_slow(rt_value t, double i) { (void)t; (void)i; return __builtin_nan(""); }
void rt_typed_set_slow(rt_value t, double i, double v) { (void)t; (void)i; (void)v; }
