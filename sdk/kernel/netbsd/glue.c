/*
 * The SDK's glue around NetBSD's rump kernel (kernel flavor "netbsd", layer 4): what the lwip flavor
 * provides besides the syscalls, done here over NetBSD's own rump_sys_* calls and the hypercalls only.
 *
 * - rump_init: the link wraps it (ld --wrap=rump_init): NetBSD's rump_init starts the kernel, which
 *   attaches the PCI NICs it has drivers for and opens fds 0/1/2 on its console (so the runtime's
 *   writes to fd 1 reach rumpuser_putchar); then the first Ethernet interface is brought up
 *   (SIOCSIFFLAGS) and configured: statically from the net.* parameters, or by the DHCP client
 *   (dhcp.c) when net.ip is unset, through the standard ioctls (SIOCAIFADDR) and the routing socket
 *   (RTM_ADD of the default route).
 * - errno: NetBSD's syscall wrappers report a failure through rumpuser_seterrno; the link wraps that
 *   too and the glue keeps a copy for rumpsdk_errno(). One copy is enough: core runs one thread at a
 *   time and switches only when a thread blocks, and nothing blocks between a syscall's return and
 *   its caller reading errno.
 * - rumpsdk_net_wait, rumpsdk_getaddrinfo_v4 (dotted quads and "localhost"; no DNS client yet).
 */
#include <rump/rump.h>
#include <rump/rump_syscalls.h>
#include <rump/netif.h>
#include <rump/rumpuser.h>
#include "netcfg.h"

int __real_rump_init(void);
void __real_rumpuser_seterrno(int error);

#define DHCP_HEAD_START_MS 500    /* rump_init waits this long at most for the first lease */

static int last_errno;
static int net_configured;      /* an address is configured (netcfg_apply) */

void
__wrap_rumpuser_seterrno(int error)
{
	if (error != 0)
		last_errno = error;
	__real_rumpuser_seterrno(error);
}

int
rumpsdk_errno(void)
{
	return last_errno;
}

/* ---- small helpers (no libc) ---- */

static int
streq(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b)
		a++, b++;
	return *a == *b;
}

static void
strlcopy(char *dst, const char *src, size_t size)
{
	size_t i;

	for (i = 0; i + 1 < size && src[i] != '\0'; i++)
		dst[i] = src[i];
	dst[i] = '\0';
}

/* "a.b.c.d" -> network order; 0 when it is not a dotted quad */
static int
parse_ipv4(const char *s, uint32_t *out)
{
	uint32_t v = 0;
	int part, digits;

	for (part = 0; part < 4; part++) {
		uint32_t n = 0;
		for (digits = 0; *s >= '0' && *s <= '9'; s++, digits++)
			if ((n = n * 10 + (uint32_t)(*s - '0')) > 255)
				return 0;
		if (digits == 0 || (part < 3 && *s++ != '.'))
			return 0;
		v = v << 8 | n;
	}
	if (*s != '\0')
		return 0;
	*out = __builtin_bswap32(v);
	return 1;
}

/* a parameter that must be an IPv4 address; dflt (or 0 without one) when unset or malformed */
static uint32_t
param_ipv4(const char *name, const char *dflt)
{
	char buf[32];
	uint32_t a = 0;

	if (rumpuser_getparam(name, buf, sizeof(buf)) == 0 && buf[0] != '\0') {
		if (parse_ipv4(buf, &a))
			return a;
		rumpuser_dprintf("net: parameter %s=\"%s\" is not an IPv4 address; %s%s\n", name, buf,
		    dflt != NULL ? "using " : "ignored", dflt != NULL ? dflt : "");
	}
	if (dflt != NULL)
		parse_ipv4(dflt, &a);
	return a;
}

static void
fmt_ipv4(char *buf, uint32_t a)
{
	const uint8_t *b = (const uint8_t *)&a;
	char *p = buf;
	int i;

	for (i = 0; i < 4; i++) {
		unsigned v = b[i];
		if (v >= 100)
			*p++ = (char)('0' + v / 100);
		if (v >= 10)
			*p++ = (char)('0' + v / 10 % 10);
		*p++ = (char)('0' + v % 10);
		*p++ = i < 3 ? '.' : '\0';
	}
}

static struct sockaddr
sin4(uint32_t addr)
{
	union { struct sockaddr sa; struct sockaddr_in sin; } u;

	__builtin_memset(&u, 0, sizeof(u));
	u.sin.sin_len = sizeof(struct sockaddr_in);
	u.sin.sin_family = AF_INET;
	u.sin.sin_addr.s_addr = addr;
	return u.sa;
}

/* ---- the interface ---- */

/* The first interface with a 6-byte link address (Ethernet), or the one named by net.if. */
static int
find_ether(int s, char *name, uint8_t mac[6])
{
	static struct ifreq reqs[16];
	struct ifconf ifc = { .ifc_len = sizeof(reqs), .ifc_buf = reqs };
	char want[IFNAMSIZ];
	int i, n, named;

	named = rumpuser_getparam("net.if", want, sizeof(want)) == 0;
	if (rump_sys_ioctl(s, SIOCGIFCONF, &ifc) < 0)
		return rumpsdk_errno();
	n = ifc.ifc_len / (int)sizeof(struct ifreq);
	for (i = 0; i < n; i++) {
		const struct sockaddr_dl *dl = (const void *)&reqs[i].ifr_ifru.ifru_addr;
		if (dl->sdl_family != AF_LINK || dl->sdl_alen != 6)
			continue;
		if (named && !streq(reqs[i].ifr_name, want))
			continue;
		strlcopy(name, reqs[i].ifr_name, IFNAMSIZ);
		__builtin_memcpy(mac, dl->sdl_data + dl->sdl_nlen, 6);
		return 0;
	}
	return ENXIO;
}

/* the default route via gw: RTM_ADD or RTM_DELETE on a routing socket */
static int
default_route(int type, uint32_t gw)
{
	struct {
		struct rt_msghdr h;
		struct sockaddr dst, gateway, mask;
	} m;
	int s, rv = 0;

	__builtin_memset(&m, 0, sizeof(m));
	m.h.rtm_msglen = sizeof(m);
	m.h.rtm_version = RTM_VERSION;
	m.h.rtm_type = (uint8_t)type;
	m.h.rtm_flags = RTF_UP | RTF_GATEWAY | RTF_STATIC;
	m.h.rtm_addrs = RTA_DST | RTA_GATEWAY | RTA_NETMASK;
	m.h.rtm_seq = 1;
	m.dst = sin4(0);
	m.gateway = sin4(gw);
	m.mask = sin4(0);
	if ((s = rump_sys_socket(AF_ROUTE, SOCK_RAW, 0)) < 0)
		return rumpsdk_errno();
	if (rump_sys_write(s, &m, sizeof(m)) != (ssize_t)sizeof(m))
		rv = rumpsdk_errno();
	rump_sys_close(s);
	return rv;
}

int
netcfg_addr(unsigned long op, const char *ifname, uint32_t ip, uint32_t mask, uint32_t bcast)
{
	union { struct ifreq r; struct ifaliasreq a; } u;
	int s, rv = 0;

	__builtin_memset(&u, 0, sizeof(u));
	strlcopy(u.a.ifra_name, ifname, IFNAMSIZ);     /* both start with the name */
	u.a.ifra_addr = sin4(ip);                       /* ifr_addr lies there too */
	if (op == SIOCAIFADDR) {
		if (mask != 0)
			u.a.ifra_mask = sin4(mask);
		u.a.ifra_broadaddr = sin4(bcast);
	}
	if ((s = rump_sys_socket(AF_INET, SOCK_DGRAM, 0)) < 0)
		return rumpsdk_errno();
	if (rump_sys_ioctl(s, op, &u) < 0)
		rv = rumpsdk_errno();
	rump_sys_close(s);
	return rv;
}

void
netcfg_apply(const char *ifname, const uint8_t mac[6], uint32_t ip, uint32_t mask, uint32_t gw,
    const char *how)
{
	char ip_s[16], gw_s[16];
	int error;

	if ((error = netcfg_addr(SIOCAIFADDR, ifname, ip, mask, ip | ~mask)) != 0) {
		rumpuser_dprintf("net: configuring %s failed: errno %d\n", ifname, error);
		return;
	}
	if (gw != 0 && (error = default_route(RTM_ADD, gw)) != 0)
		rumpuser_dprintf("net: default route via gateway failed: errno %d\n", error);
	fmt_ipv4(ip_s, ip);
	fmt_ipv4(gw_s, gw);
	rumpuser_dprintf("net: %s %02x:%02x:%02x:%02x:%02x:%02x %s/%d gw %s (%s)\n", ifname,
	    mac[0], mac[1], mac[2], mac[3], mac[4], mac[5], ip_s, __builtin_popcount(mask), gw_s, how);
	net_configured = 1;
}

void
netcfg_remove(const char *ifname, uint32_t ip, uint32_t gw)
{
	net_configured = 0;
	if (gw != 0)
		default_route(RTM_DELETE, gw);
	netcfg_addr(SIOCDIFADDR, ifname, ip, 0, 0);
}

/*
 * NetBSD probes a new IPv4 address with ARP before using it (RFC 5227 duplicate address detection:
 * a random wait of up to 1 s, 3 probes 1-2 s apart, then 2 s more). Until then the address is
 * tentative: packets to it are dropped, so the first connection would wait 4-7 s. The lwip flavor
 * does no such detection either; the address is announced (a gratuitous ARP) and used at once.
 */
static void
no_dad(void)
{
	static const int mib[] = { CTL_NET, PF_INET, IPPROTO_IP, IPCTL_DAD_COUNT };
	int zero = 0;

	if (rump_sys___sysctl(mib, 4, NULL, NULL, &zero, sizeof(zero)) < 0)
		rumpuser_dprintf("net: turning off duplicate address detection failed: errno %d\n",
		    rumpsdk_errno());
}

/* the interface up; then the static configuration from the parameters, or DHCP (returns 1 when
 * the DHCP client was started) */
static int
net_configure(void)
{
	char ifname[IFNAMSIZ];
	uint8_t mac[6] = { 0 };
	struct ifreq ifr;
	uint32_t ip, mask, gw;
	int s, error, dhcp = 0;

	if ((s = rump_sys_socket(AF_INET, SOCK_DGRAM, 0)) < 0) {
		rumpuser_dprintf("net: no IPv4 (socket: errno %d)\n", rumpsdk_errno());
		return 0;
	}
	if ((error = find_ether(s, ifname, mac)) != 0) {
		rumpuser_dprintf("net: no Ethernet interface attached (%d); loopback only\n", error);
		goto out;
	}
	no_dad();
	__builtin_memset(&ifr, 0, sizeof(ifr));
	strlcopy(ifr.ifr_name, ifname, IFNAMSIZ);
	if (rump_sys_ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
		goto fail;
	ifr.ifr_ifru.ifru_flags |= IFF_UP;
	if (rump_sys_ioctl(s, SIOCSIFFLAGS, &ifr) < 0)
		goto fail;

	if ((ip = param_ipv4("net.ip", NULL)) != 0) {
		mask = param_ipv4("net.netmask", "255.255.255.0");
		gw = param_ipv4("net.gw", NULL);
		netcfg_apply(ifname, mac, ip, mask, gw, "static");
	} else if ((error = dhcp_start(ifname, mac)) != 0) {
		rumpuser_dprintf("net: starting DHCP on %s failed: errno %d\n", ifname, error);
	} else {
		dhcp = 1;
	}
	goto out;
fail:
	rumpuser_dprintf("net: bringing up %s failed: errno %d\n", ifname, rumpsdk_errno());
out:
	rump_sys_close(s);
	return dhcp;
}

/* ---- what the SDK calls ---- */

int
__wrap_rump_init(void)
{
	static int done;
	int error;

	if (done)
		return 0;
	if ((error = __real_rump_init()) != 0)
		return error;
	done = 1;
	/* a DHCP server usually answers within milliseconds: give the client that long before the
	 * application starts, so that it usually starts with its address, as with a static one */
	if (net_configure())
		rumpsdk_net_wait(DHCP_HEAD_START_MS);
	return 0;
}

/*
 * Static configuration is done by the time rump_init returns; DHCP's comes from its thread. The wait
 * sleeps in poll on a routing socket, which wakes it when an address or route is added, and looks
 * again at least every 100 ms (the flag is set just after the last such message).
 */
int
rumpsdk_net_wait(int timeout_ms)
{
	int64_t sec, end;
	long nsec;
	char msg[512];
	int s;

	if (net_configured || (s = rump_sys_socket(AF_ROUTE, SOCK_RAW, 0)) < 0)
		return net_configured ? 0 : ETIMEDOUT;
	rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, &sec, &nsec);
	end = sec * 1000 + nsec / 1000000 + timeout_ms;
	while (!net_configured) {
		struct pollfd pfd = { .fd = s, .events = POLLIN };
		int64_t left = 100;
		if (timeout_ms >= 0) {
			rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, &sec, &nsec);
			if ((left = end - (sec * 1000 + nsec / 1000000)) <= 0)
				break;
		}
		if (rump_sys_poll(&pfd, 1, left < 100 ? (int)left : 100) > 0)
			rump_sys_read(s, msg, sizeof(msg));
	}
	rump_sys_close(s);
	return net_configured ? 0 : ETIMEDOUT;
}

int
rumpsdk_getaddrinfo_v4(const char *name, uint32_t *addr)
{
	if (name == NULL || addr == NULL || name[0] == '\0')
		return EINVAL;
	if (parse_ipv4(name, addr))
		return 0;
	if (streq(name, "localhost")) {
		*addr = __builtin_bswap32(INADDR_LOOPBACK);
		return 0;
	}
	return EHOSTUNREACH;    /* no DNS client in this flavor yet */
}
