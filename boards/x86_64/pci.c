/*
 * x86-64 family PCI: configuration mechanism #1 (ports 0xcf8/0xcfc, as every PC chipset has),
 * interrupt routing for core and the identity-mapped view of device memory. No scan at boot:
 * the kernel's drivers walk the bus (and list it in the log) when a device is first needed.
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
