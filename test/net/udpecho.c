/*
 * UDP echo server on port 7 over the rump syscalls, for test/net/udp.test.ts and
 * test/net/malformed.test.ts: boots the kernel (DHCP, or the static net.* parameters of a
 * rumpsdk.json beside a copy of this file), prints "udpecho: listening on port 7", then sends every
 * datagram back to its sender unchanged. A datagram "quit" is echoed and stops the server
 * (0.3 s later, so that the echo leaves before the machine halts): it prints "udpecho: N datagrams, B bytes" and main returns 0. TCP port 7 listens too but never
 * accepts, so that the raw-frame tests have a listening TCP socket to send segments to (the stack
 * answers handshakes itself).
 */
#include <rump/rump.h>
#include <rump/rump_syscalls.h>
#include <rump/netbsd_abi.h>
#include <rump/netif.h>
#include <rump/rumpuser.h>

static char buf[65536];

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
	int s = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in sin = { .sin_len = sizeof sin, .sin_family = AF_INET, .sin_port = (in_port_t)(7 << 8) };
	if (s < 0 || rump_sys_bind(s, (struct sockaddr *)&sin, sizeof sin) < 0) {
		rumpuser_dprintf("FAIL socket/bind: errno %d\n", rumpsdk_errno());
		return 1;
	}
	int t = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
	if (t < 0 || rump_sys_bind(t, (struct sockaddr *)&sin, sizeof sin) < 0 || rump_sys_listen(t, 4) < 0) {
		rumpuser_dprintf("FAIL tcp socket/bind/listen: errno %d\n", rumpsdk_errno());
		return 1;
	}
	rumpuser_dprintf("udpecho: listening on port 7\n");
	unsigned long long count = 0, bytes = 0;
	for (;;) {
		struct sockaddr_in from;
		socklen_t fromlen = sizeof from;
		ssize_t n = rump_sys_recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &fromlen);
		if (n < 0) {
			rumpuser_dprintf("FAIL recvfrom: errno %d\n", rumpsdk_errno());
			return 1;
		}
		count++;
		bytes += (unsigned long long)n;
		if (rump_sys_sendto(s, buf, (size_t)n, 0, (struct sockaddr *)&from, fromlen) != n)
			rumpuser_dprintf("udpecho: sendto of %d bytes failed: errno %d\n", (int)n, rumpsdk_errno());
		if (n == 4 && __builtin_memcmp(buf, "quit", 4) == 0) {
			/* let the echo leave the NIC before the machine halts */
			rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, 0, 300 * 1000 * 1000);
			rumpuser_dprintf("udpecho: %llu datagrams, %llu bytes\n", count, bytes);
			return 0;
		}
	}
}
