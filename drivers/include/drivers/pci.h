/*
 * PCI device drivers (layer 4): how a driver binds to a PCI function, and the small helpers
 * every driver needs on top of the rumpcomp_pci_* hypercalls. Drivers use only this header,
 * drivers/bus.h, rump/rumpuser.h and rump/netif.h: never core or a board.
 *
 * A driver declares a table of PCI IDs and an attach function, and puts its
 * struct rumpsdk_pci_driver into the linker set link_set_rumpsdk_pci_drivers with
 * RUMPSDK_PCI_DRIVER(). The kernel calls rumpsdk_pci_attach_all() (drivers/pci-attach.c) once,
 * on the first use of the network or of a device node: it scans the buses through
 * rumpcomp_pci_confread, lists each function in the log and calls attach() for every function
 * whose vendor:device is in a driver's table.
 */
#ifndef DRIVERS_PCI_H
#define DRIVERS_PCI_H
#include <stddef.h>
#include <stdint.h>

/* configuration space registers (32-bit access) */
#define PCI_ID_REG          0x00        /* vendor (low 16), device (high 16) */
#define PCI_COMMAND_REG     0x04        /* command (low 16), status (high 16) */
#define  PCI_CMD_IO          0x0001
#define  PCI_CMD_MEM         0x0002
#define  PCI_CMD_MASTER      0x0004
#define  PCI_CMD_INTX_OFF    0x0400
#define PCI_CLASS_REG       0x08        /* revision (low 8), class code (high 24) */
#define PCI_BHLC_REG        0x0c        /* header type in bits 16-23 */
#define PCI_BAR0            0x10
#define PCI_BRIDGE_BUS_REG  0x18        /* bridges: primary, secondary, subordinate bus */
#define PCI_INTR_REG        0x3c        /* interrupt line (low 8), pin (next 8) */

struct pci_id {
	uint16_t vendor, device;
};

/* what the scan found; handed to attach() */
struct pci_attach_args {
	unsigned bus, dev, fn;
	uint16_t vendor, device;
	uint32_t class_rev;             /* PCI_CLASS_REG */
	int intrline;                   /* interrupt line register (0xff: none) */
	unsigned unit;                  /* 0 for the driver's first device, then 1, ... */
};

struct rumpsdk_pci_driver {
	const char *name;               /* NetBSD's driver name: "vioif", "wm" */
	const struct pci_id *ids;       /* ended by { 0, 0 } */
	/* 0 when the device is attached, else an errno value (NetBSD numbering) */
	int (*attach)(const struct pci_attach_args *pa);
};

#define RUMPSDK_PCI_DRIVER(drv)                                                              \
	static const struct rumpsdk_pci_driver *const __link_set_rumpsdk_pci_drivers_##drv   \
	    __attribute__((section("link_set_rumpsdk_pci_drivers"), used)) = &(drv)

/* Scan every bus and attach the matching drivers; returns the number of devices attached.
 * Idempotent: a second call does nothing. */
int rumpsdk_pci_attach_all(void);

/* ---- helpers (drivers/pci-attach.c) ---- */
uint32_t pci_conf_read(const struct pci_attach_args *pa, int reg);
void pci_conf_write(const struct pci_attach_args *pa, int reg, uint32_t v);
/* base address register i: its address (I/O port number or physical memory address) and
 * whether it is an I/O BAR; 0, or an errno when the BAR is unset */
int pci_bar(const struct pci_attach_args *pa, int i, uint64_t *addr, int *is_io);
/* turn on the device's decoding of I/O and/or memory space and its bus mastering (DMA) */
void pci_enable(const struct pci_attach_args *pa, int io, int mem);
/* physically contiguous DMA memory, zeroed; its bus address in *pap */
void *pci_dma_alloc(size_t size, size_t align, uint64_t *pap);
/* "wm0: " style prefix printing with rumpuser_dprintf is done by drivers themselves */

#endif
