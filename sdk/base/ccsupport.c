/*
 * The four routines GCC may call even in freestanding code: memcpy, memmove, memset, memcmp.
 * Linked into every image, like libgcc. Word-at-a-time (fast under QEMU TCG too, where
 * "rep movsb" runs one byte per step). Pattern recognition is off so that GCC does not turn
 * these loops back into calls to themselves.
 */
#include <stddef.h>
#include <stdint.h>

#define NOLIB __attribute__((optimize("no-tree-loop-distribute-patterns")))
typedef size_t __attribute__((may_alias, aligned(1))) uword;   /* unaligned word access */
#define W sizeof(size_t)

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

/* forward copy; also right for overlapping ranges with dst below src (every word is read
 * before anything at or above it is written) */
NOLIB static void copy_fwd(unsigned char *d, const unsigned char *s, size_t n)
{
	while (n && ((uintptr_t)d & (W - 1))) {
		*d++ = *s++;
		n--;
	}
	for (; n >= 4 * W; n -= 4 * W, d += 4 * W, s += 4 * W) {
		size_t a = ((const uword *)s)[0], b = ((const uword *)s)[1];
		size_t c = ((const uword *)s)[2], e = ((const uword *)s)[3];
		((uword *)d)[0] = a; ((uword *)d)[1] = b; ((uword *)d)[2] = c; ((uword *)d)[3] = e;
	}
	for (; n >= W; n -= W, d += W, s += W)
		*(uword *)d = *(const uword *)s;
	while (n--)
		*d++ = *s++;
}

NOLIB void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	copy_fwd(dst, src, n);
	return dst;
}

NOLIB void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if (d == s || !n)
		return dst;
	if (d < s || d >= s + n) {      /* no harmful overlap: copy forwards */
		copy_fwd(d, s, n);
		return dst;
	}
	d += n;                         /* dst overlaps the end of src: copy backwards */
	s += n;
	while (n && ((uintptr_t)d & (W - 1))) {
		*--d = *--s;
		n--;
	}
	for (; n >= W; n -= W) {
		d -= W;
		s -= W;
		*(uword *)d = *(const uword *)s;
	}
	while (n--)
		*--d = *--s;
	return dst;
}

NOLIB void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	size_t v = (unsigned char)c;
	v *= (size_t)-1 / 0xff;         /* the byte in every byte of a word */
	while (n && ((uintptr_t)d & (W - 1))) {
		*d++ = (unsigned char)c;
		n--;
	}
	for (; n >= 4 * W; n -= 4 * W, d += 4 * W) {
		((uword *)d)[0] = v; ((uword *)d)[1] = v; ((uword *)d)[2] = v; ((uword *)d)[3] = v;
	}
	for (; n >= W; n -= W, d += W)
		*(uword *)d = v;
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

NOLIB int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;
	for (; n >= W && *(const uword *)p == *(const uword *)q; n -= W, p += W, q += W)
		;
	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p < *q ? -1 : 1;
	return 0;
}
