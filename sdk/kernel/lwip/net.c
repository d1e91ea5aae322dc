/*
 * The network side of the kernel: lwIP's start, the interface-attach interface for NIC drivers
 * (rump/netif.h), interface configuration (DHCP, or static from the net.* parameters), the boot
 * log line of each configured interface, and the DNS resolver call.
 *
 * All lwIP calls from here run under lwIP's core lock (LOCK_TCPIP_CORE), so they may come from
 * any thread; frames from drivers go through tcpip_input to the tcpip thread.
 */
#include "kernel_int.h"
#include <rump/netif.h>
#include "lwip/opt.h"
#include "lwip/tcpip.h"
#include "lwip/netif.h"
#include "lwip/etharp.h"
#include "lwip/dhcp.h"
#include "lwip/dns.h"
#include "lwip/api.h"
#include "netif/ethernet.h"

struct kern_netif {
	struct netif netif;
	struct rumpsdk_netdev *dev;
	int is_static;                  /* configured from parameters, not DHCP */
	int logged;                     /* the boot log line of the current address printed */
	int link;                       /* last link state the driver reported; -1: none yet */
	uint8_t frame[1600];            /* a chained packet is gathered here to transmit */
};

static struct rumpuser_mtx *cfg_mtx;    /* guards configured, with cfg_cv */
static struct rumpuser_cv *cfg_cv;
static int configured;                  /* an interface other than loopback has an address */
static int nattached;
static char hostname[64];

/* lwIP starts on the first use of the network: a NIC attaching, a socket call, a name lookup,
 * a report; a program that never uses the network does not pay for it at boot */
static void
start_lwip(void)
{
	static int started;

	if (started)
		return;
	started = 1;
	rumpuser_mutex_init(&cfg_mtx, RUMPUSER_MTX_KMUTEX);
	rumpuser_cv_init(&cfg_cv);
	if (rumpuser_getparam(RUMPUSER_PARAM_HOSTNAME, hostname, sizeof(hostname)) != 0)
		__builtin_memcpy(hostname, "rumpsdk", 8);
	tcpip_init(NULL, NULL);         /* lwip_init() here; the loopback interface 127.0.0.1 */
}

/* every entry from above that reaches the network: lwIP, and the NICs attached with it */
void
kern_net_start(void)
{
	start_lwip();
	kern_attach_devices();
}

/* ---- parameters ---- */

/* the dotted quad of parameter name in *ip (network order); 0 if unset or malformed */
static int
param_ip(const char *name, ip4_addr_t *ip)
{
	char buf[32];

	if (rumpuser_getparam(name, buf, sizeof(buf)) != 0 || buf[0] == '\0')
		return 0;
	if (!ip4addr_aton(buf, ip)) {
		rumpuser_dprintf("net: parameter %s=\"%s\" is not an IPv4 address; ignored\n", name, buf);
		return 0;
	}
	return 1;
}

/* ---- the boot log and configured state ---- */

static int
prefix_len(const ip4_addr_t *mask)
{
	uint32_t m = lwip_ntohl(ip4_addr_get_u32(mask));
	int n = 0;

	while (m & 0x80000000u) {
		n++;
		m <<= 1;
	}
	return n;
}

static void
log_netif(struct kern_netif *kn)
{
	struct netif *nif = &kn->netif;
	const uint8_t *m = nif->hwaddr;
	char ip[16], gw[16];

	ip4addr_ntoa_r(netif_ip4_addr(nif), ip, sizeof(ip));
	ip4addr_ntoa_r(netif_ip4_gw(nif), gw, sizeof(gw));
	rumpuser_dprintf("net: %s %02x:%02x:%02x:%02x:%02x:%02x %s/%d gw %s (%s)\n", kn->dev->name,
	    m[0], m[1], m[2], m[3], m[4], m[5], ip, prefix_len(netif_ip4_netmask(nif)), gw,
	    kn->is_static ? "static" : "dhcp");
}

/* lwIP's status callback (under the core lock): an address came or went */
static void
status_changed(struct netif *nif)
{
	struct kern_netif *kn = nif->state;

	if (ip4_addr_isany(netif_ip4_addr(nif)) || !netif_is_up(nif)) {
		kn->logged = 0;
		return;
	}
	if (kn->logged)
		return;
	kn->logged = 1;
	/* the gateway's hardware address now, before the first packet to or through it waits for it
	   (QEMU's user networking and a LAN's hosts beyond the router reach us through it); only
	   with the link up: a request lost before it would leave the entry pending, and a packet
	   queued on it waiting for lwIP's next ARP timer tick (up to 1 s) */
	if (netif_is_link_up(nif) && !ip4_addr_isany(netif_ip4_gw(nif)))
		etharp_query(nif, netif_ip4_gw(nif), NULL);
	log_netif(kn);
	if (!kn->is_static) {
		ip4_addr_t dns;
		if (param_ip("net.dns", &dns)) {     /* the parameter wins over DHCP's server */
			ip_addr_t d;
			ip_addr_copy_from_ip4(d, dns);
			dns_setserver(0, &d);
		}
	}
	rumpuser_mutex_enter(cfg_mtx);
	configured = 1;
	rumpuser_cv_broadcast(cfg_cv);
	rumpuser_mutex_exit(cfg_mtx);
}

int
rumpsdk_net_wait(int timeout_ms)
{
	int64_t sec = timeout_ms / 1000, nsec = (int64_t)(timeout_ms % 1000) * 1000000;
	int rv = 0;

	kern_net_start();
	rumpuser_mutex_enter(cfg_mtx);
	while (!configured && rv == 0) {
		if (timeout_ms < 0)
			rumpuser_cv_wait(cfg_cv, cfg_mtx);
		else
			rv = rumpuser_cv_timedwait(cfg_cv, cfg_mtx, sec, nsec);
	}
	rv = configured ? 0 : ETIMEDOUT;
	rumpuser_mutex_exit(cfg_mtx);
	return rv;
}

/* ---- the driver interface ---- */

/* lwIP's link output: one frame to the driver, gathered if the packet is a chain */
static err_t
link_output(struct netif *nif, struct pbuf *p)
{
	struct kern_netif *kn = nif->state;
	const void *frame = p->payload;

	if (p->next != NULL) {
		if (p->tot_len > sizeof(kn->frame))
			return ERR_BUF;
		pbuf_copy_partial(p, kn->frame, p->tot_len, 0);
		frame = kn->frame;
	}
	return kn->dev->transmit(kn->dev, frame, p->tot_len) == 0 ? ERR_OK : ERR_IF;
}

static err_t
netif_setup(struct netif *nif)
{
	struct kern_netif *kn = nif->state;
	const char *name = kn->dev->name;

	nif->name[0] = name[0];
	nif->name[1] = name[1] != '\0' ? name[1] : '0';
	nif->output = etharp_output;
	nif->linkoutput = link_output;
	nif->mtu = kn->dev->mtu != 0 ? kn->dev->mtu : 1500;
	nif->hwaddr_len = ETH_HWADDR_LEN;
	__builtin_memcpy(nif->hwaddr, kn->dev->mac, ETH_HWADDR_LEN);
	nif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	netif_set_hostname(nif, hostname);
	return ERR_OK;
}

int
rumpsdk_netdev_attach(struct rumpsdk_netdev *dev)
{
	struct kern_netif *kn;
	ip4_addr_t ip, mask, gw, dns;
	void *mem;
	int first;

	start_lwip();                   /* not kern_net_start: called from the attach itself */
	if (dev == NULL || dev->name == NULL || dev->name[0] == '\0' || dev->transmit == NULL)
		return EINVAL;
	if (dev->kernel_priv != NULL)
		return EEXIST;
	if (rump_init() != 0)
		return ENXIO;
	if (rumpuser_malloc(sizeof(*kn), 0, &mem) != 0)
		return ENOMEM;
	kn = mem;
	__builtin_memset(kn, 0, sizeof(*kn));
	kn->dev = dev;
	kn->link = -1;
	ip4_addr_set_zero(&ip);
	ip4_addr_set_zero(&mask);
	ip4_addr_set_zero(&gw);

	LOCK_TCPIP_CORE();
	first = nattached++ == 0;
	/* static configuration (parameters net.ip, net.netmask, net.gw, net.dns) for the first interface */
	if (first && param_ip("net.ip", &ip)) {
		kn->is_static = 1;
		if (!param_ip("net.netmask", &mask))
			IP4_ADDR(&mask, 255, 255, 255, 0);
		param_ip("net.gw", &gw);
	}
	if (netif_add(&kn->netif, &ip, &mask, &gw, kn, netif_setup, tcpip_input) == NULL) {
		nattached--;
		UNLOCK_TCPIP_CORE();
		rumpuser_free(kn, sizeof(*kn));
		return ENOMEM;
	}
	dev->kernel_priv = kn;
	netif_set_status_callback(&kn->netif, status_changed);
	if (first)
		netif_set_default(&kn->netif);
	if (kn->is_static && param_ip("net.dns", &dns)) {
		ip_addr_t d;
		ip_addr_copy_from_ip4(d, dns);
		dns_setserver(0, &d);
	}
	netif_set_up(&kn->netif);
	if (!kn->is_static)
		dhcp_start(&kn->netif);
	UNLOCK_TCPIP_CORE();
	return 0;
}

void
rumpsdk_netdev_input(struct rumpsdk_netdev *dev, const void *frame, size_t len)
{
	struct kern_netif *kn = dev->kernel_priv;
	struct pbuf *p;

	if (kn == NULL || len == 0 || len > 0xffff)
		return;
	if ((p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_POOL)) == NULL)
		return;
	pbuf_take(p, frame, (u16_t)len);
	if (kn->netif.input(p, &kn->netif) != ERR_OK)
		pbuf_free(p);
}

void
rumpsdk_netdev_link(struct rumpsdk_netdev *dev, int up)
{
	struct kern_netif *kn = dev->kernel_priv;

	if (kn == NULL || up == kn->link)
		return;
	if (kn->link >= 0)              /* the first report is the state the attach line showed */
		rumpuser_dprintf("%s: link %s\n", dev->name, up ? "up" : "down");
	kn->link = up;
	LOCK_TCPIP_CORE();
	if (up)
		netif_set_link_up(&kn->netif);  /* when it was down: DHCP discovers at once */
	else
		netif_set_link_down(&kn->netif);
	UNLOCK_TCPIP_CORE();
}

/* ---- DNS ---- */

int
rumpsdk_getaddrinfo_v4(const char *name, uint32_t *addr)
{
	ip_addr_t ip;
	ip4_addr_t ip4;
	err_t err;

	kern_net_start();
	if (name == NULL || addr == NULL || name[0] == '\0')
		return EINVAL;
	if (ip4addr_aton(name, &ip4)) {
		*addr = ip4_addr_get_u32(&ip4);
		return 0;
	}
	if (lwip_strnicmp(name, "localhost", 10) == 0) {
		*addr = PP_HTONL(INADDR_LOOPBACK);
		return 0;
	}
	if (ip_addr_isany(dns_getserver(0)) && ip_addr_isany(dns_getserver(1)))
		return EHOSTUNREACH;
	err = netconn_gethostbyname(name, &ip);
	switch (err) {
	case ERR_OK:
		*addr = ip4_addr_get_u32(ip_2_ip4(&ip));
		return 0;
	case ERR_ARG:
		return EINVAL;
	case ERR_MEM:
		return ENOMEM;
	default:
		return ENOENT;
	}
}

/* ---- reports for the debug shell (rump/netif.h RUMPSDK_REPORT_*) ---- */
#include "lwip/priv/tcp_priv.h"
#include "lwip/udp.h"

struct text { char *p; size_t len, n; };

static void
put(struct text *t, const char *s)
{
	while (*s && t->n + 1 < t->len)
		t->p[t->n++] = *s++;
	t->p[t->n] = 0;
}

static void
put_uint(struct text *t, unsigned long v)
{
	char b[24], *q = b + sizeof(b) - 1;
	*q = 0;
	do { *--q = (char)('0' + v % 10); v /= 10; } while (v);
	put(t, q);
}

/* "a.b.c.d:port", padded with spaces to width */
static void
put_endpoint(struct text *t, const ip_addr_t *a, u16_t port, size_t width)
{
	char ip[16];
	size_t start = t->n;
	ip4addr_ntoa_r(ip_2_ip4(a), ip, sizeof(ip));
	put(t, ip4_addr_isany_val(*ip_2_ip4(a)) ? "*" : ip);
	put(t, ":");
	if (port) put_uint(t, port); else put(t, "*");
	while (t->n - start < width && t->n + 1 < t->len) put(t, " ");
}

static const char *const tcp_states[] = { "CLOSED", "LISTEN", "SYN_SENT", "SYN_RCVD", "ESTABLISHED",
	"FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT" };

static void
report_tcp(struct text *t, struct tcp_pcb *pcb)
{
	for (; pcb; pcb = pcb->next) {
		put(t, "tcp   ");
		put_endpoint(t, &pcb->local_ip, pcb->local_port, 22);
		put_endpoint(t, &pcb->remote_ip, pcb->remote_port, 22);
		put(t, pcb->state <= TIME_WAIT ? tcp_states[pcb->state] : "?");
		put(t, "\n");
	}
}

size_t
kern_net_report(int which, char *buf, size_t len)
{
	struct text t = { buf, len, 0 };
	struct netif *nif;

	kern_net_start();
	buf[0] = 0;
	LOCK_TCPIP_CORE();
	if (which == RUMPSDK_REPORT_IFS) {
		NETIF_FOREACH(nif) {
			struct kern_netif *kn = nif->state;
			const uint8_t *m = nif->hwaddr;
			static const char hexd[] = "0123456789abcdef";
			char ip[16];
			int is_lo = nif->name[0] == 'l' && nif->name[1] == 'o';
			put(&t, is_lo ? "lo0" : kn && kn->dev ? kn->dev->name : "?");
			put(&t, netif_is_up(nif) ? ": up" : ": down");
			put(&t, !is_lo && netif_is_link_up(nif) ? ", link up" : is_lo ? "" : ", link down");
			put(&t, ", mtu ");
			put_uint(&t, nif->mtu);
			if (!is_lo) {
				put(&t, "\n    ether ");
				for (int i = 0; i < 6; i++) {
					char h[4] = { hexd[m[i] >> 4], hexd[m[i] & 15], i < 5 ? ':' : 0, 0 };
					put(&t, h);
				}
			}
			put(&t, "\n    inet ");
			ip4addr_ntoa_r(netif_ip4_addr(nif), ip, sizeof(ip));
			put(&t, ip);
			put(&t, "/");
			put_uint(&t, (unsigned long)prefix_len(netif_ip4_netmask(nif)));
			if (!is_lo) {
				put(&t, " gw ");
				ip4addr_ntoa_r(netif_ip4_gw(nif), ip, sizeof(ip));
				put(&t, ip);
				put(&t, kn && kn->is_static ? " (static)" : " (dhcp)");
			}
			put(&t, "\n");
		}
	} else if (which == RUMPSDK_REPORT_SOCKETS) {
		put(&t, "proto local                 remote                state\n");
		report_tcp(&t, tcp_listen_pcbs.pcbs ? (struct tcp_pcb *)tcp_listen_pcbs.pcbs : NULL);
		report_tcp(&t, tcp_active_pcbs);
		report_tcp(&t, tcp_tw_pcbs);
		for (struct udp_pcb *u = udp_pcbs; u; u = u->next) {
			put(&t, "udp   ");
			put_endpoint(&t, &u->local_ip, u->local_port, 22);
			put_endpoint(&t, &u->remote_ip, u->remote_port, 22);
			put(&t, "\n");
		}
	} else {
		put(&t, "lwIP heap ");
		put_uint(&t, MEM_SIZE / 1024);
		put(&t, " KiB reserved (use not counted: LWIP_STATS is off), ");
		put_uint(&t, MEMP_NUM_TCP_PCB);
		put(&t, " TCP connections at most");
	}
	UNLOCK_TCPIP_CORE();
	if (t.n > 0 && buf[t.n - 1] == '\n')
		buf[--t.n] = 0;
	return t.n;
}
