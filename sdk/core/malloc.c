/*
 * core memory allocator over the board's memory regions (plat_memregions).
 *
 * Boundary-tag blocks with segregated free lists: every block starts with a 16-byte header
 * (its size with bit 0 = in use, and the size of the block before it), so freeing coalesces
 * with both neighbours in constant time. Free blocks sit in one list per power of two of their
 * size; allocation takes the first fitting block of the smallest non-empty class (first fit
 * within the class) and splits off the rest. Larger alignments are served by splitting a free
 * block in front of the aligned payload.
 *
 * Each region is carved from its bottom up: below its "top" lie blocks, above it memory never
 * written. A request no free block fits is cut from a region's top, and a block freed next to
 * the top goes back to it; so the allocator writes only inside blocks it hands out (and the
 * headers of free blocks in between), never beyond them. Under emulation with huge pages every
 * fresh 2 MiB of guest RAM touched costs time (0.2-10 ms under QEMU), and the header written
 * after each split (at boot: after the 4 MiB GC heap) touched a page nothing else needed. The
 * block below a top is never free (it would have gone back to the top), so coalescing never
 * reads past the top.
 *
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
#define NREGIONS 16

struct blk {
	size_t size;            /* whole block including this header; bit 0 = in use */
	size_t prev_size;       /* size of the block before it (0 = first of its region) */
	struct blk *next, *prev; /* free-list links, only while free */
};

struct region {
	uintptr_t base, top, end; /* [base, top): blocks; [top, end): never handed out */
	size_t last;            /* size of the block just below top (0: none) */
};

static struct blk *bins[NBINS];
static uint64_t binmap;         /* bit i: bins[i] non-empty */
static struct region regions[NREGIONS];
static int nregions;
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

/* nothing is written here: regions are only noted */
void core_mem_init(void)
{
	struct plat_memregion r[NREGIONS];
	int n = plat_memregions(r, NREGIONS);
	for (int i = 0; i < n; i++) {
		uintptr_t lo = (r[i].base + 15) & ~(uintptr_t)15;
		uintptr_t hi = (r[i].base + r[i].len) & ~(uintptr_t)15;
		if (hi < lo + 4 * MINBLK)
			continue;
		regions[nregions++] = (struct region){ lo, lo, hi, 0 };
		total += hi - lo;
	}
}

/* the region of which b is the last block (just below the top), or 0 */
static struct region *last_of(struct blk *b)
{
	for (int i = 0; i < nregions; i++)
		if (regions[i].top == (uintptr_t)after(b) && regions[i].base <= (uintptr_t)b)
			return &regions[i];
	return 0;
}

/* a new block of `need` bytes whose payload is aligned to `align`, cut from a region's top; a
 * gap in front of it (for a large alignment) becomes a free block */
static struct blk *carve(size_t need, size_t align)
{
	for (int i = 0; i < nregions; i++) {
		struct region *r = &regions[i];
		uintptr_t p = r->top + HDR;
		uintptr_t ap = (p + align - 1) & ~(uintptr_t)(align - 1);
		if (ap != p && ap - p < MINBLK)
			ap += align;
		if (ap - r->top > r->end - r->top || r->end - ap < need - HDR)
			continue;
		if (ap != p) {
			struct blk *gap = (struct blk *)r->top;
			gap->size = ap - p;
			gap->prev_size = r->last;
			bin_insert(gap);
			r->last = gap->size;
		}
		struct blk *b = (struct blk *)(ap - HDR);
		b->size = need;
		b->prev_size = r->last;
		r->top = ap - HDR + need;
		r->last = need;
		return b;
	}
	return 0;
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

/* split free block b (not in a list, never the last below a top) so that it is `need` bytes;
 * the rest goes back free */
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
	if (b) {
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
	} else if (!(b = carve(need, align))) {
		return 0;
	}
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
	struct region *r = last_of(b);
	if (!r) {
		struct blk *n = after(b);
		if (!(n->size & USED)) {
			bin_remove(n);
			b->size += n->size;
		}
	}
	if (b->prev_size) {
		struct blk *pv = (struct blk *)((char *)b - b->prev_size);
		if (!(pv->size & USED)) {
			bin_remove(pv);
			pv->size += b->size;
			b = pv;
		}
	}
	if (r) {                        /* the last block: back to the top */
		r->top = (uintptr_t)b;
		r->last = b->prev_size;
		return;
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
	for (int i = 0; i < nregions; i++)
		if (regions[i].end - regions[i].top > largest)
			largest = regions[i].end - regions[i].top;
	st->total = total;
	st->used = used;
	st->peak = peak;
	st->free_largest = largest > HDR ? largest - HDR : 0;
}
