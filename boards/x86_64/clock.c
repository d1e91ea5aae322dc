/*
 * x86-64 family clock: the TSC is the monotonic clock; its rate and the LAPIC timer's rate are
 * measured together against PIT channel 2 (counter read at both ends of a window of at least
 * 0.5 ms that opens at boot and closes when the rates are first needed, so boot never waits for
 * it). The one-shot timer is the LAPIC timer. Wall-clock time at boot comes from the CMOS RTC
 * (read on first use).
 */
#include "x86.h"

#define PIT_HZ 1193182u
#define CAL_US 500

static uint64_t tsc_hz = 1000000000ull;         /* replaced by the calibration */
static uint64_t lapic_hz = 62500000ull;         /* QEMU: 1 GHz / 16 */
static int measured;                            /* the two above are final */
static int64_t wall_boot_sec;

struct sample { uint64_t tsc; uint32_t pit, lapic; };

/* read the PIT channel 2 count, the LAPIC timer count and the TSC together; the TSC value is
 * taken halfway through the (slow, under emulation) port reads */
static void sample(struct sample *s)
{
	uint64_t t0 = rdtsc();
	outb(0x43, 0x80);                               /* latch channel 2 */
	uint32_t lo = inb(0x42);
	s->pit = lo | (uint32_t)inb(0x42) << 8;
	s->lapic = x86_lapic_timer_count();
	s->tsc = t0 + (rdtsc() - t0) / 2;
}

/* PIT channel 2 counts down from 0xffff at PIT_HZ (gate on, speaker off, mode 0); sample it when
 * the clock starts (x86_clock_start, at boot) and again when the rates are first needed, at least
 * CAL_US microseconds later (rates()): the window runs while the rest of the system starts, so
 * boot does not wait for it. Both samples go through the same code, so the cost of the port reads
 * cancels out. */
static struct sample cal_start;

void x86_clock_start(void)
{
	outb(0x61, (uint8_t)((inb(0x61) & ~0x02) | 0x01));
	outb(0x43, 0xb0);
	outb(0x42, 0xff);
	outb(0x42, 0xff);
	x86_lapic_timer_arm(0xffffffffu);              /* interrupts are off: it never fires */
	sample(&cal_start);                             /* warm-up (code translation under TCG) */
	sample(&cal_start);
}

/* 1 with the rates measured; 0 when the window may have outlasted the PIT's 16 bits (55 ms): a
 * wrap need not show as a larger count, so only windows shorter than that even at a TSC as slow
 * as 500 MHz (27M cycles) are trusted; or when the PIT does not count */
#define MAX_WINDOW_CYCLES 27000000ull

static int calibrate(void)
{
	struct sample a = cal_start, b;
	uint32_t want = PIT_HZ / 1000 * CAL_US / 1000;
	do {
		sample(&b);
		if (b.tsc - a.tsc > MAX_WINDOW_CYCLES || b.pit > a.pit)
			return 0;
	} while (a.pit - b.pit < want);
	x86_lapic_timer_arm(0);
	tsc_hz = muldiv64(b.tsc - a.tsc, PIT_HZ, a.pit - b.pit);
	if (a.lapic > b.lapic)
		lapic_hz = muldiv64(a.lapic - b.lapic, tsc_hz, b.tsc - a.tsc);
	return 1;
}

/* ---- RTC ---- */
static uint8_t cmos(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static int64_t rtc_read(void)
{
	uint8_t t[7], u[7];
	for (int tries = 0; tries < 4; tries++) {
		for (int i = 0; i < 100000 && (cmos(0x0a) & 0x80); i++)
			;                               /* update in progress */
		static const uint8_t regs[7] = { 0x00, 0x02, 0x04, 0x07, 0x08, 0x09, 0x32 };
		for (int i = 0; i < 7; i++)
			t[i] = cmos(regs[i]);
		for (int i = 0; i < 7; i++)
			u[i] = cmos(regs[i]);
		int same = 1;
		for (int i = 0; i < 7; i++)
			same &= t[i] == u[i];
		if (same)
			break;
	}
	uint8_t b = cmos(0x0b);
	int pm = t[2] & 0x80;
	t[2] &= 0x7f;
	if (!(b & 0x04))                                /* BCD */
		for (int i = 0; i < 7; i++)
			t[i] = (uint8_t)((t[i] & 0x0f) + (t[i] >> 4) * 10);
	if (!(b & 0x02) && pm)                          /* 12-hour clock */
		t[2] = (uint8_t)((t[2] % 12) + 12);
	else if (!(b & 0x02) && t[2] == 12)
		t[2] = 0;
	int64_t year = t[6] >= 19 && t[6] <= 30 ? t[6] * 100 + t[5] : 2000 + t[5];
	if (t[4] < 1 || t[4] > 12 || t[3] < 1 || t[3] > 31)
		return 0;
	return days_from_civil(year, t[4], t[3]) * 86400 + t[2] * 3600 + t[1] * 60 + t[0];
}

/* The window closes at the first use of a rate: the first clock reading or timer setting. That
 * comes after core, the kernel and the runtime started (over 1 ms after x86_clock_start even
 * under QEMU TCG), so it seldom waits; a window too long to trust (the first use came late, see
 * MAX_WINDOW_CYCLES) is measured afresh, which waits 0.5 ms then. The LAPIC timer counts down
 * from its maximum meanwhile (68 s at QEMU's rate): if it ran out first, its interrupt reads the
 * clock and so ends the window. */
static void rates(void)
{
	if (measured)
		return;
	unsigned long s = plat_intr_disable();
	for (int tries = 0; !calibrate(); tries++) {
		if (tries == 3) {
			x86_lapic_timer_arm(0);         /* no PIT: keep the defaults */
			break;
		}
		x86_clock_start();
	}
	measured = 1;
	plat_intr_restore(s);
}

uint64_t plat_cycles(void) { return rdtsc(); }
uint64_t plat_cycles_per_sec(void) { rates(); return tsc_hz; }
uint64_t plat_boot_cycles(void) { return x86_boot_tsc; }

/* the RTC is read on first use, not at boot (its ~20 blocks of code cost ~0.15 ms of boot under
 * QEMU TCG): its time then less the uptime, to the RTC's resolution of a second as before */
int64_t plat_wall_boot_sec(void)
{
	static int read;
	if (!read) {
		int64_t now = rtc_read();
		wall_boot_sec = now ? now - (int64_t)(plat_clock_ns() / 1000000000ull) : 0;
		read = 1;
	}
	return wall_boot_sec;
}

uint64_t plat_clock_ns(void)
{
	rates();
	return muldiv64(rdtsc() - x86_boot_tsc, 1000000000ull, tsc_hz);
}

void plat_timer_set(uint64_t deadline_ns)
{
	uint64_t now = plat_clock_ns();         /* first: it may end the calibration window */
	if (!deadline_ns) {
		x86_lapic_timer_arm(0);
		return;
	}
	uint64_t delta = deadline_ns > now ? deadline_ns - now : 0;
	if (delta > 60000000000ull)                     /* beyond the 32-bit counter: wake early */
		delta = 60000000000ull;
	uint64_t ticks = muldiv64(delta, lapic_hz, 1000000000ull) + 1;
	x86_lapic_timer_arm(ticks);
}
