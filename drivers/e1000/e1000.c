/*
 * Intel gigabit Ethernet (NetBSD's wm): the 8254x ("e1000": QEMU -device e1000), the 82574L
 * ("e1000e": QEMU -device e1000e) and the I210/I211 ("igb"), one driver with the differences in
 * a per-chip table: reset, where the MAC address comes from (RAL/RAH or the NVM through EERD,
 * whose layout differs), the interrupt registers, the PHY power-up, and the receive/transmit
 * queue registers and descriptor format (legacy on 8254x/82574, advanced on I210).
 *
 * Uses only the PCI/DMA hypercalls (through drivers/pci.h), rumpuser services and the
 * kernel's netdev interface (rump/netif.h).
 */
#include <rump/rumpuser.h>
#include <rump/netif.h>
#include <drivers/bus.h>
#include <drivers/pci.h>
#include <drivers/name.h>
#include "e1000_ring.h"

/* registers (byte offsets in BAR0); common to all three families unless marked */
#define WM_CTRL   0x0000
#define  CTRL_GIO_MASTER_DISABLE (1u << 2)      /* 82574, I210 */
#define  CTRL_LRST   (1u << 3)
#define  CTRL_ASDE   (1u << 5)
#define  CTRL_SLU    (1u << 6)
#define  CTRL_ILOS   (1u << 7)
#define  CTRL_FRCSPD (1u << 11)
#define  CTRL_FRCDPLX (1u << 12)
#define  CTRL_RST    (1u << 26)
#define  CTRL_VME    (1u << 30)
#define  CTRL_PHY_RST (1u << 31)
#define WM_STATUS 0x0008
#define  STATUS_LU   (1u << 1)
#define  STATUS_GIO_MASTER_EN (1u << 19)        /* 82574, I210 */
#define WM_EEC_82574 0x0010                     /* EEPROM/flash control; I210: 0x12010 */
#define WM_EEC_I210  0x12010
#define  EEC_AUTO_RD (1u << 9)                  /* NVM auto-read done */
#define WM_EERD   0x0014                        /* I210: 0x12014 */
#define WM_EERD_I210 0x12014
#define WM_CTRL_EXT 0x0018
#define  CTRL_EXT_DRV_LOAD (1u << 28)           /* 82574, I210: a driver owns the device */
#define WM_MDIC   0x0020
#define  MDIC_DATA(x) ((uint32_t)(x) & 0xffff)
#define  MDIC_REG(r) ((uint32_t)(r) << 16)
#define  MDIC_PHY(p) ((uint32_t)(p) << 21)
#define  MDIC_OP_WRITE (1u << 26)
#define  MDIC_OP_READ  (2u << 26)
#define  MDIC_READY  (1u << 28)
#define  MDIC_ERROR  (1u << 30)
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
#define WM_MTA    0x5200                /* 128 registers */
#define WM_RAL0   0x5400
#define WM_RAH0   0x5404
#define  RAH_AV      (1u << 31)

/* interrupt cause/mask: 8254x and 82574 */
#define WM_ICR    0x00c0                /* read clears */
#define WM_IMS    0x00d0
#define WM_IMC    0x00d8
/* I210: the same registers moved, plus the extended (queue) causes */
#define IGB_ICR   0x1500
#define IGB_IMS   0x1508
#define IGB_IMC   0x150c
#define IGB_EIMS  0x1524
#define IGB_EIMC  0x1528
#define IGB_EIAC  0x152c
#define IGB_EIAM  0x1530
#define IGB_EICR  0x1580                /* non-MSI-X mode: read clears */
#define IGB_IVAR0 0x1700
#define  IVAR_RX0_EICR0 (0u | 0x80u)    /* INT_Alloc[0] = EICR bit 0, valid */
#define  INT_TXDW    (1u << 0)
#define  INT_LSC     (1u << 2)
#define  INT_RXDMT0  (1u << 4)
#define  INT_RXO     (1u << 6)
#define  INT_RXT0    (1u << 7)          /* I210: RXDW, receive descriptor written back */

/* queue 0: 8254x/82574 (also aliases on I210) */
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
/* queue 0: I210 */
#define IGB_RDBAL  0xc000
#define IGB_RDBAH  0xc004
#define IGB_RDLEN  0xc008
#define IGB_SRRCTL 0xc00c
#define  SRRCTL_BSIZEPKT_2K   2u                /* packet buffer, 1 KiB units (bits 6:0) */
#define  SRRCTL_BSIZEHDR_256  (4u << 8)         /* header buffer, 64-byte units (unused) */
#define  SRRCTL_DESC_ADV1BUF  (1u << 25)        /* DESCTYPE 001b: advanced, one buffer */
#define  SRRCTL_DROP_EN       (1u << 31)
#define IGB_RDH    0xc010
#define IGB_RDT    0xc018
#define IGB_RXDCTL 0xc028
#define IGB_TDBAL  0xe000
#define IGB_TDBAH  0xe004
#define IGB_TDLEN  0xe008
#define IGB_TDH    0xe010
#define IGB_TDT    0xe018
#define IGB_TXDCTL 0xe028
#define  XDCTL_ENABLE (1u << 25)                /* RXDCTL/TXDCTL: queue enable */

/* PHY (MII registers, through MDIC) */
#define PHY_ADDR   1                    /* the internal PHY of the 82574 and I210 */
#define MII_BMCR   0
#define  BMCR_RESTART_AN (1u << 9)
#define  BMCR_PDOWN      (1u << 11)
#define  BMCR_AUTOEN     (1u << 12)

#define REGSIZE  0x20000                /* BAR0: 128 KiB */
#define BUFSZ    2048
#define NRX      32                     /* multiples of 8: ring lengths are multiples of 128 bytes */
#define NTX      32

enum wm_family { WM_8254X, WM_82574, WM_I210 };

struct wm_chip {
	uint16_t device;
	enum wm_family family;
	const char *name;
};

static const struct wm_chip wm_chips[] = {
	{ 0x100e, WM_8254X, "82540EM" },        /* QEMU -device e1000 */
	{ 0x100f, WM_8254X, "82545EM" },        /* QEMU -device e1000-82545em */
	{ 0x10d3, WM_82574, "82574L" },         /* QEMU -device e1000e */
	{ 0x1533, WM_I210, "I210" },            /* copper */
	{ 0x1536, WM_I210, "I210" },            /* fiber */
	{ 0x1537, WM_I210, "I210" },            /* SerDes */
	{ 0x1538, WM_I210, "I210" },            /* SGMII */
	{ 0x157b, WM_I210, "I210" },            /* copper, flash-less */
	{ 0x157c, WM_I210, "I210" },            /* SerDes, flash-less */
	{ 0x1539, WM_I210, "I211" },            /* copper, iNVM */
	{ 0, 0, 0 },
};

static const struct pci_id wm_ids[] = {
	{ 0x8086, 0x100e }, { 0x8086, 0x100f }, { 0x8086, 0x10d3 },
	{ 0x8086, 0x1533 }, { 0x8086, 0x1536 }, { 0x8086, 0x1537 }, { 0x8086, 0x1538 },
	{ 0x8086, 0x157b }, { 0x8086, 0x157c }, { 0x8086, 0x1539 },
	{ 0, 0 },
};

/* where a family keeps its registers */
struct wm_regs {
	uint32_t icr, ims, imc, eerd;
	unsigned eerd_shift, eerd_done;
	uint32_t rdbal, rdbah, rdlen, rdh, rdt, tdbal, tdbah, tdlen, tdh, tdt;
};
static const struct wm_regs regs_8254x = {
	WM_ICR, WM_IMS, WM_IMC, WM_EERD, 8, 1u << 4,
	WM_RDBAL, WM_RDBAH, WM_RDLEN, WM_RDH, WM_RDT, WM_TDBAL, WM_TDBAH, WM_TDLEN, WM_TDH, WM_TDT,
};
static const struct wm_regs regs_82574 = {
	WM_ICR, WM_IMS, WM_IMC, WM_EERD, 2, 1u << 1,
	WM_RDBAL, WM_RDBAH, WM_RDLEN, WM_RDH, WM_RDT, WM_TDBAL, WM_TDBAH, WM_TDLEN, WM_TDH, WM_TDT,
};
static const struct wm_regs regs_i210 = {
	IGB_ICR, IGB_IMS, IGB_IMC, WM_EERD_I210, 2, 1u << 1,
	IGB_RDBAL, IGB_RDBAH, IGB_RDLEN, IGB_RDH, IGB_RDT, IGB_TDBAL, IGB_TDBAH, IGB_TDLEN, IGB_TDH, IGB_TDT,
};

struct wm {
	struct rumpsdk_netdev nd;
	char name[12];
	volatile void *regs;
	const struct wm_chip *chip;
	const struct wm_regs *r;
	int adv;                        /* advanced descriptors (I210) */
	union wm_rxd *rxd;
	union wm_txd *txd;
	uint8_t *rxbuf, *txbuf;
	uint64_t rxbuf_pa, txbuf_pa;
	struct wm_ring rx, tx;
	unsigned long rx_frames, rx_errors, tx_frames, tx_drops;
};

static inline uint32_t rd(struct wm *sc, uint32_t r) { return bus_read32(sc->regs, r); }
static inline void wr(struct wm *sc, uint32_t r, uint32_t v) { bus_write32(sc->regs, r, v); }

static void delay_ms(int ms)
{
	rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, 0, ms * 1000000L);
}

/* poll until (reg & mask) == want, up to ms milliseconds; 0 when reached */
static int wait_reg(struct wm *sc, uint32_t reg, uint32_t mask, uint32_t want, int ms)
{
	for (int i = 0; i <= ms; i++) {
		if ((rd(sc, reg) & mask) == want)
			return 0;
		delay_ms(1);
	}
	return RUMPUSER_ETIMEDOUT;
}

static int eeprom_word(struct wm *sc, unsigned addr, uint16_t *w)
{
	wr(sc, sc->r->eerd, addr << sc->r->eerd_shift | 1u /* START */);
	for (int i = 0; i < 10000; i++) {
		uint32_t v = rd(sc, sc->r->eerd);
		if (v & sc->r->eerd_done) {
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

static int mdic(struct wm *sc, uint32_t cmd, uint16_t *data)
{
	wr(sc, WM_MDIC, cmd);
	for (int i = 0; i < 1000; i++) {
		uint32_t v = rd(sc, WM_MDIC);
		if (v & MDIC_READY) {
			if (v & MDIC_ERROR)
				return RUMPUSER_EIO;
			if (data)
				*data = (uint16_t)v;
			return 0;
		}
	}
	return RUMPUSER_ETIMEDOUT;
}

/* 82574/I210: make sure the internal PHY is powered and auto-negotiating */
static void phy_power_up(struct wm *sc)
{
	uint16_t bmcr;
	if (mdic(sc, MDIC_OP_READ | MDIC_PHY(PHY_ADDR) | MDIC_REG(MII_BMCR), &bmcr) != 0)
		return;
	if ((bmcr & BMCR_PDOWN) || !(bmcr & BMCR_AUTOEN)) {
		bmcr = (uint16_t)((bmcr & ~BMCR_PDOWN) | BMCR_AUTOEN | BMCR_RESTART_AN);
		(void)mdic(sc, MDIC_OP_WRITE | MDIC_PHY(PHY_ADDR) | MDIC_REG(MII_BMCR) | MDIC_DATA(bmcr), NULL);
	}
}

static int wm_transmit(struct rumpsdk_netdev *nd, const void *frame, size_t len)
{
	struct wm *sc = nd->softc;
	if (len > BUFSZ)
		return RUMPUSER_EINVAL;
	while (wm_ring_busy(&sc->tx) && wm_txd_done(&sc->txd[sc->tx.clean], sc->adv))
		wm_ring_clean_one(&sc->tx);
	if (wm_ring_full(&sc->tx)) {
		sc->tx_drops++;
		return RUMPUSER_ENOBUFS;
	}
	unsigned i = sc->tx.tail;
	__builtin_memcpy(sc->txbuf + (size_t)i * BUFSZ, frame, len);
	wm_txd_fill(&sc->txd[i], sc->txbuf_pa + (uint64_t)i * BUFSZ, (unsigned)len, sc->adv);
	wm_ring_advance(&sc->tx);
	bus_wmb();
	wr(sc, sc->r->tdt, sc->tx.tail);
	sc->tx_frames++;
	return 0;
}

static int link_state(struct wm *sc)
{
	return (rd(sc, WM_STATUS) & STATUS_LU) != 0;
}

/* in the interrupt thread */
static int wm_intr(void *arg)
{
	struct wm *sc = arg;
	uint32_t eicr = sc->chip->family == WM_I210 ? rd(sc, IGB_EICR) : 0;
	uint32_t icr = rd(sc, sc->r->icr);      /* reading acknowledges and deasserts */
	if (icr == 0 && eicr == 0)
		return 0;
	if (icr & INT_LSC)
		rumpsdk_netdev_link(&sc->nd, link_state(sc));
	/* receive: every descriptor the device has written back, in ring order */
	unsigned last = NRX;
	for (;;) {
		unsigned i = sc->rx.clean, len;
		int ok;
		if (!wm_rxd_done(&sc->rxd[i], sc->adv, &len, &ok))
			break;
		if (ok) {
			sc->rx_frames++;
			rumpsdk_netdev_input(&sc->nd, sc->rxbuf + (size_t)i * BUFSZ, len);
		} else {
			sc->rx_errors++;        /* errors, or a frame spanning buffers (not enabled) */
		}
		wm_rxd_post(&sc->rxd[i], sc->rxbuf_pa + (uint64_t)i * BUFSZ, sc->adv);
		last = i;
		sc->rx.clean = (i + 1) % NRX;
	}
	if (last != NRX) {
		bus_wmb();
		wr(sc, sc->r->rdt, last);       /* hand the buffers back */
	}
	return 1;
}


static void mask_all(struct wm *sc)
{
	wr(sc, sc->r->imc, 0xffffffffu);
	if (sc->chip->family == WM_I210) {
		wr(sc, IGB_EIMC, 0xffffffffu);
		(void)rd(sc, IGB_EICR);
	}
	(void)rd(sc, sc->r->icr);
}

/* quiesce, reset (the bit clears itself when done), quiesce again */
static void wm_reset(struct wm *sc)
{
	enum wm_family f = sc->chip->family;
	mask_all(sc);
	wr(sc, WM_RCTL, 0);
	wr(sc, WM_TCTL, TCTL_PSP);
	if (f != WM_8254X) {
		/* PCIe parts: stop bus mastering before the reset, as the datasheets ask */
		wr(sc, WM_CTRL, rd(sc, WM_CTRL) | CTRL_GIO_MASTER_DISABLE);
		(void)wait_reg(sc, WM_STATUS, STATUS_GIO_MASTER_EN, 0, 10);
	}
	wr(sc, WM_CTRL, rd(sc, WM_CTRL) | CTRL_RST);
	delay_ms(1);
	(void)wait_reg(sc, WM_CTRL, CTRL_RST, 0, 100);
	if (f != WM_8254X)      /* the NVM is read again after a reset (MAC address, PHY setup) */
		(void)wait_reg(sc, f == WM_I210 ? WM_EEC_I210 : WM_EEC_82574, EEC_AUTO_RD, EEC_AUTO_RD, 20);
	mask_all(sc);
	uint32_t ctrl = rd(sc, WM_CTRL);
	ctrl &= ~(CTRL_LRST | CTRL_PHY_RST | CTRL_ILOS | CTRL_VME | CTRL_FRCSPD | CTRL_FRCDPLX |
	    CTRL_GIO_MASTER_DISABLE);
	wr(sc, WM_CTRL, ctrl | CTRL_SLU | CTRL_ASDE);
	if (f != WM_8254X) {
		wr(sc, WM_CTRL_EXT, rd(sc, WM_CTRL_EXT) | CTRL_EXT_DRV_LOAD);
		phy_power_up(sc);
	}
}

static void rx_init(struct wm *sc, uint64_t rxd_pa)
{
	const struct wm_regs *r = sc->r;
	for (int i = 0; i < NRX; i++)
		wm_rxd_post(&sc->rxd[i], sc->rxbuf_pa + (uint64_t)i * BUFSZ, sc->adv);
	if (sc->adv)
		wr(sc, IGB_RXDCTL, 0);  /* the ring registers are written with the queue off */
	wr(sc, r->rdbal, (uint32_t)rxd_pa);
	wr(sc, r->rdbah, (uint32_t)(rxd_pa >> 32));
	wr(sc, r->rdlen, NRX * sizeof(union wm_rxd));
	wr(sc, r->rdh, 0);
	if (sc->adv) {
		wr(sc, IGB_SRRCTL, SRRCTL_BSIZEPKT_2K | SRRCTL_BSIZEHDR_256 | SRRCTL_DESC_ADV1BUF |
		    SRRCTL_DROP_EN);
		wr(sc, IGB_RXDCTL, XDCTL_ENABLE);
		(void)wait_reg(sc, IGB_RXDCTL, XDCTL_ENABLE, XDCTL_ENABLE, 10);
	} else {
		wr(sc, WM_RDTR, 0);             /* interrupt at once, no delay timer */
	}
	/* every buffer is the device's: RDT trails RDH by one (ring full, not empty) */
	wr(sc, r->rdt, NRX - 1);
	wr(sc, WM_RCTL, RCTL_EN | RCTL_BAM | RCTL_SECRC);
}

static void tx_init(struct wm *sc, uint64_t txd_pa)
{
	const struct wm_regs *r = sc->r;
	if (sc->adv)
		wr(sc, IGB_TXDCTL, 0);
	wr(sc, r->tdbal, (uint32_t)txd_pa);
	wr(sc, r->tdbah, (uint32_t)(txd_pa >> 32));
	wr(sc, r->tdlen, NTX * sizeof(union wm_txd));
	wr(sc, r->tdh, 0);
	wr(sc, r->tdt, 0);
	if (sc->adv) {
		wr(sc, IGB_TXDCTL, XDCTL_ENABLE);       /* thresholds 0: write back each RS */
		(void)wait_reg(sc, IGB_TXDCTL, XDCTL_ENABLE, XDCTL_ENABLE, 10);
	}
	wr(sc, WM_TIPG, 10 | 8u << 10 | 6u << 20);
	wr(sc, WM_TCTL, TCTL_EN | TCTL_PSP | TCTL_CT(0x0f) | TCTL_COLD(0x40));
}

static void intr_enable(struct wm *sc)
{
	if (sc->chip->family == WM_I210) {
		/* INTx: queue 0's receive events also in EICR bit 0 (IVAR), the rest through ICR
		 * ("other cause", EICR bit 31); no auto-clear/auto-mask (MSI-X only) */
		wr(sc, IGB_EIAC, 0);
		wr(sc, IGB_EIAM, 0);
		wr(sc, IGB_IVAR0, IVAR_RX0_EICR0);
		wr(sc, IGB_EIMS, 1u | 1u << 31);
	}
	wr(sc, sc->r->ims, INT_RXT0 | INT_RXO | INT_RXDMT0 | INT_LSC);
}

static int wm_attach(const struct pci_attach_args *pa)
{
	const struct wm_chip *chip = wm_chips;
	while (chip->device && chip->device != pa->device)
		chip++;
	if (!chip->device)
		return RUMPUSER_ENXIO;
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
	sc->chip = chip;
	sc->r = chip->family == WM_I210 ? &regs_i210 : chip->family == WM_82574 ? &regs_82574 : &regs_8254x;
	sc->adv = chip->family == WM_I210;
	drv_unit_name(sc->name, "wm", pa->unit);
	if ((sc->regs = rumpcomp_pci_map((unsigned long)bar, REGSIZE)) == NULL)
		return RUMPUSER_ENXIO;
	pci_enable(pa, 0, 1);

	wm_reset(sc);
	if ((error = read_mac(sc)) != 0)
		return error;
	for (int i = 0; i < 128; i++)
		wr(sc, WM_MTA + 4 * i, 0);

	uint64_t rxd_pa, txd_pa;
	sc->rxd = pci_dma_alloc(NRX * sizeof(union wm_rxd), 128, &rxd_pa);
	sc->txd = pci_dma_alloc(NTX * sizeof(union wm_txd), 128, &txd_pa);
	sc->rxbuf = pci_dma_alloc(NRX * BUFSZ, 64, &sc->rxbuf_pa);
	sc->txbuf = pci_dma_alloc(NTX * BUFSZ, 64, &sc->txbuf_pa);
	if (!sc->rxd || !sc->txd || !sc->rxbuf || !sc->txbuf)
		return RUMPUSER_ENOMEM;
	wm_ring_init(&sc->rx, NRX);
	wm_ring_init(&sc->tx, NTX);
	rx_init(sc, rxd_pa);
	tx_init(sc, txd_pa);

	unsigned cookie = pa->bus << 8 | pa->dev << 3 | pa->fn;
	if ((error = rumpcomp_pci_irq_map(pa->bus, pa->dev, pa->fn, pa->intrline, cookie)) != 0)
		return error;
	if (rumpcomp_pci_irq_establish(cookie, wm_intr, sc) == NULL)
		return RUMPUSER_ENXIO;
	intr_enable(sc);

	int link = link_state(sc);
	const uint8_t *m = sc->nd.mac;
	rumpuser_dprintf("%s: %s (%04x) at pci %02x:%02x.%x irq %d, %02x:%02x:%02x:%02x:%02x:%02x, link %s\n",
	    sc->name, chip->name, pa->device, pa->bus, pa->dev, pa->fn, pa->intrline,
	    m[0], m[1], m[2], m[3], m[4], m[5], link ? "up" : "down");

	sc->nd.name = sc->name;
	sc->nd.mtu = 1500;
	sc->nd.transmit = wm_transmit;
	sc->nd.softc = sc;
	if ((error = rumpsdk_netdev_attach(&sc->nd)) != 0)
		return error;
	rumpsdk_netdev_link(&sc->nd, link);
	return 0;
}

static const struct rumpsdk_pci_driver wm_driver = { "wm", wm_ids, wm_attach };
RUMPSDK_PCI_DRIVER(wm_driver);
