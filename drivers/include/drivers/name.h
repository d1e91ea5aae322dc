/*
 * What every driver does the same way, beside its bus: its interface name from NetBSD's driver
 * name and a unit number ("wm" 0 -> "wm0").
 */
#ifndef DRIVERS_NAME_H
#define DRIVERS_NAME_H

/* base followed by the decimal unit; dst holds at least strlen(base) + 11 bytes */
static inline void drv_unit_name(char *dst, const char *base, unsigned unit)
{
	char digits[10];
	int n = 0;

	while (*base)
		*dst++ = *base++;
	do
		digits[n++] = (char)('0' + unit % 10);
	while ((unit /= 10) != 0);
	while (n)
		*dst++ = digits[--n];
	*dst = 0;
}

#endif
