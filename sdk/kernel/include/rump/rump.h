/*
 * Starting the kernel (layer 4). Both kernel flavors provide rump_init().
 * Call it once, from the program's first thread, before any rump_sys_* call.
 */
#ifndef RUMP_RUMP_H
#define RUMP_RUMP_H

/* returns 0, or an errno value (NetBSD numbering) when the kernel cannot start */
int rump_init(void);

#endif
