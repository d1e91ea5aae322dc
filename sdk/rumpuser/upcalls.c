/*
 * rumpuser_init and the kernel's upcalls, the same over core and over POSIX (compiled into both
 * the firmware's hypercall layer and its hosted twin in posix/): the upcall table the kernel hands
 * over, and the wrappers the rest of the layer calls around blocking (no-ops before init).
 */
#include <rump/rumpuser.h>
#include "upcalls.h"

static struct rumpuser_hyperup hyp;
static int hyp_set;

int
rumpuser_init(int version, const struct rumpuser_hyperup *hyperup)
{
	if (version != RUMPUSER_VERSION) {
		rumpuser_dprintf("rumpuser: kernel wants hypercall version %d, this is %d\n",
		    version, RUMPUSER_VERSION);
		return RUMPUSER_EINVAL;
	}
	if (hyperup != NULL) {
		hyp = *hyperup;
		hyp_set = 1;
	}
	return 0;
}

void
rumpuser__unschedule(int *nlocks, void *interlock)
{
	*nlocks = 0;
	if (hyp_set && hyp.hyp_backend_unschedule != NULL)
		hyp.hyp_backend_unschedule(0, nlocks, interlock);
}

void
rumpuser__reschedule(int nlocks, void *interlock)
{
	if (hyp_set && hyp.hyp_backend_schedule != NULL)
		hyp.hyp_backend_schedule(nlocks, interlock);
}

void
rumpuser__hyp_schedule(void)
{
	if (hyp_set && hyp.hyp_schedule != NULL)
		hyp.hyp_schedule();
}

void
rumpuser__hyp_unschedule(void)
{
	if (hyp_set && hyp.hyp_unschedule != NULL)
		hyp.hyp_unschedule();
}

int
rumpuser__hyp_newlwp(int pid)
{
	if (hyp_set && hyp.hyp_lwproc_newlwp != NULL)
		return hyp.hyp_lwproc_newlwp(pid);
	return RUMPUSER_ENOSYS;
}
