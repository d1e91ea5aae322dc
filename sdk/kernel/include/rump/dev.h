/*
 * Device nodes: how a driver (drivers/, layer 4) makes a character device that applications
 * reach with open("/dev/NAME"), then read, write, ioctl and close on its descriptor (the NetBSD
 * syscalls of rump/rump_syscalls.h; the I2C controllers' /dev/iicN are the first users).
 *
 * The driver fills a struct rumpsdk_cdevsw (static storage) and calls rumpsdk_dev_register()
 * once per node, usually from its attach function. Each operation gets the driver's softc and
 * the descriptor's open mode (RUMPSDK_FREAD | RUMPSDK_FWRITE, NetBSD's FREAD/FWRITE) and returns
 * 0 or an errno value (NetBSD numbering); a NULL operation means: open/close succeed,
 * read/write/ioctl fail with ENODEV (what NetBSD's noread/nowrite/noioctl answer).
 * The kernel copies nothing: ioctl's data is the caller's own structure (one address space).
 * Operations may block the calling thread (hypercall mutexes, sleeps); the driver serializes
 * access to its hardware itself. poll() on a device descriptor is not supported (POLLNVAL).
 *
 * Needs only the compiler's freestanding headers.
 */
#ifndef RUMP_DEV_H
#define RUMP_DEV_H
#include <stddef.h>

#define RUMPSDK_FREAD  0x1
#define RUMPSDK_FWRITE 0x2

struct rumpsdk_cdevsw {
	int (*d_open)(void *softc, int fflag);
	int (*d_close)(void *softc, int fflag);
	/* *done: the bytes moved (0 at end of data) */
	int (*d_read)(void *softc, void *buf, size_t len, size_t *done, int fflag);
	int (*d_write)(void *softc, const void *buf, size_t len, size_t *done, int fflag);
	int (*d_ioctl)(void *softc, unsigned long cmd, void *data, int fflag);
};

/*
 * Make /dev/NAME (NAME: at most 15 characters, no '/'). Returns 0, or EEXIST (the name is
 * taken), ENOSPC (the table is full), EINVAL (bad name or no cdevsw). Calls rump_init() if needed.
 */
int rumpsdk_dev_register(const char *name, const struct rumpsdk_cdevsw *sw, void *softc);

#endif
