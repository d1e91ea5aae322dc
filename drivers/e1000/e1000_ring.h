/*
 * Intel gigabit descriptors (8254x/82574 legacy, I210 advanced) and the index arithmetic of a
 * transmit ring, as pure data and inline functions, so that they can be unit-tested on the host
 * (drivers/test) against a simulated device.
 *
 * Transmit ring: the driver fills descriptors at `tail` (then writes TDT = tail); the device
 * sets DD in each descriptor it has sent; the driver reclaims from `clean`. One slot stays
 * empty so that tail == clean means "empty".
 *
 * Receive ring: every descriptor holds a posted buffer; the device writes a descriptor back
 * (DD set) when it has filled the buffer; the driver takes descriptors from `clean` while DD is
 * set, re-posts them and writes RDT = the last one re-posted.
 */
#ifndef E1000_RING_H
#define E1000_RING_H
#include <stdint.h>

/* ---- legacy descriptors (8254x, 82574 with RFCTL.EXSTEN = 0, I210 with SRRCTL.DESCTYPE = 0) ---- */
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

/* ---- advanced descriptors (I210/I211: SRRCTL.DESCTYPE = 001b, TDESC.DEXT = 1) ---- */
/* receive, as the driver posts it ("read" format) */
struct wm_adv_rx_read {
	uint64_t pkt_addr;
	uint64_t hdr_addr;              /* header buffer: 0 (no header split); bit 0 must be 0 */
};
/* receive, as the device writes it back */
struct wm_adv_rx_wb {
	uint32_t info;                  /* RSS type 3:0, packet type 16:4, header length ... */
	uint32_t rss_hash;
	uint32_t status_error;          /* extended status 19:0, extended errors 31:20 */
	uint16_t length;
	uint16_t vlan;
};
#define WM_ADV_RXD_DD    (1u << 0)
#define WM_ADV_RXD_EOP   (1u << 1)
#define WM_ADV_RXE_RXE   (1u << 31)     /* CRC, symbol, sequence or other frame error */
#define WM_ADV_RXE_MASK  0xfff00000u

/* transmit data descriptor (DTYP 0011b) */
struct wm_adv_tx_desc {
	uint64_t addr;
	uint32_t cmd_type_len;          /* DTALEN 15:0, MAC 19:18, DTYP 23:20, DCMD 31:24 */
	uint32_t olinfo_status;         /* STA 3:0, IDX 6:4, CC 7, POPTS 13:8, PAYLEN 31:14 */
};
#define WM_ADV_TXD_DTYP_DATA (3u << 20)
#define WM_ADV_TXD_EOP   (1u << 24)
#define WM_ADV_TXD_IFCS  (1u << 25)
#define WM_ADV_TXD_RS    (1u << 27)
#define WM_ADV_TXD_DEXT  (1u << 29)
#define WM_ADV_TXD_DD    (1u << 0)      /* olinfo_status, written back */
#define WM_ADV_TXD_PAYLEN_SHIFT 14

_Static_assert(sizeof(struct wm_rx_desc) == 16, "rx descriptor is 16 bytes");
_Static_assert(sizeof(struct wm_tx_desc) == 16, "tx descriptor is 16 bytes");
_Static_assert(sizeof(struct wm_adv_rx_read) == 16 && sizeof(struct wm_adv_rx_wb) == 16, "adv rx is 16 bytes");
_Static_assert(sizeof(struct wm_adv_tx_desc) == 16, "adv tx is 16 bytes");

/* one receive slot seen either way; the ring is an array of these */
union wm_rxd {
	struct wm_rx_desc leg;
	struct wm_adv_rx_read rd;
	struct wm_adv_rx_wb wb;
};
union wm_txd {
	struct wm_tx_desc leg;
	struct wm_adv_tx_desc adv;
};

/* hand receive slot d (buffer at bus address pa) to the device */
static inline void wm_rxd_post(union wm_rxd *d, uint64_t pa, int adv)
{
	if (adv) {
		d->rd.pkt_addr = pa;
		d->rd.hdr_addr = 0;     /* also clears the written-back DD */
	} else {
		d->leg.addr = pa;
		d->leg.length = 0;
		d->leg.status = 0;
		d->leg.errors = 0;
	}
}

/* 0 while the device still owns d; else 1, with *len and *ok (a whole frame without errors) */
static inline int wm_rxd_done(const union wm_rxd *d, int adv, unsigned *len, int *ok)
{
	if (adv) {
		uint32_t se = __atomic_load_n(&d->wb.status_error, __ATOMIC_ACQUIRE);
		if (!(se & WM_ADV_RXD_DD))
			return 0;
		*len = d->wb.length;
		*ok = (se & WM_ADV_RXD_EOP) && !(se & WM_ADV_RXE_RXE) && *len > 0;
	} else {
		uint8_t st = __atomic_load_n(&d->leg.status, __ATOMIC_ACQUIRE);
		if (!(st & WM_RXD_DD))
			return 0;
		*len = d->leg.length;
		*ok = (st & WM_RXD_EOP) && d->leg.errors == 0 && *len > 0;
	}
	return 1;
}

/* describe one whole frame of len bytes at bus address pa, FCS added by the device, status
 * written back (RS) */
static inline void wm_txd_fill(union wm_txd *d, uint64_t pa, unsigned len, int adv)
{
	if (adv) {
		d->adv.addr = pa;
		d->adv.cmd_type_len = len | WM_ADV_TXD_DTYP_DATA | WM_ADV_TXD_EOP | WM_ADV_TXD_IFCS |
		    WM_ADV_TXD_RS | WM_ADV_TXD_DEXT;
		d->adv.olinfo_status = (uint32_t)len << WM_ADV_TXD_PAYLEN_SHIFT;
	} else {
		d->leg.addr = pa;
		d->leg.length = (uint16_t)len;
		d->leg.cso = 0;
		d->leg.cmd = WM_TXD_EOP | WM_TXD_IFCS | WM_TXD_RS;
		d->leg.status = 0;
		d->leg.css = 0;
		d->leg.special = 0;
	}
}

/* has the device sent d? */
static inline int wm_txd_done(const union wm_txd *d, int adv)
{
	if (adv)
		return (__atomic_load_n(&d->adv.olinfo_status, __ATOMIC_ACQUIRE) & WM_ADV_TXD_DD) != 0;
	return (__atomic_load_n(&d->leg.status, __ATOMIC_ACQUIRE) & WM_TXD_DD) != 0;
}

/* ---- transmit ring arithmetic ---- */
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
