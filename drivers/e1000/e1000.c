/*
 * Intel 8254x gigabit Ethernet ("e1000"; NetBSD's wm), as QEMU emulates the 82540EM
 * (-device e1000): reset, MAC address from RAL/RAH (or the EEPROM), legacy receive and
 * transmit descriptor rings in DMA memory, interrupts (INTx) read from ICR, link state from
 * STATUS.LU and link-status-change interrupts.
 *
 * Uses only the PCI/DMA hypercalls (through drivers/pci.h), rumpuser services and the
 * kernel's netdev interface (rump/netif.h).
 */
#include <rump/rumpuser.h>
#include <rump/netif.h>
#include <drivers/bus.h>
#include <drivers/pci.h>
#include "e1000_ring.h"

/* registers (byte offsets in BAR0) */
#define WM_CTRL   0x0000
#define  CTRL_ASDE   (1u << 5)
#define  CTRL_SLU    (1u << 6)
#define  CTRL_ILOS   (1u << 7)
#define  CTRL_LRST   (1u << 3)
#define  CTRL_RST    (1u << 26)
#define  CTRL_VME    (1u << 30)
#define  CTRL_PHY_RST (1u << 31)
#define WM_STATUS 0x0008
#define  STATUS_LU   (1u << 1)
#define WM_EERD   0x0014
#define  EERD_START  1u
#define  EERD_DONE   (1u << 4)
#define WM_ICR    0x00c0                /* read clears */
#define WM_IMS    0x00d0
#define WM_IMC    0x00d8
#define  INT_TXDW    (1u << 0)
#define  INT_LSC     (1u << 2)
#define  INT_RXDMT0  (1u << 4)
#define  INT_RXO     (1u << 6)
#define  INT_RXT0    (1u << 7)
#define WM_RCTL   0x0100
#define  RCTL_EN     (1u << 1)
#define  RCTL_BAM    (1u << 15)
#define  RCTL_SECRC  (1u << 26)         /* strip the CRC; buffer size 2048 (BSIZE 00) */
#define WM_TCTL   0x0400
#define  TCTL_EN     (1u << 1)
#define  TCTL_PSP    (1u << 3)
#define  TCTL_CT(x)  ((uint32_t)(x) << 4)
#define  TCTL_COLD(x) ((uint32_t)(x) << 12)
#define WM_TIPG   0x0410
#define WM_RDBAL  0x2800
#define WM_RDBAH  0x2804
#define WM_RDLEN  0x2808
#define WM_RDH    0x2810
#define WM_RDT    0x2818
#define WM_RDTR   0x2820
#define WM_TDBAL  0x3800
#define WM_TDBAH  0x3804
#define WM_TDLEN  0x3808
#define WM_TDH    0x3810
#define WM_TDT    0x3818
#define WM_MTA    0x5200                /* 128 registers */
#define WM_RAL0   0x5400
#define WM_RAH0   0x5404
#define  RAH_AV      (1u << 31)

#define REGSIZE  0x20000                /* BAR0: 128 KiB */
#define BUFSZ    2048
#define NRX      32                     /* multiples of 8: ring lengths are multiples of 128 bytes */
#define NTX      32

struct wm {
	struct rumpsdk_netdev nd;
	char name[12];
	volatile void *regs;
	int link;
	struct wm_rx_desc *rxd;
	struct wm_tx_desc *txd;
	uint8_t *rxbuf, *txbuf;
	uint64_t rxbuf_pa, txbuf_pa;
	struct wm_ring rx, tx;
	unsigned long rx_frames, rx_errors, tx_frames, tx_drops;
};

static const struct pci_id wm_ids[] = {
	{ 0x8086, 0x100e },             /* 82540EM desktop (QEMU -device e1000) */
	{ 0x8086, 0x100f },             /* 82545EM copper (QEMU -device e1000-82545em) */
	{ 0, 0 },
};

static inline uint32_t rd(struct wm *sc, uint32_t r) { return bus_read32(sc->regs, r); }
static inline void wr(struct wm *sc, uint32_t r, uint32_t v) { bus_write32(sc->regs, r, v); }

static void delay_ms(int ms)
{
	rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, 0, ms * 1000000L);
}

static int eeprom_word(struct wm *sc, unsigned addr, uint16_t *w)
{
	wr(sc, WM_EERD, addr << 8 | EERD_START);
	for (int i = 0; i < 1000; i++) {
		uint32_t v = rd(sc, WM_EERD);
		if (v & EERD_DONE) {
			*w = (uint16_t)(v >> 16);
			return 0;
		}
	}
	return RUMPUSER_ETIMEDOUT;
}

static int read_mac(struct wm *sc)
{
	uint32_t lo = rd(sc, WM_RAL0), hi = rd(sc, WM_RAH0);
	if (!(hi & RAH_AV)) {
		uint16_t w[3];
		for (unsigned i = 0; i < 3; i++)
			if (eeprom_word(sc, i, &w[i]) != 0)
				return RUMPUSER_ENXIO;
		lo = w[0] | (uint32_t)w[1] << 16;
		hi = w[2];
		wr(sc, WM_RAL0, lo);
		wr(sc, WM_RAH0, hi | RAH_AV);
	}
	for (int i = 0; i < 4; i++)
		sc->nd.mac[i] = (uint8_t)(lo >> (8 * i));
	sc->nd.mac[4] = (uint8_t)hi;
	sc->nd.mac[5] = (uint8_t)(hi >> 8);
	return 0;
}

static int wm_transmit(struct rumpsdk_netdev *nd, const void *frame, size_t len)
{
	struct wm *sc = nd->softc;
	if (len > BUFSZ)
		return RUMPUSER_EINVAL;
	while (wm_ring_busy(&sc->tx) && (sc->txd[sc->tx.clean].status & WM_TXD_DD))
		wm_ring_clean_one(&sc->tx);
	if (wm_ring_full(&sc->tx)) {
		sc->tx_drops++;
		return RUMPUSER_ENOBUFS;
	}
	unsigned i = sc->tx.tail;
	__builtin_memcpy(sc->txbuf + (size_t)i * BUFSZ, frame, len);
	struct wm_tx_desc *d = &sc->txd[i];
	d->addr = sc->txbuf_pa + (uint64_t)i * BUFSZ;
	d->length = (uint16_t)len;
	d->cso = 0;
	d->cmd = WM_TXD_EOP | WM_TXD_IFCS | WM_TXD_RS;
	d->status = 0;
	d->css = 0;
	d->special = 0;
	wm_ring_advance(&sc->tx);
	bus_wmb();
	wr(sc, WM_TDT, sc->tx.tail);
	sc->tx_frames++;
	return 0;
}

static void link_update(struct wm *sc, int report)
{
	int up = (rd(sc, WM_STATUS) & STATUS_LU) != 0;
	if (up == sc->link)
		return;
	sc->link = up;
	if (report) {
		rumpuser_dprintf("%s: link %s\n", sc->name, up ? "up" : "down");
		rumpsdk_netdev_link(&sc->nd, up);
	}
}

/* in the interrupt thread */
static int wm_intr(void *arg)
{
	struct wm *sc = arg;
	uint32_t icr = rd(sc, WM_ICR);  /* reading acknowledges and deasserts */
	if (icr == 0)
		return 0;
	if (icr & INT_LSC)
		link_update(sc, 1);
	/* receive: every descriptor the device has written back, in ring order */
	unsigned last = NRX;
	for (;;) {
		unsigned i = sc->rx.clean;
		struct wm_rx_desc *d = &sc->rxd[i];
		if (!(__atomic_load_n(&d->status, __ATOMIC_ACQUIRE) & WM_RXD_DD))
			break;
		if ((d->status & WM_RXD_EOP) && d->errors == 0 && d->length > 0) {
			sc->rx_frames++;
			rumpsdk_netdev_input(&sc->nd, sc->rxbuf + (size_t)i * BUFSZ, d->length);
		} else {
			sc->rx_errors++;        /* errors, or a frame spanning buffers (not enabled) */
		}
		d->status = 0;
		last = i;
		sc->rx.clean = (i + 1) % NRX;
	}
	if (last != NRX) {
		bus_wmb();
		wr(sc, WM_RDT, last);           /* hand the buffers back */
	}
	return 1;
}

static void set_name(char *dst, const char *base, unsigned unit)
{
	while (*base)
		*dst++ = *base++;
	char digits[10];
	int n = 0;
	do
		digits[n++] = (char)('0' + unit % 10);
	while ((unit /= 10) != 0);
	while (n)
		*dst++ = digits[--n];
	*dst = 0;
}

static int wm_attach(const struct pci_attach_args *pa)
{
	uint64_t bar;
	int is_io, error;
	if ((error = pci_bar(pa, 0, &bar, &is_io)) != 0)
		return error;
	if (is_io)
		return RUMPUSER_ENXIO;
	void *mem;
	if (rumpuser_malloc(sizeof(struct wm), 0, &mem) != 0)
		return RUMPUSER_ENOMEM;
	struct wm *sc = mem;
	__builtin_memset(sc, 0, sizeof *sc);
	set_name(sc->name, "wm", pa->unit);
	if ((sc->regs = rumpcomp_pci_map((unsigned long)bar, REGSIZE)) == NULL)
		return RUMPUSER_ENXIO;
	pci_enable(pa, 0, 1);

	/* quiesce, reset (the bit clears itself when done), quiesce again */
	wr(sc, WM_IMC, 0xffffffffu);
	wr(sc, WM_RCTL, 0);
	wr(sc, WM_TCTL, TCTL_PSP);
	wr(sc, WM_CTRL, rd(sc, WM_CTRL) | CTRL_RST);
	delay_ms(1);
	for (int i = 0; i < 100 && (rd(sc, WM_CTRL) & CTRL_RST); i++)
		delay_ms(1);
	wr(sc, WM_IMC, 0xffffffffu);
	(void)rd(sc, WM_ICR);
	uint32_t ctrl = rd(sc, WM_CTRL);
	ctrl &= ~(CTRL_LRST | CTRL_PHY_RST | CTRL_ILOS | CTRL_VME);
	wr(sc, WM_CTRL, ctrl | CTRL_SLU | CTRL_ASDE);

	if ((error = read_mac(sc)) != 0)
		return error;
	for (int i = 0; i < 128; i++)
		wr(sc, WM_MTA + 4 * i, 0);

	uint64_t rxd_pa, txd_pa;
	sc->rxd = pci_dma_alloc(NRX * sizeof(struct wm_rx_desc), 128, &rxd_pa);
	sc->txd = pci_dma_alloc(NTX * sizeof(struct wm_tx_desc), 128, &txd_pa);
	sc->rxbuf = pci_dma_alloc(NRX * BUFSZ, 64, &sc->rxbuf_pa);
	sc->txbuf = pci_dma_alloc(NTX * BUFSZ, 64, &sc->txbuf_pa);
	if (!sc->rxd || !sc->txd || !sc->rxbuf || !sc->txbuf)
		return RUMPUSER_ENOMEM;
	wm_ring_init(&sc->rx, NRX);
	wm_ring_init(&sc->tx, NTX);

	/* receive: every buffer is the device's; RDT trails RDH by one (ring full, not empty) */
	for (int i = 0; i < NRX; i++)
		sc->rxd[i].addr = sc->rxbuf_pa + (uint64_t)i * BUFSZ;
	wr(sc, WM_RDBAL, (uint32_t)rxd_pa);
	wr(sc, WM_RDBAH, (uint32_t)(rxd_pa >> 32));
	wr(sc, WM_RDLEN, NRX * sizeof(struct wm_rx_desc));
	wr(sc, WM_RDH, 0);
	wr(sc, WM_RDT, NRX - 1);
	wr(sc, WM_RDTR, 0);                     /* interrupt at once, no delay timer */
	wr(sc, WM_RCTL, RCTL_EN | RCTL_BAM | RCTL_SECRC);

	wr(sc, WM_TDBAL, (uint32_t)txd_pa);
	wr(sc, WM_TDBAH, (uint32_t)(txd_pa >> 32));
	wr(sc, WM_TDLEN, NTX * sizeof(struct wm_tx_desc));
	wr(sc, WM_TDH, 0);
	wr(sc, WM_TDT, 0);
	wr(sc, WM_TIPG, 10 | 8u << 10 | 6u << 20);
	wr(sc, WM_TCTL, TCTL_EN | TCTL_PSP | TCTL_CT(0x0f) | TCTL_COLD(0x40));

	unsigned cookie = pa->bus << 8 | pa->dev << 3 | pa->fn;
	if ((error = rumpcomp_pci_irq_map(pa->bus, pa->dev, pa->fn, pa->intrline, cookie)) != 0)
		return error;
	if (rumpcomp_pci_irq_establish(cookie, wm_intr, sc) == NULL)
		return RUMPUSER_ENXIO;
	wr(sc, WM_IMS, INT_RXT0 | INT_RXO | INT_RXDMT0 | INT_LSC);

	sc->link = -1;
	link_update(sc, 0);
	const uint8_t *m = sc->nd.mac;
	rumpuser_dprintf("%s: 8254x (%04x) at pci %02x:%02x.%x irq %d, %02x:%02x:%02x:%02x:%02x:%02x, link %s\n",
	    sc->name, pa->device, pa->bus, pa->dev, pa->fn, pa->intrline,
	    m[0], m[1], m[2], m[3], m[4], m[5], sc->link ? "up" : "down");

	sc->nd.name = sc->name;
	sc->nd.mtu = 1500;
	sc->nd.transmit = wm_transmit;
	sc->nd.softc = sc;
	if ((error = rumpsdk_netdev_attach(&sc->nd)) != 0)
		return error;
	rumpsdk_netdev_link(&sc->nd, sc->link);
	return 0;
}

static const struct rumpsdk_pci_driver wm_driver = { "wm", wm_ids, wm_attach };
RUMPSDK_PCI_DRIVER(wm_driver);
