/*
 * core console output and formatting: core_putc/getc, core_printf, core_vsnprintf.
 * Conversions: %d %i %u %x %X %p %s %c %% with l, ll, z, h length modifiers, '-' and '0' flags,
 * a width and (for %s) a precision; '*' is accepted for both.
 */
#include <core/core.h>
#include <core/platform.h>

void core_putc(int c) { plat_cons_putc(c); }
int core_getc(void) { return plat_cons_getc(); }

struct sink {
	void (*put)(struct sink *, char);
	char *buf;
	size_t len, n;          /* buffer size, characters produced */
};

static void emit(struct sink *s, char c)
{
	s->put(s, c);
	s->n++;
}

static void pad(struct sink *s, int n, char c)
{
	while (n-- > 0)
		emit(s, c);
}

static int format(struct sink *s, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			emit(s, *fmt);
			continue;
		}
		const char *start = fmt++;
		int left = 0, zero = 0, width = 0, prec = -1, lng = 0;
		for (;; fmt++) {
			if (*fmt == '-')
				left = 1;
			else if (*fmt == '0')
				zero = 1;
			else if (*fmt != ' ' && *fmt != '+' && *fmt != '#')
				break;
		}
		if (*fmt == '*') {
			width = va_arg(ap, int);
			if (width < 0) {
				left = 1;
				width = -width;
			}
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				prec = prec * 10 + (*fmt++ - '0');
		}
		for (;; fmt++) {
			if (*fmt == 'l')
				lng++;
			else if (*fmt == 'j')
				lng = 2;
			else if (*fmt == 'z' || *fmt == 't')    /* size_t, ptrdiff_t: as wide as long on the SDK's targets */
				lng = sizeof(size_t) > sizeof(long) ? 2 : 1;
			else if (*fmt != 'h')
				break;
		}
		char tmp[24], *p = tmp + sizeof tmp;
		const char *str = 0;
		int len, neg = 0, base = 10, upper = 0;
		unsigned long long u = 0;
		switch (*fmt) {
		case 'd': case 'i': {
			long long v = lng >= 2 ? va_arg(ap, long long) : lng ? va_arg(ap, long) : va_arg(ap, int);
			neg = v < 0;
			u = neg ? -(unsigned long long)v : (unsigned long long)v;
			goto number;
		}
		case 'p':
			u = (uintptr_t)va_arg(ap, void *);
			base = 16;
			emit(s, '0');
			emit(s, 'x');
			width -= 2;
			goto number;
		case 'X':
			upper = 1;
			/* fall through */
		case 'x':
			base = 16;
			/* fall through */
		case 'u':
			u = lng >= 2 ? va_arg(ap, unsigned long long) : lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
		number:
			do {
				int d = (int)(u % (unsigned)base);
				*--p = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
				u /= (unsigned)base;
			} while (u);
			len = (int)(tmp + sizeof tmp - p) + neg;
			if (!left && !zero)
				pad(s, width - len, ' ');
			if (neg)
				emit(s, '-');
			if (!left && zero)
				pad(s, width - len, '0');
			while (p < tmp + sizeof tmp)
				emit(s, *p++);
			if (left)
				pad(s, width - len, ' ');
			break;
		case 'c':
			tmp[0] = (char)va_arg(ap, int);
			str = tmp;
			len = 1;
			goto string;
		case 's':
			str = va_arg(ap, const char *);
			if (!str)
				str = "(null)";
			for (len = 0; str[len] && (prec < 0 || len < prec); len++)
				;
		string:
			if (!left)
				pad(s, width - len, ' ');
			for (int i = 0; i < len; i++)
				emit(s, str[i]);
			if (left)
				pad(s, width - len, ' ');
			break;
		case '%':
			emit(s, '%');
			break;
		default:                /* unknown: print it as it was written */
			for (; start <= fmt && *start; start++)
				emit(s, *start);
			if (!*fmt)
				return (int)s->n;
			break;
		}
	}
	return (int)s->n;
}

static void put_cons(struct sink *s, char c) { (void)s; plat_cons_putc(c); }

static void put_buf(struct sink *s, char c)
{
	if (s->n + 1 < s->len)
		s->buf[s->n] = c;
}

void core_vprintf(const char *fmt, va_list ap)
{
	struct sink s = { put_cons, 0, 0, 0 };
	format(&s, fmt, ap);
}

void core_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	core_vprintf(fmt, ap);
	va_end(ap);
}

int core_vsnprintf(char *buf, size_t len, const char *fmt, va_list ap)
{
	struct sink s = { put_buf, buf, len, 0 };
	int n = format(&s, fmt, ap);
	if (len)
		buf[s.n < len ? s.n : len - 1] = 0;
	return n;
}

int core_snprintf(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = core_vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return n;
}
