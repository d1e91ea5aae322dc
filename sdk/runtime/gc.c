/*
 * The garbage collector: mark-sweep, non-moving.
 *
 * The heap is one arena of RT_HEAP_SIZE bytes (from rumpuser_malloc) cut into 8 KiB blocks. A block
 * holds objects of one small size class (free lists per class) or is part of one large object.
 * Heap objects have precise layouts (rt_hdr.type selects the tracer); the C stack of the single JS
 * thread is scanned conservatively (any word that points into an allocated object, raw or NaN-boxed,
 * keeps it alive), so generated code needs no handle bookkeeping. Collection happens when an
 * allocation finds no free memory; if it still fails afterwards, the program ends with a panic
 * report that names the heap size.
 */
#include "internal.h"

#ifndef RT_HEAP_SIZE
#define RT_HEAP_SIZE (4u * 1024 * 1024)
#endif
#ifndef RT_STACK_SIZE
#endif
#define BLOCK 8192u
#define NCLASS 16
#define K_FREE 0
#define K_LARGE 0xFE
#define K_CONT 0xFF
#define MARKSTACK 4096

/* the size classes, in 16-byte units: (class, previous class's size, size); both tables below are
 * made from this list at compile time, so start-up computes neither */
#define CLASSES(X) X(0, 0, 1) X(1, 1, 2) X(2, 2, 3) X(3, 3, 4) X(4, 4, 5) X(5, 5, 6) X(6, 6, 8) X(7, 8, 10) \
	X(8, 10, 12) X(9, 12, 16) X(10, 16, 20) X(11, 20, 24) X(12, 24, 32) X(13, 32, 48) X(14, 48, 64) X(15, 64, 128)
#define SIZE_OF(c, p, s) s * 16,
#define CLASS_OF(c, p, s) [p + 1 ... s] = c, /* (a GNU C range) */
static const uint32_t class_size[NCLASS] = {CLASSES(SIZE_OF)};
static const uint8_t class_of_16[2048 / 16 + 1] = {CLASSES(CLASS_OF)}; /* [0] = 0 */

size_t rt_heap_size;
static uint8_t *arena, *arena_end;
static uint32_t nblocks;
static uint8_t bkind[RT_HEAP_SIZE / BLOCK]; /* per block: K_FREE, 1+class, K_LARGE, K_CONT (in .bss: zero, K_FREE) */
static void *freelist[NCLASS];
static uint32_t block_hint;
static uint32_t nsmall, small_limit; /* small-object blocks in use, and when to collect first */
static size_t used_bytes, peak_bytes;
static uint32_t ncollections;
static char *stack_top;
char *rt_stack_limit;

#define NPAUSE 256
static uint32_t pause_us[NPAUSE];
static uint32_t npause;

static void *mstack[MARKSTACK];
static int msp, moverflow;

#define MAXROOTS 64
static struct { rt_value *v; size_t n; } roots[MAXROOTS];
static int nroots;
static struct { void **p; size_t n; } proots[MAXROOTS];
static int nproots;
static rt_root_fn rootfns[16];
static int nrootfns;
static struct { rt_ic *ics; size_t n; } icsets[8];
static int nicsets;

void rt_gc_add_roots(rt_value *r, size_t n) {
	if (nroots == MAXROOTS) rt_panic("too many GC root sets");
	roots[nroots].v = r;
	roots[nroots++].n = n;
}
void rt_gc_add_root_ptrs(void **r, size_t n) {
	if (nproots == MAXROOTS) rt_panic("too many GC root sets");
	proots[nproots].p = r;
	proots[nproots++].n = n;
}
/* the JS thread's stack (main's): RangeError near its end, leaving 64 KiB for the runtime's own
 * work after the error (main's frame is near the top: 4 KiB more is a safe margin for it) */
void rt_stack_limit_fix(void) {
	static int fixed;
	if (fixed) return;
	fixed = 1;
	rt_stack_limit = stack_top - rt_sys_stack_size() + 64 * 1024 + 4096;
}

void rt_gc_add_root_fn(rt_root_fn fn) { rootfns[nrootfns++] = fn; }
void rt_register_ics(rt_ic *ics, size_t n) {
	icsets[nicsets].ics = ics;
	icsets[nicsets++].n = n;
}

void rt_gc_init(void *top) {
	stack_top = (char *)top;
	/* a provisional limit within the 16 KiB that core gives a stack at least: the first check below
	 * it sets the real one (rt_stack_limit_fix); asking for the stack's size is a hypercall that
	 * start-up need not run */
	rt_stack_limit = stack_top - 16 * 1024;
	rt_heap_size = RT_HEAP_SIZE;
	uint8_t *mem = (uint8_t *)rt_sys_heap(rt_heap_size + BLOCK);
	arena = (uint8_t *)(((uintptr_t)mem + BLOCK - 1) & ~(uintptr_t)(BLOCK - 1));
	nblocks = (uint32_t)(rt_heap_size / BLOCK);
	arena_end = arena + (size_t)nblocks * BLOCK;
	small_limit = nblocks / 2;
}

/* ---- marking ---- */
static void *find_object(uintptr_t a) {
	if (a < (uintptr_t)arena || a >= (uintptr_t)arena_end) return 0;
	uint32_t b = (uint32_t)((a - (uintptr_t)arena) / BLOCK);
	uint8_t k = bkind[b];
	if (k == K_FREE) return 0;
	if (k == K_CONT) {
		while (b > 0 && bkind[b] == K_CONT) b--;
		if (bkind[b] != K_LARGE) return 0;
		k = K_LARGE;
	}
	uint8_t *base = arena + (size_t)b * BLOCK;
	rt_hdr *h;
	if (k == K_LARGE) h = (rt_hdr *)base;
	else {
		uint32_t sz = class_size[k - 1];
		uint32_t off = (uint32_t)(a - (uintptr_t)base);
		if (off / sz * sz + sz > BLOCK) return 0;
		h = (rt_hdr *)(base + off / sz * sz);
	}
	if (h->type == RT_T_FREE) return 0;
	return h;
}

static inline void push(rt_hdr *h) {
	if (h->mark) return;
	h->mark = 1;
	if (msp < MARKSTACK) mstack[msp++] = h;
	else moverflow = 1;
}

void rt_gc_mark_ptr(void *p) {
	if (p) push((rt_hdr *)p);
}
void rt_gc_mark_value(rt_value v) {
	if (rt_is_ptr(v)) push((rt_hdr *)rt_ptr(v));
}
/* A first table made static (in the image, so start-up neither allocates nor touches fresh RAM for
 * it) has its mark set: the collector neither frees nor traces it, so its entries are marked here,
 * as tracing does for a table in the heap. */
void rt_gc_mark_table(rt_valbuf *b) {
	if ((uint8_t *)b >= arena && (uint8_t *)b < arena_end) rt_gc_mark_ptr(b);
	else
		for (uint32_t i = 0; i < b->cap; i++) rt_gc_mark_value(b->v[i]);
}
#define MV(v) rt_gc_mark_value(v)
#define MP(p) rt_gc_mark_ptr((void *)(p))

static void trace(rt_hdr *h) {
	switch (h->type) {
	case RT_T_STRING: case RT_T_RAWBUF: case RT_T_BOXD: return;
	case RT_T_ROPE: { rt_rope *r = (rt_rope *)h; MV(r->left); MV(r->right); return; }
	case RT_T_CELL: MV(((rt_cell *)h)->v); return;
	case RT_T_VALBUF: {
		rt_valbuf *b = (rt_valbuf *)h;
		for (uint32_t i = 0; i < b->cap; i++) MV(b->v[i]);
		return;
	}
	case RT_T_SHAPE: {
		rt_shape *s = (rt_shape *)h;
		MV(s->proto); MP(s->parent); MP(s->trans); MP(s->index);
		for (uint32_t i = 0; i < s->nkeys; i++) MP(s->props[i].key);
		return;
	}
	default: break;
	}
	rt_object *o = (rt_object *)h;
	MP(o->shape);
	MP(o->slots);
	switch (h->type) {
	case RT_T_ARRAY: MP(((rt_array *)h)->items); break;
	case RT_T_FUNCTION: {
		rt_function *f = (rt_function *)h;
		MV(f->name); MV(f->home); MV(f->bound);
		for (uint32_t i = 0; i < f->ncap; i++) MV(f->cap[i]);
		break;
	}
	case RT_T_TYPEDARRAY: case RT_T_DATAVIEW: MV(((rt_typed *)h)->buffer); break;
	case RT_T_MAP: case RT_T_SET: { rt_mapobj *m = (rt_mapobj *)h; MP(m->ents); MP(m->index); break; }
	case RT_T_PROMISE: { rt_promise *p = (rt_promise *)h; MV(p->value); MP(p->reactions); break; }
	case RT_T_GENERATOR: {
		rt_genframe *g = (rt_genframe *)h;
		MV(g->promise); MV(g->self); MV(g->this_); MV(g->delegate);
		for (uint32_t i = 0; i < g->nslots; i++) MV(g->slot[i]);
		break;
	}
	case RT_T_ARRAYBUFFER: case RT_T_BOXPRIM: case RT_T_DATE:
		/* ArrayBuffer: bytes inline (rt_abuf) */
		break;
	default: break;
	}
}

static void drain(void) {
	for (;;) {
		while (msp > 0) trace((rt_hdr *)mstack[--msp]);
		if (!moverflow) return;
		/* mark stack overflowed: rescan the heap for marked objects and trace them again */
		moverflow = 0;
		for (uint32_t b = 0; b < nblocks; b++) {
			uint8_t k = bkind[b];
			uint8_t *base = arena + (size_t)b * BLOCK;
			if (k == K_LARGE) {
				rt_hdr *h = (rt_hdr *)base;
				if (h->mark) { trace(h); while (msp > 0) trace((rt_hdr *)mstack[--msp]); }
			} else if (k >= 1 && k <= NCLASS) {
				uint32_t sz = class_size[k - 1];
				for (uint32_t off = 0; off + sz <= BLOCK; off += sz) {
					rt_hdr *h = (rt_hdr *)(base + off);
					if (h->type != RT_T_FREE && h->mark) { trace(h); while (msp > 0) trace((rt_hdr *)mstack[--msp]); }
				}
			}
		}
	}
}

static void __attribute__((noinline)) scan_stack(void) {
	void *regs[5];
	__builtin_setjmp(regs); /* spills callee-saved registers into this frame */
	__builtin_unwind_init();
	char *sp = (char *)__builtin_frame_address(0);
	uintptr_t p = ((uintptr_t)sp) & ~(uintptr_t)(sizeof(void *) - 1);
	for (; p + sizeof(uintptr_t) <= (uintptr_t)stack_top; p += sizeof(uintptr_t)) {
		uintptr_t w = *(volatile uintptr_t *)p;
#if UINTPTR_MAX > 0xFFFFFFFFu
		if ((w & RT_TAG_MASK) == RT_TAG_PTR) w &= 0x0000FFFFFFFFFFFFULL;
#endif
		void *o = find_object(w);
		if (o) push((rt_hdr *)o);
	}
	(void)regs;
}

static void sweep(void) {
	for (int c = 0; c < NCLASS; c++) freelist[c] = 0;
	used_bytes = 0;
	nsmall = 0;
	for (uint32_t b = 0; b < nblocks; b++) {
		uint8_t k = bkind[b];
		uint8_t *base = arena + (size_t)b * BLOCK;
		if (k == K_LARGE) {
			rt_hdr *h = (rt_hdr *)base;
			uint32_t nb = (h->size + BLOCK - 1) / BLOCK;
			if (h->mark) { h->mark = 0; used_bytes += (size_t)nb * BLOCK; }
			else { for (uint32_t i = 0; i < nb; i++) bkind[b + i] = K_FREE; h->type = RT_T_FREE; }
		} else if (k >= 1 && k <= NCLASS) {
			uint32_t sz = class_size[k - 1];
			void *blockfl = freelist[k - 1];
			uint32_t live = 0;
			for (uint32_t off = 0; off + sz <= BLOCK; off += sz) {
				rt_hdr *h = (rt_hdr *)(base + off);
				if (h->type != RT_T_FREE && h->mark) { h->mark = 0; live++; continue; }
				h->type = RT_T_FREE;
				((void **)h)[1] = blockfl;
				blockfl = h;
			}
			if (live == 0) bkind[b] = K_FREE; /* whole block back to the pool; drop its free objects */
			else { freelist[k - 1] = blockfl; used_bytes += (size_t)live * sz; nsmall++; }
		}
	}
	block_hint = 0;
}

static void record_pause(uint64_t ns) {
	pause_us[npause % NPAUSE] = (uint32_t)(ns / 1000);
	npause++;
}

void rt_gc_collect(void) {
	uint64_t t0 = rt_sys_now_ns();
	msp = 0;
	moverflow = 0;
	/* inline caches may name shapes that die: forget them all */
	for (int i = 0; i < nicsets; i++) RT_MEMSET(icsets[i].ics, 0, icsets[i].n * sizeof(rt_ic));
	for (int i = 0; i < nroots; i++)
		for (size_t j = 0; j < roots[i].n; j++) MV(roots[i].v[j]);
	for (int i = 0; i < nproots; i++)
		for (size_t j = 0; j < proots[i].n; j++) MP(proots[i].p[j]);
	for (int i = 0; i < nrootfns; i++) rootfns[i]();
	scan_stack();
	drain();
	rt_atoms_sweep();
	sweep();
	ncollections++;
	record_pause(rt_sys_now_ns() - t0);
}

/* ---- allocation ---- */
/* Small-object blocks come from the bottom of the arena, large objects from the top, so that live
 * small objects scattered over blocks do not fragment the space that large objects need. */
static int take_blocks(uint32_t n) {
	if (n == 1) {
		for (uint32_t i = block_hint; i < nblocks; i++)
			if (bkind[i] == K_FREE) { block_hint = i + 1; return (int)i; }
		for (uint32_t i = 0; i < block_hint && i < nblocks; i++)
			if (bkind[i] == K_FREE) { block_hint = i + 1; return (int)i; }
		return -1;
	}
	uint32_t run = 0;
	for (uint32_t i = nblocks; i-- > 0;) {
		if (bkind[i] == K_FREE) { if (++run == n) return (int)i; }
		else run = 0;
	}
	return -1;
}

/* Small objects are kept in the lower part of the heap: when their blocks reach small_limit, collect
 * first and only then grow the limit (to twice what survived). This keeps contiguous space free at
 * the top for large objects (array storage, strings). */
static int refill(int c) {
	if (nsmall >= small_limit && small_limit < nblocks) {
		rt_gc_collect();
		if (freelist[c]) return 1;
		uint32_t want = nsmall * 2 + 4;
		small_limit = want > nblocks ? nblocks : want < nblocks / 2 ? nblocks / 2 : want;
	}
	int b = take_blocks(1);
	if (b < 0) return 0;
	bkind[b] = (uint8_t)(c + 1);
	nsmall++;
	uint8_t *base = arena + (size_t)b * BLOCK;
	uint32_t sz = class_size[c];
	void *fl = freelist[c];
	for (uint32_t off = (BLOCK / sz - 1) * sz;; off -= sz) {
		rt_hdr *h = (rt_hdr *)(base + off);
		h->type = RT_T_FREE;
		h->mark = 0;
		((void **)h)[1] = fl;
		fl = h;
		if (off == 0) break;
	}
	freelist[c] = fl;
	return 1;
}

static void oom(size_t size) {
	char buf[160];
	rt_fmt(buf, sizeof buf, "out of memory: heap of %u bytes (RT_HEAP_SIZE) exhausted allocating %u bytes",
		(unsigned)rt_heap_size, (unsigned)size);
	rt_panic(buf);
}

void *rt_alloc(size_t size, int type) {
	size = (size + 15) & ~(size_t)15;
	rt_hdr *h;
	if (size <= 2048) {
		int c = class_of_16[size / 16];
		if (!freelist[c] && !refill(c)) {
			rt_gc_collect();
			if (!freelist[c] && !refill(c)) oom(size);
		}
		h = (rt_hdr *)freelist[c];
		freelist[c] = ((void **)h)[1];
		used_bytes += class_size[c];
		/* zeroed 16 bytes an iteration (every class is a multiple of 16): fewer steps than a call
		 * to memset for these small sizes, which matters under QEMU TCG at start-up */
		uint64_t *q = (uint64_t *)h, *e = (uint64_t *)((char *)h + class_size[c]);
		do q[0] = 0, q[1] = 0; while ((q += 2) < e);
		h->size = class_size[c];
	} else {
		if (size > rt_heap_size) oom(size);
		uint32_t nb = (uint32_t)((size + BLOCK - 1) / BLOCK);
		int b = take_blocks(nb);
		if (b < 0) {
			rt_gc_collect();
			b = take_blocks(nb);
			if (b < 0) oom(size);
		}
		bkind[b] = K_LARGE;
		for (uint32_t i = 1; i < nb; i++) bkind[b + i] = K_CONT;
		h = (rt_hdr *)(arena + (size_t)b * BLOCK);
		RT_MEMSET(h, 0, size);
		h->size = (uint32_t)size;
		used_bytes += (size_t)nb * BLOCK;
	}
	h->type = (uint8_t)type;
	if (used_bytes > peak_bytes) peak_bytes = used_bytes;
	return h;
}

static int cmp_u32(const void *a, const void *b) {
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

void rt_gc_stats(rt_memstats *st) {
	/* the pause percentiles change only with a collection: sorted again only then (a server may
	 * ask for the stats on every request) */
	static uint32_t sorted_at = ~0u;
	static double p50_ms, p99_ms;
	st->heap_size = (double)rt_heap_size;
	st->heap_used = (double)used_bytes;
	st->heap_peak = (double)peak_bytes;
	st->collections = ncollections;
	if (sorted_at != npause) {
		sorted_at = npause;
		uint32_t n = npause < NPAUSE ? npause : NPAUSE;
		uint32_t tmp[NPAUSE];
		RT_MEMCPY(tmp, pause_us, n * sizeof(uint32_t));
		/* insertion sort: at most 256 samples */
		for (uint32_t i = 1; i < n; i++) {
			uint32_t v = tmp[i];
			uint32_t j = i;
			while (j > 0 && cmp_u32(&tmp[j - 1], &v) > 0) { tmp[j] = tmp[j - 1]; j--; }
			tmp[j] = v;
		}
		p50_ms = n ? tmp[(n - 1) / 2] / 1000.0 : 0;
		p99_ms = n ? tmp[(n * 99 + 99) / 100 - 1] / 1000.0 : 0;
	}
	st->pause_p50_ms = p50_ms;
	st->pause_p99_ms = p99_ms;
}
