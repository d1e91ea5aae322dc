/*
 * The syscalls of the thin kernel (no network stack yet): console read/write, poll as a
 * sleep, reboot as exit. Everything else fails with ENOSYS. Built on hypercalls only.
 */
#include "kernel_int.h"

#define POLL_SLICE_NS 10000000LL        /* how often poll looks at console input */
#define NS_PER_SEC 1000000000LL

ssize_t
rump_sys_write(int fd, const void *buf, size_t nbyte)
{
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
 * Descriptors 0-2 only (the console); others report POLLNVAL. Without anything ready it
 * sleeps for the timeout, looking at console input every POLL_SLICE_NS when fd 0 is watched.
 */
int
rump_sys_poll(struct pollfd *fds, u_int nfds, int timeout)
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

int
rump_sys_reboot(int opt, char *bootstr)
{
	(void)opt; (void)bootstr;
	rumpuser_exit(0);
}

/* ---- not in the thin kernel: fail with ENOSYS ---- */

#define NOSYS return kern_fail(ENOSYS)

int rump_sys_socket(int d, int t, int p) { (void)d; (void)t; (void)p; NOSYS; }
int rump_sys_bind(int s, const struct sockaddr *a, socklen_t l) { (void)s; (void)a; (void)l; NOSYS; }
int rump_sys_listen(int s, int b) { (void)s; (void)b; NOSYS; }
int rump_sys_accept(int s, struct sockaddr *a, socklen_t *l) { (void)s; (void)a; (void)l; NOSYS; }
int rump_sys_paccept(int s, struct sockaddr *a, socklen_t *l, const sigset_t *m, int f)
{
	(void)s; (void)a; (void)l; (void)m; (void)f;
	NOSYS;
}
int rump_sys_connect(int s, const struct sockaddr *a, socklen_t l) { (void)s; (void)a; (void)l; NOSYS; }
int rump_sys_shutdown(int s, int h) { (void)s; (void)h; NOSYS; }
ssize_t rump_sys_sendto(int s, const void *b, size_t n, int f, const struct sockaddr *a, socklen_t l)
{
	(void)s; (void)b; (void)n; (void)f; (void)a; (void)l;
	NOSYS;
}
ssize_t rump_sys_recvfrom(int s, void *b, size_t n, int f, struct sockaddr *a, socklen_t *l)
{
	(void)s; (void)b; (void)n; (void)f; (void)a; (void)l;
	NOSYS;
}
ssize_t rump_sys_sendmsg(int s, const struct msghdr *m, int f) { (void)s; (void)m; (void)f; NOSYS; }
ssize_t rump_sys_recvmsg(int s, struct msghdr *m, int f) { (void)s; (void)m; (void)f; NOSYS; }
int rump_sys_setsockopt(int s, int lv, int nm, const void *v, socklen_t l)
{
	(void)s; (void)lv; (void)nm; (void)v; (void)l;
	NOSYS;
}
int rump_sys_getsockopt(int s, int lv, int nm, void *v, socklen_t *l)
{
	(void)s; (void)lv; (void)nm; (void)v; (void)l;
	NOSYS;
}
int rump_sys_getsockname(int s, struct sockaddr *a, socklen_t *l) { (void)s; (void)a; (void)l; NOSYS; }
int rump_sys_getpeername(int s, struct sockaddr *a, socklen_t *l) { (void)s; (void)a; (void)l; NOSYS; }
int rump_sys_close(int fd) { (void)fd; NOSYS; }
int rump_sys_dup2(int from, int to) { (void)from; (void)to; NOSYS; }
int rump_sys_open(const char *p, int f, mode_t m) { (void)p; (void)f; (void)m; NOSYS; }
int rump_sys_fcntl(int fd, int cmd, ...) { (void)fd; (void)cmd; NOSYS; }
int rump_sys_ioctl(int fd, u_long com, ...) { (void)fd; (void)com; NOSYS; }
int rump_sys_kqueue(void) { NOSYS; }
int rump_sys_kevent(int fd, const struct kevent *ch, size_t nch, struct kevent *ev, size_t nev,
    const struct timespec *ts)
{
	(void)fd; (void)ch; (void)nch; (void)ev; (void)nev; (void)ts;
	NOSYS;
}
int rump_sys___sysctl(const int *nm, u_int nl, void *o, size_t *ol, const void *n, size_t nlen)
{
	(void)nm; (void)nl; (void)o; (void)ol; (void)n; (void)nlen;
	NOSYS;
}
