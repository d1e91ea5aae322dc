/*
 * The few C library routines lwIP calls, under kernel-private names (port/include/string.h
 * and stdlib.h map the standard names to these), plus lwIP's platform hooks from
 * port/include/arch/cc.h: randomness and assertions.
 */
#include "kernel_int.h"
#include <string.h>
#include <stdlib.h>

size_t
kern_lwip_strlen(const char *s)
{
	size_t n = 0;

	while (s[n] != '\0')
		n++;
	return n;
}

int
kern_lwip_strncmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; a++, b++, n--) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (*a == '\0')
			break;
	}
	return 0;
}

int
kern_lwip_strcmp(const char *a, const char *b)
{
	return kern_lwip_strncmp(a, b, (size_t)-1);
}

char *
kern_lwip_strncpy(char *d, const char *s, size_t n)
{
	size_t i = 0;

	for (; i < n && s[i] != '\0'; i++)
		d[i] = s[i];
	for (; i < n; i++)
		d[i] = '\0';
	return d;
}

char *
kern_lwip_strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == '\0')
			return NULL;
	}
}

int
kern_lwip_atoi(const char *s)
{
	int neg = 0, v = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return neg ? -v : v;
}

uint32_t
kern_lwip_rand(void)
{
	uint32_t v = 0;
	size_t got;

	rumpuser_getrandom(&v, sizeof(v), RUMPUSER_RANDOM_NOWAIT, &got);
	return v;
}

void
kern_lwip_assert(const char *msg, const char *file, int line)
{
	rumpuser_dprintf("lwip: assertion \"%s\" failed at %s:%d\n", msg, file, line);
	kern_panic("lwip assertion failed");
}
