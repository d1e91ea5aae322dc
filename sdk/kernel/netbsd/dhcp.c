/*
 * The netbsd flavor's DHCP client (RFC 2131), written for the SDK over NetBSD's own UDP sockets
 * (rump_sys_*), in a thread of its own (rumpuser_thread_create; NetBSD gives a thread it does not
 * know a temporary lwp for each syscall).
 *
 * Before an address is leased the interface holds 0.0.0.0 with the broadcast address
 * 255.255.255.255, and the socket sends with SO_DONTROUTE: NetBSD then picks the interface by that
 * broadcast address and sends from 0.0.0.0, the way its own boot-time DHCP client does. The requests
 * ask for broadcast replies (the kernel drops unicast to an address it does not hold yet).
 *
 * States: DISCOVER (again after 1, 2, 4 ... 32 s) until an OFFER; REQUEST it (4 tries, 1 to 8 s
 * apart) until an ACK (a NAK or silence: back to DISCOVER); bound: the address, mask and router
 * from the ACK are configured (netcfg_apply). At half the lease a REQUEST goes to the server
 * (renewing), again at half the remaining time (at least a minute apart); an ACK extends the
 * lease, a NAK or the lease's end removes the address and starts over. No rebinding broadcast.
 */
#include <rump/rump.h>
#include <rump/rump_syscalls.h>
#include <rump/rumpuser.h>
#include "netcfg.h"

#define PORT_SERVER 67
#define PORT_CLIENT 68
#define MAGIC       0x63538263u         /* 99.130.83.99 as it lies in memory (little-endian) */

enum { DHCPDISCOVER = 1, DHCPOFFER, DHCPREQUEST, DHCPDECLINE, DHCPACK, DHCPNAK };
enum { OPT_PAD = 0, OPT_MASK = 1, OPT_ROUTER = 3, OPT_HOSTNAME = 12, OPT_REQIP = 50,
    OPT_LEASE = 51, OPT_TYPE = 53, OPT_SERVER = 54, OPT_PARAMS = 55, OPT_END = 255 };

struct dhcp_msg {
	uint8_t op, htype, hlen, hops;
	uint32_t xid;
	uint16_t secs, flags;
	uint32_t ciaddr, yiaddr, siaddr, giaddr;
	uint8_t chaddr[16], sname[64], file[128];
	uint32_t magic;
	uint8_t options[308];
};
_Static_assert(sizeof(struct dhcp_msg) == 548, "a DHCP message is 548 bytes at most here");

struct lease {
	uint32_t ip, mask, router, server;      /* network order */
	uint32_t secs;                          /* 0xffffffff: infinite */
};

static struct {
	char ifname[IFNAMSIZ];
	uint8_t mac[6];
	int s;
	uint32_t xid;
} c;

static int64_t
now_ms(void)
{
	int64_t sec;
	long nsec;

	rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, &sec, &nsec);
	return sec * 1000 + nsec / 1000000;
}

static uint8_t *
opt(uint8_t *p, int code, const void *data, size_t len)
{
	*p++ = (uint8_t)code;
	*p++ = (uint8_t)len;
	__builtin_memcpy(p, data, len);
	return p + len;
}

/* type; ciaddr (renewing) or reqip+server (selecting); to: destination (network order) */
static int
send_msg(int type, uint32_t ciaddr, uint32_t reqip, uint32_t server, uint32_t to)
{
	static const uint8_t params[] = { OPT_MASK, OPT_ROUTER, OPT_LEASE };
	struct dhcp_msg m;
	struct sockaddr_in sin;
	char host[64];
	uint8_t t = (uint8_t)type, *p;
	size_t n;

	__builtin_memset(&m, 0, sizeof(m));
	m.op = 1;                               /* BOOTREQUEST */
	m.htype = 1;                            /* Ethernet */
	m.hlen = 6;
	m.xid = c.xid;
	m.flags = ciaddr == 0 ? __builtin_bswap16(0x8000) : 0;  /* broadcast replies until bound */
	m.ciaddr = ciaddr;
	__builtin_memcpy(m.chaddr, c.mac, 6);
	m.magic = MAGIC;
	p = opt(m.options, OPT_TYPE, &t, 1);
	if (reqip != 0)
		p = opt(p, OPT_REQIP, &reqip, 4);
	if (server != 0)
		p = opt(p, OPT_SERVER, &server, 4);
	p = opt(p, OPT_PARAMS, params, sizeof(params));
	if (rumpuser_getparam(RUMPUSER_PARAM_HOSTNAME, host, sizeof(host)) == 0) {
		for (n = 0; host[n] != '\0'; n++)
			;
		p = opt(p, OPT_HOSTNAME, host, n);
	}
	*p++ = OPT_END;
	n = (size_t)(p - (uint8_t *)&m);
	if (n < 300)
		n = 300;                        /* the BOOTP minimum some servers insist on */

	__builtin_memset(&sin, 0, sizeof(sin));
	sin.sin_len = sizeof(sin);
	sin.sin_family = AF_INET;
	sin.sin_port = __builtin_bswap16(PORT_SERVER);
	sin.sin_addr.s_addr = to;
	if (rump_sys_sendto(c.s, &m, n, 0, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		return rumpsdk_errno();
	return 0;
}

/* a reply to our xid and MAC: its type, its fields in *l; 0 when it is not one */
static int
parse(const struct dhcp_msg *m, size_t len, struct lease *l)
{
	const uint8_t *p = m->options, *end = (const uint8_t *)m + len;
	int type = 0;

	if (len < 240 || m->op != 2 || m->xid != c.xid || m->magic != MAGIC ||
	    __builtin_memcmp(m->chaddr, c.mac, 6) != 0)
		return 0;
	__builtin_memset(l, 0, sizeof(*l));
	l->ip = m->yiaddr;
	l->secs = 3600;                         /* no lease time given */
	while (p < end && *p != OPT_END) {
		int code = *p++;
		size_t n;
		if (code == OPT_PAD)
			continue;
		if (p >= end || p + 1 + *p > end)
			break;
		n = *p++;
		if (code == OPT_TYPE && n == 1)
			type = p[0];
		else if (n >= 4 && (code == OPT_MASK || code == OPT_ROUTER || code == OPT_SERVER ||
		    code == OPT_LEASE)) {
			uint32_t v;
			__builtin_memcpy(&v, p, 4);
			if (code == OPT_MASK)
				l->mask = v;
			else if (code == OPT_ROUTER)
				l->router = v;   /* the first router */
			else if (code == OPT_SERVER)
				l->server = v;
			else
				l->secs = __builtin_bswap32(v);
		}
		p += n;
	}
	if ((type == DHCPOFFER || type == DHCPACK) && (l->ip == 0 || l->ip == INADDR_BROADCAST))
		return 0;
	if (l->secs < 4)
		l->secs = 4;                    /* shorter would have the client ask without pause */
	return type;
}

/* waits up to ms for a reply of type want (or a NAK when want is DHCPACK); 0 on timeout */
static int
await(int want, int64_t ms, struct lease *l)
{
	int64_t deadline = now_ms() + ms, left;
	struct dhcp_msg m;
	ssize_t n;
	int type;

	while ((left = deadline - now_ms()) > 0) {
		struct pollfd pfd = { .fd = c.s, .events = POLLIN };
		if (rump_sys_poll(&pfd, 1, left > 3600000 ? 3600000 : (int)left) <= 0)
			continue;
		while ((n = rump_sys_recvfrom(c.s, &m, sizeof(m), MSG_DONTWAIT, NULL, NULL)) > 0) {
			type = parse(&m, (size_t)n, l);
			if (type == want || (want == DHCPACK && type == DHCPNAK))
				return type;
		}
	}
	return 0;
}

/* sends a message (a fresh xid) and waits up to ms for the reply wanted; the whole ms when it
 * could not be sent (the interface may not be ready yet) */
static int
exchange(int type, uint32_t ciaddr, uint32_t reqip, uint32_t server, uint32_t to, int want,
    int64_t ms, struct lease *l)
{
	size_t got;

	if (type == DHCPDISCOVER || ciaddr != 0)
		rumpuser_getrandom(&c.xid, sizeof(c.xid), 0, &got);
	if (send_msg(type, ciaddr, reqip, server, to) != 0) {
		await(-1, ms, l);
		return 0;
	}
	return await(want, ms, l);
}

static void
set_dontroute(int on)
{
	rump_sys_setsockopt(c.s, SOL_SOCKET, SO_DONTROUTE, &on, sizeof(on));
}

/* from nothing to a lease: DISCOVER, OFFER, REQUEST, ACK */
static void
acquire(struct lease *l)
{
	struct lease offer;
	int64_t wait = 1000;
	int i, type = 0;

	netcfg_addr(SIOCAIFADDR, c.ifname, 0, 0, INADDR_BROADCAST);
	set_dontroute(1);
	while (type != DHCPACK) {
		if (exchange(DHCPDISCOVER, 0, 0, 0, INADDR_BROADCAST, DHCPOFFER, wait, &offer) != DHCPOFFER) {
			if (wait < 32000)
				wait *= 2;
			continue;
		}
		for (i = 0, type = 0; i < 4 && type == 0; i++)
			type = exchange(DHCPREQUEST, 0, offer.ip, offer.server, INADDR_BROADCAST, DHCPACK,
			    1000 << i, l);
	}
	if (l->server == 0)
		l->server = offer.server != 0 ? offer.server : INADDR_BROADCAST;  /* renewals go there */
	netcfg_addr(SIOCDIFADDR, c.ifname, 0, 0, 0);
	set_dontroute(0);
}

/* the lease's end and its first renewal (half-way), in now_ms() time */
static void
lease_times(uint32_t secs, int64_t *end, int64_t *at)
{
	int64_t now = now_ms();

	*end = secs == 0xffffffff ? INT64_MAX : now + (int64_t)secs * 1000;
	*at = secs == 0xffffffff ? INT64_MAX : now + (int64_t)secs * 500;
}

/* bound to *l: renews it; returns when it is lost (NAK, another address, or its end) */
static void
renew(const struct lease *l)
{
	int64_t end, at;
	struct lease r;
	int type;

	lease_times(l->secs, &end, &at);
	for (;;) {
		await(-1, at - now_ms(), &r);           /* until the next renewal; nothing matches -1 */
		if (now_ms() >= end)
			return;
		at = now_ms() + (end - now_ms()) / 2;
		if (at < now_ms() + 60000)
			at = end < now_ms() + 60000 ? end : now_ms() + 60000;
		type = exchange(DHCPREQUEST, l->ip, 0, 0, l->server, DHCPACK, at - now_ms(), &r);
		if (type == DHCPNAK || (type == DHCPACK && r.ip != l->ip))
			return;
		if (type == DHCPACK)
			lease_times(r.secs, &end, &at);
	}
}

static void *
dhcp_thread(void *arg)
{
	struct lease l;

	(void)arg;
	for (;;) {
		acquire(&l);
		netcfg_apply(c.ifname, c.mac, l.ip, l.mask != 0 ? l.mask : __builtin_bswap32(0xffffff00),
		    l.router, "dhcp");
		renew(&l);
		rumpuser_dprintf("net: %s: DHCP lease lost; asking again\n", c.ifname);
		netcfg_remove(c.ifname, l.ip, l.router);
	}
	return NULL;
}

/* starts the client on ifname (up already); 0 or an errno value */
int
dhcp_start(const char *ifname, const uint8_t mac[6])
{
	struct sockaddr_in sin;
	int on = 1, error;

	__builtin_memcpy(c.ifname, ifname, IFNAMSIZ);
	__builtin_memcpy(c.mac, mac, 6);
	if ((c.s = rump_sys_socket(AF_INET, SOCK_DGRAM, 0)) < 0)
		return rumpsdk_errno();
	__builtin_memset(&sin, 0, sizeof(sin));
	sin.sin_len = sizeof(sin);
	sin.sin_family = AF_INET;
	sin.sin_port = __builtin_bswap16(PORT_CLIENT);
	if (rump_sys_setsockopt(c.s, SOL_SOCKET, SO_BROADCAST, &on, sizeof(on)) < 0 ||
	    rump_sys_bind(c.s, (struct sockaddr *)&sin, sizeof(sin)) < 0) {
		error = rumpsdk_errno();
		rump_sys_close(c.s);
		return error;
	}
	return rumpuser_thread_create(dhcp_thread, NULL, "dhcp", 0, 0, -1, NULL);
}
