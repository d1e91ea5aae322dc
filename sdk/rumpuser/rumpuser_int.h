/*
 * Private to sdk/rumpuser (firmware): state shared between its files.
 */
#ifndef RUMPUSER_INT_H
#define RUMPUSER_INT_H
#include <core/core.h>
#include <rump/rumpuser.h>

/* the per-thread words rumpuser keeps in core's user slots (core_self_userslots) */
#define SLOT_CURLWP 0
#define SLOT_ERRNO  1

static inline void **
rumpuser__slots(void)
{
	return core_self_userslots;
}

/* release / retake the kernel CPU around a block; no-ops before rumpuser_init */
void rumpuser__unschedule(int *nlocks, void *interlock);
void rumpuser__reschedule(int nlocks, void *interlock);

/* the kernel's upcalls hyp_schedule / hyp_unschedule (enter / leave the kernel from a thread
 * of ours, e.g. the interrupt thread) and hyp_lwproc_newlwp; no-ops (ENOSYS) before rumpuser_init */
void rumpuser__hyp_schedule(void);
void rumpuser__hyp_unschedule(void);
int rumpuser__hyp_newlwp(int pid);

#endif
