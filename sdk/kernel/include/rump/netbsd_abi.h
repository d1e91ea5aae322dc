/*
 * The NetBSD syscall ABI seen by the application side (shared/design/syscall-abi.md):
 * constants, types and structures, with their NetBSD names and values.
 *
 * For freestanding code (runtime, api glue, kernel): these plain names clash with a host libc's
 * (different values: Linux AF_INET6 is 10, here 24), so never include this together with host
 * headers. errno values come from the one list in rump/rumpuser_errno.h.
 */
#ifndef RUMP_NETBSD_ABI_H
#define RUMP_NETBSD_ABI_H
#include <stddef.h>
#include <stdint.h>
#include <rump/rumpuser_errno.h>

/* ---- types ---- */
typedef __PTRDIFF_TYPE__ ssize_t;       /* long on LP64, int on 32-bit: as NetBSD */
typedef unsigned int socklen_t;
typedef uint8_t sa_family_t;
typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;
typedef uint32_t mode_t;
typedef int64_t time_t;
typedef int suseconds_t;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef struct { uint32_t __bits[4]; } sigset_t;

struct timespec { time_t tv_sec; long tv_nsec; };
struct timeval { time_t tv_sec; suseconds_t tv_usec; };   /* SO_SNDTIMEO, SO_RCVTIMEO */
struct iovec { void *iov_base; size_t iov_len; };

/* ---- errno ---- */
#define EPERM           RUMPUSER_EPERM
#define ENOENT          RUMPUSER_ENOENT
#define ESRCH           RUMPUSER_ESRCH
#define EINTR           RUMPUSER_EINTR
#define EIO             RUMPUSER_EIO
#define ENXIO           RUMPUSER_ENXIO
#define E2BIG           RUMPUSER_E2BIG
#define EBADF           RUMPUSER_EBADF
#define EDEADLK         RUMPUSER_EDEADLK
#define ENOMEM          RUMPUSER_ENOMEM
#define EACCES          RUMPUSER_EACCES
#define EFAULT          RUMPUSER_EFAULT
#define EBUSY           RUMPUSER_EBUSY
#define EEXIST          RUMPUSER_EEXIST
#define ENODEV          RUMPUSER_ENODEV
#define ENOTDIR         RUMPUSER_ENOTDIR
#define EISDIR          RUMPUSER_EISDIR
#define EINVAL          RUMPUSER_EINVAL
#define ENFILE          RUMPUSER_ENFILE
#define EMFILE          RUMPUSER_EMFILE
#define ENOTTY          RUMPUSER_ENOTTY
#define ENOSPC          RUMPUSER_ENOSPC
#define ESPIPE          RUMPUSER_ESPIPE
#define EPIPE           RUMPUSER_EPIPE
#define ERANGE          RUMPUSER_ERANGE
#define EAGAIN          RUMPUSER_EAGAIN
#define EWOULDBLOCK     RUMPUSER_EWOULDBLOCK
#define EINPROGRESS     RUMPUSER_EINPROGRESS
#define EALREADY        RUMPUSER_EALREADY
#define ENOTSOCK        RUMPUSER_ENOTSOCK
#define EDESTADDRREQ    RUMPUSER_EDESTADDRREQ
#define EMSGSIZE        RUMPUSER_EMSGSIZE
#define EPROTOTYPE      RUMPUSER_EPROTOTYPE
#define ENOPROTOOPT     RUMPUSER_ENOPROTOOPT
#define EPROTONOSUPPORT RUMPUSER_EPROTONOSUPPORT
#define EOPNOTSUPP      RUMPUSER_EOPNOTSUPP
#define EAFNOSUPPORT    RUMPUSER_EAFNOSUPPORT
#define EADDRINUSE      RUMPUSER_EADDRINUSE
#define EADDRNOTAVAIL   RUMPUSER_EADDRNOTAVAIL
#define ENETDOWN        RUMPUSER_ENETDOWN
#define ENETUNREACH     RUMPUSER_ENETUNREACH
#define ECONNABORTED    RUMPUSER_ECONNABORTED
#define ECONNRESET      RUMPUSER_ECONNRESET
#define ENOBUFS         RUMPUSER_ENOBUFS
#define EISCONN         RUMPUSER_EISCONN
#define ENOTCONN        RUMPUSER_ENOTCONN
#define ETIMEDOUT       RUMPUSER_ETIMEDOUT
#define ECONNREFUSED    RUMPUSER_ECONNREFUSED
#define ENAMETOOLONG    RUMPUSER_ENAMETOOLONG
#define EHOSTUNREACH    RUMPUSER_EHOSTUNREACH
#define ENOSYS          RUMPUSER_ENOSYS
#define ENOTSUP         RUMPUSER_ENOTSUP

/* ---- sockets ---- */
#define AF_UNSPEC 0
#define AF_LOCAL  1
#define AF_UNIX   AF_LOCAL
#define AF_INET   2
#define AF_INET6  24
#define PF_UNSPEC AF_UNSPEC
#define PF_LOCAL  AF_LOCAL
#define PF_INET   AF_INET
#define PF_INET6  AF_INET6

#define SOCK_STREAM   1
#define SOCK_DGRAM    2
#define SOCK_RAW      3
#define SOCK_CLOEXEC  0x10000000    /* or-ed into the type */
#define SOCK_NONBLOCK 0x20000000

#define IPPROTO_IP   0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP  6
#define IPPROTO_UDP  17
#define TCP_NODELAY  1              /* level IPPROTO_TCP */

#define SOL_SOCKET   0xffff
#define SO_REUSEADDR 0x0004
#define SO_KEEPALIVE 0x0008
#define SO_BROADCAST 0x0020
#define SO_LINGER    0x0080
#define SO_REUSEPORT 0x0200
#define SO_SNDBUF    0x1001
#define SO_RCVBUF    0x1002
#define SO_ERROR     0x1007
#define SO_SNDTIMEO  0x100b
#define SO_RCVTIMEO  0x100c

#define MSG_PEEK     0x0002
#define MSG_DONTWAIT 0x0080
#define MSG_NOSIGNAL 0x0400

#define SHUT_RD   0
#define SHUT_WR   1
#define SHUT_RDWR 2

#define INADDR_ANY       ((in_addr_t)0x00000000)
#define INADDR_LOOPBACK  ((in_addr_t)0x7f000001)  /* host order: use htonl() */
#define INADDR_BROADCAST ((in_addr_t)0xffffffff)

/* the length byte comes first, unlike Linux */
struct sockaddr {
	uint8_t sa_len;
	sa_family_t sa_family;
	char sa_data[14];
};

struct in_addr { in_addr_t s_addr; };  /* network order */

struct sockaddr_in {                    /* 16 bytes */
	uint8_t sin_len;                /* 16 */
	sa_family_t sin_family;         /* AF_INET */
	in_port_t sin_port;             /* network order */
	struct in_addr sin_addr;        /* network order */
	int8_t sin_zero[8];
};

struct linger { int l_onoff; int l_linger; };

struct msghdr {
	void *msg_name;
	socklen_t msg_namelen;
	struct iovec *msg_iov;
	int msg_iovlen;
	void *msg_control;
	socklen_t msg_controllen;
	int msg_flags;
};

/* ---- files ---- */
#define O_RDONLY   0x0000
#define O_WRONLY   0x0001
#define O_RDWR     0x0002
#define O_ACCMODE  0x0003
#define O_NONBLOCK 0x0004
#define O_CREAT    0x0200
#define F_GETFL    3
#define F_SETFL    4

/* ---- poll ---- */
struct pollfd { int fd; short events; short revents; };
#define POLLIN   0x0001
#define POLLPRI  0x0002
#define POLLOUT  0x0004
#define POLLERR  0x0008
#define POLLHUP  0x0010
#define POLLNVAL 0x0020
#define INFTIM   (-1)

/* ---- kqueue (the __kevent50 layout, NetBSD 5 to 9) ---- */
struct kevent {
	uintptr_t ident;
	uint32_t filter;
	uint32_t flags;
	uint32_t fflags;
	int64_t data;
	void *udata;
};
#define EVFILT_READ  0
#define EVFILT_WRITE 1
#define EVFILT_TIMER 6
#define EV_ADD     0x0001
#define EV_DELETE  0x0002
#define EV_ENABLE  0x0004
#define EV_DISABLE 0x0008
#define EV_ONESHOT 0x0010
#define EV_CLEAR   0x0020
#define EV_ERROR   0x4000
#define EV_EOF     0x8000

/* ---- ioctl numbers, built as in BSD ---- */
#define IOCPARM_MASK 0x1fff
#define IOC_VOID  0x20000000UL
#define IOC_OUT   0x40000000UL
#define IOC_IN    0x80000000UL
#define IOC_INOUT (IOC_IN | IOC_OUT)
#define _IOC(inout, group, num, len) \
	((inout) | (((unsigned long)(len) & IOCPARM_MASK) << 16) | \
	 ((unsigned long)(group) << 8) | (unsigned long)(num))
#define _IO(g, n)      _IOC(IOC_VOID, (g), (n), 0)
#define _IOR(g, n, t)  _IOC(IOC_OUT, (g), (n), sizeof(t))
#define _IOW(g, n, t)  _IOC(IOC_IN, (g), (n), sizeof(t))
#define _IOWR(g, n, t) _IOC(IOC_INOUT, (g), (n), sizeof(t))

#define FIONBIO  _IOW('f', 126, int)
#define FIONREAD _IOR('f', 127, int)

/* ---- I2C: /dev/iicN ---- */
typedef uint16_t i2c_addr_t;
typedef enum {
	I2C_OP_READ = 0,
	I2C_OP_READ_WITH_STOP = 1,
	I2C_OP_WRITE = 2,
	I2C_OP_WRITE_WITH_STOP = 3,
	I2C_OP_READ_BLOCK = 5,
	I2C_OP_WRITE_BLOCK = 7,
} i2c_op_t;
#define I2C_EXEC_MAX_CMDLEN 32
#define I2C_EXEC_MAX_BUFLEN 32
struct i2c_ioctl_exec {
	int iie_op;                     /* an i2c_op_t: int-sized as in NetBSD's ABI (arm-none-eabi
					   compilers default to 1-byte enums) */
	i2c_addr_t iie_addr;            /* 7-bit address */
	const void *iie_cmd;
	size_t iie_cmdlen;
	void *iie_buf;
	size_t iie_buflen;
};
#define I2C_IOCTL_EXEC _IOW('I', 0, struct i2c_ioctl_exec)

/* ---- reboot(2) ---- */
#define RB_AUTOBOOT  0x0000
#define RB_HALT      0x0008
#define RB_POWERDOWN (RB_HALT | 0x800)

#endif
