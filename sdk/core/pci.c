/*
 * PCI and DMA services for layer 3: thin wrappers over the board's platform functions, and
 * weak defaults for boards without a PCI bus (every access fails with CORE_ENODEV, memory is
 * addressed physically).
 */
#include <core/core.h>
#include <core/platform.h>

__attribute__((weak)) int plat_pci_conf_read(unsigned bus, unsigned dev, unsigned fn,
    unsigned reg, uint32_t *val)
{
	(void)bus, (void)dev, (void)fn, (void)reg;
	*val = 0xffffffffu;
	return CORE_ENODEV;
}

__attribute__((weak)) int plat_pci_conf_write(unsigned bus, unsigned dev, unsigned fn,
    unsigned reg, uint32_t val)
{
	(void)bus, (void)dev, (void)fn, (void)reg, (void)val;
	return CORE_ENODEV;
}

__attribute__((weak)) int plat_pci_irq_route(unsigned bus, unsigned dev, unsigned fn, int intrline)
{
	(void)bus, (void)dev, (void)fn, (void)intrline;
	return -1;
}

__attribute__((weak)) void *plat_mmio_map(uintptr_t pa, size_t len)
{
	(void)len;
	return (void *)pa;
}

__attribute__((weak)) uintptr_t plat_virt_to_phys(const void *va)
{
	return (uintptr_t)va;
}

int core_pci_conf_read(unsigned bus, unsigned dev, unsigned fn, unsigned reg, uint32_t *val)
{
	if (reg & 3 || reg > 0xfc) {
		*val = 0xffffffffu;
		return CORE_EINVAL;
	}
	return plat_pci_conf_read(bus, dev, fn, reg, val);
}

int core_pci_conf_write(unsigned bus, unsigned dev, unsigned fn, unsigned reg, uint32_t val)
{
	if (reg & 3 || reg > 0xfc)
		return CORE_EINVAL;
	return plat_pci_conf_write(bus, dev, fn, reg, val);
}

int core_pci_irq_route(unsigned bus, unsigned dev, unsigned fn, int intrline)
{
	return plat_pci_irq_route(bus, dev, fn, intrline);
}

void *core_mmio_map(uintptr_t pa, size_t len)
{
	return plat_mmio_map(pa, len);
}

uintptr_t core_virt_to_phys(const void *va)
{
	return plat_virt_to_phys(va);
}
