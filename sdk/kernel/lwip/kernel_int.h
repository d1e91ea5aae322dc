/*
 * Private to sdk/kernel/lwip: shared between its files.
 */
#ifndef KERNEL_LWIP_INT_H
#define KERNEL_LWIP_INT_H
#include <rump/rumpuser.h>
#include <rump/rump.h>
#include <rump/rump_syscalls.h>

/* The kernel's per-thread state, bound to a thread through rumpuser_curlwp(). */
struct lwp {
	int l_errno;            /* of the thread's last failed syscall */
};

/* the calling thread's lwp, created on first use; never NULL */
struct lwp *kern_curlwp(void);

/* record error as the calling thread's errno and return -1 (the syscall failure value) */
int kern_fail(int error);

/* record error as the calling thread's errno without failing (lwIP's set_errno) */
void kern_set_errno(int error);

/* print msg on the console and halt with a panic report */
void kern_panic(const char *msg) __attribute__((noreturn));

/* the network's first use (net.c): lwIP's tcpip thread and the loopback interface once, then
   the devices (kern_attach_devices); every entry that reaches lwIP from above calls it */
void kern_net_start(void);
/* attach the PCI NICs and the board's devices once, on first use (init.c) */
void kern_attach_devices(void);
/* *mp, created first if NULL (a KMUTEX): locks only some programs need cost boot nothing; safe
   when two threads come first at once (hosted, threads run in parallel) (init.c) */
struct rumpuser_mtx *kern_mutex_once(struct rumpuser_mtx **mp);
/* the RUMPSDK_REPORT_* texts (rump/netif.h) into buf; returns their length */
size_t kern_net_report(int which, char *buf, size_t len);

/* the console descriptors (console.c) */
ssize_t kern_console_write(int fd, const void *buf, size_t n);
ssize_t kern_console_read(void *buf, size_t n);
int kern_console_readable(void);

/* device nodes (dev.c, rump/dev.h): descriptors KERN_DEV_FD_BASE .. + KERN_DEV_NFD - 1, above
   every lwIP socket (syscalls.c checks) */
#define KERN_DEV_FD_BASE 128
#define KERN_DEV_NFD 16
#define kern_is_dev(fd) ((fd) >= KERN_DEV_FD_BASE && (fd) < KERN_DEV_FD_BASE + KERN_DEV_NFD)
int kern_dev_open(const char *path, int flags);
int kern_dev_close(int fd);
ssize_t kern_dev_read(int fd, void *buf, size_t n);
ssize_t kern_dev_write(int fd, const void *buf, size_t n);
int kern_dev_ioctl(int fd, unsigned long cmd, void *data);
int kern_dev_getfl(int fd);

#endif
