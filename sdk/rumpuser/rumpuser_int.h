/*
 * Private to sdk/rumpuser (firmware): state shared between its files.
 */
#ifndef RUMPUSER_INT_H
#define RUMPUSER_INT_H
#include <core/core.h>
#include <rump/rumpuser.h>
#include "upcalls.h"

/* the per-thread words rumpuser keeps in core's user slots (core_self_userslots) */
#define SLOT_CURLWP 0
#define SLOT_ERRNO  1

static inline void **
rumpuser__slots(void)
{
	return core_self_userslots;
}

#endif
