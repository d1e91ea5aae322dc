/*
 * The rump kernel hypercall interface, version 17 (shared/design/hypercalls.md).
 *
 * Layer 3. Implemented by sdk/rumpuser (firmware, over core) and sdk/rumpuser/posix (board
 * "host", over libc and pthreads); called by the kernel (layer 4) and the runtime (layer 5).
 * Names, signatures and constants are fixed by the interface: a genuine NetBSD rump kernel
 * links against them unchanged. Do not add functions here; SDK-only helpers live elsewhere.
 *
 * int-returning hypercalls return 0 or an errno value in NetBSD numbering
 * (rump/rumpuser_errno.h); they never set a global errno.
 * Self-contained: needs only the compiler's freestanding headers.
 */
#ifndef RUMP_RUMPUSER_H
#define RUMP_RUMPUSER_H
#include <stddef.h>
#include <stdint.h>
#include <rump/rumpuser_errno.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RUMPUSER_VERSION 17

struct lwp;             /* the kernel's thread; opaque to the hypercall layer */

/* ---- start-up: the kernel's upcalls, in this exact order ---- */
struct rumpuser_hyperup {
	void (*hyp_schedule)(void);
	void (*hyp_unschedule)(void);
	/* release the kernel CPU before blocking; *countp receives the locks to re-take */
	void (*hyp_backend_unschedule)(int nlocks, int *countp, void *interlock);
	/* take the kernel CPU back after blocking */
	void (*hyp_backend_schedule)(int nlocks, void *interlock);
	int (*hyp_lwproc_switch)(struct lwp *l);
	void (*hyp_lwproc_release)(void);
	int (*hyp_lwproc_rfork)(void *priv, int flags, const char *comm);
	int (*hyp_lwproc_newlwp)(int pid);              /* pid_t: 32-bit in NetBSD */
	struct lwp *(*hyp_lwproc_curlwp)(void);
	int (*hyp_syscall)(int num, void *arg, long *retval);
	void (*hyp_lwpexit)(void);
	void (*hyp_execnotify)(const char *comm);
	int (*hyp_getpid)(void);                         /* pid_t */
	void *hyp__extra[8];
};
int rumpuser_init(int version, const struct rumpuser_hyperup *hyp);

/* ---- memory ---- */
int rumpuser_malloc(size_t len, int alignment, void **memp);   /* alignment 0: natural */
void rumpuser_free(void *mem, size_t len);
int rumpuser_anonmmap(void *prefaddr, size_t size, int alignbit, int exec, void **memp);
void rumpuser_unmap(void *addr, size_t len);

/* ---- files and block I/O ---- */
#define RUMPUSER_OPEN_RDONLY  0x0000
#define RUMPUSER_OPEN_WRONLY  0x0001
#define RUMPUSER_OPEN_RDWR    0x0002
#define RUMPUSER_OPEN_ACCMODE 0x0003
#define RUMPUSER_OPEN_CREATE  0x0004
#define RUMPUSER_OPEN_EXCL    0x0008
#define RUMPUSER_OPEN_BIO     0x0010
int rumpuser_open(const char *path, int ruflags, int *fdp);
int rumpuser_close(int fd);

#define RUMPUSER_FT_OTHER 0
#define RUMPUSER_FT_DIR   1
#define RUMPUSER_FT_REG   2
#define RUMPUSER_FT_BLK   3
#define RUMPUSER_FT_CHR   4
int rumpuser_getfileinfo(const char *path, uint64_t *sizep, int *ftp);

#define RUMPUSER_BIO_READ  0x01
#define RUMPUSER_BIO_WRITE 0x02
#define RUMPUSER_BIO_SYNC  0x04
typedef void (*rump_biodone_fn)(void *arg, size_t done, int error);
void rumpuser_bio(int fd, int op, void *data, size_t dlen, int64_t off,
    rump_biodone_fn biodone, void *bioarg);

struct rumpuser_iovec {
	void *iov_base;
	size_t iov_len;
};
#define RUMPUSER_IOV_NOSEEK (-1)   /* off value: stream, no seek */
int rumpuser_iovread(int fd, struct rumpuser_iovec *ruiov, size_t iovlen, int64_t off,
    size_t *retp);
int rumpuser_iovwrite(int fd, const struct rumpuser_iovec *ruiov, size_t iovlen, int64_t off,
    size_t *retp);

#define RUMPUSER_SYNCFD_READ    0x01
#define RUMPUSER_SYNCFD_WRITE   0x02
#define RUMPUSER_SYNCFD_BARRIER 0x04
#define RUMPUSER_SYNCFD_SYNC    0x08
int rumpuser_syncfd(int fd, int flags, uint64_t start, uint64_t len);

/* ---- clock and sleep ---- */
enum rumpclock { RUMPUSER_CLOCK_RELWALL, RUMPUSER_CLOCK_ABSMONO };
int rumpuser_clock_gettime(int which, int64_t *sec, long *nsec);
int rumpuser_clock_sleep(int which, int64_t sec, long nsec);

/* ---- parameters, errors, termination, console, randomness ---- */
#define RUMPUSER_PARAM_NCPU     "_RUMPUSER_NCPU"
#define RUMPUSER_PARAM_HOSTNAME "_RUMPUSER_HOSTNAME"
int rumpuser_getparam(const char *name, void *buf, size_t buflen);

void rumpuser_seterrno(int error);

#define RUMPUSER_PID_SELF ((int64_t)-1)
int rumpuser_kill(int64_t pid, int sig);
#define RUMPUSER_PANIC (-1)
void rumpuser_exit(int value) __attribute__((noreturn));

void rumpuser_putchar(int c);
void rumpuser_dprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define RUMPUSER_RANDOM_HARD   0x01
#define RUMPUSER_RANDOM_NOWAIT 0x02
int rumpuser_getrandom(void *buf, size_t buflen, int flags, size_t *retp);

/* ---- threads ---- */
int rumpuser_thread_create(void *(*f)(void *), void *arg, const char *name, int mustjoin,
    int priority, int cpuidx, void **cookie);
void rumpuser_thread_exit(void) __attribute__((noreturn));
int rumpuser_thread_join(void *cookie);

enum rumplwpop {
	RUMPUSER_LWP_CREATE, RUMPUSER_LWP_DESTROY,
	RUMPUSER_LWP_SET, RUMPUSER_LWP_CLEAR
};
void rumpuser_curlwpop(int op, struct lwp *l);
struct lwp *rumpuser_curlwp(void);

/* ---- mutexes ---- */
struct rumpuser_mtx;
#define RUMPUSER_MTX_SPIN   0x01
#define RUMPUSER_MTX_KMUTEX 0x02
void rumpuser_mutex_init(struct rumpuser_mtx **mtxp, int flags);
void rumpuser_mutex_enter(struct rumpuser_mtx *mtx);
void rumpuser_mutex_enter_nowrap(struct rumpuser_mtx *mtx);
int rumpuser_mutex_tryenter(struct rumpuser_mtx *mtx);          /* 0: got it */
void rumpuser_mutex_exit(struct rumpuser_mtx *mtx);
void rumpuser_mutex_destroy(struct rumpuser_mtx *mtx);
void rumpuser_mutex_owner(struct rumpuser_mtx *mtx, struct lwp **lp);

/* ---- reader/writer locks ---- */
struct rumpuser_rw;
enum rumprwlock { RUMPUSER_RW_READER, RUMPUSER_RW_WRITER };
void rumpuser_rw_init(struct rumpuser_rw **rwp);
void rumpuser_rw_enter(int enum_rumprwlock, struct rumpuser_rw *rw);
int rumpuser_rw_tryenter(int enum_rumprwlock, struct rumpuser_rw *rw);
int rumpuser_rw_tryupgrade(struct rumpuser_rw *rw);
void rumpuser_rw_downgrade(struct rumpuser_rw *rw);
void rumpuser_rw_exit(struct rumpuser_rw *rw);
void rumpuser_rw_destroy(struct rumpuser_rw *rw);
void rumpuser_rw_held(int enum_rumprwlock, struct rumpuser_rw *rw, int *heldp);

/* ---- condition variables ---- */
struct rumpuser_cv;
void rumpuser_cv_init(struct rumpuser_cv **cvp);
void rumpuser_cv_destroy(struct rumpuser_cv *cv);
void rumpuser_cv_wait(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx);
void rumpuser_cv_wait_nowrap(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx);
/* relative timeout; returns 0 when signalled, RUMPUSER_ETIMEDOUT on expiry */
int rumpuser_cv_timedwait(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx,
    int64_t sec, int64_t nsec);
void rumpuser_cv_signal(struct rumpuser_cv *cv);
void rumpuser_cv_broadcast(struct rumpuser_cv *cv);
void rumpuser_cv_has_waiters(struct rumpuser_cv *cv, int *waitersp);

/* ---- component loading and management ---- */
struct modinfo;
struct rump_component;
typedef void (*rump_modinit_fn)(const struct modinfo *const *mi, size_t nmi);
typedef int (*rump_symload_fn)(void *symtab, uint64_t symsize, char *strtab, uint64_t strsize);
typedef void (*rump_compload_fn)(const struct rump_component *rc);
void rumpuser_dl_bootstrap(rump_modinit_fn domodinit, rump_symload_fn symload,
    rump_compload_fn compload);

int rumpuser_daemonize_begin(void);
int rumpuser_daemonize_done(int error);

/* ---- PCI and DMA (sdk/rumpuser/pci.c, over the board's PCI services in core) ---- */
void *rumpcomp_pci_map(unsigned long addr, unsigned long len);
int rumpcomp_pci_confread(unsigned bus, unsigned dev, unsigned fun, int reg,
    unsigned int *value);
int rumpcomp_pci_confwrite(unsigned bus, unsigned dev, unsigned fun, int reg,
    unsigned int value);
int rumpcomp_pci_irq_map(unsigned bus, unsigned dev, unsigned fun, int intrline,
    unsigned cookie);
/* the handler runs in a thread, not in the interrupt */
void *rumpcomp_pci_irq_establish(unsigned cookie, int (*handler)(void *), void *arg);
int rumpcomp_pci_dmalloc(size_t size, size_t align, unsigned long *pap, unsigned long *vap);
void rumpcomp_pci_dmafree(unsigned long va, size_t size);
struct rumpcomp_pci_dmaseg {
	unsigned long ds_pa;
	unsigned long ds_len;
	unsigned long ds_vacookie;
};
int rumpcomp_pci_dmamem_map(struct rumpcomp_pci_dmaseg *segs, size_t nsegs, size_t totlen,
    void **vap);
unsigned long rumpcomp_pci_virt_to_mach(void *addr);
int rumpcomp_pci_iospace_init(void);

#ifdef __cplusplus
}
#endif
#endif
