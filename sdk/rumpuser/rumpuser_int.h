/*
 * Private to sdk/rumpuser (firmware): state shared between its files.
 */
#ifndef RUMPUSER_INT_H
#define RUMPUSER_INT_H
#include <core/core.h>
#include <rump/rumpuser.h>

/* the per-thread words rumpuser keeps in core_thread_userslots() */
#define SLOT_CURLWP 0
#define SLOT_ERRNO  1

static inline void **
rumpuser__slots(void)
{
	return core_thread_userslots(core_thread_self());
}

/* release / retake the kernel CPU around a block; no-ops before rumpuser_init */
void rumpuser__unschedule(int *nlocks, void *interlock);
void rumpuser__reschedule(int nlocks, void *interlock);

#endif
