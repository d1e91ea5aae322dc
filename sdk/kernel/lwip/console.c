/*
 * The console as descriptors 0 (input), 1 and 2 (output), over hypercalls only.
 *
 * Output: fd 1 goes to rumpuser_putchar (buffered on the host); fd 2 is written as the
 * hypercall layer's own fd 2 (rumpuser_iovwrite: the host's stderr), falling back to
 * rumpuser_putchar where that is unsupported (firmware: the one console).
 * Input: the hypercall layer's fd 0 read as a stream (rumpuser_iovread with
 * RUMPUSER_IOV_NOSEEK), which never blocks: it answers RUMPUSER_EAGAIN when nothing waits.
 * poll() looks ahead one byte to learn whether input is waiting. One reader at a time.
 */
#include "kernel_int.h"

static int peeked = -1;         /* byte read ahead by poll, or -1 */
static int at_eof;              /* the input stream ended (host only) */
static int64_t next_look;       /* no new look for input before this time (ns) */

/* Input is looked for at most every LOOK_NS: a busy event loop polls thousands of times a
 * second, and each look reads the UART (a trap into the hypervisor under emulation) or makes
 * a host syscall. poll() waits in slices as long when it watches the console. */
#define LOOK_NS 10000000LL

ssize_t
kern_console_write(int fd, const void *buf, size_t n)
{
	const unsigned char *p = buf;
	size_t i;

	if (fd == 2) {
		struct rumpuser_iovec iov = { (void *)buf, n };
		size_t done;
		if (rumpuser_iovwrite(2, &iov, 1, RUMPUSER_IOV_NOSEEK, &done) == 0)
			return (ssize_t)done;
	}
	for (i = 0; i < n; i++)
		rumpuser_putchar(p[i]);
	return (ssize_t)n;
}

/* 1: a byte waits (kept in peeked) or the stream ended; 0: nothing yet */
int
kern_console_readable(void)
{
	unsigned char c;
	struct rumpuser_iovec iov = { &c, 1 };
	size_t got;

	int64_t sec;
	long nsec;

	if (peeked >= 0 || at_eof)
		return 1;
	rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, &sec, &nsec);
	if (sec * 1000000000LL + nsec < next_look)
		return 0;
	next_look = sec * 1000000000LL + nsec + LOOK_NS;
	if (rumpuser_iovread(0, &iov, 1, RUMPUSER_IOV_NOSEEK, &got) != 0)
		return 0;
	if (got == 0)
		at_eof = 1;
	else
		peeked = c;
	return 1;
}

ssize_t
kern_console_read(void *buf, size_t n)
{
	unsigned char *p = buf;
	struct rumpuser_iovec iov;
	size_t got = 0, more;
	int error;

	if (n == 0)
		return 0;
	if (peeked >= 0) {
		p[got++] = (unsigned char)peeked;
		peeked = -1;
	}
	if (at_eof)
		return (ssize_t)got;
	iov.iov_base = p + got;
	iov.iov_len = n - got;
	if (iov.iov_len == 0)
		return (ssize_t)got;
	error = rumpuser_iovread(0, &iov, 1, RUMPUSER_IOV_NOSEEK, &more);
	if (error != 0) {
		if (got > 0)
			return (ssize_t)got;
		/* no console input on this board: nothing will ever arrive */
		return kern_fail(error == RUMPUSER_ENOSYS ? EAGAIN : error);
	}
	if (more == 0 && got == 0)
		at_eof = 1;
	return (ssize_t)(got + more);
}
