/*
 * lwIP's compiler and platform definitions for the SDK (lwIP reads this as "arch/cc.h").
 * Freestanding: the few C library routines lwIP needs come from ../string.h, ../stdlib.h
 * and ../stdio.h under private names (kern_lwip_*, see ../../../libc.c); errno values
 * and socket constants are NetBSD's (rump/netbsd_abi.h).
 */
#ifndef RUMPSDK_ARCH_CC_H
#define RUMPSDK_ARCH_CC_H
#include <stddef.h>
#include <stdint.h>

/* gcc's freestanding limits.h and inttypes.h want a C library under them: define what lwIP uses */
#define LWIP_NO_LIMITS_H 1
#define LWIP_NO_INTTYPES_H 1
#define INT_MAX __INT_MAX__
#define UINT_MAX (__INT_MAX__ * 2U + 1U)
#define X8_F  "02x"
#define U16_F "u"
#define S16_F "d"
#define X16_F "x"
#define U32_F "u"
#define S32_F "d"
#define X32_F "x"
#define SZT_F "lu"

#define BYTE_ORDER LITTLE_ENDIAN

/* ssize_t as in rump/netbsd_abi.h (an identical typedef may be repeated in C11) */
typedef __PTRDIFF_TYPE__ ssize_t;
#define SSIZE_MAX __PTRDIFF_MAX__
#define LWIP_NO_UNISTD_H 1
#define LWIP_NO_CTYPE_H 1

/* errno: NetBSD's numbers; a failing socket call records it for rumpsdk_errno() */
#define LWIP_ERRNO_INCLUDE <rump/netbsd_abi.h>
void kern_set_errno(int error);
#define set_errno(err) do { if (err) kern_set_errno(err); } while (0)

/* randomness: rumpuser_getrandom */
uint32_t kern_lwip_rand(void);
#define LWIP_RAND() kern_lwip_rand()

/* diagnostics and assertions: the console through rumpuser_dprintf; an assertion panics */
void rumpuser_dprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kern_lwip_assert(const char *msg, const char *file, int line) __attribute__((noreturn));
#define LWIP_PLATFORM_DIAG(x) do { rumpuser_dprintf x; } while (0)
#define LWIP_PLATFORM_ASSERT(x) kern_lwip_assert((x), __FILE__, __LINE__)

#define LWIP_ERROR(message, expression, handler) do { if (!(expression)) { handler; } } while (0)

#endif
