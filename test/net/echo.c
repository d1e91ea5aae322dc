/*
 * TCP echo server on port 7 over the rump syscalls, for the NIC tests (test/net/nic.test.ts):
 * boots the kernel (whose rump_init attaches the NIC through drivers/pci-attach.c and configures
 * it by DHCP), prints
 * "echo: listening on port 7", then serves connections one after another, echoing every byte
 * and printing "echo: N bytes, sum S" (S: the 32-bit sum of the bytes) when the peer closes.
 * A connection whose first bytes are "quit\n" stops the server: main returns 0.
 */
#include <rump/rump.h>
#include <rump/rump_syscalls.h>
#include <rump/netbsd_abi.h>
#include <rump/netif.h>
#include <rump/rumpuser.h>

static char buf[16384];

int main(int argc, char **argv)
{
	(void)argc, (void)argv;
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
	struct sockaddr_in sin = { .sin_len = sizeof sin, .sin_family = AF_INET, .sin_port = (in_port_t)(7 << 8) };
	if (s < 0 || rump_sys_bind(s, (struct sockaddr *)&sin, sizeof sin) < 0 || rump_sys_listen(s, 4) < 0) {
		rumpuser_dprintf("FAIL socket/bind/listen: errno %d\n", rumpsdk_errno());
		return 1;
	}
	rumpuser_dprintf("echo: listening on port 7\n");
	for (;;) {
		int c = rump_sys_accept(s, NULL, NULL);
		if (c < 0) {
			rumpuser_dprintf("FAIL accept: errno %d\n", rumpsdk_errno());
			return 1;
		}
		uint64_t total = 0;
		uint32_t sum = 0;
		int quit = 0;
		for (;;) {
			ssize_t n = rump_sys_read(c, buf, sizeof buf);
			if (n <= 0)
				break;
			if (total == 0 && n >= 5 && __builtin_memcmp(buf, "quit\n", 5) == 0)
				quit = 1;
			for (ssize_t i = 0; i < n; i++)
				sum += (uint8_t)buf[i];
			total += (uint64_t)n;
			for (ssize_t off = 0; off < n; ) {
				ssize_t w = rump_sys_write(c, buf + off, (size_t)(n - off));
				if (w <= 0)
					break;
				off += w;
			}
		}
		rump_sys_close(c);
		rumpuser_dprintf("echo: %llu bytes, sum %u\n", (unsigned long long)total, (unsigned)sum);
		if (quit)
			return 0;
	}
}
