/*
 * The syscalls. Descriptors 0-2 are the console (console.c); sockets are lwIP's, numbered from
 * 3 (LWIP_SOCKET_OFFSET). lwIP's socket layer is compiled against the NetBSD ABI itself
 * (port/include/arch/nb_sockets.h), so constants, structures and errno values pass through
 * unchanged and lwIP records errno with kern_set_errno. What lwIP does differently from NetBSD
 * is adjusted here: refused connections, SO_SNDBUF, SOCK_NONBLOCK, fcntl flags, poll over the
 * console and sockets together. Device nodes (dev.c) have descriptors from KERN_DEV_FD_BASE,
 * above every socket; poll does not support them (POLLNVAL, as for any descriptor it does not know).
 */
#include "kernel_int.h"
#include <rump/netif.h>
#include "lwip/sockets.h"
#include "lwip/tcp.h"

#define NFDS (LWIP_SOCKET_OFFSET + MEMP_NUM_NETCONN)
_Static_assert(KERN_DEV_FD_BASE >= NFDS, "device descriptors must lie above lwIP's sockets");
#define is_console(fd) ((fd) >= 0 && (fd) < LWIP_SOCKET_OFFSET)

/* per socket descriptor: open (lwIP's poll does not notice closed ones), and whether a
   non-blocking connect is under way (a reset then means "refused") */
#define FD_OPEN       0x1
#define FD_CONNECTING 0x2
static uint8_t fdstate[NFDS];
#define is_open_socket(fd) ((fd) >= LWIP_SOCKET_OFFSET && (fd) < NFDS && (fdstate[fd] & FD_OPEN))

#define POLL_SLICE_NS 10000000LL        /* how often poll looks at console input */
#define NS_PER_SEC 1000000000LL

ssize_t
rump_sys_write(int fd, const void *buf, size_t nbyte)
{
	if (kern_is_dev(fd))
		return kern_dev_write(fd, buf, nbyte);
	if (fd >= LWIP_SOCKET_OFFSET)
		return kern_net_start(), lwip_write(fd, buf, nbyte);
	if (fd != 1 && fd != 2)
		return kern_fail(EBADF);
	if (nbyte == 0)
		return 0;
	if (buf == NULL)
		return kern_fail(EFAULT);
	return kern_console_write(fd, buf, nbyte);
}

ssize_t
rump_sys_read(int fd, void *buf, size_t nbyte)
{
	if (kern_is_dev(fd))
		return kern_dev_read(fd, buf, nbyte);
	if (fd >= LWIP_SOCKET_OFFSET)
		return kern_net_start(), lwip_read(fd, buf, nbyte);
	if (fd != 0)
		return kern_fail(EBADF);
	if (buf == NULL && nbyte > 0)
		return kern_fail(EFAULT);
	return kern_console_read(buf, nbyte);
}

ssize_t
rump_sys_writev(int fd, const struct iovec *iov, int iovcnt)
{
	ssize_t total = 0, n;
	int i;

	if (fd >= LWIP_SOCKET_OFFSET)
		return kern_net_start(), lwip_writev(fd, iov, iovcnt);
	if (fd != 1 && fd != 2)
		return kern_fail(EBADF);
	if (iovcnt < 0 || (iovcnt > 0 && iov == NULL))
		return kern_fail(EINVAL);
	for (i = 0; i < iovcnt; i++) {
		if ((n = rump_sys_write(fd, iov[i].iov_base, iov[i].iov_len)) < 0)
			return total > 0 ? total : n;
		total += n;
	}
	return total;
}

ssize_t
rump_sys_readv(int fd, const struct iovec *iov, int iovcnt)
{
	if (fd >= LWIP_SOCKET_OFFSET)
		return kern_net_start(), lwip_readv(fd, iov, iovcnt);
	if (fd != 0)
		return kern_fail(EBADF);
	if (iovcnt < 0 || (iovcnt > 0 && iov == NULL))
		return kern_fail(EINVAL);
	return iovcnt == 0 ? 0 : rump_sys_read(fd, iov[0].iov_base, iov[0].iov_len);
}

static int64_t
now_ns(void)
{
	int64_t sec;
	long nsec;

	rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, &sec, &nsec);
	return sec * NS_PER_SEC + nsec;
}

static void
sleep_until(int64_t deadline)
{
	rumpuser_clock_sleep(RUMPUSER_CLOCK_ABSMONO, deadline / NS_PER_SEC,
	    (long)(deadline % NS_PER_SEC));
}

/* fills in revents; returns the number of descriptors with something to report */
static int
poll_scan(struct pollfd *fds, u_int nfds)
{
	u_int i;
	int ready = 0;

	for (i = 0; i < nfds; i++) {
		struct pollfd *p = &fds[i];
		p->revents = 0;
		if (p->fd < 0)
			continue;
		if (p->fd == 0) {
			if ((p->events & POLLIN) && kern_console_readable())
				p->revents |= POLLIN;
		} else if (p->fd == 1 || p->fd == 2) {
			p->revents |= p->events & POLLOUT;
		} else {
			p->revents = POLLNVAL;
		}
		if (p->revents != 0)
			ready++;
	}
	return ready;
}

/*
 * Descriptors 0-2 only (the console). Without anything ready it sleeps for the timeout,
 * looking at console input every POLL_SLICE_NS when fd 0 is watched.
 */
static int
poll_console(struct pollfd *fds, u_int nfds, int timeout)
{
	int64_t deadline = 0;
	int ready, watch_input = 0, valid = 0;
	u_int i;

	if (nfds > 0 && fds == NULL)
		return kern_fail(EFAULT);
	for (i = 0; i < nfds; i++) {
		if (fds[i].fd >= 0)
			valid++;
		if (fds[i].fd == 0 && (fds[i].events & POLLIN))
			watch_input = 1;
	}
	if ((ready = poll_scan(fds, nfds)) > 0 || timeout == 0)
		return ready;
	if (timeout < 0 && !valid)
		return kern_fail(EINVAL);       /* would sleep forever */
	if (timeout > 0)
		deadline = now_ns() + (int64_t)timeout * 1000000LL;
	for (;;) {
		int64_t now = now_ns(), until;
		if (timeout > 0 && now >= deadline)
			return 0;
		until = watch_input ? now + POLL_SLICE_NS : deadline;
		if (timeout > 0 && until > deadline)
			until = deadline;
		if (!watch_input && timeout < 0)
			until = now + NS_PER_SEC;       /* only outputs that never report: wait on */
		sleep_until(until);
		if (watch_input && (ready = poll_scan(fds, nfds)) > 0)
			return ready;
	}
}

/*
 * poll over console descriptors and sockets: lwip_poll waits for the sockets (console entries
 * hidden from it as fd -1); while console input is watched it waits in POLL_SLICE_NS slices
 * and looks at the console in between.
 */
int
rump_sys_poll(struct pollfd *fds, u_int nfds, int timeout)
{
	int64_t deadline = 0;
	int sockets = 0, watch_input = 0;
	u_int i;

	if (nfds > 0 && fds == NULL)
		return kern_fail(EFAULT);
	for (i = 0; i < nfds; i++) {
		if (fds[i].fd >= LWIP_SOCKET_OFFSET)
			sockets++;
		if (fds[i].fd == 0 && (fds[i].events & POLLIN))
			watch_input = 1;
	}
	if (sockets == 0)
		return poll_console(fds, nfds, timeout);
	kern_net_start();
	if (timeout > 0)
		deadline = now_ns() + (int64_t)timeout * 1000000LL;
	for (;;) {
		int console_ready = 0, n, wait_ms;
		int saved[nfds];
		short crev[nfds];
		/* the console entries scanned on their own and closed descriptors marked, both then
		   hidden from lwip_poll as fd -1 */
		for (i = 0; i < nfds; i++) {
			saved[i] = fds[i].fd;
			crev[i] = 0;
			if (is_console(saved[i])) {
				console_ready += poll_scan(&fds[i], 1);
				crev[i] = fds[i].revents;
				fds[i].fd = -1;
			} else if (saved[i] >= 0 && !is_open_socket(saved[i])) {
				crev[i] = POLLNVAL;
				console_ready++;
				fds[i].fd = -1;
			}
		}
		if (console_ready > 0 || timeout == 0) {
			wait_ms = 0;
		} else if (timeout < 0) {
			wait_ms = watch_input ? (int)(POLL_SLICE_NS / 1000000) : -1;
		} else {
			int64_t left = deadline - now_ns();
			wait_ms = left <= 0 ? 0 : (int)((left + 999999) / 1000000);
			if (watch_input && wait_ms > POLL_SLICE_NS / 1000000)
				wait_ms = (int)(POLL_SLICE_NS / 1000000);
		}
		n = lwip_poll(fds, nfds, wait_ms);
		for (i = 0; i < nfds; i++) {
			fds[i].fd = saved[i];
			if (is_console(saved[i]) && console_ready == 0 && watch_input && saved[i] == 0)
				console_ready += poll_scan(&fds[i], 1);
			else if (crev[i] != 0 || is_console(saved[i]))
				fds[i].revents = crev[i];
		}
		if (n < 0)
			return -1;
		if (n + console_ready > 0 || timeout == 0)
			return n + console_ready;
		if (timeout > 0 && now_ns() >= deadline)
			return 0;
	}
}

int
rump_sys_reboot(int opt, char *bootstr)
{
	(void)opt; (void)bootstr;
	rumpuser_exit(0);
}

/* ---- sockets ---- */

#define SOCKET_FD(fd) do { \
	if (is_console(fd)) return kern_fail(ENOTSOCK); \
	if ((fd) < 0) return kern_fail(EBADF); \
	kern_net_start(); \
} while (0)

static void
set_connecting(int fd, int on)
{
	if (fd >= 0 && fd < NFDS)
		fdstate[fd] = (uint8_t)(on ? fdstate[fd] | FD_CONNECTING : fdstate[fd] & ~FD_CONNECTING);
}

static void
set_open(int fd, int open)
{
	if (fd >= 0 && fd < NFDS)
		fdstate[fd] = open ? FD_OPEN : 0;
}

int
rump_sys_socket(int domain, int type, int protocol)
{
	int flags = type & (SOCK_NONBLOCK | SOCK_CLOEXEC), s;

	type &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (domain != AF_INET)
		return kern_fail(EAFNOSUPPORT);
	if (type != SOCK_STREAM && type != SOCK_DGRAM && type != SOCK_RAW)
		return kern_fail(EPROTOTYPE);
	kern_net_start();
	if ((s = lwip_socket(domain, type, protocol)) < 0)
		return s;
	set_open(s, 1);
	if ((flags & SOCK_NONBLOCK) && lwip_fcntl(s, F_SETFL, O_NONBLOCK) < 0) {
		lwip_close(s);
		return kern_fail(ENOMEM);
	}
	return s;
}

int
rump_sys_bind(int s, const struct sockaddr *a, socklen_t l)
{
	SOCKET_FD(s);
	return lwip_bind(s, a, l);
}

int
rump_sys_listen(int s, int backlog)
{
	SOCKET_FD(s);
	return lwip_listen(s, backlog);
}

int
rump_sys_paccept(int s, struct sockaddr *a, socklen_t *l, const sigset_t *mask, int flags)
{
	int fd;

	(void)mask;
	SOCKET_FD(s);
	if ((fd = lwip_accept(s, a, l)) < 0)
		return fd;
	set_open(fd, 1);
	if (flags & SOCK_NONBLOCK)
		lwip_fcntl(fd, F_SETFL, O_NONBLOCK);
	return fd;
}

int
rump_sys_accept(int s, struct sockaddr *a, socklen_t *l)
{
	return rump_sys_paccept(s, a, l, NULL, 0);
}

int
rump_sys_connect(int s, const struct sockaddr *a, socklen_t l)
{
	int rv;

	SOCKET_FD(s);
	if ((rv = lwip_connect(s, a, l)) == 0) {
		set_connecting(s, 0);
		return 0;
	}
	switch (rumpsdk_errno()) {
	case EINPROGRESS:
		set_connecting(s, 1);
		break;
	case ECONNRESET:                /* lwIP's word for a RST answering our SYN */
		set_connecting(s, 0);
		return kern_fail(ECONNREFUSED);
	}
	return rv;
}

int
rump_sys_shutdown(int s, int how)
{
	SOCKET_FD(s);
	return lwip_shutdown(s, how);
}

ssize_t
rump_sys_sendto(int s, const void *b, size_t n, int f, const struct sockaddr *a, socklen_t l)
{
	SOCKET_FD(s);
	return lwip_sendto(s, b, n, f & ~MSG_NOSIGNAL, a, l);
}

ssize_t
rump_sys_recvfrom(int s, void *b, size_t n, int f, struct sockaddr *a, socklen_t *l)
{
	SOCKET_FD(s);
	return lwip_recvfrom(s, b, n, f, a, l);
}

ssize_t
rump_sys_sendmsg(int s, const struct msghdr *m, int f)
{
	SOCKET_FD(s);
	return lwip_sendmsg(s, m, f & ~MSG_NOSIGNAL);
}

ssize_t
rump_sys_recvmsg(int s, struct msghdr *m, int f)
{
	SOCKET_FD(s);
	return lwip_recvmsg(s, m, f);
}

int
rump_sys_setsockopt(int s, int level, int name, const void *v, socklen_t l)
{
	SOCKET_FD(s);
	if (level == SOL_SOCKET && name == SO_SNDBUF) {
		/* lwIP's send buffer is fixed (TCP_SND_BUF): accept and ignore a size */
		if (v == NULL || l < sizeof(int))
			return kern_fail(EINVAL);
		return lwip_getsockopt(s, SOL_SOCKET, SO_TYPE, &(int){ 0 }, &(socklen_t){ sizeof(int) }) < 0 ? -1 : 0;
	}
	return lwip_setsockopt(s, level, name, v, l);
}

int
rump_sys_getsockopt(int s, int level, int name, void *v, socklen_t *l)
{
	int rv;

	SOCKET_FD(s);
	if (level == SOL_SOCKET && name == SO_SNDBUF) {
		int type;
		socklen_t tl = sizeof(type);
		if (v == NULL || l == NULL || *l < sizeof(int))
			return kern_fail(EINVAL);
		if (lwip_getsockopt(s, SOL_SOCKET, SO_TYPE, &type, &tl) < 0)
			return -1;
		*(int *)v = type == SOCK_STREAM ? TCP_SND_BUF : 0xffff;
		*l = sizeof(int);
		return 0;
	}
	rv = lwip_getsockopt(s, level, name, v, l);
	if (rv == 0 && level == SOL_SOCKET && name == SO_ERROR && s < NFDS && (fdstate[s] & FD_CONNECTING)) {
		int *e = v;
		if (*e == ECONNRESET)
			*e = ECONNREFUSED;
		if (*e != 0)
			set_connecting(s, 0);
	}
	return rv;
}

int
rump_sys_getsockname(int s, struct sockaddr *a, socklen_t *l)
{
	SOCKET_FD(s);
	return lwip_getsockname(s, a, l);
}

int
rump_sys_getpeername(int s, struct sockaddr *a, socklen_t *l)
{
	SOCKET_FD(s);
	return lwip_getpeername(s, a, l);
}

int
rump_sys_close(int fd)
{
	if (is_console(fd))
		return 0;       /* the console stays open */
	if (kern_is_dev(fd))
		return kern_dev_close(fd);
	if (fd < 0)
		return kern_fail(EBADF);
	set_open(fd, 0);
	kern_net_start();
	return lwip_close(fd);
}

int
rump_sys_fcntl(int fd, int cmd, ...)
{
	__builtin_va_list ap;
	int arg;

	__builtin_va_start(ap, cmd);
	arg = cmd == F_SETFL ? __builtin_va_arg(ap, int) : 0;
	__builtin_va_end(ap);
	if (fd < 0)
		return kern_fail(EBADF);
	if (cmd != F_GETFL && cmd != F_SETFL)
		return kern_fail(EINVAL);
	if (is_console(fd))
		return cmd == F_GETFL ? O_RDWR : 0;
	if (kern_is_dev(fd))
		return cmd == F_GETFL ? kern_dev_getfl(fd) : 0;
	kern_net_start();
	if (cmd == F_SETFL)
		return lwip_fcntl(fd, F_SETFL, arg & O_NONBLOCK);
	return lwip_fcntl(fd, F_GETFL, 0);
}

int
rump_sys_ioctl(int fd, u_long com, ...)
{
	__builtin_va_list ap;
	void *argp;

	__builtin_va_start(ap, com);
	argp = __builtin_va_arg(ap, void *);
	__builtin_va_end(ap);
	if (fd < 0)
		return kern_fail(EBADF);
	if (kern_is_dev(fd))
		return kern_dev_ioctl(fd, com, argp);
	if (com != FIONBIO && com != FIONREAD)
		return kern_fail(is_console(fd) ? ENOTTY : EOPNOTSUPP);
	if (argp == NULL)
		return kern_fail(EFAULT);
	if (is_console(fd)) {
		if (com == FIONREAD)
			*(int *)argp = fd == 0 && kern_console_readable() ? 1 : 0;
		return 0;
	}
	kern_net_start();
	return lwip_ioctl(fd, (long)com, argp);
}

/* /dev/NAME: the device nodes drivers registered (dev.c); nothing else has a name */
int
rump_sys_open(const char *path, int flags, mode_t mode)
{
	(void)mode;
	return kern_dev_open(path, flags);
}

/* ---- not in this kernel: fail with ENOSYS ---- */

#define NOSYS return kern_fail(ENOSYS)

int rump_sys_dup2(int from, int to) { (void)from; (void)to; NOSYS; }
int rump_sys_kqueue(void) { NOSYS; }
int rump_sys_kevent(int fd, const struct kevent *ch, size_t nch, struct kevent *ev, size_t nev,
    const struct timespec *ts)
{
	(void)fd; (void)ch; (void)nch; (void)ev; (void)nev; (void)ts;
	NOSYS;
}
/* only the SDK's own reports (rump/netif.h RUMPSDK_CTL_REPORT), read-only */
int rump_sys___sysctl(const int *nm, u_int nl, void *o, size_t *ol, const void *n, size_t nlen)
{
	if (nl != 3 || nm == NULL || nm[0] != RUMPSDK_CTL_NET || nm[1] != RUMPSDK_CTL_REPORT)
		return kern_fail(EOPNOTSUPP);
	if (n != NULL || nlen != 0)
		return kern_fail(EPERM);
	if (o == NULL || ol == NULL || *ol == 0)
		return kern_fail(EINVAL);
	if (nm[2] < RUMPSDK_REPORT_IFS || nm[2] > RUMPSDK_REPORT_MEM)
		return kern_fail(ENOENT);
	*ol = kern_net_report(nm[2], o, *ol);
	return 0;
}
