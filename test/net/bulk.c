/*
 * TCP bulk transfer sink and source on port 5001 over the rump syscalls, for the throughput figures
 * of the "net" bench (test/bench/net.ts). Prints "bulk: listening on port 5001", then serves
 * connections one after another. Each starts with a command line:
 *   "sink\n"        the server reads everything after the line until the peer half-closes, then
 *                   answers "bulk: N bytes, sum S\n" (S: the 32-bit sum of the bytes) and closes;
 *   "source N\n"    the server writes N bytes (byte i is i & 0xff) and closes;
 *   "quit\n"        main returns 0.
 * Nothing is printed per transfer (the serial console is slow under emulation).
 */
#include <rump/rump.h>
#include <rump/rump_syscalls.h>
#include <rump/netbsd_abi.h>
#include <rump/netif.h>
#include <rump/rumpuser.h>

#define PORT 5001

static unsigned char buf[65536];
static unsigned char pattern[65536];

static int write_all(int fd, const void *p, size_t n)
{
	const unsigned char *b = p;
	while (n > 0) {
		ssize_t w = rump_sys_write(fd, b, n);
		if (w <= 0)
			return -1;
		b += w;
		n -= (size_t)w;
	}
	return 0;
}

/* "N bytes, sum S" into s (no libc here) */
static size_t fmt_u64(char *s, uint64_t v)
{
	char t[24];
	size_t n = 0, i = 0;
	do t[n++] = (char)('0' + v % 10); while ((v /= 10) != 0);
	while (n)
		s[i++] = t[--n];
	return i;
}

/* counts the data after the command line: nrest bytes of it are already at rest */
static void sink(int c, const unsigned char *rest, size_t nrest)
{
	uint64_t total = nrest;
	uint32_t sum = 0;
	for (size_t i = 0; i < nrest; i++)
		sum += rest[i];
	for (;;) {
		ssize_t n = rump_sys_read(c, buf, sizeof buf);
		if (n <= 0)
			break;
		for (ssize_t i = 0; i < n; i++)
			sum += buf[i];
		total += (uint64_t)n;
	}
	char reply[80] = "bulk: ";
	size_t k = 6;
	k += fmt_u64(reply + k, total);
	__builtin_memcpy(reply + k, " bytes, sum ", 12);
	k += 12;
	k += fmt_u64(reply + k, sum);
	reply[k++] = '\n';
	write_all(c, reply, k);
}

static void source(int c, uint64_t n)
{
	while (n > 0) {
		size_t k = n < sizeof pattern ? (size_t)n : sizeof pattern;
		if (write_all(c, pattern, k) != 0)
			return;
		n -= k;
	}
}

int main(int argc, char **argv)
{
	(void)argc, (void)argv;
	for (size_t i = 0; i < sizeof pattern; i++)
		pattern[i] = (unsigned char)i;
	int error = rump_init();
	if (error) {
		rumpuser_dprintf("FAIL rump_init: %d\n", error);
		return 1;
	}
	if ((error = rumpsdk_net_wait(30000)) != 0) {
		rumpuser_dprintf("FAIL no address: %d\n", error);
		return 1;
	}
	int s = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
	int one = 1;
	rump_sys_setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in sin = { .sin_len = sizeof sin, .sin_family = AF_INET, .sin_port = (in_port_t)(((PORT & 0xff) << 8) | (PORT >> 8)) };
	if (s < 0 || rump_sys_bind(s, (struct sockaddr *)&sin, sizeof sin) < 0 || rump_sys_listen(s, 4) < 0) {
		rumpuser_dprintf("FAIL socket/bind/listen: errno %d\n", rumpsdk_errno());
		return 1;
	}
	rumpuser_dprintf("bulk: listening on port %d\n", PORT);
	for (;;) {
		int c = rump_sys_accept(s, NULL, NULL);
		if (c < 0) {
			rumpuser_dprintf("FAIL accept: errno %d\n", rumpsdk_errno());
			return 1;
		}
		/* the command line, and whatever data came in the same reads */
		size_t have = 0, eol = 0;
		while (have < 64) {
			ssize_t n = rump_sys_read(c, buf + have, sizeof buf - have);
			if (n <= 0)
				break;
			size_t from = have;
			have += (size_t)n;
			for (size_t i = from; i < have && i < 64 && !eol; i++)
				if (buf[i] == '\n')
					eol = i + 1;
			if (eol)
				break;
		}
		if (eol == 5 && __builtin_memcmp(buf, "sink\n", 5) == 0) {
			sink(c, buf + eol, have - eol); /* counted before sink() reads into buf again */
		} else if (eol > 7 && __builtin_memcmp(buf, "source ", 7) == 0) {
			uint64_t n = 0;
			for (size_t i = 7; i < eol - 1 && buf[i] >= '0' && buf[i] <= '9'; i++)
				n = n * 10 + (uint64_t)(buf[i] - '0');
			source(c, n);
		} else if (eol == 5 && __builtin_memcmp(buf, "quit\n", 5) == 0) {
			rump_sys_close(c);
			return 0;
		} else {
			write_all(c, "bulk: bad command\n", 18);
		}
		rump_sys_close(c);
	}
}
