/*
 * Realtek RTL8169/8168/8101 descriptors and ring arithmetic, as pure data and inline functions
 * so that they can be unit-tested on the host (drivers/test) against a simulated device.
 *
 * Both rings are arrays of 16-byte descriptors (256-byte aligned) with an ownership bit: the
 * driver sets OWN to hand a descriptor to the NIC, the NIC clears it when done. The NIC has no
 * tail register and no ring length: it walks the ring on its own and returns to the first
 * descriptor after the one marked EOR (end of ring), so exactly the last descriptor carries EOR.
 *
 * Transmit: the driver fills descriptors at `tail` (OWN | FS | LS | length) and writes TPPoll;
 * it reclaims from `clean` those whose OWN the NIC has cleared. One slot stays empty so that
 * tail == clean means "empty". Receive: every descriptor holds a posted buffer (OWN | buffer
 * size); the driver takes descriptors from `clean` while OWN is clear and posts them again.
 */
#ifndef RTL8169_RING_H
#define RTL8169_RING_H
#include <stdint.h>

struct re_desc {
	uint32_t opts1;                 /* OWN, EOR, FS, LS, status; length or buffer size */
	uint32_t opts2;                 /* VLAN tag (unused: 0) */
	uint64_t addr;                  /* buffer bus address (low dword at +8, high at +12) */
};
_Static_assert(sizeof(struct re_desc) == 16, "descriptor is 16 bytes");

#define RE_OWN   (1u << 31)
#define RE_EOR   (1u << 30)
#define RE_FS    (1u << 29)
#define RE_LS    (1u << 28)
#define RE_TX_LEN_MASK  0xffffu         /* transmit: frame length 15:0 */
#define RE_RX_LEN_MASK  0x3fffu         /* receive: buffer size / frame length 13:0 */
#define RE_RX_RES (1u << 21)            /* receive error summary (CRC, runt, watchdog, ...) */
#define RE_CRC_LEN 4                    /* the received length counts the FCS */
#define RE_MIN_FRAME 60                 /* shorter frames are zero-padded by the driver */

/* the device may read the descriptor as soon as OWN is set: write it last */
static inline void re_set_opts1(struct re_desc *d, uint32_t v)
{
	__atomic_store_n(&d->opts1, v, __ATOMIC_RELEASE);
}

/* hand receive descriptor i of n (buffer of size bytes, a multiple of 8) to the NIC */
static inline void re_rx_post(struct re_desc *ring, unsigned i, unsigned n, uint64_t pa, unsigned size)
{
	ring[i].addr = pa;
	ring[i].opts2 = 0;
	re_set_opts1(&ring[i], RE_OWN | (i == n - 1 ? RE_EOR : 0) | (size & RE_RX_LEN_MASK));
}

/* 0 while the NIC owns d; else 1, with *len (without FCS) and *ok (one whole frame, no error) */
static inline int re_rx_done(const struct re_desc *d, unsigned *len, int *ok)
{
	uint32_t o = __atomic_load_n(&d->opts1, __ATOMIC_ACQUIRE);
	if (o & RE_OWN)
		return 0;
	unsigned l = o & RE_RX_LEN_MASK;
	*ok = (o & (RE_FS | RE_LS)) == (RE_FS | RE_LS) && !(o & RE_RX_RES) && l > RE_CRC_LEN;
	*len = *ok ? l - RE_CRC_LEN : 0;
	return 1;
}

/* describe one whole frame of len bytes at pa in transmit descriptor i of n */
static inline void re_tx_fill(struct re_desc *ring, unsigned i, unsigned n, uint64_t pa, unsigned len)
{
	ring[i].addr = pa;
	ring[i].opts2 = 0;
	re_set_opts1(&ring[i], RE_OWN | RE_FS | RE_LS | (i == n - 1 ? RE_EOR : 0) | (len & RE_TX_LEN_MASK));
}

static inline int re_tx_done(const struct re_desc *d)
{
	return !(__atomic_load_n(&d->opts1, __ATOMIC_ACQUIRE) & RE_OWN);
}

/* transmit ring indices (one slot stays empty) */
struct re_ring {
	unsigned num, tail, clean;
};
static inline void re_ring_init(struct re_ring *r, unsigned num) { r->num = num; r->tail = r->clean = 0; }
static inline int re_ring_full(const struct re_ring *r) { return (r->tail + 1) % r->num == r->clean; }
static inline int re_ring_busy(const struct re_ring *r) { return r->tail != r->clean; }
static inline unsigned re_ring_inflight(const struct re_ring *r) { return (r->tail + r->num - r->clean) % r->num; }
static inline void re_ring_advance(struct re_ring *r) { r->tail = (r->tail + 1) % r->num; }
static inline void re_ring_clean_one(struct re_ring *r) { r->clean = (r->clean + 1) % r->num; }

#endif
