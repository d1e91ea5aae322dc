/*
 * Drivers for devices on a board's own bus (memory-mapped peripherals that no PCI scan finds,
 * such as the LAN9118 and the SBCon I2C controllers of mps2-an385). The board describes them in
 * its board.json "devices"; the build hands each one to the firmware as the parameter
 * "rumpsdk.dev.DRIVER.UNIT" = "REG SIZE IRQ", which drivers/board-attach.c reads with
 * rumpuser_getparam, so a driver still depends only on hypercalls.
 *
 * A driver puts its struct rumpsdk_board_driver into the linker set
 * link_set_rumpsdk_board_drivers with RUMPSDK_BOARD_DRIVER(); the kernel calls
 * rumpsdk_board_attach_all() once, on the first use of the network or of a device node, which calls attach() for each device of that
 * driver the board lists. Registers are mapped with rumpcomp_pci_map(reg, size); the interrupt
 * is routed like a PCI one, rumpcomp_pci_irq_map(0, 0, 0, irq, cookie) then
 * rumpcomp_pci_irq_establish(cookie, ...) (board_irq_establish() does both).
 */
#ifndef DRIVERS_BOARD_H
#define DRIVERS_BOARD_H
#include <stddef.h>
#include <stdint.h>

struct board_attach_args {
	const char *driver;             /* the driver's name, as in board.json */
	unsigned unit;                  /* 0 for the board's first device of this driver, then 1, ... */
	uintptr_t reg;                  /* physical address of the register window */
	size_t size;                    /* its length in bytes */
	int irq;                        /* the board's interrupt line; -1: none (polled device) */
};

struct rumpsdk_board_driver {
	const char *name;               /* as board.json "devices[].driver" names it: "lan9118" */
	/* 0 when the device is attached, else an errno value (NetBSD numbering) */
	int (*attach)(const struct board_attach_args *ba);
};

#define RUMPSDK_BOARD_DRIVER(drv)                                                              \
	static const struct rumpsdk_board_driver *const __link_set_rumpsdk_board_drivers_##drv \
	    __attribute__((section("link_set_rumpsdk_board_drivers"), used)) = &(drv)

/* Attach every device the board lists to its linked driver; returns the number attached.
 * Idempotent: a second call does nothing. */
int rumpsdk_board_attach_all(void);

/* Route the device's interrupt to handler (run in core's interrupt thread, inside the kernel,
 * like a PCI driver's); cookie must be unique among the image's interrupts. 0, or an errno. */
int board_irq_establish(const struct board_attach_args *ba, unsigned cookie, int (*handler)(void *), void *arg);

#endif
