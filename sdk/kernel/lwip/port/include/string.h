/*
 * The C string routines lwIP uses, for lwIP only (this folder is on the include path of
 * the kernel layer alone). The four GCC may call itself come from the image's ccsupport;
 * the others are the kernel's own (../../libc.c), under private names.
 */
#ifndef RUMPSDK_LWIP_STRING_H
#define RUMPSDK_LWIP_STRING_H
#include <stddef.h>

#define memcpy(d, s, n) __builtin_memcpy((d), (s), (n))
#define memmove(d, s, n) __builtin_memmove((d), (s), (n))
#define memset(d, c, n) __builtin_memset((d), (c), (n))
#define memcmp(a, b, n) __builtin_memcmp((a), (b), (n))
#define strlen kern_lwip_strlen
#define strncmp kern_lwip_strncmp
#define strcmp kern_lwip_strcmp
#define strncpy kern_lwip_strncpy
#define strchr kern_lwip_strchr

size_t kern_lwip_strlen(const char *s);
int kern_lwip_strncmp(const char *a, const char *b, size_t n);
int kern_lwip_strcmp(const char *a, const char *b);
char *kern_lwip_strncpy(char *d, const char *s, size_t n);
char *kern_lwip_strchr(const char *s, int c);

#endif
