/*
 * Realtek RTL8169/RTL8111/RTL8168 gigabit and RTL8101/8102 (10ec:8136) fast Ethernet (NetBSD's
 * re): reset, MAC address from IDR0-5, descriptor rings in DMA memory (rtl8169_ring.h),
 * interrupts (INTx) from ISR/IMR, link state from PHYstatus and link-change interrupts.
 * QEMU does not emulate these chips: see README.md for what was checked instead.
 *
 * Uses only the PCI/DMA hypercalls (through drivers/pci.h), rumpuser services and the
 * kernel's netdev interface (rump/netif.h).
 */
#include <rump/rumpuser.h>
#include <rump/netif.h>
#include <drivers/bus.h>
#include <drivers/pci.h>
#include <drivers/name.h>
#include "rtl8169_ring.h"

/* registers (byte offsets in the memory BAR), from the RTL8169/8168 datasheets */
#define RE_IDR0     0x00                /* MAC address, 6 bytes */
#define RE_MAR0     0x08                /* multicast hash, 8 bytes */
#define RE_TNPDS    0x20                /* transmit normal-priority descriptors (64-bit) */
#define RE_CR       0x37                /* command (8-bit) */
#define  CR_TE       (1u << 2)
#define  CR_RE       (1u << 3)
#define  CR_RST      (1u << 4)
#define RE_TPPOLL   0x38                /* transmit poll (8-bit) */
#define  TPPOLL_NPQ  (1u << 6)          /* normal-priority queue has work */
#define RE_IMR      0x3c                /* interrupt mask (16-bit) */
#define RE_ISR      0x3e                /* interrupt status (16-bit, write 1 to clear) */
#define  INT_ROK     (1u << 0)
#define  INT_RER     (1u << 1)
#define  INT_TOK     (1u << 2)
#define  INT_TER     (1u << 3)
#define  INT_RDU     (1u << 4)          /* receive descriptor unavailable */
#define  INT_LINKCHG (1u << 5)
#define  INT_FOVW    (1u << 6)          /* receive FIFO overflow */
#define  INT_SERR    (1u << 15)         /* PCI system error */
#define RE_TCR      0x40                /* transmit configuration (32-bit) */
#define  TCR_MXDMA_UNLIM (7u << 8)
#define  TCR_IFG_STD     (3u << 24)     /* 96-bit inter-frame gap */
#define RE_RCR      0x44                /* receive configuration (32-bit) */
#define  RCR_APM     (1u << 1)          /* frames to our address */
#define  RCR_AM      (1u << 2)          /* multicast (filtered by MAR: all 0) */
#define  RCR_AB      (1u << 3)          /* broadcast */
#define  RCR_MXDMA_UNLIM (7u << 8)
#define  RCR_RXFTH_NONE  (7u << 13)     /* whole frames to memory */
#define RE_9346CR   0x50                /* 93C46 command (8-bit) */
#define  EEM_CONFIG  0xc0               /* configuration registers writable */
#define  EEM_NORMAL  0x00
#define RE_PHYSTATUS 0x6c               /* 8-bit */
#define  PHY_LINK    (1u << 1)
#define  PHY_FULLDUP (1u << 0)
#define  PHY_10M     (1u << 2)
#define  PHY_100M    (1u << 3)
#define  PHY_1000M   (1u << 4)
#define RE_RMS      0xda                /* receive maximum frame size (16-bit) */
#define RE_CPCR     0xe0                /* C+ command (16-bit) */
#define  CPCR_RXVLAN (1u << 6)          /* strip VLAN tags: kept off */
#define RE_RDSAR    0xe4                /* receive descriptors (64-bit) */
#define RE_MTPS     0xec                /* max transmit size / early threshold (8-bit) */

#define REGSIZE  0x100
#define BUFSZ    2048                   /* a multiple of 8, as the receive buffer size must be */
#define MAXRX    1536                   /* RMS: 1518 + a VLAN tag, rounded */
#define NRX      32
#define NTX      32

struct re {
	struct rumpsdk_netdev nd;
	char name[12];
	volatile void *regs;
	struct re_desc *rxd, *txd;
	uint8_t *rxbuf, *txbuf;
	uint64_t rxbuf_pa, txbuf_pa;
	unsigned rx_next;
	struct re_ring tx;
	unsigned long rx_frames, rx_errors, tx_frames, tx_drops;
};

static const struct pci_id re_ids[] = {
	{ 0x10ec, 0x8168 },             /* RTL8111/8168 PCIe gigabit (MinnowBoard MAX/Turbot) */
	{ 0x10ec, 0x8161 },             /* RTL8111/8168 PCIe gigabit, later ID */
	{ 0x10ec, 0x8169 },             /* RTL8169 PCI gigabit */
	{ 0x10ec, 0x8136 },             /* RTL8101E/8102E PCIe fast Ethernet */
	{ 0, 0 },
};

static inline uint8_t rd8(struct re *sc, uint32_t r) { return bus_read8(sc->regs, r); }
static inline uint16_t rd16(struct re *sc, uint32_t r) { return bus_read16(sc->regs, r); }
static inline uint32_t rd32(struct re *sc, uint32_t r) { return bus_read32(sc->regs, r); }
static inline void wr8(struct re *sc, uint32_t r, uint8_t v) { bus_write8(sc->regs, r, v); }
static inline void wr16(struct re *sc, uint32_t r, uint16_t v) { bus_write16(sc->regs, r, v); }
static inline void wr32(struct re *sc, uint32_t r, uint32_t v) { bus_write32(sc->regs, r, v); }

static void delay_ms(int ms)
{
	rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, 0, ms * 1000000L);
}

static int re_transmit(struct rumpsdk_netdev *nd, const void *frame, size_t len)
{
	struct re *sc = nd->softc;
	if (len > BUFSZ)
		return RUMPUSER_EINVAL;
	while (re_ring_busy(&sc->tx) && re_tx_done(&sc->txd[sc->tx.clean]))
		re_ring_clean_one(&sc->tx);
	if (re_ring_full(&sc->tx)) {
		sc->tx_drops++;
		return RUMPUSER_ENOBUFS;
	}
	unsigned i = sc->tx.tail;
	uint8_t *buf = sc->txbuf + (size_t)i * BUFSZ;
	__builtin_memcpy(buf, frame, len);
	if (len < RE_MIN_FRAME) {       /* some of these chips send short frames unpadded */
		__builtin_memset(buf + len, 0, RE_MIN_FRAME - len);
		len = RE_MIN_FRAME;
	}
	re_tx_fill(sc->txd, i, NTX, sc->txbuf_pa + (uint64_t)i * BUFSZ, (unsigned)len);
	re_ring_advance(&sc->tx);
	bus_wmb();
	wr8(sc, RE_TPPOLL, TPPOLL_NPQ);
	sc->tx_frames++;
	return 0;
}

static int link_state(struct re *sc)
{
	return (rd8(sc, RE_PHYSTATUS) & PHY_LINK) != 0;
}

/* in the interrupt thread */
static int re_intr(void *arg)
{
	struct re *sc = arg;
	uint16_t isr = rd16(sc, RE_ISR);
	if (isr == 0 || isr == 0xffff)
		return 0;
	wr16(sc, RE_ISR, isr);          /* acknowledge what we are about to handle */
	if (isr & INT_LINKCHG)
		rumpsdk_netdev_link(&sc->nd, link_state(sc));
	/* receive: every descriptor the NIC has given back, in ring order, then post it again */
	for (;;) {
		unsigned i = sc->rx_next, len;
		int ok;
		if (!re_rx_done(&sc->rxd[i], &len, &ok))
			break;
		if (ok) {
			sc->rx_frames++;
			rumpsdk_netdev_input(&sc->nd, sc->rxbuf + (size_t)i * BUFSZ, len);
		} else {
			sc->rx_errors++;        /* errors, or a frame spanning buffers (RMS < buffer) */
		}
		re_rx_post(sc->rxd, i, NRX, sc->rxbuf_pa + (uint64_t)i * BUFSZ, BUFSZ);
		sc->rx_next = (i + 1) % NRX;
	}
	return 1;
}


/* the registers are in the first memory BAR (BAR1 on the 8169, BAR2, 64-bit, on the 8168) */
static int find_mmio(const struct pci_attach_args *pa, uint64_t *addr)
{
	for (int i = 0; i < 6; i++) {
		uint32_t v = pci_conf_read(pa, PCI_BAR0 + 4 * i);
		int is_io;
		if (!(v & 1) && pci_bar(pa, i, addr, &is_io) == 0)
			return 0;
		if (!(v & 1) && (v & 6) == 4)
			i++;            /* skip the top half of a 64-bit BAR */
	}
	return RUMPUSER_ENXIO;
}

static int re_attach(const struct pci_attach_args *pa)
{
	uint64_t bar;
	int error;
	if ((error = find_mmio(pa, &bar)) != 0)
		return error;
	void *mem;
	if (rumpuser_malloc(sizeof(struct re), 0, &mem) != 0)
		return RUMPUSER_ENOMEM;
	struct re *sc = mem;
	__builtin_memset(sc, 0, sizeof *sc);
	drv_unit_name(sc->name, "re", pa->unit);
	if ((sc->regs = rumpcomp_pci_map((unsigned long)bar, REGSIZE)) == NULL)
		return RUMPUSER_ENXIO;
	pci_enable(pa, 0, 1);

	/* quiesce and reset (the bit clears itself when done) */
	wr16(sc, RE_IMR, 0);
	wr16(sc, RE_ISR, 0xffff);
	wr8(sc, RE_CR, CR_RST);
	for (int i = 0; i < 100 && (rd8(sc, RE_CR) & CR_RST); i++)
		delay_ms(1);
	if (rd8(sc, RE_CR) & CR_RST)
		return RUMPUSER_ETIMEDOUT;

	for (int i = 0; i < 6; i++)
		sc->nd.mac[i] = rd8(sc, RE_IDR0 + i);

	uint64_t rxd_pa, txd_pa;
	sc->rxd = pci_dma_alloc(NRX * sizeof(struct re_desc), 256, &rxd_pa);
	sc->txd = pci_dma_alloc(NTX * sizeof(struct re_desc), 256, &txd_pa);
	sc->rxbuf = pci_dma_alloc(NRX * BUFSZ, 64, &sc->rxbuf_pa);
	sc->txbuf = pci_dma_alloc(NTX * BUFSZ, 64, &sc->txbuf_pa);
	if (!sc->rxd || !sc->txd || !sc->rxbuf || !sc->txbuf)
		return RUMPUSER_ENOMEM;
	for (unsigned i = 0; i < NRX; i++)
		re_rx_post(sc->rxd, i, NRX, sc->rxbuf_pa + (uint64_t)i * BUFSZ, BUFSZ);
	/* an empty transmit ring still marks its end: EOR on the last descriptor, OWN clear */
	sc->txd[NTX - 1].opts1 = RE_EOR;
	re_ring_init(&sc->tx, NTX);
	bus_wmb();

	wr8(sc, RE_9346CR, EEM_CONFIG);         /* unlock the configuration registers */
	wr16(sc, RE_CPCR, (uint16_t)(rd16(sc, RE_CPCR) & ~CPCR_RXVLAN));
	wr16(sc, RE_RMS, MAXRX);
	wr8(sc, RE_MTPS, 0x3f);                 /* whole frames (the largest unit count) */
	wr32(sc, RE_TNPDS, (uint32_t)txd_pa);
	wr32(sc, RE_TNPDS + 4, (uint32_t)(txd_pa >> 32));
	wr32(sc, RE_RDSAR, (uint32_t)rxd_pa);
	wr32(sc, RE_RDSAR + 4, (uint32_t)(rxd_pa >> 32));
	wr32(sc, RE_MAR0, 0);
	wr32(sc, RE_MAR0 + 4, 0);
	/* some chips take TCR/RCR only with the transmitter and receiver on: enable first */
	wr8(sc, RE_CR, CR_TE | CR_RE);
	wr32(sc, RE_TCR, TCR_IFG_STD | TCR_MXDMA_UNLIM);
	wr32(sc, RE_RCR, RCR_RXFTH_NONE | RCR_MXDMA_UNLIM | RCR_AB | RCR_AM | RCR_APM);
	wr8(sc, RE_9346CR, EEM_NORMAL);

	unsigned cookie = pa->bus << 8 | pa->dev << 3 | pa->fn;
	if ((error = rumpcomp_pci_irq_map(pa->bus, pa->dev, pa->fn, pa->intrline, cookie)) != 0)
		return error;
	if (rumpcomp_pci_irq_establish(cookie, re_intr, sc) == NULL)
		return RUMPUSER_ENXIO;
	(void)rd32(sc, RE_TCR);                 /* flush posted writes */
	wr16(sc, RE_ISR, 0xffff);
	wr16(sc, RE_IMR, INT_ROK | INT_RER | INT_RDU | INT_FOVW | INT_LINKCHG | INT_SERR);

	int link = link_state(sc);
	const uint8_t *m = sc->nd.mac;
	rumpuser_dprintf("%s: RTL81xx (%04x) at pci %02x:%02x.%x irq %d, %02x:%02x:%02x:%02x:%02x:%02x, link %s\n",
	    sc->name, pa->device, pa->bus, pa->dev, pa->fn, pa->intrline,
	    m[0], m[1], m[2], m[3], m[4], m[5], link ? "up" : "down");

	sc->nd.name = sc->name;
	sc->nd.mtu = 1500;
	sc->nd.transmit = re_transmit;
	sc->nd.softc = sc;
	if ((error = rumpsdk_netdev_attach(&sc->nd)) != 0)
		return error;
	rumpsdk_netdev_link(&sc->nd, link);
	return 0;
}

static const struct rumpsdk_pci_driver re_driver = { "re", re_ids, re_attach };
RUMPSDK_PCI_DRIVER(re_driver);
