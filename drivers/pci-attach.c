/*
 * The PCI scan of the lwIP kernel flavor: walks the buses through rumpcomp_pci_confread
 * (following PCI-to-PCI bridges), lists each function in the log ("pci: 00:02.0 1af4:1000
 * class 0200"), matches its vendor:device against the drivers in the linker set
 * link_set_rumpsdk_pci_drivers, and attaches them. The kernel runs it on the first use of the
 * network or of a device node. Plus the helpers of drivers/pci.h. Compiled into the kernel
 * layer when the board lists any driver.
 */
#include <rump/rumpuser.h>
#include <drivers/pci.h>

/* bounds of the linker set (weak: an image without drivers still links) */
extern const struct rumpsdk_pci_driver *const __start_link_set_rumpsdk_pci_drivers[] __attribute__((weak));
extern const struct rumpsdk_pci_driver *const __stop_link_set_rumpsdk_pci_drivers[] __attribute__((weak));

#define MAXDRIVERS 16

static unsigned units[MAXDRIVERS];      /* next unit number of each driver in the set */
static int attached;

static uint32_t conf(unsigned bus, unsigned dev, unsigned fn, int reg)
{
	unsigned int v;
	if (rumpcomp_pci_confread(bus, dev, fn, reg, &v) != 0)
		return 0xffffffffu;
	return v;
}

uint32_t pci_conf_read(const struct pci_attach_args *pa, int reg)
{
	return conf(pa->bus, pa->dev, pa->fn, reg);
}

void pci_conf_write(const struct pci_attach_args *pa, int reg, uint32_t v)
{
	rumpcomp_pci_confwrite(pa->bus, pa->dev, pa->fn, reg, v);
}

int pci_bar(const struct pci_attach_args *pa, int i, uint64_t *addr, int *is_io)
{
	if (i < 0 || i > 5)
		return RUMPUSER_EINVAL;
	uint32_t v = pci_conf_read(pa, PCI_BAR0 + 4 * i);
	*is_io = v & 1;
	if (*is_io) {
		*addr = v & ~3u;
	} else {
		*addr = v & ~15u;
		if ((v & 6) == 4 && i < 5)      /* 64-bit memory BAR: the next register is the top */
			*addr |= (uint64_t)pci_conf_read(pa, PCI_BAR0 + 4 * (i + 1)) << 32;
	}
	return *addr ? 0 : RUMPUSER_ENXIO;
}

void pci_enable(const struct pci_attach_args *pa, int io, int mem)
{
	uint32_t cmd = pci_conf_read(pa, PCI_COMMAND_REG) & 0xffff;
	cmd |= PCI_CMD_MASTER | (io ? PCI_CMD_IO : 0) | (mem ? PCI_CMD_MEM : 0);
	cmd &= ~PCI_CMD_INTX_OFF;
	pci_conf_write(pa, PCI_COMMAND_REG, cmd);
}

void *pci_dma_alloc(size_t size, size_t align, uint64_t *pap)
{
	unsigned long pa, va;
	if (rumpcomp_pci_dmalloc(size, align, &pa, &va) != 0)
		return NULL;
	__builtin_memset((void *)va, 0, size);
	*pap = pa;
	return (void *)va;
}

static int ndrivers(void)
{
	const struct rumpsdk_pci_driver *const *start = __start_link_set_rumpsdk_pci_drivers;
	const struct rumpsdk_pci_driver *const *stop = __stop_link_set_rumpsdk_pci_drivers;
	return start ? (int)(stop - start) : 0;
}

static void try_attach(unsigned bus, unsigned dev, unsigned fn, uint32_t id)
{
	const struct rumpsdk_pci_driver *const *set = __start_link_set_rumpsdk_pci_drivers;
	int n = ndrivers();
	for (int d = 0; d < n && d < MAXDRIVERS; d++) {
		const struct rumpsdk_pci_driver *drv = set[d];
		for (const struct pci_id *p = drv->ids; p->vendor; p++) {
			if (p->vendor != (id & 0xffff) || p->device != id >> 16)
				continue;
			struct pci_attach_args pa = {
				.bus = bus, .dev = dev, .fn = fn,
				.vendor = (uint16_t)id, .device = (uint16_t)(id >> 16),
				.class_rev = conf(bus, dev, fn, PCI_CLASS_REG),
				.intrline = (int)(conf(bus, dev, fn, PCI_INTR_REG) & 0xff),
				.unit = units[d],
			};
			int error = drv->attach(&pa);
			if (error == 0) {
				units[d]++;
				attached++;
				return;
			}
			rumpuser_dprintf("pci: %02x:%02x.%x: %s%u not attached (error %d)\n",
			    bus, dev, fn, drv->name, units[d], error);
		}
	}
}

static void scan_bus(unsigned bus, int depth)
{
	for (unsigned dev = 0; dev < 32; dev++) {
		unsigned nfn = 1;
		for (unsigned fn = 0; fn < nfn; fn++) {
			uint32_t id = conf(bus, dev, fn, PCI_ID_REG);
			if ((id & 0xffff) == 0xffff || (id & 0xffff) == 0)
				continue;
			uint32_t hdr = conf(bus, dev, fn, PCI_BHLC_REG) >> 16 & 0xff;
			if (fn == 0 && (hdr & 0x80))
				nfn = 8;
			/* the boot log's list of the bus, before a driver's own line */
			rumpuser_dprintf("pci: %02x:%02x.%x %04x:%04x class %04x\n", bus, dev, fn,
			    (unsigned)id & 0xffff, (unsigned)(id >> 16),
			    (unsigned)(conf(bus, dev, fn, PCI_CLASS_REG) >> 16));
			try_attach(bus, dev, fn, id);
			if ((hdr & 0x7f) == 1 && depth < 8) {
				unsigned sec = conf(bus, dev, fn, PCI_BRIDGE_BUS_REG) >> 8 & 0xff;
				if (sec > bus)
					scan_bus(sec, depth + 1);
			}
		}
	}
}

int rumpsdk_pci_attach_all(void)
{
	static int done;
	if (done)
		return attached;
	done = 1;
	if (ndrivers() == 0)
		return 0;               /* no drivers linked: leave the bus alone */
	if (rumpcomp_pci_iospace_init() != 0)
		return 0;
	scan_bus(0, 0);
	return attached;
}
