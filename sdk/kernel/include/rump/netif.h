/*
 * Network interfaces: how a NIC driver (drivers/, layer 4) plugs into the kernel's TCP/IP.
 *
 * The driver fills in a struct rumpsdk_netdev it owns (it must stay valid for the life of the
 * image) and calls rumpsdk_netdev_attach() once the hardware is ready to send. From then on:
 *   - the kernel calls transmit() to send one complete Ethernet frame (destination MAC first,
 *     no FCS/CRC, at most 1514 bytes); the driver copies it out before returning (the buffer is
 *     the kernel's); it returns 0, or an errno value (NetBSD numbering) when the frame was
 *     dropped (e.g. RUMPUSER_ENOBUFS with a full ring). transmit() may be called from any thread,
 *     never concurrently for the same netdev (the kernel serializes it);
 *   - the driver calls rumpsdk_netdev_input() for each received frame (no FCS), from a thread
 *     (its interrupt handler thread from rumpcomp_pci_irq_establish is fine), never from a real
 *     interrupt; the kernel copies the frame before returning, so the driver may reuse its buffer;
 *   - the driver calls rumpsdk_netdev_link() once right after attach with the current state (a
 *     driver that cannot tell says up), then with the state it reads whenever the device signals
 *     a link event; the kernel acts and logs "vioif0: link down" only when the state changed.
 * The kernel then configures the interface (DHCP, or the static net.* parameters: see
 * sdk/kernel/README.md) and logs it: "net: vioif0 52:54:00:12:34:56 10.0.2.15/24 gw 10.0.2.2 (dhcp)".
 *
 * Needs only the compiler's freestanding headers.
 */
#ifndef RUMP_NETIF_H
#define RUMP_NETIF_H
#include <stddef.h>
#include <stdint.h>

struct rumpsdk_netdev {
	/* filled by the driver */
	const char *name;       /* "vioif0", "wm0": NetBSD's driver name and unit */
	uint8_t mac[6];
	uint16_t mtu;           /* 0: 1500 */
	int (*transmit)(struct rumpsdk_netdev *dev, const void *frame, size_t len);
	void *softc;            /* the driver's own state */
	/* filled by the kernel */
	void *kernel_priv;
};

/*
 * Make dev a network interface. Returns 0, or an errno value (NetBSD numbering): ENOMEM,
 * EEXIST (already attached), EINVAL (no name or transmit). Calls rump_init() if needed.
 */
int rumpsdk_netdev_attach(struct rumpsdk_netdev *dev);

/* a received Ethernet frame; dropped when the interface is not attached or memory is short */
void rumpsdk_netdev_input(struct rumpsdk_netdev *dev, const void *frame, size_t len);

/* the link is up (1) or down (0); a report of the state it already has does nothing */
void rumpsdk_netdev_link(struct rumpsdk_netdev *dev, int up);

/*
 * The one network call beyond the syscalls: resolve a host name to an IPv4 address (network
 * order in *addr), through the DNS server from DHCP or the net.dns parameter. Dotted quads are
 * converted without asking. Blocks the calling thread (at most about 10 s). Returns 0, or an
 * errno value (NetBSD numbering): ENOENT (no such name), ETIMEDOUT, EHOSTUNREACH (no DNS
 * server), EINVAL.
 */
int rumpsdk_getaddrinfo_v4(const char *name, uint32_t *addr);

/*
 * Wait until at least one interface other than loopback has an IPv4 address, up to timeout_ms
 * (negative: forever). Returns 0 when configured, ETIMEDOUT otherwise.
 */
int rumpsdk_net_wait(int timeout_ms);

/*
 * The kernel's state as text, for the on-device debug shell (sdk/api/shell.ts), through the
 * __sysctl syscall with an SDK-private name: { CTL_NET (4), RUMPSDK_CTL_REPORT, which } where
 * which is RUMPSDK_REPORT_IFS (interfaces: name, MAC, address, state), RUMPSDK_REPORT_SOCKETS
 * (TCP and UDP endpoints and states) or RUMPSDK_REPORT_MEM (the kernel's memory). The answer is
 * NUL-terminated text in oldp (cut short to fit *oldlenp); *oldlenp becomes its length.
 * Other names: EOPNOTSUPP.
 */
#define RUMPSDK_CTL_NET         4
#define RUMPSDK_CTL_REPORT      0x5344
#define RUMPSDK_REPORT_IFS      1
#define RUMPSDK_REPORT_SOCKETS  2
#define RUMPSDK_REPORT_MEM      3

#endif
