/*
 * Host unit test of the descriptor handling of the Intel (e1000/e1000_ring.h: legacy and I210
 * advanced descriptors) and Realtek (rtl8169/rtl8169_ring.h) drivers against simulated devices.
 *
 * The simulated devices read and write descriptors as raw bytes, with the field offsets and
 * bit positions written here as literal numbers from the datasheets (82540EM/82574L legacy
 * descriptors, I210 section 7.1.5/7.2.2.3 advanced descriptors, RTL8169 descriptor tables),
 * independently of the headers' structs and macros: a layout mistake in a header fails here.
 * "Bus addresses" are host pointers. Receive: the device fills posted buffers with numbered
 * frames of random length (some with errors) while the driver side takes them in order and posts
 * them again; transmit: the driver side queues numbered frames while the device sends some of
 * what it owns. Prints "ok NAME" or "FAIL NAME: ..." per check; exit status = number of failures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../e1000/e1000_ring.h"
#include "../rtl8169/rtl8169_ring.h"

static int failures;
#define CHECK(name, cond, ...) do { if (cond) printf("ok %s\n", name); \
	else { printf("FAIL %s: ", name); printf(__VA_ARGS__); printf("\n"); failures++; } } while (0)

static unsigned rng = 4242;
static unsigned rnd(unsigned n) { rng = rng * 1103515245u + 12345u; return (rng >> 16) % n; }

#define BUFSZ 2048
#define ROUNDS 8000

static uint32_t get32(const void *d, int off) { uint32_t v; memcpy(&v, (const char *)d + off, 4); return v; }
static uint64_t get64(const void *d, int off) { uint64_t v; memcpy(&v, (const char *)d + off, 8); return v; }
static uint16_t get16(const void *d, int off) { uint16_t v; memcpy(&v, (const char *)d + off, 2); return v; }
static void put32(void *d, int off, uint32_t v) { memcpy((char *)d + off, &v, 4); }
static void put16(void *d, int off, uint16_t v) { memcpy((char *)d + off, &v, 2); }
static uint64_t busaddr(const void *p) { return (uint64_t)(uintptr_t)p; }
/* descriptor memory aligned as the device requires (aligned_alloc wants a multiple of it) */
static void *ring_alloc(size_t align, size_t size) { return aligned_alloc(align, (size + align - 1) / align * align); }

/* frame number seq of len bytes: a recognizable pattern */
static void make_frame(uint8_t *p, unsigned len, unsigned seq)
{
	for (unsigned i = 0; i < len; i++)
		p[i] = (uint8_t)(seq * 7 + i * 13 + (i >> 8));
	memcpy(p, &seq, sizeof seq);
}
static int check_frame(const uint8_t *p, unsigned len, unsigned seq)
{
	uint8_t want[BUFSZ];
	make_frame(want, len, seq);
	return memcmp(p, want, len) == 0;
}
static unsigned frame_len(void) { return 60 + rnd(1455); }       /* 60 .. 1514 */

/* ---- Intel receive: RDH is the device's, RDT the driver's; the device owns RDH .. RDT-1 ---- */
static void wm_rx_test(unsigned n, int adv)
{
	union wm_rxd *ring = ring_alloc(128, n * sizeof *ring);
	uint8_t *bufs = malloc((size_t)n * BUFSZ);
	memset(ring, 0xa5, n * sizeof *ring);           /* garbage: posting must set every field */
	for (unsigned i = 0; i < n; i++)
		wm_rxd_post(&ring[i], busaddr(bufs + (size_t)i * BUFSZ), adv);
	unsigned rdt = n - 1, rdh = 0, clean = 0;
	unsigned sent = 0, dropped = 0, bad_sent = 0, delivered = 0, errors = 0, expect = 0, bad = 0;
	for (unsigned round = 0; round < ROUNDS; round++) {
		/* device: a burst of frames into what it owns */
		unsigned burst = rnd(n + 3);
		for (unsigned j = 0; j < burst; j++) {
			unsigned seq = sent++, len = frame_len();
			int err = rnd(50) == 0;
			if (rdh == rdt) {
				dropped++;      /* no descriptor: the frame is lost (RXO) */
				continue;
			}
			uint8_t *d = (uint8_t *)&ring[rdh];
			/* read format: buffer address at 0; advanced: header address at 8 must be 0 */
			if (get64(d, 0) != busaddr(bufs + (size_t)rdh * BUFSZ) || (adv && get64(d, 8) != 0))
				bad++;
			make_frame(bufs + (size_t)rdh * BUFSZ, len, seq);
			if (adv) {
				put32(d, 0, 0x12345678);        /* RSS type, packet type: whatever */
				put32(d, 4, 0x9abcdef0);        /* RSS hash */
				put32(d, 8, 1u << 0 | 1u << 1 | (err ? 1u << 31 : 0));     /* DD, EOP, RXE */
				put16(d, 12, (uint16_t)len);
				put16(d, 14, 0);
			} else {
				put16(d, 8, (uint16_t)len);
				put16(d, 10, 0xbeef);           /* packet checksum */
				d[12] = 1u << 0 | 1u << 1;      /* status: DD, EOP */
				d[13] = err ? 1u << 0 : 0;      /* errors: CE */
				put16(d, 14, 0);
			}
			if (err)
				bad_sent++;
			rdh = (rdh + 1) % n;
		}
		/* driver: the interrupt handler's loop */
		if (rnd(3) == 0 && round != ROUNDS - 1)
			continue;      /* the driver runs late (always at the end) */
		unsigned last = n;
		for (;;) {
			unsigned i = clean, len;
			int ok;
			if (!wm_rxd_done(&ring[i], adv, &len, &ok))
				break;
			/* skip the numbers of frames the device dropped */
			unsigned seq;
			memcpy(&seq, bufs + (size_t)i * BUFSZ, sizeof seq);
			if (seq < expect)
				bad++;
			expect = seq + 1;
			if (ok) {
				if (!check_frame(bufs + (size_t)i * BUFSZ, len, seq))
					bad++;
				delivered++;
			} else {
				errors++;
			}
			wm_rxd_post(&ring[i], busaddr(bufs + (size_t)i * BUFSZ), adv);
			/* posted again: DD clear (legacy status byte 12; advanced bit 0 of bytes 8-11) */
			if (adv ? (get32(&ring[i], 8) & 1) : (((uint8_t *)&ring[i])[12] & 1))
				bad++;
			last = i;
			clean = (i + 1) % n;
		}
		if (last != n)
			rdt = last;
	}
	char name[64];
	snprintf(name, sizeof name, "wm rx %s n=%u", adv ? "advanced" : "legacy", n);
	CHECK(name, bad == 0 && errors == bad_sent && delivered + errors + dropped == sent && delivered > ROUNDS * n / 8,
	    "%u bad, sent %u dropped %u delivered %u errors %u (injected %u)", bad, sent, dropped, delivered, errors, bad_sent);
	free(ring);
	free(bufs);
}

/* ---- Intel transmit: the device sends TDH .. TDT-1 and writes DD back ---- */
static void wm_tx_test(unsigned n, int adv)
{
	union wm_txd *ring = ring_alloc(128, n * sizeof *ring);
	uint8_t *bufs = malloc((size_t)n * BUFSZ);
	memset(ring, 0, n * sizeof *ring);
	struct wm_ring r;
	wm_ring_init(&r, n);
	unsigned tdh = 0, queued = 0, drops = 0, sent = 0, bad = 0, max_inflight = 0;
	for (unsigned round = 0; round < ROUNDS; round++) {
		unsigned burst = rnd(n + 4);
		for (unsigned j = 0; j < burst; j++) {
			while (wm_ring_busy(&r) && wm_txd_done(&ring[r.clean], adv))
				wm_ring_clean_one(&r);
			if (wm_ring_full(&r)) {
				drops++;
				break;
			}
			unsigned i = r.tail, len = frame_len();
			make_frame(bufs + (size_t)i * BUFSZ, len, queued++);
			wm_txd_fill(&ring[i], busaddr(bufs + (size_t)i * BUFSZ), len, adv);
			wm_ring_advance(&r);
			if (wm_ring_inflight(&r) > max_inflight)
				max_inflight = wm_ring_inflight(&r);
		}
		unsigned tdt = r.tail;
		unsigned k = rnd(n);
		for (unsigned j = 0; j < k && tdh != tdt; j++) {
			uint8_t *d = (uint8_t *)&ring[tdh];
			uint64_t addr = get64(d, 0);
			unsigned len;
			if (adv) {
				uint32_t ctl = get32(d, 8), ol = get32(d, 12);
				len = ctl & 0xffff;                             /* DTALEN */
				if ((ctl >> 20 & 0xf) != 0x3)                   /* DTYP: data */
					bad++;
				if ((ctl >> 24) != (0x01 | 0x02 | 0x08 | 0x20)) /* DCMD: EOP IFCS RS DEXT */
					bad++;
				if ((ol >> 14) != len || (ol & 0x3fff) != 0)    /* PAYLEN; no offloads */
					bad++;
				put32(d, 12, 1u << 0);                          /* write-back: STA.DD */
			} else {
				len = get16(d, 8);
				if (d[10] != 0 || d[11] != (0x01 | 0x02 | 0x08)) /* CSO; CMD: EOP IFCS RS */
					bad++;
				d[12] |= 1u << 0;                               /* status: DD */
			}
			if (addr != busaddr(bufs + (size_t)tdh * BUFSZ) || len < 60 || len > 1514 ||
			    !check_frame(bufs + (size_t)tdh * BUFSZ, len, sent))
				bad++;
			sent++;
			tdh = (tdh + 1) % n;
		}
	}
	char name[64];
	snprintf(name, sizeof name, "wm tx %s n=%u", adv ? "advanced" : "legacy", n);
	CHECK(name, bad == 0 && max_inflight == n - 1 && queued - sent == (r.tail + n - tdh) % n && sent > ROUNDS,
	    "%u bad, max in flight %u, queued %u sent %u drops %u", bad, max_inflight, queued, sent, drops);
	free(ring);
	free(bufs);
}

/* ---- Realtek receive: the NIC walks the ring by itself, wrapping after the EOR descriptor ---- */
static void re_rx_test(unsigned n)
{
	struct re_desc *ring = ring_alloc(256, n * sizeof *ring);
	uint8_t *bufs = malloc((size_t)n * BUFSZ);
	memset(ring, 0xa5, n * sizeof *ring);
	for (unsigned i = 0; i < n; i++)
		re_rx_post(ring, i, n, busaddr(bufs + (size_t)i * BUFSZ), BUFSZ);
	unsigned ptr = 0, next = 0, sent = 0, rdu = 0, bad_sent = 0, delivered = 0, errors = 0, expect = 0, bad = 0;
	for (unsigned round = 0; round < ROUNDS; round++) {
		unsigned burst = rnd(n + 3);
		for (unsigned j = 0; j < burst; j++) {
			unsigned seq = sent++, len = frame_len();
			int err = rnd(50) == 0;
			uint8_t *d = (uint8_t *)&ring[ptr];
			uint32_t o = get32(d, 0);
			if (!(o >> 31)) {               /* OWN clear: descriptor unavailable (RDU) */
				rdu++;
				continue;
			}
			int eor = o >> 30 & 1;
			if (eor != (ptr == n - 1) || (o & 0x3fff) != BUFSZ || get32(d, 4) != 0 ||
			    get64(d, 8) != busaddr(bufs + (size_t)ptr * BUFSZ) || (o & 0x3fffc000u & ~(1u << 30)) != 0)
				bad++;
			make_frame(bufs + (size_t)ptr * BUFSZ, len, seq);
			memset(bufs + (size_t)ptr * BUFSZ + len, 0xcc, 4);     /* the FCS */
			/* status: OWN clear, EOR kept, FS, LS, RES on errors (with CRC bit 19), length + FCS */
			put32(d, 0, (uint32_t)eor << 30 | 1u << 29 | 1u << 28 | (err ? 1u << 21 | 1u << 19 : 0) |
			    (len + 4));
			if (err)
				bad_sent++;
			ptr = eor ? 0 : ptr + 1;
			if (ptr >= n) {                 /* ran off the end: EOR missing */
				bad++;
				ptr = 0;
			}
		}
		if (rnd(3) == 0 && round != ROUNDS - 1)
			continue;      /* the driver runs late (always at the end) */
		for (;;) {
			unsigned i = next, len;
			int ok;
			if (!re_rx_done(&ring[i], &len, &ok))
				break;
			unsigned seq;
			memcpy(&seq, bufs + (size_t)i * BUFSZ, sizeof seq);
			if (seq < expect)
				bad++;
			expect = seq + 1;
			if (ok) {
				if (len < 60 || len > 1514 || !check_frame(bufs + (size_t)i * BUFSZ, len, seq))
					bad++;
				delivered++;
			} else {
				errors++;
			}
			re_rx_post(ring, i, n, busaddr(bufs + (size_t)i * BUFSZ), BUFSZ);
			next = (i + 1) % n;
		}
	}
	char name[64];
	snprintf(name, sizeof name, "re rx n=%u", n);
	CHECK(name, bad == 0 && errors == bad_sent && delivered + errors + rdu == sent && delivered > ROUNDS * n / 8,
	    "%u bad, sent %u rdu %u delivered %u errors %u (injected %u)", bad, sent, rdu, delivered, errors, bad_sent);
	free(ring);
	free(bufs);
}

/* ---- Realtek transmit: the NIC sends descriptors with OWN set, in ring order, wrapping at EOR ---- */
static void re_tx_test(unsigned n)
{
	struct re_desc *ring = ring_alloc(256, n * sizeof *ring);
	uint8_t *bufs = malloc((size_t)n * BUFSZ);
	memset(ring, 0, n * sizeof *ring);
	ring[n - 1].opts1 = RE_EOR;     /* as the driver sets up its empty ring */
	struct re_ring r;
	re_ring_init(&r, n);
	unsigned ptr = 0, queued = 0, drops = 0, sent = 0, bad = 0, max_inflight = 0;
	for (unsigned round = 0; round < ROUNDS; round++) {
		unsigned burst = rnd(n + 4);
		for (unsigned j = 0; j < burst; j++) {
			while (re_ring_busy(&r) && re_tx_done(&ring[r.clean]))
				re_ring_clean_one(&r);
			if (re_ring_full(&r)) {
				drops++;
				break;
			}
			unsigned i = r.tail, len = frame_len();
			make_frame(bufs + (size_t)i * BUFSZ, len, queued++);
			re_tx_fill(ring, i, n, busaddr(bufs + (size_t)i * BUFSZ), len);
			re_ring_advance(&r);
			if (re_ring_inflight(&r) > max_inflight)
				max_inflight = re_ring_inflight(&r);
		}
		unsigned k = rnd(n);
		for (unsigned j = 0; j < k; j++) {
			uint8_t *d = (uint8_t *)&ring[ptr];
			uint32_t o = get32(d, 0);
			if (!(o >> 31))
				break;                  /* OWN clear: nothing more to send */
			unsigned len = o & 0xffff;
			int eor = o >> 30 & 1;
			if (eor != (ptr == n - 1) || !(o >> 29 & 1) || !(o >> 28 & 1) || (o & 0x0fff0000u) != 0 ||
			    get32(d, 4) != 0 || get64(d, 8) != busaddr(bufs + (size_t)ptr * BUFSZ) ||
			    !check_frame(bufs + (size_t)ptr * BUFSZ, len, sent))
				bad++;
			put32(d, 0, o & ~(1u << 31));   /* done: OWN cleared */
			sent++;
			ptr = eor ? 0 : ptr + 1;
			if (ptr >= n) {
				bad++;
				ptr = 0;
			}
		}
	}
	char name[64];
	snprintf(name, sizeof name, "re tx n=%u", n);
	CHECK(name, bad == 0 && max_inflight == n - 1 && queued - sent == (r.tail + n - ptr) % n && sent > ROUNDS,
	    "%u bad, max in flight %u, queued %u sent %u drops %u", bad, max_inflight, queued, sent, drops);
	free(ring);
	free(bufs);
}

int main(void)
{
	for (unsigned n = 8; n <= 32; n *= 4) {
		wm_rx_test(n, 0);
		wm_rx_test(n, 1);
		wm_tx_test(n, 0);
		wm_tx_test(n, 1);
		re_rx_test(n);
		re_tx_test(n);
	}
	printf("%d failures\n", failures);
	return failures;
}
