/*
 * x86-64 family PCI: configuration mechanism #1 (ports 0xcf8/0xcfc, as every PC chipset has),
 * interrupt routing for core, the identity-mapped view of device memory, and the boot-time
 * bus scan that lists every function in the boot log ("pci: 00:03.0 1af4:1000 class 0200").
 */
#include "x86.h"

#define PCI_ADDR 0xcf8
#define PCI_DATA 0xcfc

static uint32_t conf_addr(unsigned bus, unsigned dev, unsigned fn, unsigned reg)
{
	return 0x80000000u | (bus & 0xff) << 16 | (dev & 0x1f) << 11 | (fn & 7) << 8 | (reg & 0xfc);
}

int plat_pci_conf_read(unsigned bus, unsigned dev, unsigned fn, unsigned reg, uint32_t *val)
{
	if (bus > 255 || dev > 31 || fn > 7) {
		*val = 0xffffffffu;
		return 22;              /* EINVAL */
	}
	unsigned long s = plat_intr_disable();  /* the address/data pair is one transaction */
	outl(PCI_ADDR, conf_addr(bus, dev, fn, reg));
	*val = inl(PCI_DATA);
	plat_intr_restore(s);
	return 0;
}

int plat_pci_conf_write(unsigned bus, unsigned dev, unsigned fn, unsigned reg, uint32_t val)
{
	if (bus > 255 || dev > 31 || fn > 7)
		return 22;
	unsigned long s = plat_intr_disable();
	outl(PCI_ADDR, conf_addr(bus, dev, fn, reg));
	outl(PCI_DATA, val);
	plat_intr_restore(s);
	return 0;
}

/* The firmware (SeaBIOS on QEMU, the BIOS/UEFI on real PCs) writes each function's legacy IRQ
 * into its interrupt line register; with the I/O APIC's identity mapping of ISA IRQs 0-15 (no
 * ACPI interrupt source overrides are parsed, see README.md) that is the GSI. 0xff: none. */
int plat_pci_irq_route(unsigned bus, unsigned dev, unsigned fn, int intrline)
{
	(void)bus, (void)dev, (void)fn;
	if (intrline <= 0 || intrline >= X86_NIRQ || intrline == 2)
		return -1;
	return intrline;
}

/* everything below 4 GiB is identity-mapped by the board's entry (device memory uncached) */
void *plat_mmio_map(uintptr_t pa, size_t len)
{
	if (pa + len < pa || pa + len > (1ull << 32))
		return NULL;
	return (void *)pa;
}

uintptr_t plat_virt_to_phys(const void *va)
{
	return (uintptr_t)va;
}

/* ---- boot-time scan ---- */
static void puts_(const char *s)
{
	while (*s)
		plat_cons_putc(*s++);
}

static void puthex(uint32_t v, int digits)
{
	while (digits--)
		plat_cons_putc("0123456789abcdef"[(v >> (4 * digits)) & 0xf]);
}

static uint32_t conf(unsigned bus, unsigned dev, unsigned fn, unsigned reg)
{
	uint32_t v;
	plat_pci_conf_read(bus, dev, fn, reg, &v);
	return v;
}

static void scan_bus(unsigned bus, int depth)
{
	for (unsigned dev = 0; dev < 32; dev++) {
		unsigned nfn = 1;
		for (unsigned fn = 0; fn < nfn; fn++) {
			uint32_t id = conf(bus, dev, fn, 0x00);
			if ((id & 0xffff) == 0xffff)
				continue;
			uint32_t hdr = conf(bus, dev, fn, 0x0c) >> 16 & 0xff;
			if (fn == 0 && (hdr & 0x80))
				nfn = 8;        /* multi-function device */
			uint32_t cls = conf(bus, dev, fn, 0x08) >> 16;
			puts_("pci: ");
			puthex(bus, 2); plat_cons_putc(':'); puthex(dev, 2); plat_cons_putc('.'); puthex(fn, 1);
			plat_cons_putc(' ');
			puthex(id & 0xffff, 4); plat_cons_putc(':'); puthex(id >> 16, 4);
			puts_(" class ");
			puthex(cls, 4);
			puts_("\n");
			if ((hdr & 0x7f) == 1 && depth < 8) {   /* PCI-to-PCI bridge: its secondary bus */
				unsigned sec = conf(bus, dev, fn, 0x18) >> 8 & 0xff;
				if (sec > bus)
					scan_bus(sec, depth + 1);
			}
		}
	}
}

void x86_pci_scan(void)
{
	/* no host bridge answering at 00:00.0 means no configuration mechanism #1 */
	if ((conf(0, 0, 0, 0) & 0xffff) == 0xffff)
		return;
	scan_bus(0, 0);
}
