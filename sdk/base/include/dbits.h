/*
 * dbits.h — a double's IEEE 754 bits and back (sdk/base/math.c and the runtime's number
 * conversions, sdk/runtime/numconv.c).
 */
#ifndef BASE_DBITS_H
#define BASE_DBITS_H
#include <stdint.h>

static inline uint64_t dbl_bits(double d)
{
	uint64_t u;
	__builtin_memcpy(&u, &d, sizeof u);
	return u;
}

static inline double dbl_from_bits(uint64_t u)
{
	double d;
	__builtin_memcpy(&d, &u, sizeof d);
	return d;
}

#endif
