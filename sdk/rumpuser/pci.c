/*
 * PCI and DMA hypercalls (rumpcomp_pci_*) over core's PCI services, which the board provides
 * through core/platform.h. Memory is identity-mapped on every board so far, so DMA memory is
 * core_malloc memory and its physical address is core_virt_to_phys() of it. Interrupt
 * handlers run in core's interrupt thread (thread context), as the interface requires, and
 * inside the kernel: a driver's handler (NetBSD's hands its own straight to irq_establish)
 * may take kernel locks, so the thread takes a kernel CPU first (hyp_schedule) and gives it
 * back after (hyp_unschedule). The first time, it asks the kernel for a lwp of its own
 * (hyp_lwproc_newlwp in process 1) so that later interrupts do not allocate a temporary one.
 */
#include "rumpuser_int.h"

/* rumpcomp_pci_irq_map() binds a cookie (chosen by the caller) to a board irq;
 * rumpcomp_pci_irq_establish() looks it up. */
#define NCOOKIES 32
static struct pci_intr {
	unsigned cookie;
	int irq;                /* -1: slot free */
	int (*handler)(void *);
	void *arg;
} intrs[NCOOKIES];
static int intrs_ready;

void *
rumpcomp_pci_map(unsigned long addr, unsigned long len)
{
	return core_mmio_map(addr, len);
}

int
rumpcomp_pci_confread(unsigned bus, unsigned dev, unsigned fun, int reg, unsigned int *value)
{
	uint32_t v;
	int error = reg < 0 ? RUMPUSER_EINVAL : core_pci_conf_read(bus, dev, fun, (unsigned)reg, &v);

	*value = error ? 0xffffffffu : v;
	return error;
}

int
rumpcomp_pci_confwrite(unsigned bus, unsigned dev, unsigned fun, int reg, unsigned int value)
{
	if (reg < 0)
		return RUMPUSER_EINVAL;
	return core_pci_conf_write(bus, dev, fun, (unsigned)reg, value);
}

static struct pci_intr *
intr_lookup(unsigned cookie, int alloc)
{
	struct pci_intr *freeslot = NULL;

	if (!intrs_ready) {
		for (int i = 0; i < NCOOKIES; i++)
			intrs[i].irq = -1;
		intrs_ready = 1;
	}
	for (int i = 0; i < NCOOKIES; i++) {
		if (intrs[i].irq >= 0 && intrs[i].cookie == cookie)
			return &intrs[i];
		if (intrs[i].irq < 0 && freeslot == NULL)
			freeslot = &intrs[i];
	}
	return alloc ? freeslot : NULL;
}

int
rumpcomp_pci_irq_map(unsigned bus, unsigned dev, unsigned fun, int intrline, unsigned cookie)
{
	int irq = core_pci_irq_route(bus, dev, fun, intrline);
	struct pci_intr *pi;

	if (irq < 0)
		return RUMPUSER_ENXIO;
	if ((pi = intr_lookup(cookie, 1)) == NULL)
		return RUMPUSER_ENOMEM;
	pi->cookie = cookie;
	pi->irq = irq;
	return 0;
}

/* runs in core's interrupt thread: the driver's handler, inside the kernel */
static int
intr_trampoline(void *p)
{
	static int have_lwp;
	struct pci_intr *pi = p;
	int rv;

	rumpuser__hyp_schedule();
	if (!have_lwp) {
		have_lwp = 1;
		(void)rumpuser__hyp_newlwp(1);  /* ENOSYS from a kernel without processes: fine */
	}
	rv = pi->handler(pi->arg);
	rumpuser__hyp_unschedule();
	return rv;
}

void *
rumpcomp_pci_irq_establish(unsigned cookie, int (*handler)(void *), void *arg)
{
	struct pci_intr *pi = intr_lookup(cookie, 0);

	if (pi == NULL || pi->handler != NULL)
		return NULL;
	pi->handler = handler;
	pi->arg = arg;
	if (core_irq_establish(pi->irq, intr_trampoline, pi) != 0) {
		pi->handler = NULL;
		return NULL;
	}
	return pi;
}

int
rumpcomp_pci_dmalloc(size_t size, size_t align, unsigned long *pap, unsigned long *vap)
{
	void *mem;

	if (align & (align - 1))
		return RUMPUSER_EINVAL;
	if ((mem = core_malloc(size ? size : 1, align)) == NULL)
		return RUMPUSER_ENOMEM;
	*vap = (unsigned long)(uintptr_t)mem;
	*pap = (unsigned long)core_virt_to_phys(mem);
	return 0;
}

void
rumpcomp_pci_dmafree(unsigned long va, size_t size)
{
	(void)size;
	core_free((void *)(uintptr_t)va);
}

/* Segments map to one virtual range only if they are physically contiguous (identity map). */
int
rumpcomp_pci_dmamem_map(struct rumpcomp_pci_dmaseg *segs, size_t nsegs, size_t totlen, void **vap)
{
	size_t len = 0;

	if (nsegs == 0)
		return RUMPUSER_EINVAL;
	for (size_t i = 0; i < nsegs; i++) {
		if (i > 0 && segs[i].ds_pa != segs[i - 1].ds_pa + segs[i - 1].ds_len)
			return RUMPUSER_EOPNOTSUPP;
		len += segs[i].ds_len;
	}
	if (len < totlen)
		return RUMPUSER_EINVAL;
	*vap = segs[0].ds_vacookie ? (void *)(uintptr_t)segs[0].ds_vacookie :
	    (void *)(uintptr_t)segs[0].ds_pa;
	return 0;
}

unsigned long
rumpcomp_pci_virt_to_mach(void *addr)
{
	return (unsigned long)core_virt_to_phys(addr);
}

/* firmware runs at the CPU's highest privilege: I/O ports need no set-up */
int
rumpcomp_pci_iospace_init(void)
{
	return 0;
}
