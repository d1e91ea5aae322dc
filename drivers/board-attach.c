/*
 * Attaches the devices of the board's own bus (drivers/board.h): for each driver in the linker
 * set link_set_rumpsdk_board_drivers, the parameters "rumpsdk.dev.NAME.0", ".1", ... that the
 * build generated from board.json "devices", parsed as "REG SIZE IRQ".
 */
#include <rump/rumpuser.h>
#include <drivers/board.h>

extern const struct rumpsdk_board_driver *const __start_link_set_rumpsdk_board_drivers[] __attribute__((weak));
extern const struct rumpsdk_board_driver *const __stop_link_set_rumpsdk_board_drivers[] __attribute__((weak));

/* one number of a "REG SIZE IRQ" parameter: decimal, 0x-hex, or -1; *p moves past it */
static int parse_num(const char **p, unsigned long long *out, int *neg)
{
	const char *s = *p;
	unsigned long long v = 0;
	unsigned base = 10;
	int digits = 0;

	while (*s == ' ')
		s++;
	*neg = (*s == '-');
	if (*neg)
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	for (;; s++, digits++) {
		unsigned d;
		if (*s >= '0' && *s <= '9')
			d = (unsigned)(*s - '0');
		else if (base == 16 && (*s | 0x20) >= 'a' && (*s | 0x20) <= 'f')
			d = (unsigned)((*s | 0x20) - 'a' + 10);
		else
			break;
		v = v * base + d;
	}
	*p = s;
	*out = v;
	return digits ? 0 : -1;
}

static int parse_device(const char *s, struct board_attach_args *ba)
{
	unsigned long long reg, size, irq;
	int neg1, neg2, neg3;

	if (parse_num(&s, &reg, &neg1) || parse_num(&s, &size, &neg2) || parse_num(&s, &irq, &neg3) ||
	    neg1 || neg2 || (neg3 && irq != 1))
		return -1;
	ba->reg = (uintptr_t)reg;
	ba->size = (size_t)size;
	ba->irq = neg3 ? -1 : (int)irq;
	return 0;
}

/* "rumpsdk.dev." NAME "." UNIT into buf */
static void param_name(char *buf, size_t len, const char *name, unsigned unit)
{
	static const char prefix[] = "rumpsdk.dev.";
	char digits[12];
	size_t n = 0, d = 0;

	for (const char *p = prefix; *p && n + 1 < len; p++)
		buf[n++] = *p;
	for (const char *p = name; *p && n + 1 < len; p++)
		buf[n++] = *p;
	if (n + 1 < len)
		buf[n++] = '.';
	do
		digits[d++] = (char)('0' + unit % 10);
	while ((unit /= 10) && d < sizeof(digits));
	while (d && n + 1 < len)
		buf[n++] = digits[--d];
	buf[n] = 0;
}

int rumpsdk_board_attach_all(void)
{
	static int done;
	const struct rumpsdk_board_driver *const *set = __start_link_set_rumpsdk_board_drivers;
	int attached = 0;

	if (done || set == 0)
		return 0;
	done = 1;
	for (; set < __stop_link_set_rumpsdk_board_drivers; set++) {
		for (unsigned unit = 0;; unit++) {
			char name[64], value[64];
			struct board_attach_args ba = { .driver = (*set)->name, .unit = unit };
			int error;

			param_name(name, sizeof(name), (*set)->name, unit);
			if (rumpuser_getparam(name, value, sizeof(value)) != 0)
				break;          /* no more devices of this driver */
			if (parse_device(value, &ba) != 0) {
				rumpuser_dprintf("%s%u: bad device description \"%s\" (want \"REG SIZE IRQ\")\n",
				    ba.driver, unit, value);
				continue;
			}
			if ((error = (*set)->attach(&ba)) == 0)
				attached++;
			else
				rumpuser_dprintf("%s%u: not attached (error %d)\n", ba.driver, unit, error);
		}
	}
	return attached;
}

int board_irq_establish(const struct board_attach_args *ba, unsigned cookie, int (*handler)(void *), void *arg)
{
	int error;

	if (ba->irq < 0)
		return RUMPUSER_ENXIO;
	if ((error = rumpcomp_pci_irq_map(0, 0, 0, ba->irq, cookie)) != 0)
		return error;
	return rumpcomp_pci_irq_establish(cookie, handler, arg) ? 0 : RUMPUSER_ENXIO;
}
