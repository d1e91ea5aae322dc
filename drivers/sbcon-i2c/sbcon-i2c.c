/*
 * ARM SBCon two-wire serial bus interface (the "Versatile I2C" controller of the MPS2 boards):
 * no I2C logic in hardware, just the two lines. Reading SB_CONTROL (+0) gives SCL (bit 0) and
 * the level of SDA (bit 1); writing SB_CONTROLS (+0) raises the lines whose bits are set,
 * SB_CONTROLC (+4) lowers them. Everything else is this driver: a bit-banged I2C master
 * (start, repeated start, stop, 7-bit addresses, acknowledge and not-acknowledge; no clock
 * stretching, no arbitration: the board's only master) at about 100 kHz (standard mode).
 *
 * Each controller becomes /dev/iicUNIT (rump/dev.h) with NetBSD's I2C_IOCTL_EXEC ioctl
 * (rump/netbsd_abi.h): the same checks and errors as NetBSD's iic(4) and the same sequence of
 * bus conditions as NetBSD's generic exec engine for bit-banged controllers:
 *   command bytes: START, address+W, the command bytes;
 *   data, read: (repeated) START, address+R, the bytes, each acknowledged but the last;
 *   data, write: START, address+W unless command bytes went first, the bytes;
 *   neither: a quick command, START and address (+R for read ops) only;
 *   STOP at the end for the _WITH_STOP and _BLOCK ops; without it the bus stays claimed and the
 *   next transfer begins with a repeated start (closing the descriptor releases it).
 * A byte nobody acknowledges (no device at the address) ends the transfer with STOP and EIO.
 * Polled: no interrupt. Uses only hypercalls (rumpcomp_pci_map, the clock, a mutex).
 */
#include <rump/rumpuser.h>
#include <rump/dev.h>
#include <rump/netbsd_abi.h>
#include <drivers/board.h>
#include <drivers/bus.h>

#define SB_CONTROL  0x0     /* read: line levels */
#define SB_CONTROLS 0x0     /* write: set lines */
#define SB_CONTROLC 0x4     /* write: clear lines */
#define  SCL 0x1
#define  SDA 0x2

#define HALF_BIT_NS 5000    /* 100 kHz: SCL high 5 us, low 5 us */
#define NUNITS 8

#define I2C_OP_READ_P(op) (((int)(op) & 2) == 0)
#define I2C_OP_STOP_P(op) (((int)(op) & 1) != 0)

struct sbcon {
	volatile void *regs;
	struct rumpuser_mtx *lock;  /* one transfer at a time */
	int claimed;                /* a transfer ended without STOP: the bus is still ours */
	char name[8];               /* "iic0" */
};

static struct sbcon units[NUNITS];

static int64_t
now_ns(void)
{
	int64_t sec;
	long nsec;

	rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, &sec, &nsec);
	return sec * 1000000000LL + nsec;
}

static void
half_bit(void)
{
	int64_t until = now_ns() + HALF_BIT_NS;

	while (now_ns() < until)
		;
}

static void line_up(struct sbcon *sc, uint32_t l) { bus_write32(sc->regs, SB_CONTROLS, l); half_bit(); }
static void line_down(struct sbcon *sc, uint32_t l) { bus_write32(sc->regs, SB_CONTROLC, l); half_bit(); }
static int sda(struct sbcon *sc) { return (bus_read32(sc->regs, SB_CONTROL) & SDA) != 0; }

/* START from an idle bus, or a repeated START with SCL low */
static void
start(struct sbcon *sc)
{
	line_up(sc, SDA);
	line_up(sc, SCL);
	line_down(sc, SDA);     /* SDA falls while SCL is high */
	line_down(sc, SCL);
	sc->claimed = 1;
}

/* STOP (SCL low before): SDA rises while SCL is high; the bus is idle after it */
static void
stop(struct sbcon *sc)
{
	line_down(sc, SDA);
	line_up(sc, SCL);
	line_up(sc, SDA);
	sc->claimed = 0;
}

/* one clock pulse with SDA released (or held low); the SDA level seen while SCL was high */
static int
clock_bit(struct sbcon *sc, int bit)
{
	int level;

	if (bit)
		line_up(sc, SDA);
	else
		line_down(sc, SDA);
	line_up(sc, SCL);
	level = sda(sc);
	line_down(sc, SCL);
	return level;
}

/* 0, or EIO when no device acknowledged the byte */
static int
write_byte(struct sbcon *sc, uint8_t v)
{
	for (int i = 7; i >= 0; i--)
		clock_bit(sc, (v >> i) & 1);
	return clock_bit(sc, 1) ? EIO : 0;      /* the acknowledge: the device pulls SDA low */
}

static uint8_t
read_byte(struct sbcon *sc, int last)
{
	uint8_t v = 0;

	for (int i = 0; i < 8; i++)
		v = (uint8_t)(v << 1 | clock_bit(sc, 1));
	clock_bit(sc, last);    /* acknowledge (SDA low), or not after the last byte */
	line_up(sc, SDA);
	return v;
}

static int
address(struct sbcon *sc, uint16_t addr, int read)
{
	start(sc);
	return write_byte(sc, (uint8_t)(addr << 1 | (read ? 1 : 0)));
}

static int
exec(struct sbcon *sc, int op, uint16_t addr, const uint8_t *cmd, size_t cmdlen, uint8_t *buf, size_t len)
{
	int read = I2C_OP_READ_P(op), error = 0;
	size_t i;

	if (cmdlen > 0) {
		error = address(sc, addr, 0);
		for (i = 0; i < cmdlen && !error; i++)
			error = write_byte(sc, cmd[i]);
	} else if (len == 0) {
		error = address(sc, addr, read);        /* quick command */
	}
	if (!error && len > 0) {
		if (read) {
			error = address(sc, addr, 1);
			for (i = 0; i < len && !error; i++)
				buf[i] = read_byte(sc, i + 1 == len);
		} else {
			if (cmdlen == 0)
				error = address(sc, addr, 0);
			for (i = 0; i < len && !error; i++)
				error = write_byte(sc, buf[i]);
		}
	}
	if (error || I2C_OP_STOP_P(op))
		stop(sc);
	return error;
}

static int
iic_ioctl_exec(struct sbcon *sc, struct i2c_ioctl_exec *iie, int fflag)
{
	uint8_t cmd[I2C_EXEC_MAX_CMDLEN], buf[I2C_EXEC_MAX_BUFLEN];
	int error, op = iie->iie_op;

	if (op != I2C_OP_READ && op != I2C_OP_READ_WITH_STOP && op != I2C_OP_WRITE &&
	    op != I2C_OP_WRITE_WITH_STOP && op != I2C_OP_READ_BLOCK && op != I2C_OP_WRITE_BLOCK)
		return EINVAL;
	/* 7-bit addresses; 0x78-0x7f begin 10-bit ones, which this driver does not speak */
	if (iie->iie_addr > 0x7f || (iie->iie_addr & 0x78) == 0x78)
		return EINVAL;
	if (iie->iie_cmdlen > I2C_EXEC_MAX_CMDLEN || iie->iie_buflen > I2C_EXEC_MAX_BUFLEN)
		return EINVAL;
	if ((iie->iie_cmd != NULL && iie->iie_cmdlen == 0) || (iie->iie_buf != NULL && iie->iie_buflen == 0))
		return EINVAL;
	if ((iie->iie_cmd == NULL && iie->iie_cmdlen > 0) || (iie->iie_buf == NULL && iie->iie_buflen > 0))
		return EFAULT;
	if (!I2C_OP_READ_P(op) && !(fflag & RUMPSDK_FWRITE))
		return EBADF;
	if (iie->iie_cmdlen)
		__builtin_memcpy(cmd, iie->iie_cmd, iie->iie_cmdlen);
	if (iie->iie_buflen && !I2C_OP_READ_P(op))
		__builtin_memcpy(buf, iie->iie_buf, iie->iie_buflen);
	rumpuser_mutex_enter(sc->lock);
	error = exec(sc, op, iie->iie_addr, cmd, iie->iie_cmdlen, buf, iie->iie_buflen);
	rumpuser_mutex_exit(sc->lock);
	if (!error && iie->iie_buflen && I2C_OP_READ_P(op))
		__builtin_memcpy(iie->iie_buf, buf, iie->iie_buflen);
	return error;
}

static int
iic_ioctl(void *softc, unsigned long cmd, void *data, int fflag)
{
	if (cmd != I2C_IOCTL_EXEC)
		return ENODEV;          /* NetBSD's iic answers other requests so */
	if (data == NULL)
		return EFAULT;
	return iic_ioctl_exec(softc, data, fflag);
}

static int
iic_close(void *softc, int fflag)
{
	struct sbcon *sc = softc;

	(void)fflag;
	rumpuser_mutex_enter(sc->lock);
	if (sc->claimed)
		stop(sc);       /* a transfer left without STOP: release the bus */
	rumpuser_mutex_exit(sc->lock);
	return 0;
}

static const struct rumpsdk_cdevsw iic_cdevsw = { .d_close = iic_close, .d_ioctl = iic_ioctl };

static int
attach(const struct board_attach_args *ba)
{
	struct sbcon *sc;
	int error;

	if (ba->unit >= NUNITS)
		return ENXIO;
	sc = &units[ba->unit];
	if ((sc->regs = rumpcomp_pci_map(ba->reg, ba->size)) == NULL)
		return ENXIO;
	sc->name[0] = 'i', sc->name[1] = 'i', sc->name[2] = 'c';
	sc->name[3] = (char)('0' + ba->unit), sc->name[4] = 0;
	rumpuser_mutex_init(&sc->lock, RUMPUSER_MTX_KMUTEX);
	/* a known state: both lines released, then a STOP for any device caught mid-transfer */
	line_up(sc, SCL | SDA);
	line_down(sc, SCL);
	stop(sc);
	if ((error = rumpsdk_dev_register(sc->name, &iic_cdevsw, sc)) != 0)
		return error;
	rumpuser_dprintf("%s: SBCon I2C at 0x%lx, polled, /dev/%s\n", sc->name, (unsigned long)ba->reg, sc->name);
	return 0;
}

static const struct rumpsdk_board_driver drv = { "sbcon-i2c", attach };
RUMPSDK_BOARD_DRIVER(drv);
