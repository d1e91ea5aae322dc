/*
 * The SDK's configuration of lwIP (the options lwIP's opt.h reads). Sized for small
 * firmware: a few dozen sockets, one or two Ethernet interfaces plus loopback.
 */
#ifndef RUMPSDK_LWIPOPTS_H
#define RUMPSDK_LWIPOPTS_H

/* ---- threads: the tcpip thread, core locking, the socket API ---- */
#define NO_SYS                          0
#define LWIP_TCPIP_CORE_LOCKING         1
#define LWIP_TCPIP_CORE_LOCKING_INPUT   0
#define LWIP_SOCKET                     1
#define LWIP_NETCONN                    1
#define LWIP_COMPAT_SOCKETS             0       /* only lwip_* names */
#define LWIP_POSIX_SOCKETS_IO_NAMES     0
#define LWIP_SOCKET_OFFSET              3       /* 0-2 are the console */
#define LWIP_SOCKET_SELECT              0
#define LWIP_SOCKET_POLL                1
#define LWIP_SOCKET_EXTERNAL_HEADERS    1       /* the NetBSD ABI's constants and structures */
#define LWIP_SOCKET_EXTERNAL_HEADER_SOCKETS_H "arch/nb_sockets.h"
#define LWIP_SOCKET_EXTERNAL_HEADER_INET_H    "arch/nb_inet.h"
#define LWIP_SO_SNDTIMEO                1
#define LWIP_SO_RCVTIMEO                1
#define LWIP_SO_RCVBUF                  1       /* also FIONREAD */
#define LWIP_SO_LINGER                  1
#define SO_REUSE                        1
#define LWIP_TCP_KEEPALIVE              1
#define LWIP_NETIF_API                  1
#define LWIP_NETCONN_SEM_PER_THREAD     0
#define LWIP_NETCONN_FULLDUPLEX         0
#define TCPIP_THREAD_NAME               "tcpip"
#define TCPIP_THREAD_STACKSIZE          16384
#define TCPIP_THREAD_PRIO               1
#define TCPIP_MBOX_SIZE                 128
#define DEFAULT_THREAD_STACKSIZE        16384
#define DEFAULT_RAW_RECVMBOX_SIZE       16
#define DEFAULT_UDP_RECVMBOX_SIZE       32
#define DEFAULT_TCP_RECVMBOX_SIZE       64
#define DEFAULT_ACCEPTMBOX_SIZE         32
#define LWIP_TIMEVAL_PRIVATE            0

/* ---- memory: lwIP's own heap and pools, in .bss ---- */
#define MEM_LIBC_MALLOC                 0
#define MEMP_MEM_MALLOC                 0
#define MEM_ALIGNMENT                   8
/* a board may set MEM_SIZE and PBUF_POOL_SIZE (board.json "lwip"; the build defines them for this layer) */
#ifndef MEM_SIZE
#define MEM_SIZE                        (256 * 1024)
#endif
#define MEMP_NUM_PBUF                   64
#define MEMP_NUM_RAW_PCB                4
#define MEMP_NUM_UDP_PCB                16
#define MEMP_NUM_TCP_PCB                64
#define MEMP_NUM_TCP_PCB_LISTEN         16
#define MEMP_NUM_TCP_SEG                512
#define MEMP_NUM_NETBUF                 32
#define MEMP_NUM_NETCONN                80      /* = the number of sockets */
#define MEMP_NUM_TCPIP_MSG_API          32
#define MEMP_NUM_TCPIP_MSG_INPKT        128
#define MEMP_NUM_SYS_TIMEOUT            (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 8)
#ifndef PBUF_POOL_SIZE
#define PBUF_POOL_SIZE                  128     /* at least 22: TCP_WND must fit in the pool */
#endif
#define LWIP_ALLOW_MEM_FREE_FROM_OTHER_CONTEXT 0

/* ---- protocols ---- */
#define LWIP_IPV4                       1
#define LWIP_IPV6                       0
#define LWIP_ARP                        1
#define ETHARP_SUPPORT_STATIC_ENTRIES   0
#define LWIP_ETHERNET                   1
#define LWIP_ICMP                       1
#define LWIP_RAW                        1
#define LWIP_UDP                        1
#define LWIP_TCP                        1
#define LWIP_DHCP                       1
#define LWIP_DHCP_DOES_ACD_CHECK        0
#define DHCP_DOES_ARP_CHECK             0
#define LWIP_AUTOIP                     0
#define LWIP_IGMP                       0
#define LWIP_DNS                        1
#define DNS_MAX_SERVERS                 2
#define DNS_TABLE_SIZE                  8
#define LWIP_DNS_SECURE                 (LWIP_DNS_SECURE_RAND_XID | LWIP_DNS_SECURE_RAND_SRC_PORT)
#define IP_REASSEMBLY                   1
#define IP_FRAG                         1
#define IP_DEFAULT_TTL                  64

/* TCP: 32 KiB windows and send buffers over a 1460-byte MSS */
#define TCP_MSS                         1460
#define TCP_WND                         (22 * TCP_MSS)
#define TCP_SND_BUF                     (22 * TCP_MSS)
#define TCP_SND_QUEUELEN                ((4 * (TCP_SND_BUF) + (TCP_MSS - 1)) / (TCP_MSS))
#define TCP_QUEUE_OOSEQ                 1
#define TCP_LISTEN_BACKLOG              1
#define TCP_DEFAULT_LISTEN_BACKLOG      32
#define LWIP_TCP_SACK_OUT               0
#define TCP_OVERSIZE                    TCP_MSS
#define LWIP_WND_SCALE                  0

/* ---- interfaces ---- */
#define LWIP_NETIF_STATUS_CALLBACK      1
#define LWIP_NETIF_LINK_CALLBACK        1
#define LWIP_NETIF_HOSTNAME             1
#define LWIP_HAVE_LOOPIF                1
#define LWIP_NETIF_LOOPBACK             1
#define LWIP_LOOPBACK_MAX_PBUFS         0
#define LWIP_SINGLE_NETIF               0
#define LWIP_NETIF_TX_SINGLE_PBUF       1       /* drivers get one contiguous frame */
#define ETH_PAD_SIZE                    0

/* ---- checksums in software, statistics and debugging off ---- */
#define LWIP_CHECKSUM_ON_COPY           1
#define LWIP_STATS                      0
#define LWIP_STATS_DISPLAY              0
#define LWIP_PERF                       0

#endif
