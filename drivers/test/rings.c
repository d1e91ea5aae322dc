/*
 * Host unit test of the drivers' descriptor-ring arithmetic (virtio-net/vring.h and
 * e1000/e1000_ring.h): a simulated device consumes and completes buffers in its own order
 * while the driver side offers and reclaims them, across 16-bit index wrap-around.
 * Prints "ok NAME" or "FAIL NAME: ..." per check; exit status = number of failures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../virtio-net/vring.h"
#include "../e1000/e1000_ring.h"

static int failures;
#define CHECK(name, cond, ...) do { if (cond) printf("ok %s\n", name); \
	else { printf("FAIL %s: ", name); printf(__VA_ARGS__); printf("\n"); failures++; } } while (0)

static unsigned rng = 12345;
static unsigned rnd(unsigned n) { rng = rng * 1103515245u + 12345u; return (rng >> 16) % n; }

/* legacy layout: descriptors, then the available ring, the used ring on the next 4 KiB */
static void vring_layout(void)
{
	CHECK("vring layout 256", vring_used_offset(256) == 8192 && vring_size(256) == 12288,
	    "used at %zu, size %zu", vring_used_offset(256), vring_size(256));
	CHECK("vring layout 1024", vring_used_offset(1024) == 20480 && vring_size(1024) == 20480 + 12288,
	    "used at %zu, size %zu", vring_used_offset(1024), vring_size(1024));
	void *mem = aligned_alloc(4096, vring_size(256));
	struct vring vr;
	vring_init(&vr, 256, mem);
	CHECK("vring pointers", (char *)vr.avail == (char *)mem + 4096 && (char *)vr.used == (char *)mem + 8192,
	    "avail +%td used +%td", (char *)vr.avail - (char *)mem, (char *)vr.used - (char *)mem);
	/* the device's flags word is the first of the used ring; bit 0 says "no kick needed" */
	vr.used->flags = 0;
	int kick = vring_needs_kick(&vr);
	((volatile uint16_t *)((char *)mem + 8192))[0] = VRING_USED_F_NO_NOTIFY;
	CHECK("vring kick", kick && !vring_needs_kick(&vr), "needs a kick: %d with flags 0, %d with NO_NOTIFY",
	    kick, vring_needs_kick(&vr));
	free(mem);
}

/* A receive queue of num entries with k buffers posted: the device takes available entries
 * in order and completes them in random order; the driver re-posts each one it gets back. */
static void vring_traffic(unsigned num, unsigned k, unsigned rounds)
{
	void *mem = aligned_alloc(4096, vring_size(num));
	memset(mem, 0, vring_size(num));
	struct vring vr;
	vring_init(&vr, num, mem);
	for (uint16_t i = 0; i < k; i++)
		vring_offer(&vr, i);
	vring_publish(&vr);
	uint16_t dev_avail_seen = 0, dev_used = 0;
	unsigned held[1024], nheld = 0, completed = 0, bad = 0;
	int *owned = calloc(k, sizeof(int));      /* 1: the device holds it */
	for (unsigned r = 0; r < rounds; r++) {
		/* device: take what is available */
		while (dev_avail_seen != vr.avail->idx) {
			uint16_t id = vr.avail->ring[dev_avail_seen++ & (num - 1)];
			if (id >= k || owned[id]++)
				bad++;
			held[nheld++] = id;
		}
		/* device: complete a random subset in random order */
		unsigned n = nheld ? rnd(nheld + 1) : 0;
		for (unsigned j = 0; j < n; j++) {
			unsigned pick = rnd(nheld);
			uint16_t id = (uint16_t)held[pick];
			held[pick] = held[--nheld];
			owned[id] = 0;
			vr.used->ring[dev_used & (num - 1)] = (struct vring_used_elem){ id, 60 + id };
			dev_used++;
		}
		vr.used->idx = dev_used;
		/* driver: reap and re-post */
		const struct vring_used_elem *e;
		while ((e = vring_next_used(&vr)) != NULL) {
			if (e->len != 60 + e->id)
				bad++;
			completed++;
			vring_offer(&vr, (uint16_t)e->id);
		}
		vring_publish(&vr);
		if (nheld > k)
			bad++;
	}
	char name[64];
	snprintf(name, sizeof name, "vring traffic num=%u k=%u", num, k);
	CHECK(name, bad == 0 && completed > 70000 && vr.used_seen == dev_used,
	    "%u errors, %u completed, driver saw %u of %u", bad, completed, vr.used_seen, dev_used);
	free(owned);
	free(mem);
}

/* e1000 transmit ring: one slot stays empty; the device completes in ring order */
static void wm_ring_traffic(unsigned num)
{
	struct wm_ring r;
	wm_ring_init(&r, num);
	unsigned dev_head = 0, queued = 0, done = 0, bad = 0, max_inflight = 0;
	int *dd = calloc(num, sizeof(int));
	if (wm_ring_busy(&r) || wm_ring_full(&r))
		bad++;
	for (unsigned round = 0; round < 100000; round++) {
		unsigned burst = rnd(num + 4);
		for (unsigned j = 0; j < burst; j++) {
			while (wm_ring_busy(&r) && dd[r.clean]) {
				dd[r.clean] = 0;
				wm_ring_clean_one(&r);
				done++;
			}
			if (wm_ring_full(&r))
				break;
			dd[r.tail] = 0;
			wm_ring_advance(&r);
			queued++;
			if (wm_ring_inflight(&r) > max_inflight)
				max_inflight = wm_ring_inflight(&r);
		}
		/* the device sends some of what it owns: from its head up to TDT */
		unsigned n = rnd(num);
		for (unsigned j = 0; j < n && dev_head != r.tail; j++) {
			dd[dev_head] = 1;
			dev_head = (dev_head + 1) % num;
		}
		if (wm_ring_inflight(&r) >= num)
			bad++;
	}
	char name[64];
	snprintf(name, sizeof name, "e1000 tx ring num=%u", num);
	CHECK(name, bad == 0 && max_inflight == num - 1 && queued - done == wm_ring_inflight(&r),
	    "%u errors, max in flight %u, queued %u done %u in flight %u", bad, max_inflight, queued, done,
	    wm_ring_inflight(&r));
	free(dd);
}

int main(void)
{
	vring_layout();
	vring_traffic(256, 32, 20000);
	vring_traffic(8, 8, 40000);
	wm_ring_traffic(32);
	wm_ring_traffic(8);
	printf("%d failures\n", failures);
	return failures;
}
