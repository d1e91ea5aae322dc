/*
 * Hosted hypercalls (board "host"): memory, files, clock, parameters, errors,
 * termination, console and randomness over libc. Threads and locks: posix_sync.c; init and
 * the upcall wrappers: ../upcalls.c.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "posix_int.h"

int
rumpuser__errtrans(int e)
{
	switch (e) {
	case 0: return 0;
	case EPERM: return RUMPUSER_EPERM;
	case ENOENT: return RUMPUSER_ENOENT;
	case ESRCH: return RUMPUSER_ESRCH;
	case EINTR: return RUMPUSER_EINTR;
	case EIO: return RUMPUSER_EIO;
	case ENXIO: return RUMPUSER_ENXIO;
	case E2BIG: return RUMPUSER_E2BIG;
	case EBADF: return RUMPUSER_EBADF;
	case EDEADLK: return RUMPUSER_EDEADLK;
	case ENOMEM: return RUMPUSER_ENOMEM;
	case EACCES: return RUMPUSER_EACCES;
	case EFAULT: return RUMPUSER_EFAULT;
	case EBUSY: return RUMPUSER_EBUSY;
	case EEXIST: return RUMPUSER_EEXIST;
	case ENODEV: return RUMPUSER_ENODEV;
	case ENOTDIR: return RUMPUSER_ENOTDIR;
	case EISDIR: return RUMPUSER_EISDIR;
	case EINVAL: return RUMPUSER_EINVAL;
	case ENFILE: return RUMPUSER_ENFILE;
	case EMFILE: return RUMPUSER_EMFILE;
	case ENOTTY: return RUMPUSER_ENOTTY;
	case ENOSPC: return RUMPUSER_ENOSPC;
	case ESPIPE: return RUMPUSER_ESPIPE;
	case EPIPE: return RUMPUSER_EPIPE;
	case ERANGE: return RUMPUSER_ERANGE;
	case EAGAIN: return RUMPUSER_EAGAIN;
	case ETIMEDOUT: return RUMPUSER_ETIMEDOUT;
	case ENAMETOOLONG: return RUMPUSER_ENAMETOOLONG;
	case ENOSYS: return RUMPUSER_ENOSYS;
	case ENOTSUP: return RUMPUSER_ENOTSUP;
	default: return RUMPUSER_EIO;   /* no NetBSD equivalent listed */
	}
}

/* ---- memory ---- */

int
rumpuser_malloc(size_t len, int alignment, void **memp)
{
	void *p;

	if (alignment <= (int)sizeof(void *)) {
		p = malloc(len ? len : 1);
		if (p == NULL)
			return RUMPUSER_ENOMEM;
	} else {
		int rv = posix_memalign(&p, (size_t)alignment, len ? len : 1);
		if (rv != 0)
			return rumpuser__errtrans(rv);
	}
	*memp = p;
	return 0;
}

void
rumpuser_free(void *mem, size_t len)
{
	(void)len;
	free(mem);
}

int
rumpuser_anonmmap(void *prefaddr, size_t size, int alignbit, int exec, void **memp)
{
	int prot = PROT_READ | PROT_WRITE | (exec ? PROT_EXEC : 0);
	size_t align = alignbit > 0 ? (size_t)1 << alignbit : 0;
	size_t extra = align > (size_t)getpagesize() ? align : 0;
	char *p, *a;

	/* over-allocate by the alignment and trim both ends */
	p = mmap(prefaddr, size + extra, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return rumpuser__errtrans(errno);
	a = p;
	if (extra) {
		a = (char *)(((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1));
		if (a > p)
			munmap(p, (size_t)(a - p));
		if (a + size < p + size + extra)
			munmap(a + size, (size_t)(p + size + extra - (a + size)));
	}
	*memp = a;
	return 0;
}

void
rumpuser_unmap(void *addr, size_t len)
{
	munmap(addr, len);
}

/* ---- files and block I/O: the host's files ---- */

int
rumpuser_open(const char *path, int ruflags, int *fdp)
{
	int flags, fd;

	switch (ruflags & RUMPUSER_OPEN_ACCMODE) {
	case RUMPUSER_OPEN_WRONLY: flags = O_WRONLY; break;
	case RUMPUSER_OPEN_RDWR: flags = O_RDWR; break;
	default: flags = O_RDONLY; break;
	}
	if (ruflags & RUMPUSER_OPEN_CREATE)
		flags |= O_CREAT;
	if (ruflags & RUMPUSER_OPEN_EXCL)
		flags |= O_EXCL;
	fd = open(path, flags | O_CLOEXEC, 0644);
	if (fd == -1)
		return rumpuser__errtrans(errno);
	*fdp = fd;
	return 0;
}

int
rumpuser_close(int fd)
{
	return close(fd) == -1 ? rumpuser__errtrans(errno) : 0;
}

int
rumpuser_getfileinfo(const char *path, uint64_t *sizep, int *ftp)
{
	struct stat st;

	if (stat(path, &st) == -1)
		return rumpuser__errtrans(errno);
	if (sizep != NULL)
		*sizep = (uint64_t)st.st_size;
	if (ftp != NULL) {
		if (S_ISDIR(st.st_mode)) *ftp = RUMPUSER_FT_DIR;
		else if (S_ISREG(st.st_mode)) *ftp = RUMPUSER_FT_REG;
		else if (S_ISBLK(st.st_mode)) *ftp = RUMPUSER_FT_BLK;
		else if (S_ISCHR(st.st_mode)) *ftp = RUMPUSER_FT_CHR;
		else *ftp = RUMPUSER_FT_OTHER;
	}
	return 0;
}

/* synchronous: the I/O is done before biodone is called */
void
rumpuser_bio(int fd, int op, void *data, size_t dlen, int64_t off,
    rump_biodone_fn biodone, void *bioarg)
{
	ssize_t n;
	int nlocks, error = 0;

	rumpuser__unschedule(&nlocks, NULL);
	if (op & RUMPUSER_BIO_READ)
		n = pread(fd, data, dlen, (off_t)off);
	else
		n = pwrite(fd, data, dlen, (off_t)off);
	if (n == -1) {
		error = rumpuser__errtrans(errno);
		n = 0;
	} else if ((op & RUMPUSER_BIO_SYNC) && (op & RUMPUSER_BIO_WRITE)) {
		fdatasync(fd);
	}
	rumpuser__reschedule(nlocks, NULL);
	biodone(bioarg, (size_t)n, error);
}

/*
 * A stream read (off == RUMPUSER_IOV_NOSEEK) never blocks: with no data waiting it returns
 * RUMPUSER_EAGAIN. The kernel polls the console this way (fd 0).
 */
int
rumpuser_iovread(int fd, struct rumpuser_iovec *ruiov, size_t iovlen, int64_t off,
    size_t *retp)
{
	ssize_t n;

	if (off == RUMPUSER_IOV_NOSEEK) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		if (poll(&pfd, 1, 0) == 0)
			return RUMPUSER_EAGAIN;
		n = readv(fd, (struct iovec *)ruiov, (int)iovlen);
	} else {
		n = preadv(fd, (struct iovec *)ruiov, (int)iovlen, (off_t)off);
	}
	if (n == -1)
		return rumpuser__errtrans(errno);
	*retp = (size_t)n;
	return 0;
}

int
rumpuser_iovwrite(int fd, const struct rumpuser_iovec *ruiov, size_t iovlen, int64_t off,
    size_t *retp)
{
	ssize_t n;

	if (fd <= 2)
		rumpuser__flush();      /* keep console output in order */
	if (off == RUMPUSER_IOV_NOSEEK)
		n = writev(fd, (const struct iovec *)ruiov, (int)iovlen);
	else
		n = pwritev(fd, (const struct iovec *)ruiov, (int)iovlen, (off_t)off);
	if (n == -1)
		return rumpuser__errtrans(errno);
	*retp = (size_t)n;
	return 0;
}

int
rumpuser_syncfd(int fd, int flags, uint64_t start, uint64_t len)
{
	(void)start; (void)len;
	if ((flags & (RUMPUSER_SYNCFD_WRITE | RUMPUSER_SYNCFD_SYNC)) && fsync(fd) == -1)
		return rumpuser__errtrans(errno);
	return 0;
}

/* ---- clock and sleep ---- */

/* The hosted machine "boots" when the process starts: monotonic time counts from there, as a
 * board's counts from kernel entry. */
static struct timespec mono_base;

__attribute__((constructor)) static void
mono_base_init(void)
{
	clock_gettime(CLOCK_MONOTONIC, &mono_base);
}

int
rumpuser_clock_gettime(int which, int64_t *sec, long *nsec)
{
	struct timespec ts;

	if (which != RUMPUSER_CLOCK_RELWALL && which != RUMPUSER_CLOCK_ABSMONO)
		return RUMPUSER_EINVAL;
	clock_gettime(which == RUMPUSER_CLOCK_RELWALL ? CLOCK_REALTIME : CLOCK_MONOTONIC, &ts);
	if (which == RUMPUSER_CLOCK_ABSMONO) {
		ts.tv_sec -= mono_base.tv_sec;
		ts.tv_nsec -= mono_base.tv_nsec;
		if (ts.tv_nsec < 0) {
			ts.tv_nsec += 1000000000L;
			ts.tv_sec--;
		}
	}
	*sec = ts.tv_sec;
	*nsec = ts.tv_nsec;
	return 0;
}

int
rumpuser_clock_sleep(int which, int64_t sec, long nsec)
{
	struct timespec ts = { .tv_sec = (time_t)sec, .tv_nsec = nsec };
	int nlocks, rv = 0;

	if (which != RUMPUSER_CLOCK_RELWALL && which != RUMPUSER_CLOCK_ABSMONO)
		return RUMPUSER_EINVAL;
	if (sec < 0 || nsec < 0 || nsec >= 1000000000L)
		return RUMPUSER_EINVAL;
	rumpuser__flush();
	rumpuser__unschedule(&nlocks, NULL);
	if (which == RUMPUSER_CLOCK_RELWALL) {
		while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
			;
	} else {
		ts.tv_sec += mono_base.tv_sec;
		ts.tv_nsec += mono_base.tv_nsec;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_nsec -= 1000000000L;
			ts.tv_sec++;
		}
		while ((rv = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL)) == EINTR)
			;
	}
	rumpuser__reschedule(nlocks, NULL);
	return rumpuser__errtrans(rv);
}

/* ---- parameters ---- */

static int
copyparam(void *buf, size_t buflen, const char *value)
{
	size_t n = strlen(value) + 1;

	if (n > buflen)
		return RUMPUSER_ERANGE;
	memcpy(buf, value, n);
	return 0;
}

/* "_RUMPUSER_*" are answered here; other names come from the environment */
int
rumpuser_getparam(const char *name, void *buf, size_t buflen)
{
	const char *v;

	if (strcmp(name, RUMPUSER_PARAM_NCPU) == 0) {
		v = getenv("RUMPSDK_NCPU");
		return copyparam(buf, buflen, v != NULL ? v : "1");
	}
	if (strcmp(name, RUMPUSER_PARAM_HOSTNAME) == 0) {
		char host[256];
		if (gethostname(host, sizeof(host)) == -1)
			strcpy(host, "rumpsdk-host");
		host[sizeof(host) - 1] = '\0';
		return copyparam(buf, buflen, host);
	}
	if (strcmp(name, "rumpsdk.main_stack") == 0) {
		/* the main thread's stack is the process stack: its limit */
		struct rlimit rl;
		char num[24];
		rlim_t n = getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY ? rl.rlim_cur : 8u << 20;
		snprintf(num, sizeof(num), "%llu", (unsigned long long)n);
		return copyparam(buf, buflen, num);
	}
	if (name[0] == '_')
		return RUMPUSER_EINVAL;
	if ((v = getenv(name)) == NULL)
		return RUMPUSER_ENOENT;
	return copyparam(buf, buflen, v);
}

/* ---- errors and termination ---- */

/* the last "panic: <reason>" line printed through rumpuser_dprintf: the report's reason */
static char panic_reason[160];

/* the host's errno of the calling thread, in NetBSD numbering */
void
rumpuser_seterrno(int error)
{
	errno = error;
}

int
rumpuser_kill(int64_t pid, int sig)
{
	if (pid != RUMPUSER_PID_SELF)
		return RUMPUSER_ESRCH;
	switch (sig) {
	case 0:
		return 0;
	case 1: case 2: case 3: case 6: case 9: case 15:   /* same numbers on NetBSD and Linux */
		rumpuser__flush();
		raise(sig);
		return 0;
	default:
		return 0;       /* other signals have no host meaning here: ignored */
	}
}

void
rumpuser_exit(int value)
{
	rumpuser__flush();
	if (value == RUMPUSER_PANIC) {
		char name[32] = "?";
		pthread_getname_np(pthread_self(), name, sizeof(name));
		fprintf(stderr, "=== RUMPSDK PANIC ===\n"
		    "reason: %s\n"
		    "build-id: none\n"
		    "thread: %s\n"
		    "regs: unavailable (host)\n"
		    "backtrace: %p\n"
		    "=== END PANIC ===\n",
		    panic_reason[0] ? panic_reason : "rumpuser_exit(RUMPUSER_PANIC)", name, __builtin_return_address(0));
		fflush(stderr);
		_exit(127);
	}
	exit(value);
}

/* ---- console ---- */

/*
 * Console output: our own buffer and write loop rather than stdio. The standard output we inherit
 * may be in non-blocking mode (O_NONBLOCK belongs to the open file, and a parent such as Node sets
 * it on its pipes); stdio then loses track of partly written buffers on EAGAIN and writes them
 * twice. Here a full pipe just means waiting for it to drain.
 */
static pthread_mutex_t cons_mtx = PTHREAD_MUTEX_INITIALIZER;
static char cons_buf[8192];
static size_t cons_len;

static void
cons_drain(void)
{
	size_t off = 0;

	while (off < cons_len) {
		ssize_t n = write(STDOUT_FILENO, cons_buf + off, cons_len - off);
		if (n > 0) {
			off += (size_t)n;
		} else if (n == -1 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			struct pollfd pfd = { .fd = STDOUT_FILENO, .events = POLLOUT };
			poll(&pfd, 1, -1);
		} else if (!(n == -1 && errno == EINTR)) {
			break;          /* the reader is gone: drop the output */
		}
	}
	cons_len = 0;
}

void
rumpuser_putchar(int c)
{
	pthread_mutex_lock(&cons_mtx);
	if (cons_len == sizeof(cons_buf))
		cons_drain();
	cons_buf[cons_len++] = (char)c;
	pthread_mutex_unlock(&cons_mtx);
}

void
rumpuser__flush(void)
{
	pthread_mutex_lock(&cons_mtx);
	cons_drain();
	pthread_mutex_unlock(&cons_mtx);
}

/* a program that returns from main ends through exit(): the console is flushed then too */
__attribute__((constructor)) static void
cons_init(void)
{
	atexit(rumpuser__flush);
}

/* debug output goes to stderr, so stdout stays the program's own output */
void
rumpuser_dprintf(const char *fmt, ...)
{
	char line[sizeof(panic_reason) + 8];
	va_list ap;

	rumpuser__flush();
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (strncmp(line, "panic: ", 7) == 0)
		snprintf(panic_reason, sizeof(panic_reason), "%.*s", (int)strcspn(line + 7, "\n"), line + 7);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

/* ---- randomness: the host kernel's ---- */

int
rumpuser_getrandom(void *buf, size_t buflen, int flags, size_t *retp)
{
	size_t done = 0;
	ssize_t n;

	while (done < buflen) {
		n = getrandom((char *)buf + done, buflen - done,
		    (flags & RUMPUSER_RANDOM_NOWAIT) ? GRND_NONBLOCK : 0);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			if (done > 0)
				break;
			return rumpuser__errtrans(errno);
		}
		done += (size_t)n;
	}
	*retp = done;
	return 0;
}

/* ---- component loading and management ---- */

/*
 * Statically linked components: the linker set "link_set_rump_components" holds pointers to
 * struct rump_component. The boundary symbols are weak, so programs without the set link too.
 * Modules (modinfo) and symbol tables are not used by the SDK's kernels: domodinit and
 * symload are not called.
 */
extern const struct rump_component *const __start_link_set_rump_components[]
    __attribute__((weak));
extern const struct rump_component *const __stop_link_set_rump_components[]
    __attribute__((weak));

void
rumpuser_dl_bootstrap(rump_modinit_fn domodinit, rump_symload_fn symload,
    rump_compload_fn compload)
{
	const struct rump_component *const *rc;

	(void)domodinit; (void)symload;
	if (compload == NULL || __start_link_set_rump_components == NULL)
		return;
	for (rc = __start_link_set_rump_components; rc < __stop_link_set_rump_components; rc++)
		compload(*rc);
}

int
rumpuser_daemonize_begin(void)
{
	return 0;
}

int
rumpuser_daemonize_done(int error)
{
	(void)error;
	return 0;
}
