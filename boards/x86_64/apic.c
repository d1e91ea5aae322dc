/*
 * x86-64 family interrupt controllers: the 8259 pair is remapped out of the way and masked;
 * the local APIC takes the timer and the I/O APIC takes device lines.
 *
 * IRQ numbers (what plat_irq_unmask() and core_irq_interrupt() use) are I/O APIC inputs (GSIs).
 * Trigger mode per line, as QEMU's and SeaBIOS's ACPI tables describe the PC: 5, 9, 10, 11
 * (PCI interrupt links on the "pc" machine) are level-triggered active-high, 16..23 (PCI PIRQs
 * routed directly, as on q35) level-triggered active-low, all others edge-triggered active-high.
 * A level-triggered line is masked when it fires and stays masked until core has run its
 * handlers and calls plat_irq_unmask() again.
 */
#include "x86.h"

#define LAPIC_ID      0x020
#define LAPIC_TPR     0x080
#define LAPIC_EOI     0x0b0
#define LAPIC_SVR     0x0f0
#define LAPIC_LVT_TMR 0x320
#define LAPIC_LINT0   0x350
#define LAPIC_LINT1   0x360
#define LAPIC_LVT_ERR 0x370
#define LAPIC_TMR_ICR 0x380
#define LAPIC_TMR_CCR 0x390
#define LAPIC_TMR_DCR 0x3e0
#define LVT_MASKED    0x10000

#define IOAPIC_BASE   0xfec00000u       /* fixed on PC chipsets */

static volatile uint32_t *lapic;
static volatile uint32_t *ioapic = (volatile uint32_t *)(uintptr_t)IOAPIC_BASE;
static int ioapic_lines;
static uint32_t lapic_id;
static uint32_t level_lines;            /* bit g: line g is level-triggered and unmasked */

static inline uint32_t lapic_r(unsigned reg) { return lapic[reg / 4]; }
static inline void lapic_w(unsigned reg, uint32_t v) { lapic[reg / 4] = v; }
/* Every register access traps into the hypervisor under emulation, so the I/O APIC's register
 * select is written only when it changes (callers have CPU interrupts disabled) and the LAPIC
 * timer's LVT only once. */
static unsigned ioapic_sel = ~0u;
static void ioapic_select(unsigned reg)
{
	if (reg != ioapic_sel) {
		ioapic[0] = reg;
		ioapic_sel = reg;
	}
}
static uint32_t ioapic_r(unsigned reg) { ioapic_select(reg); return ioapic[4]; }
static void ioapic_w(unsigned reg, uint32_t v) { ioapic_select(reg); ioapic[4] = v; }
static int lapic_timer_on;      /* the timer's LVT entry is unmasked */

void x86_apic_init(void)
{
	/* 8259s: ICW1..ICW4 with vector bases 0xe0/0xe8, then mask every line */
	outb(0x20, 0x11); outb(0xa0, 0x11);
	outb(0x21, X86_VEC_PIC0); outb(0xa1, X86_VEC_PIC0 + 8);
	outb(0x21, 4); outb(0xa1, 2);
	outb(0x21, 1); outb(0xa1, 1);
	outb(0x21, 0xff); outb(0xa1, 0xff);

	uint64_t base = rdmsr(0x1b);                    /* IA32_APIC_BASE */
	wrmsr(0x1b, base | (1u << 11));                 /* global enable */
	lapic = (volatile uint32_t *)(uintptr_t)(base & 0xfffff000u);
	lapic_id = lapic_r(LAPIC_ID) >> 24;
	lapic_w(LAPIC_SVR, 0x100 | X86_VEC_SPURIOUS);   /* software enable */
	lapic_w(LAPIC_TPR, 0);
	lapic_w(LAPIC_LINT0, LVT_MASKED);
	lapic_w(LAPIC_LINT1, 0x400);                    /* NMI */
	lapic_w(LAPIC_LVT_ERR, LVT_MASKED);
	lapic_w(LAPIC_TMR_DCR, 0x3);                    /* divide by 16 */
	lapic_w(LAPIC_TMR_ICR, 0);
	lapic_w(LAPIC_LVT_TMR, X86_VEC_TIMER | LVT_MASKED);

	ioapic_lines = (int)((ioapic_r(1) >> 16) & 0xff) + 1;
	if (ioapic_lines > X86_NIRQ)
		ioapic_lines = X86_NIRQ;
	for (int g = 0; g < ioapic_lines; g++)  /* masked; plat_irq_unmask sets the destination */
		ioapic_w(0x10 + 2 * g, LVT_MASKED | (X86_VEC_IRQ0 + g));
}

void x86_apic_eoi(void)
{
	lapic_w(LAPIC_EOI, 0);
}

/* one-shot LAPIC timer: count down `ticks` (at the calibrated rate), then interrupt */
void x86_lapic_timer_arm(uint64_t ticks)
{
	if (ticks > 0xffffffffu)
		ticks = 0xffffffffu;
	if (!lapic_timer_on) {
		lapic_w(LAPIC_LVT_TMR, X86_VEC_TIMER);  /* one-shot, unmasked */
		lapic_timer_on = 1;
	}
	lapic_w(LAPIC_TMR_ICR, (uint32_t)ticks);        /* 0 stops the timer */
}

uint32_t x86_lapic_timer_count(void)
{
	return lapic_r(LAPIC_TMR_CCR);
}

static int is_level(int g, int *active_low)
{
	*active_low = g >= 16;
	return g >= 16 || g == 5 || g == 9 || g == 10 || g == 11;
}

void x86_irq_fired(int gsi)
{
	if (level_lines & (1u << gsi)) {
		ioapic_w(0x10 + 2 * gsi, LVT_MASKED | (1u << 15) | (X86_VEC_IRQ0 + gsi) |
		    (gsi >= 16 ? 1u << 13 : 0));
		level_lines &= ~(1u << gsi);
	}
}

int plat_irq_unmask(int irq)
{
	if (irq < 0 || irq >= ioapic_lines)
		return -1;
	int low;
	uint32_t v = X86_VEC_IRQ0 + irq;
	unsigned long s = plat_intr_disable();
	if (is_level(irq, &low)) {
		v |= 1u << 15;
		if (low)
			v |= 1u << 13;
		level_lines |= 1u << irq;
	}
	ioapic_w(0x10 + 2 * irq, v);            /* the destination (0x11 + 2 * irq) is set at init */
	plat_intr_restore(s);
	return 0;
}
