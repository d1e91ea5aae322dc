/*
 * The rump syscalls (layer 4), NetBSD ABI: shared/design/syscall-abi.md.
 * C name rump_sys_NAME, link name rump___sysimpl_NAME (with NetBSD's version suffix where it
 * has one), so the same caller links against either kernel flavor.
 * Each returns its result, or -1 with the calling thread's errno set: read it with
 * rumpsdk_errno().
 */
#ifndef RUMP_RUMP_SYSCALLS_H
#define RUMP_RUMP_SYSCALLS_H
#include <rump/netbsd_abi.h>

#define RUMP_SYS(name) __asm__("rump___sysimpl_" #name)

/* sockets */
int rump_sys_socket(int domain, int type, int protocol) RUMP_SYS(socket30);
int rump_sys_bind(int s, const struct sockaddr *name, socklen_t namelen) RUMP_SYS(bind);
int rump_sys_listen(int s, int backlog) RUMP_SYS(listen);
int rump_sys_accept(int s, struct sockaddr *name, socklen_t *anamelen) RUMP_SYS(accept);
int rump_sys_paccept(int s, struct sockaddr *name, socklen_t *anamelen,
    const sigset_t *mask, int flags) RUMP_SYS(paccept);
int rump_sys_connect(int s, const struct sockaddr *name, socklen_t namelen) RUMP_SYS(connect);
int rump_sys_shutdown(int s, int how) RUMP_SYS(shutdown);
ssize_t rump_sys_sendto(int s, const void *buf, size_t len, int flags,
    const struct sockaddr *to, socklen_t tolen) RUMP_SYS(sendto);
ssize_t rump_sys_recvfrom(int s, void *buf, size_t len, int flags,
    struct sockaddr *from, socklen_t *fromlenaddr) RUMP_SYS(recvfrom);
ssize_t rump_sys_sendmsg(int s, const struct msghdr *msg, int flags) RUMP_SYS(sendmsg);
ssize_t rump_sys_recvmsg(int s, struct msghdr *msg, int flags) RUMP_SYS(recvmsg);
int rump_sys_setsockopt(int s, int level, int name, const void *val, socklen_t valsize)
    RUMP_SYS(setsockopt);
int rump_sys_getsockopt(int s, int level, int name, void *val, socklen_t *avalsize)
    RUMP_SYS(getsockopt);
int rump_sys_getsockname(int fdes, struct sockaddr *asa, socklen_t *alen)
    RUMP_SYS(getsockname);
int rump_sys_getpeername(int fdes, struct sockaddr *asa, socklen_t *alen)
    RUMP_SYS(getpeername);

/* descriptors */
ssize_t rump_sys_read(int fd, void *buf, size_t nbyte) RUMP_SYS(read);
ssize_t rump_sys_write(int fd, const void *buf, size_t nbyte) RUMP_SYS(write);
ssize_t rump_sys_readv(int fd, const struct iovec *iovp, int iovcnt) RUMP_SYS(readv);
ssize_t rump_sys_writev(int fd, const struct iovec *iovp, int iovcnt) RUMP_SYS(writev);
int rump_sys_close(int fd) RUMP_SYS(close);
int rump_sys_dup2(int from, int to) RUMP_SYS(dup2);
int rump_sys_open(const char *path, int flags, mode_t mode) RUMP_SYS(open);
int rump_sys_fcntl(int fd, int cmd, ...) RUMP_SYS(fcntl);
int rump_sys_ioctl(int fd, u_long com, ...) RUMP_SYS(ioctl);

/* waiting */
int rump_sys_poll(struct pollfd *fds, u_int nfds, int timeout) RUMP_SYS(poll);
int rump_sys_kqueue(void) RUMP_SYS(kqueue);
int rump_sys_kevent(int fd, const struct kevent *changelist, size_t nchanges,
    struct kevent *eventlist, size_t nevents, const struct timespec *timeout)
    RUMP_SYS(kevent50);

/* system */
int rump_sys___sysctl(const int *name, u_int namelen, void *oldv, size_t *oldlenp,
    const void *newv, size_t newlen) RUMP_SYS(__sysctl);
int rump_sys_reboot(int opt, char *bootstr) RUMP_SYS(reboot);

#undef RUMP_SYS

/*
 * The errno of the calling thread's last failed rump_sys_* call (NetBSD numbering).
 * The one accessor the SDK uses, provided by each kernel flavor (see sdk/kernel/README.md).
 */
int rumpsdk_errno(void);

#endif
