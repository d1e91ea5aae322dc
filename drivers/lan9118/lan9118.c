/*
 * SMSC LAN9118 family (LAN9118/9218/9220/9221: the same register map) on a board's own bus:
 * 32-bit memory-mapped registers, programmed-I/O FIFOs (no DMA), the internal PHY at MII
 * address 1. Interrupt driven: the receive-status FIFO level and PHY events raise the line,
 * which the handler (in core's interrupt thread) drains. Register offsets and bit names from
 * the SMSC LAN9118 datasheet.
 *
 * Uses only hypercalls (rumpcomp_pci_map, the interrupt hypercalls through board_irq_establish,
 * rumpuser console/random) and the kernel's netdev interface (rump/netif.h).
 */
#include <rump/rumpuser.h>
#include <rump/netif.h>
#include <drivers/board.h>
#include <drivers/name.h>
#include <drivers/bus.h>

/* system control and status registers (byte offsets) */
#define RX_DATA_FIFO    0x00
#define TX_DATA_FIFO    0x20
#define RX_STATUS_FIFO  0x40
#define TX_STATUS_FIFO  0x48
#define ID_REV          0x50
#define IRQ_CFG         0x54
#define INT_STS         0x58
#define INT_EN          0x5c
#define BYTE_TEST       0x64
#define FIFO_INT        0x68
#define RX_CFG          0x6c
#define TX_CFG          0x70
#define HW_CFG          0x74
#define RX_FIFO_INF     0x7c
#define TX_FIFO_INF     0x80
#define PMT_CTRL        0x84
#define GPIO_CFG        0x88
#define MAC_CSR_CMD     0xa4
#define MAC_CSR_DATA    0xa8

#define BYTE_TEST_VALUE 0x87654321u
#define IRQ_CFG_IRQ_EN  (1u << 8)
#define IRQ_CFG_IRQ_POL (1u << 4)       /* 1: active high */
#define IRQ_CFG_IRQ_TYPE (1u << 0)      /* 1: push-pull */
#define INT_PHY         (1u << 18)
#define INT_RXE         (1u << 14)
#define INT_RSFL        (1u << 3)       /* RX status FIFO above FIFO_INT's level */
#define HW_CFG_SRST     (1u << 0)
#define HW_CFG_MBO      (1u << 20)      /* must be one */
#define HW_CFG_TX_FIF_5K (5u << 16)     /* TX FIFO 5 KiB, RX FIFO the rest */
#define PMT_CTRL_READY  (1u << 0)
#define TX_CFG_TX_ON    (1u << 1)
#define TX_CFG_TXSAO    (1u << 2)       /* TX status FIFO may overrun: statuses are optional */
#define GPIO_CFG_LEDS   (7u << 28)      /* the three LED outputs: speed, link/activity, duplex */
#define MAC_CSR_BUSY    (1u << 31)
#define MAC_CSR_READ    (1u << 30)

/* TX command words */
#define TXA_FIRST_SEG   (1u << 13)
#define TXA_LAST_SEG    (1u << 12)
/* RX status word */
#define RXS_LENGTH(s)   (((s) >> 16) & 0x3fff)  /* with the 4-byte FCS */
#define RXS_ERROR       (1u << 15)
#define TXS_ERROR       (1u << 15)

/* MAC control and status registers (through MAC_CSR_CMD/DATA) */
#define MAC_CR          1
#define MAC_ADDRH       2
#define MAC_ADDRL       3
#define MAC_MII_ACC     6
#define MAC_MII_DATA    7
#define MAC_CR_FDPX     (1u << 20)
#define MAC_CR_TXEN     (1u << 3)
#define MAC_CR_RXEN     (1u << 2)
#define MII_BUSY        (1u << 0)
#define MII_WRITE       (1u << 1)
#define PHY_ADDR        1

/* PHY registers (IEEE 802.3 clause 22, plus the LAN9118's interrupt registers) */
#define PHY_BMCR        0
#define PHY_BMSR        1
#define PHY_INT_SRC     29
#define PHY_INT_MASK    30
#define BMCR_ANENABLE   (1u << 12)
#define BMCR_ANRESTART  (1u << 9)
#define BMSR_LINK       (1u << 2)
#define PHY_INT_ANEG_DONE (1u << 6)
#define PHY_INT_LINK_DOWN (1u << 4)

#define MAX_FRAME       1518            /* with the FCS */
#define POLL_LIMIT      100000          /* register polls before a device counts as stuck */

struct smsh {
	struct rumpsdk_netdev nd;
	char name[12];
	volatile void *regs;
	uint16_t tx_tag;
	unsigned long rx_frames, rx_errors, tx_frames, tx_errors, tx_drops;
	uint32_t rxbuf[(MAX_FRAME + 3) / 4];
};

static uint32_t rd(struct smsh *sc, uint32_t off) { return bus_read32(sc->regs, off); }
static void wr(struct smsh *sc, uint32_t off, uint32_t v) { bus_write32(sc->regs, off, v); }

/* wait until (reg & mask) == want; 0, or ETIMEDOUT */
static int wait_reg(struct smsh *sc, uint32_t off, uint32_t mask, uint32_t want)
{
	for (int i = 0; i < POLL_LIMIT; i++)
		if ((rd(sc, off) & mask) == want)
			return 0;
	return RUMPUSER_ETIMEDOUT;
}

static uint32_t mac_read(struct smsh *sc, unsigned reg)
{
	wait_reg(sc, MAC_CSR_CMD, MAC_CSR_BUSY, 0);
	wr(sc, MAC_CSR_CMD, MAC_CSR_BUSY | MAC_CSR_READ | reg);
	wait_reg(sc, MAC_CSR_CMD, MAC_CSR_BUSY, 0);
	return rd(sc, MAC_CSR_DATA);
}

static void mac_write(struct smsh *sc, unsigned reg, uint32_t v)
{
	wait_reg(sc, MAC_CSR_CMD, MAC_CSR_BUSY, 0);
	wr(sc, MAC_CSR_DATA, v);
	wr(sc, MAC_CSR_CMD, MAC_CSR_BUSY | reg);
	wait_reg(sc, MAC_CSR_CMD, MAC_CSR_BUSY, 0);
}

static void mii_wait(struct smsh *sc)
{
	for (int i = 0; i < POLL_LIMIT && (mac_read(sc, MAC_MII_ACC) & MII_BUSY); i++)
		;
}

static uint16_t phy_read(struct smsh *sc, unsigned reg)
{
	mii_wait(sc);
	mac_write(sc, MAC_MII_ACC, PHY_ADDR << 11 | reg << 6 | MII_BUSY);
	mii_wait(sc);
	return (uint16_t)mac_read(sc, MAC_MII_DATA);
}

static void phy_write(struct smsh *sc, unsigned reg, uint16_t v)
{
	mii_wait(sc);
	mac_write(sc, MAC_MII_DATA, v);
	mac_write(sc, MAC_MII_ACC, PHY_ADDR << 11 | reg << 6 | MII_WRITE | MII_BUSY);
	mii_wait(sc);
}

static int link_state(struct smsh *sc)
{
	return (phy_read(sc, PHY_BMSR) & BMSR_LINK) != 0;
}

/* the TX status FIFO: one word per frame sent, read only to count errors */
static void tx_status_drain(struct smsh *sc)
{
	for (unsigned n = (rd(sc, TX_FIFO_INF) >> 16) & 0xff; n; n--)
		if (rd(sc, TX_STATUS_FIFO) & TXS_ERROR)
			sc->tx_errors++;
}

static int smsh_transmit(struct rumpsdk_netdev *nd, const void *frame, size_t len)
{
	struct smsh *sc = nd->softc;
	const uint8_t *p = frame;
	size_t words = (len + 3) / 4;

	if (len < 14 || len > MAX_FRAME - 4)
		return RUMPUSER_EINVAL;
	tx_status_drain(sc);
	/* room for the two command words and the data (TDFREE, bytes): the FIFO drains at wire speed */
	for (int i = 0; (rd(sc, TX_FIFO_INF) & 0xffff) < words * 4 + 8; i++) {
		if (i == POLL_LIMIT) {
			sc->tx_drops++;
			return RUMPUSER_ENOBUFS;
		}
	}
	/* one buffer, first and last segment, no offset, no end padding; B: a tag and the frame length */
	wr(sc, TX_DATA_FIFO, TXA_FIRST_SEG | TXA_LAST_SEG | (uint32_t)len);
	wr(sc, TX_DATA_FIFO, (uint32_t)sc->tx_tag++ << 16 | (uint32_t)len);
	/* the FIFO takes little-endian words: byte 0 of the frame in bits 7:0 */
	for (size_t i = 0; i + 4 <= len; i += 4)
		wr(sc, TX_DATA_FIFO, (uint32_t)p[i] | (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16 | (uint32_t)p[i + 3] << 24);
	if (len & 3) {
		uint32_t w = 0;
		for (size_t i = len & ~(size_t)3, s = 0; i < len; i++, s += 8)
			w |= (uint32_t)p[i] << s;
		wr(sc, TX_DATA_FIFO, w);
	}
	sc->tx_frames++;
	return 0;
}

/* one frame from the RX FIFOs: its status word, then its data words (the frame and its FCS) */
static void rx_frame(struct smsh *sc)
{
	uint32_t status = rd(sc, RX_STATUS_FIFO);
	size_t len = RXS_LENGTH(status);
	size_t words = (len + 3) / 4;

	if ((status & RXS_ERROR) || len < 14 + 4 || len > MAX_FRAME) {
		sc->rx_errors++;
		for (; words; words--)          /* read and discard: keeps the data FIFO in step */
			(void)rd(sc, RX_DATA_FIFO);
		return;
	}
	for (size_t i = 0; i < words; i++)
		sc->rxbuf[i] = rd(sc, RX_DATA_FIFO);
	/* the words hold the bytes little-endian, as on this CPU */
	sc->rx_frames++;
	rumpsdk_netdev_input(&sc->nd, sc->rxbuf, len - 4);
}

/* in the interrupt thread */
static int smsh_intr(void *arg)
{
	struct smsh *sc = arg;
	uint32_t sts = rd(sc, INT_STS) & rd(sc, INT_EN);

	if (sts == 0)
		return 0;
	wr(sc, INT_STS, sts);           /* acknowledge first: a frame arriving from here on raises it again */
	if (sts & INT_PHY) {
		(void)phy_read(sc, PHY_INT_SRC);        /* reading acknowledges the PHY's own sources */
		rumpsdk_netdev_link(&sc->nd, link_state(sc));
	}
	if (sts & INT_RXE)
		sc->rx_errors++;
	while ((rd(sc, RX_FIFO_INF) >> 16) & 0xff)
		rx_frame(sc);
	return 1;
}


/* ID_REV's chip number as the part is called: 0x0118 LAN9118, 0x118a LAN9218, 0x9220 LAN9220 */
static void chip_name(char *buf, uint32_t chip)
{
	static const char hex[] = "0123456789ABCDEF";
	uint32_t part = (chip & 0xf000) == 0x9000 ? chip                /* LAN92x0/LAN92x1 */
	    : (chip & 0xf) == 0xa ? 0x9200 | ((chip >> 4) & 0xff)       /* LAN9215-9218 */
	    : 0x9100 | (chip & 0xff);                                   /* LAN9115-9118 */
	buf[0] = 'L', buf[1] = 'A', buf[2] = 'N';
	for (int i = 0; i < 4; i++)
		buf[3 + i] = hex[(part >> (12 - 4 * i)) & 0xf];
	buf[7] = 0;
}

static int mac_valid(const uint8_t *m)
{
	int zero = 1, ones = 1;
	for (int i = 0; i < 6; i++) {
		zero &= m[i] == 0;
		ones &= m[i] == 0xff;
	}
	return !zero && !ones && !(m[0] & 1);
}

static int smsh_attach(const struct board_attach_args *ba)
{
	struct smsh *sc;
	void *mem;
	int error;

	if (ba->size < 0x100)
		return RUMPUSER_EINVAL;
	volatile void *regs = rumpcomp_pci_map(ba->reg, ba->size);
	if (regs == NULL)
		return RUMPUSER_ENXIO;
	if (bus_read32(regs, BYTE_TEST) != BYTE_TEST_VALUE) {
		rumpuser_dprintf("lan9118: no device at 0x%lx (BYTE_TEST %08x)\n", (unsigned long)ba->reg,
		    (unsigned)bus_read32(regs, BYTE_TEST));
		return RUMPUSER_ENXIO;
	}
	if (rumpuser_malloc(sizeof(struct smsh), 0, &mem) != 0)
		return RUMPUSER_ENOMEM;
	sc = mem;
	__builtin_memset(sc, 0, sizeof *sc);
	drv_unit_name(sc->name, "smsh", ba->unit);
	sc->regs = regs;
	uint32_t id = rd(sc, ID_REV);

	/* soft reset, then wait for the chip to say it is ready */
	wr(sc, HW_CFG, HW_CFG_SRST);
	if (wait_reg(sc, HW_CFG, HW_CFG_SRST, 0) != 0 || wait_reg(sc, PMT_CTRL, PMT_CTRL_READY, PMT_CTRL_READY) != 0) {
		rumpuser_dprintf("%s: reset did not complete\n", sc->name);
		return RUMPUSER_ETIMEDOUT;
	}
	wr(sc, HW_CFG, HW_CFG_MBO | HW_CFG_TX_FIF_5K);
	wr(sc, IRQ_CFG, 0);
	wr(sc, INT_EN, 0);
	wr(sc, INT_STS, 0xffffffffu);
	wr(sc, GPIO_CFG, GPIO_CFG_LEDS);

	/* the MAC address the chip loaded from its EEPROM, else a random locally administered one */
	uint32_t lo = mac_read(sc, MAC_ADDRL), hi = mac_read(sc, MAC_ADDRH);
	uint8_t *m = sc->nd.mac;
	for (int i = 0; i < 4; i++)
		m[i] = (uint8_t)(lo >> (8 * i));
	m[4] = (uint8_t)hi;
	m[5] = (uint8_t)(hi >> 8);
	if (!mac_valid(m)) {
		size_t got;
		rumpuser_getrandom(m, 6, 0, &got);
		m[0] = (uint8_t)((m[0] & 0xfe) | 0x02);
		mac_write(sc, MAC_ADDRL, (uint32_t)m[0] | (uint32_t)m[1] << 8 | (uint32_t)m[2] << 16 | (uint32_t)m[3] << 24);
		mac_write(sc, MAC_ADDRH, (uint32_t)m[4] | (uint32_t)m[5] << 8);
	}

	/* PHY: auto-negotiate, interrupt on link down and on negotiation done */
	phy_write(sc, PHY_BMCR, BMCR_ANENABLE | BMCR_ANRESTART);
	phy_write(sc, PHY_INT_MASK, PHY_INT_ANEG_DONE | PHY_INT_LINK_DOWN);
	(void)phy_read(sc, PHY_INT_SRC);

	/* FIFOs: RX data unshifted; an interrupt as soon as one RX status is waiting */
	wr(sc, RX_CFG, 0);
	wr(sc, FIFO_INT, 0x48000000u);  /* TX data-available level at its default, RX status level 0 */
	wr(sc, TX_CFG, TX_CFG_TX_ON | TX_CFG_TXSAO);
	/* MAC: own address, broadcast, full duplex (the QEMU model and the board's link) */
	mac_write(sc, MAC_CR, MAC_CR_FDPX | MAC_CR_TXEN | MAC_CR_RXEN);

	if ((error = board_irq_establish(ba, 0x91180000u | ba->unit, smsh_intr, sc)) != 0) {
		rumpuser_dprintf("%s: cannot route interrupt %d (error %d)\n", sc->name, ba->irq, error);
		return error;
	}
	wr(sc, INT_EN, INT_RSFL | INT_RXE | INT_PHY);
	/* the line active high, push-pull: what the NVIC's level-sensitive input wants */
	wr(sc, IRQ_CFG, IRQ_CFG_IRQ_EN | IRQ_CFG_IRQ_POL | IRQ_CFG_IRQ_TYPE);

	int link = link_state(sc);
	char chip[8];
	chip_name(chip, id >> 16);
	rumpuser_dprintf("%s: %s rev %u at 0x%lx irq %d, %02x:%02x:%02x:%02x:%02x:%02x, link %s\n",
	    sc->name, chip, (unsigned)(id & 0xffff), (unsigned long)ba->reg, ba->irq,
	    m[0], m[1], m[2], m[3], m[4], m[5], link ? "up" : "down");

	sc->nd.name = sc->name;
	sc->nd.mtu = 1500;
	sc->nd.transmit = smsh_transmit;
	sc->nd.softc = sc;
	if ((error = rumpsdk_netdev_attach(&sc->nd)) != 0)
		return error;
	rumpsdk_netdev_link(&sc->nd, link);
	return 0;
}

static const struct rumpsdk_board_driver smsh_driver = { "lan9118", smsh_attach };
RUMPSDK_BOARD_DRIVER(smsh_driver);
