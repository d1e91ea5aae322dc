/*
 * mps2-an385 board: what differs from the ARMv7-M family: the CMSDK UART0 console, the CMSDK dual
 * timer as clock and one-shot timer, the memory map, randomness. Peripheral addresses and
 * interrupt numbers are those of ARM Application Note AN385 (QEMU -M mps2-an385 models them).
 */
#include "../armv7m/armv7m.h"

#define SYSCLK_HZ 25000000u     /* the AN385 peripheral clock (APB timers and UARTs) */
const int board_nirq = 32;

/* ---- console: CMSDK APB UART (board.json "console": io, baud), polled ---- */
#ifndef BOARD_CONSOLE_IO
#define BOARD_CONSOLE_IO 0x40004000
#endif
#ifndef BOARD_CONSOLE_BAUD
#define BOARD_CONSOLE_BAUD 115200
#endif
#define UART_DATA     REG32(BOARD_CONSOLE_IO + 0x00)
#define UART_STATE    REG32(BOARD_CONSOLE_IO + 0x04)   /* bit 0: TX buffer full, bit 1: RX buffer full */
#define UART_CTRL     REG32(BOARD_CONSOLE_IO + 0x08)   /* bit 0: TX enable, bit 1: RX enable */
#define UART_BAUDDIV  REG32(BOARD_CONSOLE_IO + 0x10)   /* PCLK / baud, at least 16 */

static void console_init(void)
{
	UART_BAUDDIV = SYSCLK_HZ / BOARD_CONSOLE_BAUD;
	UART_CTRL = 0x3;
}

void plat_cons_putc(int c)
{
	for (int i = 0; i < 100000 && (UART_STATE & 1); i++)
		;                       /* transmit buffer full (bounded wait) */
	UART_DATA = (uint8_t)c;
}

int plat_cons_getc(void)
{
	return (UART_STATE & 2) ? (int)(UART_DATA & 0xff) : -1;
}

/* ---- clock: CMSDK dual timer at 0x40002000 (interrupt 10, both halves combined) ----
 * Timer 1 counts down freely through 2^32 at SYSCLK (a wrap every ~172 s, counted in the
 * interrupt); timer 2 is the one-shot deadline timer. */
#define DUALTIMER 0x40002000u
#define DT_LOAD(t)   REG32(DUALTIMER + 0x20 * (t) + 0x00)
#define DT_VALUE(t)  REG32(DUALTIMER + 0x20 * (t) + 0x04)
#define DT_CTRL(t)   REG32(DUALTIMER + 0x20 * (t) + 0x08)
#define DT_INTCLR(t) REG32(DUALTIMER + 0x20 * (t) + 0x0c)
#define DT_RIS(t)    REG32(DUALTIMER + 0x20 * (t) + 0x10)
#define DT_MIS(t)    REG32(DUALTIMER + 0x20 * (t) + 0x14)
#define DT_ONESHOT  (1u << 0)
#define DT_32BIT    (1u << 1)
#define DT_INTEN    (1u << 5)
#define DT_ENABLE   (1u << 7)
#define DUALTIMER_IRQ 10

static volatile uint32_t wraps;         /* timer 1 wraps counted by the interrupt */

/* called by the reset code before anything else: the counter starts at boot (cycle 0) */
void mps2_boot(void);
void mps2_boot(void)
{
	DT_CTRL(0) = 0;
	DT_LOAD(0) = 0xffffffffu;
	DT_INTCLR(0) = 1;
	DT_CTRL(0) = DT_ENABLE | DT_32BIT | DT_INTEN;   /* free-running mode: wraps to 2^32-1 */
	DT_CTRL(1) = 0;
	DT_INTCLR(1) = 1;
}

uint64_t plat_cycles(void)
{
	unsigned long s = plat_intr_disable();
	uint32_t hi = wraps, v = DT_VALUE(0);
	if (DT_RIS(0) & 1) {            /* wrapped, interrupt not taken yet: count it here */
		v = DT_VALUE(0);        /* read again: surely after the wrap */
		hi++;
	}
	plat_intr_restore(s);
	return ((uint64_t)hi << 32) | (0xffffffffu - v);
}

uint64_t plat_cycles_per_sec(void) { return SYSCLK_HZ; }
uint64_t plat_boot_cycles(void) { return 0; }
int64_t plat_wall_boot_sec(void) { return 0; }   /* no battery-backed RTC on the AN385 */

uint64_t plat_clock_ns(void)
{
	uint64_t c = plat_cycles();
	/* 40 ns per cycle at 25 MHz; the general form for other clocks */
	return (SYSCLK_HZ == 25000000u) ? c * 40 : (c / SYSCLK_HZ) * 1000000000ull + (c % SYSCLK_HZ) * 1000000000ull / SYSCLK_HZ;
}

void plat_timer_set(uint64_t deadline_ns)
{
	DT_CTRL(1) = 0;
	DT_INTCLR(1) = 1;
	if (!deadline_ns)
		return;
	uint64_t now = plat_clock_ns();
	uint64_t delta = deadline_ns > now ? deadline_ns - now : 0;
	if (delta > 60000000000ull)     /* beyond the 32-bit counter: wake early, core re-arms */
		delta = 60000000000ull;
	uint64_t ticks = delta * (SYSCLK_HZ / 1000000u) / 1000u + 1;
	DT_LOAD(1) = (uint32_t)ticks;
	DT_CTRL(1) = DT_ENABLE | DT_32BIT | DT_INTEN | DT_ONESHOT;
}

int board_irq(int irq)
{
	if (irq != DUALTIMER_IRQ)
		return 0;
	if (DT_MIS(0) & 1) {
		DT_INTCLR(0) = 1;
		wraps++;
	}
	if (DT_MIS(1) & 1) {
		DT_INTCLR(1) = 1;
		DT_CTRL(1) = 0;
		core_timer_interrupt();
	}
	return 1;
}

/* ---- memory: board.json "memory.map"; the linker script places the image ---- */
extern char _end[], __code_end[], __ssram1_end[], __ssram23_end[];
#define PSRAM_BASE 0x21000000u
#define PSRAM_SIZE 0x01000000u

int plat_memregions(struct plat_memregion *out, int max)
{
	const struct plat_memregion r[] = {
		{ PSRAM_BASE, PSRAM_SIZE },
		{ ((uintptr_t)_end + 15) & ~(uintptr_t)15, (uintptr_t)__ssram23_end - (((uintptr_t)_end + 15) & ~(uintptr_t)15) },
		{ ((uintptr_t)__code_end + 15) & ~(uintptr_t)15, (uintptr_t)__ssram1_end - (((uintptr_t)__code_end + 15) & ~(uintptr_t)15) },
	};
	int n = 0;
	for (int i = 0; i < 3 && n < max; i++)
		if (r[i].len >= 4096)
			out[n++] = r[i];
	return n;
}

/* ---- randomness: no hardware source on the AN385; fold the timing of UART status reads
 * against the timer (weak under an emulator, which is deterministic-ish) ---- */
static uint32_t mix32(uint32_t z)
{
	z = (z ^ (z >> 16)) * 0x7feb352du;
	z = (z ^ (z >> 15)) * 0x846ca68bu;
	return z ^ (z >> 16);
}

const char *plat_random(void *buf, size_t len)
{
	static uint32_t pool = 0x9e3779b9u;
	unsigned char *p = buf;
	while (len) {
		for (int i = 0; i < 32; i++) {
			uint32_t t0 = DT_VALUE(0);
			(void)UART_STATE;
			pool = mix32(pool ^ ((t0 - DT_VALUE(0)) << (i & 15)) ^ t0 ^ wraps);
		}
		size_t n = len < 4 ? len : 4;
		for (size_t i = 0; i < n; i++)
			p[i] = (unsigned char)(pool >> (8 * i));
		p += n;
		len -= n;
	}
	return "timer-jitter";
}

/* ---- start-up ---- */
const char *board_init(void)
{
	console_init();
	plat_irq_unmask(DUALTIMER_IRQ); /* the clock's own line: never passed to core */
	return "";
}
