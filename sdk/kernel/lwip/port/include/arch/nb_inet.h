/*
 * lwIP's "inet.h" for the SDK (LWIP_SOCKET_EXTERNAL_HEADER_INET_H): struct in_addr and the
 * INADDR_ values are the NetBSD ABI's (rump/netbsd_abi.h); this adds what lwIP's socket code
 * uses to move addresses between its own types and the ABI's.
 */
#ifndef RUMPSDK_NB_INET_H
#define RUMPSDK_NB_INET_H
#include "lwip/def.h"
#include "lwip/ip_addr.h"
#include <rump/netbsd_abi.h>

#define INADDR_NONE IPADDR_NONE
#define INET_ADDRSTRLEN IP4ADDR_STRLEN_MAX

#define inet_addr_from_ip4addr(inaddr, ip4) ((inaddr)->s_addr = ip4_addr_get_u32(ip4))
#define inet_addr_to_ip4addr(ip4, inaddr) ip4_addr_set_u32((ip4), (inaddr)->s_addr)

#endif
