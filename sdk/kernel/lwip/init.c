/*
 * Kernel start-up and per-thread state.
 *
 * errno: a failing syscall records its error twice: through rumpuser_seterrno (what a NetBSD
 * kernel does, so hypercall-level tools see the same) and in the calling thread's struct lwp,
 * which rumpsdk_errno() reads. The lwp is bound to the thread with rumpuser_curlwpop, the
 * hypercall interface's per-thread pointer for the kernel, and created lazily on the thread's
 * first failing syscall; it is not freed when the thread exits (a few bytes per thread).
 */
#include "kernel_int.h"

/* The thin kernel has no CPU of its own to give up: the scheduling upcalls do nothing. */
static void hyp_schedule(void) { }
static void hyp_unschedule(void) { }
static void hyp_backend_unschedule(int nlocks, int *countp, void *interlock)
{
	(void)nlocks; (void)interlock;
	*countp = 0;
}
static void hyp_backend_schedule(int nlocks, void *interlock) { (void)nlocks; (void)interlock; }
static int hyp_lwproc_switch(struct lwp *l) { (void)l; return RUMPUSER_ENOSYS; }
static void hyp_lwproc_release(void) { }
static int hyp_lwproc_rfork(void *priv, int flags, const char *comm)
{
	(void)priv; (void)flags; (void)comm;
	return RUMPUSER_ENOSYS;
}
static int hyp_lwproc_newlwp(int pid) { (void)pid; return RUMPUSER_ENOSYS; }
static struct lwp *hyp_lwproc_curlwp(void) { return rumpuser_curlwp(); }
static int hyp_syscall(int num, void *arg, long *retval)
{
	(void)num; (void)arg; (void)retval;
	return RUMPUSER_ENOSYS;
}
static void hyp_lwpexit(void) { }
static void hyp_execnotify(const char *comm) { (void)comm; }
static int hyp_getpid(void) { return 1; }

static const struct rumpuser_hyperup upcalls = {
	.hyp_schedule = hyp_schedule,
	.hyp_unschedule = hyp_unschedule,
	.hyp_backend_unschedule = hyp_backend_unschedule,
	.hyp_backend_schedule = hyp_backend_schedule,
	.hyp_lwproc_switch = hyp_lwproc_switch,
	.hyp_lwproc_release = hyp_lwproc_release,
	.hyp_lwproc_rfork = hyp_lwproc_rfork,
	.hyp_lwproc_newlwp = hyp_lwproc_newlwp,
	.hyp_lwproc_curlwp = hyp_lwproc_curlwp,
	.hyp_syscall = hyp_syscall,
	.hyp_lwpexit = hyp_lwpexit,
	.hyp_execnotify = hyp_execnotify,
	.hyp_getpid = hyp_getpid,
};

static int initialized;
static struct rumpuser_mtx *attach_mtx;

struct rumpuser_mtx *
kern_mutex_once(struct rumpuser_mtx **mp)
{
	struct rumpuser_mtx *m = __atomic_load_n(mp, __ATOMIC_ACQUIRE), *mine;

	if (m != NULL)
		return m;
	rumpuser_mutex_init(&mine, RUMPUSER_MTX_KMUTEX);
	if (__atomic_compare_exchange_n(mp, &m, mine, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return mine;
	rumpuser_mutex_destroy(mine);   /* another thread's came first: m */
	return m;
}

/* drivers/pci-attach.c and board-attach.c, linked when the board lists drivers: attach the
 * NICs found on PCI and the devices the board describes */
int rumpsdk_pci_attach_all(void) __attribute__((weak));
int rumpsdk_board_attach_all(void) __attribute__((weak));

/* Devices are attached on first use, not at boot: the first network use (kern_net_start) or
 * open of a device node; a program that uses neither never scans a bus. The lock makes a
 * second thread arriving while a driver's attach blocks wait for the devices too. Drivers'
 * attach functions call rumpsdk_netdev_attach and rumpsdk_dev_register, never back in here. */
void
kern_attach_devices(void)
{
	static volatile int done;

	if (done || !(rumpsdk_pci_attach_all || rumpsdk_board_attach_all) || rump_init() != 0)
		return;                         /* attached, or no driver linked */
	rumpuser_mutex_enter(kern_mutex_once(&attach_mtx));
	if (!done) {
		if (rumpsdk_pci_attach_all)
			rumpsdk_pci_attach_all();       /* the drivers call rumpsdk_netdev_attach */
		if (rumpsdk_board_attach_all)
			rumpsdk_board_attach_all();
		done = 1;
	}
	rumpuser_mutex_exit(attach_mtx);
}

int
rump_init(void)
{
	int rv;

	if (initialized)
		return 0;
	if ((rv = rumpuser_init(RUMPUSER_VERSION, &upcalls)) != 0)
		return rv;
	initialized = 1;
	return 0;
}

/* used when an lwp cannot be allocated: errno is then shared, but nothing crashes */
static struct lwp lwp_fallback;

struct lwp *
kern_curlwp(void)
{
	struct lwp *l = rumpuser_curlwp();
	void *mem;

	if (l != NULL)
		return l;
	if (rumpuser_malloc(sizeof(*l), 0, &mem) != 0)
		return &lwp_fallback;
	l = mem;
	l->l_errno = 0;
	rumpuser_curlwpop(RUMPUSER_LWP_CREATE, l);
	rumpuser_curlwpop(RUMPUSER_LWP_SET, l);
	return l;
}

int
kern_fail(int error)
{
	kern_set_errno(error);
	return -1;
}

void
kern_set_errno(int error)
{
	rumpuser_seterrno(error);
	kern_curlwp()->l_errno = error;
}

void
kern_panic(const char *msg)
{
	rumpuser_dprintf("kernel: %s\n", msg);
	rumpuser_exit(RUMPUSER_PANIC);
}

int
rumpsdk_errno(void)
{
	struct lwp *l = rumpuser_curlwp();

	return l != NULL ? l->l_errno : lwp_fallback.l_errno;
}
