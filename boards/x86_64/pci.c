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
static uint32_t conf(unsigned bus, unsigned dev, unsigned fn, unsigned reg)
{
	uint32_t v;
	plat_pci_conf_read(bus, dev, fn, reg, &v);
	return v;
}

/* "pci: bb:dd.f vvvv:dddd class cccc": the fields filled from a table in one loop (under QEMU
 * TCG, boot time goes mostly into translating code that runs once: a loop, not a call a field) */
static void print_function(unsigned bus, unsigned dev, unsigned fn, uint32_t id, uint32_t cls)
{
	char line[] = "pci: bb:dd.f vvvv:dddd class cccc\n";
	static const uint8_t at[] = { 5, 8, 11, 13, 18, 29 }, digits[] = { 2, 2, 1, 4, 4, 4 };
	const uint32_t v[] = { bus, dev, fn, id & 0xffff, id >> 16, cls };
	for (int f = 0; f < 6; f++)
		for (int d = 0; d < digits[f]; d++)
			line[at[f] + d] = "0123456789abcdef"[(v[f] >> (4 * (digits[f] - 1 - d))) & 0xf];
	for (const char *c = line; *c; c++)
		plat_cons_putc(*c);
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
			print_function(bus, dev, fn, id, conf(bus, dev, fn, 0x08) >> 16);
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
