/*
 * core memory allocator over the board's memory regions (plat_memregions).
 *
 * Boundary-tag blocks with segregated free lists: every block starts with a 16-byte header
 * (its size with bit 0 = in use, and the size of the block before it), so freeing coalesces
 * with both neighbours in constant time. Free blocks sit in one list per power of two of their
 * size; allocation takes the first fitting block of the smallest non-empty class (first fit
 * within the class) and splits off the rest. Larger alignments are served by splitting a free
 * block in front of the aligned payload. Each region ends with a zero-sized "in use" sentinel.
 * Not for interrupt handlers (they run in threads in this system); no locking is needed because
 * scheduling is cooperative.
 */
#include <core/core.h>
#include <core/platform.h>
#include "core_internal.h"

#define HDR      16u
#define MINBLK   32u
#define USED     1u
#define NBINS    64

struct blk {
	size_t size;            /* whole block including this header; bit 0 = in use */
	size_t prev_size;       /* size of the block before it (0 = first of its region) */
	struct blk *next, *prev; /* free-list links, only while free */
};

static struct blk *bins[NBINS];
static uint64_t binmap;         /* bit i: bins[i] non-empty */
static size_t total, used, peak;

static inline size_t bsize(const struct blk *b) { return b->size & ~(size_t)USED; }
static inline struct blk *after(struct blk *b) { return (struct blk *)((char *)b + bsize(b)); }
static inline int binof(size_t sz) { return 63 - __builtin_clzll(sz); }

static void bin_insert(struct blk *b)
{
	int i = binof(b->size);
	b->prev = 0;
	b->next = bins[i];
	if (b->next)
		b->next->prev = b;
	bins[i] = b;
	binmap |= 1ull << i;
}

static void bin_remove(struct blk *b)
{
	int i = binof(b->size);
	if (b->prev)
		b->prev->next = b->next;
	else
		bins[i] = b->next;
	if (b->next)
		b->next->prev = b->prev;
	if (!bins[i])
		binmap &= ~(1ull << i);
}

void core_mem_init(void)
{
	struct plat_memregion r[16];
	int n = plat_memregions(r, 16);
	for (int i = 0; i < n; i++) {
		uintptr_t lo = (r[i].base + 15) & ~(uintptr_t)15;
		uintptr_t hi = (r[i].base + r[i].len) & ~(uintptr_t)15;
		if (hi < lo + 4 * MINBLK)
			continue;
		struct blk *b = (struct blk *)lo;
		b->size = hi - lo - HDR;
		b->prev_size = 0;
		struct blk *end = after(b);     /* sentinel */
		end->size = USED;
		end->prev_size = b->size;
		bin_insert(b);
		total += b->size;
	}
}

/* find a free block of at least `need` bytes and take it off its list */
static struct blk *take(size_t need)
{
	int i = binof(need);
	for (struct blk *b = (binmap >> i) & 1 ? bins[i] : 0; b; b = b->next)
		if (b->size >= need) {
			bin_remove(b);
			return b;
		}
	uint64_t m = i + 1 < NBINS ? binmap >> (i + 1) << (i + 1) : 0;
	if (!m)
		return 0;
	struct blk *b = bins[__builtin_ctzll(m)];
	bin_remove(b);
	return b;
}

/* split free block b (not in a list) so that it is `need` bytes; the rest goes back free */
static void trim(struct blk *b, size_t need)
{
	size_t sz = bsize(b);
	if (sz - need >= MINBLK) {
		struct blk *r = (struct blk *)((char *)b + need);
		r->size = sz - need;
		r->prev_size = need;
		after(r)->prev_size = r->size;
		bin_insert(r);
		b->size = need;
	}
}

/* larger requests are refused at once (and size arithmetic below cannot overflow) */
#if SIZE_MAX > 0xffffffffu
#define MAX_ALLOC ((size_t)1 << 40)
#else
#define MAX_ALLOC ((size_t)1 << 30)
#endif

void *core_malloc(size_t size, size_t align)
{
	if (align < 16)
		align = 16;
	if (align & (align - 1) || size > MAX_ALLOC)
		return 0;
	size_t need = ((size + 15) & ~(size_t)15) + HDR;
	if (need < MINBLK)
		need = MINBLK;
	struct blk *b = take(align == 16 ? need : need + align + MINBLK);
	if (!b)
		return 0;
	if (align > 16) {
		uintptr_t p = (uintptr_t)b + HDR;
		uintptr_t ap = (p + align - 1) & ~(uintptr_t)(align - 1);
		if (ap != p && ap - p < MINBLK)
			ap += align;
		if (ap != p) {          /* free the part in front of the aligned payload */
			struct blk *nb = (struct blk *)(ap - HDR);
			size_t lead = ap - p;
			nb->size = bsize(b) - lead;
			nb->prev_size = lead;
			after(nb)->prev_size = nb->size;
			b->size = lead;
			bin_insert(b);
			b = nb;
		}
	}
	trim(b, need);
	b->size |= USED;
	used += bsize(b);
	if (used > peak)
		peak = used;
	return (char *)b + HDR;
}

void core_free(void *p)
{
	if (!p)
		return;
	struct blk *b = (struct blk *)((char *)p - HDR);
	if (!(b->size & USED) || ((uintptr_t)p & 15))
		core_panic("core_free: bad or double free of %p", p);
	b->size &= ~(size_t)USED;
	used -= b->size;
	struct blk *n = after(b);
	if (!(n->size & USED)) {
		bin_remove(n);
		b->size += n->size;
	}
	if (b->prev_size) {
		struct blk *pv = (struct blk *)((char *)b - b->prev_size);
		if (!(pv->size & USED)) {
			bin_remove(pv);
			pv->size += b->size;
			b = pv;
		}
	}
	after(b)->prev_size = b->size;
	bin_insert(b);
}

void core_memstats(struct core_memstats *st)
{
	size_t largest = 0;
	if (binmap) {
		for (struct blk *b = bins[63 - __builtin_clzll(binmap)]; b; b = b->next)
			if (b->size > largest)
				largest = b->size;
	}
	st->total = total;
	st->used = used;
	st->peak = peak;
	st->free_largest = largest > HDR ? largest - HDR : 0;
}
