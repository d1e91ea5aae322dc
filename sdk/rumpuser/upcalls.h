/*
 * Private to sdk/rumpuser and posix/: the kernel's upcalls as upcalls.c keeps them.
 */
#ifndef RUMPUSER_UPCALLS_H
#define RUMPUSER_UPCALLS_H

/* release / retake the kernel CPU around a block; no-ops before rumpuser_init */
void rumpuser__unschedule(int *nlocks, void *interlock);
void rumpuser__reschedule(int nlocks, void *interlock);

/* the kernel's upcalls hyp_schedule / hyp_unschedule (enter / leave the kernel from a thread
 * of ours, e.g. the interrupt thread) and hyp_lwproc_newlwp; no-ops (ENOSYS) before rumpuser_init */
void rumpuser__hyp_schedule(void);
void rumpuser__hyp_unschedule(void);
int rumpuser__hyp_newlwp(int pid);

#endif
