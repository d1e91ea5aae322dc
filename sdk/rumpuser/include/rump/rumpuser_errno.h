/*
 * errno values in NetBSD numbering: the one definition in the SDK.
 * Hypercalls return them (layer 3); the syscall layer sets them (layer 4, whose
 * rump/netbsd_abi.h gives them their plain E* names). Values: shared/design/syscall-abi.md,
 * plus a few more from the same (4.4BSD) numbering.
 */
#ifndef RUMP_RUMPUSER_ERRNO_H
#define RUMP_RUMPUSER_ERRNO_H

#define RUMPUSER_EPERM            1
#define RUMPUSER_ENOENT           2
#define RUMPUSER_ESRCH            3
#define RUMPUSER_EINTR            4
#define RUMPUSER_EIO              5
#define RUMPUSER_ENXIO            6
#define RUMPUSER_E2BIG            7
#define RUMPUSER_EBADF            9
#define RUMPUSER_EDEADLK         11
#define RUMPUSER_ENOMEM          12
#define RUMPUSER_EACCES          13
#define RUMPUSER_EFAULT          14
#define RUMPUSER_EBUSY           16
#define RUMPUSER_EEXIST          17
#define RUMPUSER_ENODEV          19
#define RUMPUSER_ENOTDIR         20
#define RUMPUSER_EISDIR          21
#define RUMPUSER_EINVAL          22
#define RUMPUSER_ENFILE          23
#define RUMPUSER_EMFILE          24
#define RUMPUSER_ENOTTY          25
#define RUMPUSER_ENOSPC          28
#define RUMPUSER_ESPIPE          29
#define RUMPUSER_EPIPE           32
#define RUMPUSER_ERANGE          34
#define RUMPUSER_EAGAIN          35
#define RUMPUSER_EWOULDBLOCK     RUMPUSER_EAGAIN
#define RUMPUSER_EINPROGRESS     36
#define RUMPUSER_EALREADY        37
#define RUMPUSER_ENOTSOCK        38
#define RUMPUSER_EDESTADDRREQ    39
#define RUMPUSER_EMSGSIZE        40
#define RUMPUSER_EPROTOTYPE      41
#define RUMPUSER_ENOPROTOOPT     42
#define RUMPUSER_EPROTONOSUPPORT 43
#define RUMPUSER_EOPNOTSUPP      45
#define RUMPUSER_EAFNOSUPPORT    47
#define RUMPUSER_EADDRINUSE      48
#define RUMPUSER_EADDRNOTAVAIL   49
#define RUMPUSER_ENETDOWN        50
#define RUMPUSER_ENETUNREACH     51
#define RUMPUSER_ECONNABORTED    53
#define RUMPUSER_ECONNRESET      54
#define RUMPUSER_ENOBUFS         55
#define RUMPUSER_EISCONN         56
#define RUMPUSER_ENOTCONN        57
#define RUMPUSER_ETIMEDOUT       60
#define RUMPUSER_ECONNREFUSED    61
#define RUMPUSER_ENAMETOOLONG    63
#define RUMPUSER_EHOSTUNREACH    65
#define RUMPUSER_ENOSYS          78
#define RUMPUSER_ENOTSUP         86

#endif
