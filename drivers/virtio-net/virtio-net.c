/*
 * virtio-net over legacy virtio PCI (the I/O-port interface that QEMU's transitional
 * virtio-net-pci offers in BAR0): one receive and one transmit queue, interrupt driven
 * (INTx), MAC address and link status from the device configuration.
 *
 * Uses only the PCI/DMA hypercalls (through drivers/pci.h), rumpuser locks/console and the
 * kernel's netdev interface (rump/netif.h).
 */
#include <rump/rumpuser.h>
#include <rump/netif.h>
#include <drivers/bus.h>
#include <drivers/pci.h>
#include <drivers/name.h>
#include "vring.h"

#ifdef BUS_HAS_IOPORTS

/* legacy virtio PCI registers (offsets in the I/O BAR) */
#define VIO_HOST_FEATURES  0x00
#define VIO_GUEST_FEATURES 0x04
#define VIO_QUEUE_PFN      0x08
#define VIO_QUEUE_NUM      0x0c
#define VIO_QUEUE_SEL      0x0e
#define VIO_QUEUE_NOTIFY   0x10
#define VIO_STATUS         0x12
#define VIO_ISR            0x13
#define VIO_CONFIG         0x14         /* device config without MSI-X: mac[6], status */
#define  VIO_ISR_QUEUE      0x1
#define  VIO_ISR_CONFIG     0x2
#define  VIO_S_ACK          0x1
#define  VIO_S_DRIVER       0x2
#define  VIO_S_DRIVER_OK    0x4
#define  VIO_S_FAILED       0x80

#define VIRTIO_NET_F_MAC        (1u << 5)
#define VIRTIO_NET_F_STATUS     (1u << 16)
#define VIRTIO_F_ANY_LAYOUT     (1u << 27)
#define VIRTIO_NET_S_LINK_UP    1

#define RXQ 0
#define TXQ 1
#define HDRLEN 10                       /* struct virtio_net_hdr without num_buffers */
#define BUFSZ 1536                      /* header + 1514-byte frame, rounded up */
#define NRX 32                          /* buffers posted for receive */
#define NTX 32                          /* frames in flight for transmit */

struct vioif {
	struct rumpsdk_netdev nd;
	char name[12];
	uint16_t io;
	int has_status;
	struct vring rx, tx;
	uint8_t *rxbuf, *txbuf;         /* NRX / NTX buffers of BUFSZ */
	uint64_t rxbuf_pa, txbuf_pa;
	uint16_t txfree[NTX];           /* stack of free transmit descriptors */
	int ntxfree;
	unsigned long rx_frames, tx_frames, tx_drops;
};

static const struct pci_id vioif_ids[] = {
	{ 0x1af4, 0x1000 },             /* virtio network device, transitional (legacy BAR0) */
	{ 0, 0 },
};

static int queue_setup(struct vioif *sc, int q, struct vring *vr, unsigned want)
{
	bus_outw(sc->io + VIO_QUEUE_SEL, (uint16_t)q);
	unsigned num = bus_inw(sc->io + VIO_QUEUE_NUM);
	if (num == 0 || (num & (num - 1)) || num < want)
		return RUMPUSER_ENXIO;
	uint64_t pa;
	void *mem = pci_dma_alloc(vring_size(num), VRING_ALIGN, &pa);
	if (mem == NULL)
		return RUMPUSER_ENOMEM;
	vring_init(vr, num, mem);
	bus_outl(sc->io + VIO_QUEUE_PFN, (uint32_t)(pa >> 12));
	return 0;
}

static void rx_post(struct vioif *sc, uint16_t id)
{
	struct vring_desc *d = &sc->rx.desc[id];
	d->addr = sc->rxbuf_pa + (uint64_t)id * BUFSZ;
	d->len = BUFSZ;
	d->flags = VRING_DESC_F_WRITE;
	d->next = 0;
	vring_offer(&sc->rx, id);
}

static int link_state(struct vioif *sc)
{
	if (!sc->has_status)
		return 1;
	return (bus_inw(sc->io + VIO_CONFIG + 6) & VIRTIO_NET_S_LINK_UP) != 0;
}

static void tx_reclaim(struct vioif *sc)
{
	const struct vring_used_elem *e;
	while ((e = vring_next_used(&sc->tx)) != NULL)
		if (e->id < NTX && sc->ntxfree < NTX)
			sc->txfree[sc->ntxfree++] = (uint16_t)e->id;
}

static int vioif_transmit(struct rumpsdk_netdev *nd, const void *frame, size_t len)
{
	struct vioif *sc = nd->softc;
	if (len > BUFSZ - HDRLEN)
		return RUMPUSER_EINVAL;
	tx_reclaim(sc);
	if (sc->ntxfree == 0) {
		sc->tx_drops++;
		return RUMPUSER_ENOBUFS;
	}
	uint16_t id = sc->txfree[--sc->ntxfree];
	uint8_t *buf = sc->txbuf + (size_t)id * BUFSZ;
	__builtin_memset(buf, 0, HDRLEN);       /* no checksum offload, no GSO */
	__builtin_memcpy(buf + HDRLEN, frame, len);
	struct vring_desc *d = &sc->tx.desc[id];
	d->addr = sc->txbuf_pa + (uint64_t)id * BUFSZ;
	d->len = (uint32_t)(HDRLEN + len);
	d->flags = 0;
	d->next = 0;
	vring_offer(&sc->tx, id);
	vring_publish(&sc->tx);
	bus_mb();
	if (vring_needs_kick(&sc->tx))          /* every kick is a trap into the hypervisor */
		bus_outw(sc->io + VIO_QUEUE_NOTIFY, TXQ);
	sc->tx_frames++;
	return 0;
}

/* in the interrupt thread */
static int vioif_intr(void *arg)
{
	struct vioif *sc = arg;
	uint8_t isr = bus_inb(sc->io + VIO_ISR);        /* reading acknowledges */
	if (isr == 0)
		return 0;                               /* a device sharing the line */
	if (isr & VIO_ISR_CONFIG)
		rumpsdk_netdev_link(&sc->nd, link_state(sc));
	const struct vring_used_elem *e;
	int posted = 0;
	while ((e = vring_next_used(&sc->rx)) != NULL) {
		uint16_t id = (uint16_t)e->id;
		if (id >= NRX)
			continue;
		if (e->len > HDRLEN) {
			sc->rx_frames++;
			rumpsdk_netdev_input(&sc->nd, sc->rxbuf + (size_t)id * BUFSZ + HDRLEN, e->len - HDRLEN);
		}
		rx_post(sc, id);
		posted++;
	}
	if (posted) {
		vring_publish(&sc->rx);
		bus_mb();
		if (vring_needs_kick(&sc->rx))
			bus_outw(sc->io + VIO_QUEUE_NOTIFY, RXQ);
	}
	return 1;
}


static int vioif_attach(const struct pci_attach_args *pa)
{
	uint64_t bar;
	int is_io, error;
	if ((error = pci_bar(pa, 0, &bar, &is_io)) != 0)
		return error;
	if (!is_io)
		return RUMPUSER_ENXIO;          /* modern-only device: not supported */

	void *mem;
	if (rumpuser_malloc(sizeof(struct vioif), 0, &mem) != 0)
		return RUMPUSER_ENOMEM;
	struct vioif *sc = mem;
	__builtin_memset(sc, 0, sizeof *sc);
	drv_unit_name(sc->name, "vioif", pa->unit);
	sc->io = (uint16_t)bar;
	pci_enable(pa, 1, 0);

	/* reset, then acknowledge and negotiate */
	bus_outb(sc->io + VIO_STATUS, 0);
	bus_outb(sc->io + VIO_STATUS, VIO_S_ACK);
	bus_outb(sc->io + VIO_STATUS, VIO_S_ACK | VIO_S_DRIVER);
	uint32_t features = bus_inl(sc->io + VIO_HOST_FEATURES);
	uint32_t want = features & (VIRTIO_NET_F_MAC | VIRTIO_NET_F_STATUS | VIRTIO_F_ANY_LAYOUT);
	bus_outl(sc->io + VIO_GUEST_FEATURES, want);
	sc->has_status = (want & VIRTIO_NET_F_STATUS) != 0;

	if ((error = queue_setup(sc, RXQ, &sc->rx, NRX)) != 0 ||
	    (error = queue_setup(sc, TXQ, &sc->tx, NTX)) != 0)
		goto fail;
	sc->rxbuf = pci_dma_alloc(NRX * BUFSZ, 64, &sc->rxbuf_pa);
	sc->txbuf = pci_dma_alloc(NTX * BUFSZ, 64, &sc->txbuf_pa);
	if (sc->rxbuf == NULL || sc->txbuf == NULL) {
		error = RUMPUSER_ENOMEM;
		goto fail;
	}
	for (int i = 0; i < NTX; i++)
		sc->txfree[i] = (uint16_t)(NTX - 1 - i);
	sc->ntxfree = NTX;
	sc->tx.avail->flags = VRING_AVAIL_F_NO_INTERRUPT;  /* completions are reaped on send */

	if (want & VIRTIO_NET_F_MAC) {
		for (int i = 0; i < 6; i++)
			sc->nd.mac[i] = bus_inb(sc->io + VIO_CONFIG + i);
	} else {
		/* no MAC offered: a locally administered one from the random source */
		size_t got;
		rumpuser_getrandom(sc->nd.mac, 6, 0, &got);
		sc->nd.mac[0] = (uint8_t)((sc->nd.mac[0] & 0xfe) | 0x02);
	}

	unsigned cookie = pa->bus << 8 | pa->dev << 3 | pa->fn;
	if ((error = rumpcomp_pci_irq_map(pa->bus, pa->dev, pa->fn, pa->intrline, cookie)) != 0)
		goto fail;
	if (rumpcomp_pci_irq_establish(cookie, vioif_intr, sc) == NULL) {
		error = RUMPUSER_ENXIO;
		goto fail;
	}

	for (uint16_t i = 0; i < NRX; i++)
		rx_post(sc, i);
	vring_publish(&sc->rx);
	bus_outb(sc->io + VIO_STATUS, VIO_S_ACK | VIO_S_DRIVER | VIO_S_DRIVER_OK);
	bus_outw(sc->io + VIO_QUEUE_NOTIFY, RXQ);

	int link = link_state(sc);
	const uint8_t *m = sc->nd.mac;
	rumpuser_dprintf("%s: virtio-net at pci %02x:%02x.%x irq %d, %02x:%02x:%02x:%02x:%02x:%02x, link %s\n",
	    sc->name, pa->bus, pa->dev, pa->fn, pa->intrline, m[0], m[1], m[2], m[3], m[4], m[5],
	    link ? "up" : "down");

	sc->nd.name = sc->name;
	sc->nd.mtu = 1500;
	sc->nd.transmit = vioif_transmit;
	sc->nd.softc = sc;
	if ((error = rumpsdk_netdev_attach(&sc->nd)) != 0)
		return error;   /* the device keeps running; nothing above will use it */
	rumpsdk_netdev_link(&sc->nd, link);
	return 0;

fail:
	bus_outb(sc->io + VIO_STATUS, VIO_S_FAILED);
	return error;
}

static const struct rumpsdk_pci_driver vioif_driver = { "vioif", vioif_ids, vioif_attach };
RUMPSDK_PCI_DRIVER(vioif_driver);

#endif /* BUS_HAS_IOPORTS */
