/*
 * lwIP's "sockets.h" for the SDK (LWIP_SOCKET_EXTERNAL_HEADER_SOCKETS_H): lwIP's socket layer
 * is compiled against the NetBSD ABI itself (rump/netbsd_abi.h: AF_, SOCK_, SO_, MSG_, POLL,
 * FIONBIO, struct sockaddr_in with sin_len first, NetBSD errno numbers), so the syscalls pass
 * arguments through unchanged. Below: what lwIP needs beyond the ABI header, with NetBSD's
 * values where NetBSD has the name, and values NetBSD never uses for lwIP-only names; then
 * the lwip_* functions.
 */
#ifndef RUMPSDK_NB_SOCKETS_H
#define RUMPSDK_NB_SOCKETS_H
#include "lwip/opt.h"
#include "lwip/ip_addr.h"
#include "lwip/netif.h"
#include "lwip/err.h"
#include "lwip/inet.h"
#include "lwip/errno.h"
#include <rump/netbsd_abi.h>

#define SIN_ZERO_LEN 8
#define IOV_MAX 1024
typedef unsigned int nfds_t;

/* the length byte: Debian's lwIP asks the header how to set and read it */
#define IP4ADDR_SOCKADDR_SET_LEN(sin) ((sin)->sin_len = sizeof(struct sockaddr_in))
#define IPADDR_SOCKADDR_GET_LEN(addr) ((addr)->sa.sa_len)

struct sockaddr_storage {               /* NetBSD's layout, 128 bytes */
	uint8_t ss_len;
	sa_family_t ss_family;
	char __ss_pad1[6];
	int64_t __ss_align;
	char __ss_pad2[112];
};

/* NetBSD values */
#define SO_DEBUG        0x0001
#define SO_ACCEPTCONN   0x0002
#define SO_DONTROUTE    0x0010
#define SO_USELOOPBACK  0x0040
#define SO_OOBINLINE    0x0100
#define SO_SNDLOWAT     0x1003
#define SO_RCVLOWAT     0x1004
#define SO_TYPE         0x1008
#define MSG_OOB         0x0001
#define MSG_TRUNC       0x0010
#define MSG_CTRUNC      0x0020
#define MSG_WAITALL     0x0040
#define IPPROTO_RAW     255
#define IPPROTO_UDPLITE 136
#define IP_TOS          3
#define IP_TTL          4
#define IP_PKTINFO      25
#define TCP_KEEPIDLE    3
#define TCP_KEEPINTVL   5
#define TCP_KEEPCNT     6
#define IFNAMSIZ        16
#define O_NDELAY        O_NONBLOCK

/* lwIP only: values NetBSD does not use */
#define MSG_MORE        0               /* never set: no corking */
#define SO_NO_CHECK     0x10f0
#define SO_BINDTODEVICE 0x10f1
#define SO_CONTIMEO     0x10f2
#define TCP_KEEPALIVE   0x10f3          /* lwIP's keep-idle in milliseconds */
#define SO_DONTLINGER   ((int)(~SO_LINGER))

struct ifreq { char ifr_name[IFNAMSIZ]; };
struct in_pktinfo { unsigned int ipi_ifindex; struct in_addr ipi_addr; };

#define LWIP_SELECT_MAXNFDS (MEMP_NUM_NETCONN + LWIP_SOCKET_OFFSET)
#define lwip_socket_init()

void lwip_socket_thread_init(void);
void lwip_socket_thread_cleanup(void);
int lwip_accept(int s, struct sockaddr *addr, socklen_t *addrlen);
int lwip_bind(int s, const struct sockaddr *name, socklen_t namelen);
int lwip_shutdown(int s, int how);
int lwip_getpeername(int s, struct sockaddr *name, socklen_t *namelen);
int lwip_getsockname(int s, struct sockaddr *name, socklen_t *namelen);
int lwip_getsockopt(int s, int level, int optname, void *optval, socklen_t *optlen);
int lwip_setsockopt(int s, int level, int optname, const void *optval, socklen_t optlen);
int lwip_close(int s);
int lwip_connect(int s, const struct sockaddr *name, socklen_t namelen);
int lwip_listen(int s, int backlog);
ssize_t lwip_recv(int s, void *mem, size_t len, int flags);
ssize_t lwip_read(int s, void *mem, size_t len);
ssize_t lwip_readv(int s, const struct iovec *iov, int iovcnt);
ssize_t lwip_recvfrom(int s, void *mem, size_t len, int flags, struct sockaddr *from, socklen_t *fromlen);
ssize_t lwip_recvmsg(int s, struct msghdr *message, int flags);
ssize_t lwip_send(int s, const void *dataptr, size_t size, int flags);
ssize_t lwip_sendmsg(int s, const struct msghdr *message, int flags);
ssize_t lwip_sendto(int s, const void *dataptr, size_t size, int flags, const struct sockaddr *to, socklen_t tolen);
int lwip_socket(int domain, int type, int protocol);
ssize_t lwip_write(int s, const void *dataptr, size_t size);
ssize_t lwip_writev(int s, const struct iovec *iov, int iovcnt);
int lwip_poll(struct pollfd *fds, nfds_t nfds, int timeout);
int lwip_ioctl(int s, long cmd, void *argp);
int lwip_fcntl(int s, int cmd, int val);
const char *lwip_inet_ntop(int af, const void *src, char *dst, socklen_t size);
int lwip_inet_pton(int af, const char *src, void *dst);

#endif
