/*
 * Private to sdk/kernel/netbsd: the NetBSD network-configuration structures and ioctl numbers the
 * glue needs beyond rump/netbsd_abi.h (interface requests, the routing socket), LP64 layouts as in
 * NetBSD 7/8's public headers. Written from those headers' documented layouts; sizes are checked.
 */
#ifndef NETBSD_NETCFG_H
#define NETBSD_NETCFG_H
#include <rump/netbsd_abi.h>

#define IFNAMSIZ  16
#define AF_LINK   18
#define AF_ROUTE  34

#define IFF_UP    0x0001

#define SO_DONTROUTE 0x0010     /* send through the interface that holds the address, no route */

/* struct sockaddr_storage: 128 bytes, 8-aligned */
struct nb_sockaddr_storage {
	uint8_t ss_len;
	sa_family_t ss_family;
	char ss_pad[126];
} __attribute__((aligned(8)));

struct ifreq {
	char ifr_name[IFNAMSIZ];
	union {
		struct sockaddr ifru_addr;
		struct nb_sockaddr_storage ifru_space;
		short ifru_flags;
		void *ifru_data;
	} ifr_ifru;
};
_Static_assert(sizeof(struct ifreq) == 144, "struct ifreq is 144 bytes on LP64 NetBSD");

struct ifaliasreq {
	char ifra_name[IFNAMSIZ];
	struct sockaddr ifra_addr;
	struct sockaddr ifra_broadaddr;
	struct sockaddr ifra_mask;
};

struct ifconf {
	int ifc_len;
	void *ifc_buf;          /* an array of struct ifreq, one per address (AF_LINK ones too) */
};

/* the link-level address of an interface, as SIOCGIFCONF reports it */
struct sockaddr_dl {
	uint8_t sdl_len;
	sa_family_t sdl_family; /* AF_LINK */
	uint16_t sdl_index;
	uint8_t sdl_type;
	uint8_t sdl_nlen;       /* name first, then the address, in sdl_data */
	uint8_t sdl_alen;
	uint8_t sdl_slen;
	char sdl_data[12];
};

#define SIOCSIFFLAGS _IOW('i', 16, struct ifreq)
#define SIOCGIFFLAGS _IOWR('i', 17, struct ifreq)
#define SIOCDIFADDR  _IOW('i', 25, struct ifreq)
#define SIOCAIFADDR  _IOW('i', 26, struct ifaliasreq)
#define SIOCGIFCONF  _IOWR('i', 38, struct ifconf)

/* the routing socket (PF_ROUTE): a message header followed by sockaddrs, each 8-byte rounded */
struct rt_metrics {
	uint64_t rmx_locks, rmx_mtu, rmx_hopcount, rmx_recvpipe, rmx_sendpipe, rmx_ssthresh,
	    rmx_rtt, rmx_rttvar;
	int64_t rmx_expire, rmx_pksent;
};

struct rt_msghdr {
	uint16_t rtm_msglen __attribute__((aligned(8)));
	uint8_t rtm_version;
	uint8_t rtm_type;
	uint16_t rtm_index;
	int rtm_flags;
	int rtm_addrs;
	int32_t rtm_pid;
	int rtm_seq;
	int rtm_errno;
	int rtm_use;
	int rtm_inits;
	struct rt_metrics rtm_rmx __attribute__((aligned(8)));
};
_Static_assert(sizeof(struct rt_msghdr) == 120, "struct rt_msghdr is 120 bytes on LP64 NetBSD");

#define RTM_VERSION 4
#define RTM_ADD     0x1
#define RTM_DELETE  0x2
#define RTF_UP      0x1
#define RTF_GATEWAY 0x2
#define RTF_STATIC  0x800
#define RTA_DST     0x1
#define RTA_GATEWAY 0x2
#define RTA_NETMASK 0x4

/* sysctl net.inet.ip.dad_count: { CTL_NET, PF_INET, IPPROTO_IP, IPCTL_DAD_COUNT } */
#define CTL_NET          4
#define IPCTL_DAD_COUNT  25

/* glue.c: interface addresses (op SIOCAIFADDR: add ip/mask with broadcast bcast, a mask of 0
 * left unspecified; SIOCDIFADDR: remove ip), a configured address (added, the default route via
 * gw unless 0, the boot log line "net: ... (how)", rumpsdk_net_wait woken) and its removal */
int netcfg_addr(unsigned long op, const char *ifname, uint32_t ip, uint32_t mask, uint32_t bcast);
void netcfg_apply(const char *ifname, const uint8_t mac[6], uint32_t ip, uint32_t mask, uint32_t gw,
    const char *how);
void netcfg_remove(const char *ifname, uint32_t ip, uint32_t gw);

/* dhcp.c: the DHCP client for ifname (already up), in a thread of its own; 0 or an errno value */
int dhcp_start(const char *ifname, const uint8_t mac[6]);

#endif
