/*
 * Private to sdk/rumpuser/posix: state shared between its files.
 */
#ifndef RUMPUSER_POSIX_INT_H
#define RUMPUSER_POSIX_INT_H
#include <rump/rumpuser.h>
#include "../upcalls.h"

/* host errno -> NetBSD numbering (what hypercalls return) */
int rumpuser__errtrans(int hosterr);


/* write out buffered console output (before blocking, at exit, before stderr output) */
void rumpuser__flush(void);

#endif
