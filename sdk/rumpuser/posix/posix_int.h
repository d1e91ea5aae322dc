/*
 * Private to sdk/rumpuser/posix: state shared between its files.
 */
#ifndef RUMPUSER_POSIX_INT_H
#define RUMPUSER_POSIX_INT_H
#include <rump/rumpuser.h>

/* host errno -> NetBSD numbering (what hypercalls return) */
int rumpuser__errtrans(int hosterr);

/* release / retake the kernel CPU around a blocking host call; no-ops before rumpuser_init */
void rumpuser__unschedule(int *nlocks, void *interlock);
void rumpuser__reschedule(int nlocks, void *interlock);

/* write out buffered console output (before blocking, at exit, before stderr output) */
void rumpuser__flush(void);

#endif
