/*
 * 8254x legacy descriptors and the index arithmetic of a transmit ring, as pure data, so it
 * can be unit-tested on the host (test/unit/rings).
 *
 * Transmit ring: the driver fills descriptors at `tail` (then writes TDT = tail); the device
 * sets DD in each descriptor it has sent; the driver reclaims from `clean`. One slot stays
 * empty so that tail == clean means "empty".
 */
#ifndef E1000_RING_H
#define E1000_RING_H
#include <stdint.h>

struct wm_rx_desc {
	uint64_t addr;
	uint16_t length, csum;
	uint8_t status, errors;
	uint16_t special;
};
#define WM_RXD_DD  0x01
#define WM_RXD_EOP 0x02

struct wm_tx_desc {
	uint64_t addr;
	uint16_t length;
	uint8_t cso, cmd, status, css;
	uint16_t special;
};
#define WM_TXD_EOP  0x01
#define WM_TXD_IFCS 0x02
#define WM_TXD_RS   0x08
#define WM_TXD_DD   0x01                /* status */

_Static_assert(sizeof(struct wm_rx_desc) == 16, "rx descriptor is 16 bytes");
_Static_assert(sizeof(struct wm_tx_desc) == 16, "tx descriptor is 16 bytes");

struct wm_ring {
	unsigned num, tail, clean;
};

static inline void wm_ring_init(struct wm_ring *r, unsigned num) { r->num = num; r->tail = r->clean = 0; }
static inline int wm_ring_full(const struct wm_ring *r) { return (r->tail + 1) % r->num == r->clean; }
static inline int wm_ring_busy(const struct wm_ring *r) { return r->tail != r->clean; }
static inline unsigned wm_ring_inflight(const struct wm_ring *r) { return (r->tail + r->num - r->clean) % r->num; }
static inline void wm_ring_advance(struct wm_ring *r) { r->tail = (r->tail + 1) % r->num; }
static inline void wm_ring_clean_one(struct wm_ring *r) { r->clean = (r->clean + 1) % r->num; }

#endif
