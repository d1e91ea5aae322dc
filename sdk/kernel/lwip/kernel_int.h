/*
 * Private to sdk/kernel/lwip: shared between its files.
 */
#ifndef KERNEL_LWIP_INT_H
#define KERNEL_LWIP_INT_H
#include <rump/rumpuser.h>
#include <rump/rump_syscalls.h>

/* The kernel's per-thread state, bound to a thread through rumpuser_curlwp(). */
struct lwp {
	int l_errno;            /* of the thread's last failed syscall */
};

/* the calling thread's lwp, created on first use; never NULL */
struct lwp *kern_curlwp(void);

/* record error as the calling thread's errno and return -1 (the syscall failure value) */
int kern_fail(int error);

/* the console descriptors (console.c) */
ssize_t kern_console_write(int fd, const void *buf, size_t n);
ssize_t kern_console_read(void *buf, size_t n);
int kern_console_readable(void);

#endif
