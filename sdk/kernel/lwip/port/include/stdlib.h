/* The stdlib routine lwIP uses (atoi), for lwIP only, under a private name (../../libc.c). */
#ifndef RUMPSDK_LWIP_STDLIB_H
#define RUMPSDK_LWIP_STDLIB_H
#include <stddef.h>
#define atoi kern_lwip_atoi
int kern_lwip_atoi(const char *s);
#endif
