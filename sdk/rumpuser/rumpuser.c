/*
 * Firmware hypercalls over core (layer 2): memory, files, clock, parameters,
 * errors, termination, console, randomness, component loading. Threads and locks: sync.c.
 */
#include "rumpuser_int.h"

/* ---- memory: core's allocator ---- */

int
rumpuser_malloc(size_t len, int alignment, void **memp)
{
	void *p;

	if (alignment < 0 || (alignment & (alignment - 1)) != 0)
		return RUMPUSER_EINVAL;
	if ((p = core_malloc(len ? len : 1, (size_t)alignment)) == NULL)
		return RUMPUSER_ENOMEM;
	*memp = p;
	return 0;
}

void
rumpuser_free(void *mem, size_t len)
{
	(void)len;
	core_free(mem);
}

/* no virtual memory: an aligned allocation (at least page-aligned); prefaddr is a hint only */
int
rumpuser_anonmmap(void *prefaddr, size_t size, int alignbit, int exec, void **memp)
{
	size_t align = 4096;
	void *p;

	(void)prefaddr; (void)exec;
	if (alignbit >= (int)(8 * sizeof(size_t)))
		return RUMPUSER_EINVAL;
	if (alignbit > 12)
		align = (size_t)1 << alignbit;
	if ((p = core_malloc(size ? size : 1, align)) == NULL)
		return RUMPUSER_ENOMEM;
	*memp = p;
	return 0;
}

void
rumpuser_unmap(void *addr, size_t len)
{
	(void)len;
	core_free(addr);
}

/*
 * ---- files and block I/O: no storage ----
 * One exception: reading fd 0 as a stream (RUMPUSER_IOV_NOSEEK) reads the console input,
 * without blocking (RUMPUSER_EAGAIN when nothing waits). The kernel's fd 0 uses this.
 */

int
rumpuser_open(const char *path, int ruflags, int *fdp)
{
	(void)path; (void)ruflags; (void)fdp;
	return RUMPUSER_ENOSYS;
}

int
rumpuser_close(int fd)
{
	(void)fd;
	return RUMPUSER_ENOSYS;
}

int
rumpuser_getfileinfo(const char *path, uint64_t *sizep, int *ftp)
{
	(void)path; (void)sizep; (void)ftp;
	return RUMPUSER_ENOSYS;
}

void
rumpuser_bio(int fd, int op, void *data, size_t dlen, int64_t off,
    rump_biodone_fn biodone, void *bioarg)
{
	(void)fd; (void)op; (void)data; (void)dlen; (void)off;
	biodone(bioarg, 0, RUMPUSER_ENOSYS);
}

int
rumpuser_iovread(int fd, struct rumpuser_iovec *ruiov, size_t iovlen, int64_t off,
    size_t *retp)
{
	size_t i, j, got = 0;
	int c = 0;

	if (fd != 0 || off != RUMPUSER_IOV_NOSEEK)
		return RUMPUSER_ENOSYS;
	for (i = 0; i < iovlen && c >= 0; i++) {
		unsigned char *p = ruiov[i].iov_base;
		for (j = 0; j < ruiov[i].iov_len; j++) {
			if ((c = core_getc()) < 0)
				break;
			p[j] = (unsigned char)c;
			got++;
		}
	}
	if (got == 0)
		return RUMPUSER_EAGAIN;
	*retp = got;
	return 0;
}

int
rumpuser_iovwrite(int fd, const struct rumpuser_iovec *ruiov, size_t iovlen, int64_t off,
    size_t *retp)
{
	(void)fd; (void)ruiov; (void)iovlen; (void)off; (void)retp;
	return RUMPUSER_ENOSYS;
}

int
rumpuser_syncfd(int fd, int flags, uint64_t start, uint64_t len)
{
	(void)fd; (void)flags; (void)start; (void)len;
	return RUMPUSER_ENOSYS;
}

/* ---- clock and sleep ---- */

#define NS_PER_SEC 1000000000LL

int
rumpuser_clock_gettime(int which, int64_t *sec, long *nsec)
{
	int64_t ns;

	if (which == RUMPUSER_CLOCK_RELWALL)
		ns = core_clock_wall_ns();
	else if (which == RUMPUSER_CLOCK_ABSMONO)
		ns = (int64_t)core_clock_monotonic_ns();
	else
		return RUMPUSER_EINVAL;
	*sec = ns / NS_PER_SEC;
	*nsec = (long)(ns % NS_PER_SEC);
	return 0;
}

/* RELWALL: for the interval; ABSMONO: until that monotonic instant. A past instant yields. */
int
rumpuser_clock_sleep(int which, int64_t sec, long nsec)
{
	uint64_t now = core_clock_monotonic_ns(), deadline;
	int64_t t;
	int nlocks;

	if (sec < 0 || nsec < 0 || nsec >= NS_PER_SEC)
		return RUMPUSER_EINVAL;
	t = sec * NS_PER_SEC + nsec;
	if (which == RUMPUSER_CLOCK_RELWALL)
		deadline = now + (uint64_t)t;
	else if (which == RUMPUSER_CLOCK_ABSMONO)
		deadline = (uint64_t)t;
	else
		return RUMPUSER_EINVAL;
	rumpuser__unschedule(&nlocks, NULL);
	if (deadline <= now)
		core_thread_yield();
	else
		core_sleep_until(deadline);
	rumpuser__reschedule(nlocks, NULL);
	return 0;
}

/* ---- parameters: the board's and the application's (core_param), then defaults ---- */

static int
streq(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b)
		a++, b++;
	return *a == *b;
}

static int
prefixed(const char *s, const char *prefix)
{
	while (*prefix != '\0' && *s == *prefix)
		s++, prefix++;
	return *prefix == '\0';
}

/* Reports of core's state for the debug shell, read as parameters (the v17 interface has no
 * other call that reaches core): "rumpsdk.report.threads", one line per thread, and
 * "rumpsdk.report.memory", core's allocator. */
struct report { char *buf; size_t len, off; int overflow; };

static void
report_add(struct report *r, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = core_vsnprintf(r->buf + r->off, r->len - r->off, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= r->len - r->off)
		r->overflow = 1;
	else
		r->off += (size_t)n;
}

static void
report_thread(const struct core_thread_info *t, void *arg)
{
	report_add(arg, "%-16s %-9s stack %s%lu of %lu KiB\n", t->name, t->state,
	    t->used_exact ? "" : "<= ", (unsigned long)(t->stack_used + 1023) / 1024,
	    (unsigned long)t->stack_size / 1024);
}

static int
report(const char *name, void *buf, size_t buflen)
{
	struct report r = { buf, buflen, 0, 0 };
	struct core_memstats st;

	if (buflen == 0)
		return RUMPUSER_ERANGE;
	r.buf[0] = '\0';
	if (streq(name, "rumpsdk.report.threads")) {
		core_thread_foreach(report_thread, &r);
	} else if (streq(name, "rumpsdk.report.memory")) {
		core_memstats(&st);
		report_add(&r, "%lu KiB used of %lu KiB (peak %lu KiB), largest free block %lu KiB\n",
		    (unsigned long)st.used / 1024, (unsigned long)st.total / 1024,
		    (unsigned long)st.peak / 1024, (unsigned long)st.free_largest / 1024);
	} else
		return RUMPUSER_ENOENT;
	return r.overflow ? RUMPUSER_ERANGE : 0;
}

int
rumpuser_getparam(const char *name, void *buf, size_t buflen)
{
	const char *v = core_param(name);
	size_t n;

	char tmp[24];

	if (v == NULL) {
		if (prefixed(name, "rumpsdk.report."))
			return report(name, buf, buflen);
		if (streq(name, RUMPUSER_PARAM_NCPU))
			v = "1";                /* core runs one CPU */
		else if (streq(name, RUMPUSER_PARAM_HOSTNAME))
			v = "rumpsdk";
		else if (streq(name, "RUMP_MEMLIMIT")) {
			/* half of what core has free when the kernel asks (at its start): the rest is
			 * for thread stacks, DMA memory and the runtime, which the kernel does not count */
			struct core_memstats st;
			core_memstats(&st);
			core_snprintf(tmp, sizeof(tmp), "%luk", (unsigned long)((st.total - st.used) / 2048));
			v = tmp;
		} else
			return RUMPUSER_ENOENT;
	}
	for (n = 1; v[n - 1] != '\0'; n++)
		;
	if (n > buflen)
		return RUMPUSER_ERANGE;
	__builtin_memcpy(buf, v, n);
	return 0;
}

/* ---- errors and termination ---- */

void
rumpuser_seterrno(int error)
{
	rumpuser__slots()[SLOT_ERRNO] = (void *)(intptr_t)error;
}

/* No processes: only signals to "self" mean something; the fatal ones stop the machine. */
int
rumpuser_kill(int64_t pid, int sig)
{
	if (pid != RUMPUSER_PID_SELF)
		return RUMPUSER_ESRCH;
	switch (sig) {
	case 6:                                 /* SIGABRT */
		core_panic("rumpuser_kill: SIGABRT");
	case 1: case 2: case 3: case 9: case 15:  /* SIGHUP, SIGINT, SIGQUIT, SIGKILL, SIGTERM */
		core_printf("rumpuser: signal %d, halting\n", sig);
		core_halt(128 + sig);
	default:
		return 0;
	}
}

/* A kernel (NetBSD's panic(), the SDK's runtime) prints "panic: <reason>" through rumpuser_dprintf
 * and then calls rumpuser_exit(RUMPUSER_PANIC): the last such line becomes the report's reason. */
static char panic_reason[160];

void
rumpuser_exit(int value)
{
	if (value == RUMPUSER_PANIC)
		core_panic("%s", panic_reason[0] ? panic_reason : "rumpuser_exit(RUMPUSER_PANIC)");
	core_halt(value);
}

/* ---- console ---- */

void
rumpuser_putchar(int c)
{
	core_putc(c);
}

void
rumpuser_dprintf(const char *fmt, ...)
{
	char line[sizeof(panic_reason) + 8];
	va_list ap;

	va_start(ap, fmt);
	core_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (__builtin_memcmp(line, "panic: ", 7) == 0) {
		size_t i;
		for (i = 0; i + 1 < sizeof(panic_reason) && line[7 + i] && line[7 + i] != '\n'; i++)
			panic_reason[i] = line[7 + i];
		panic_reason[i] = '\0';
	}
	va_start(ap, fmt);
	core_vprintf(fmt, ap);
	va_end(ap);
}

/* ---- randomness: the board's best source, named once in the boot log ---- */

int
rumpuser_getrandom(void *buf, size_t buflen, int flags, size_t *retp)
{
	static int logged;
	const char *src;

	(void)flags;
	src = core_random(buf, buflen);
	if (!logged) {
		logged = 1;
		core_printf("rumpuser: random source: %s\n", src != NULL ? src : "unknown");
	}
	*retp = buflen;
	return 0;
}

/* ---- component loading and management ---- */

/*
 * Everything is statically linked: the linker sets "link_set_rump_components" (pointers to
 * struct rump_component) and "link_set_modules" (pointers to struct modinfo), kept by the
 * board's linker script, are handed to the kernel. Their boundary symbols are weak so that
 * images without them link too. A NetBSD kernel built with linker sets also scans both itself
 * and ignores what it has already (a component loaded twice, a module that exists: EEXIST).
 * No symbol tables (symload) are handed over.
 */
extern const struct rump_component *const __start_link_set_rump_components[]
    __attribute__((weak));
extern const struct rump_component *const __stop_link_set_rump_components[]
    __attribute__((weak));
extern const struct modinfo *const __start_link_set_modules[] __attribute__((weak));
extern const struct modinfo *const __stop_link_set_modules[] __attribute__((weak));

void
rumpuser_dl_bootstrap(rump_modinit_fn domodinit, rump_symload_fn symload,
    rump_compload_fn compload)
{
	const struct rump_component *const *rc;
	const struct modinfo *const *mods = __start_link_set_modules;
	size_t nmods = mods != NULL ? (size_t)(__stop_link_set_modules - mods) : 0;

	(void)symload;
	if (domodinit != NULL && nmods > 0)
		domodinit(mods, nmods);
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
