/*
 * ARMv7-M family: start-up, CPU interrupt state, NVIC, faults to core_fault, contexts, panic
 * support, halt through semihosting.
 */
#include "armv7m.h"

/* ---- tiny console helpers (the board may not call core's printf) ---- */
static void puts_(const char *s)
{
	while (*s)
		plat_cons_putc(*s++);
}
static void puthex(uint32_t v)
{
	puts_("0x");
	for (int i = 28; i >= 0; i -= 4)
		plat_cons_putc("0123456789abcdef"[(v >> i) & 0xf]);
}

/* ---- start-up ---- */
void armv7m_start(void)
{
	/* MemManage, BusFault and UsageFault get their own report instead of escalating to
	 * HardFault; integer division by zero faults (as on x86) instead of giving 0 */
	SCB_SHCSR |= SHCSR_MEMFAULTENA | SHCSR_BUSFAULTENA | SHCSR_USGFAULTENA;
	SCB_CCR |= CCR_DIV_0_TRP;
	for (int i = 0; i < (board_nirq + 31) / 32; i++) {
		NVIC_ICER(i) = ~0u;
		NVIC_ICPR(i) = ~0u;
	}
	const char *cmdline = board_init();
	/* no interrupt source is unmasked yet; core_start expects interrupts enabled */
	__asm__ volatile("cpsie i" ::: "memory");
	core_start(cmdline);
}

/* ---- CPU interrupt state (PRIMASK) ---- */
unsigned long plat_intr_disable(void)
{
	uint32_t primask;
	__asm__ volatile("mrs %0, primask; cpsid i" : "=r"(primask) :: "memory");
	return !(primask & 1);          /* 1: interrupts were enabled */
}

void plat_intr_restore(unsigned long state)
{
	if (state)
		__asm__ volatile("cpsie i" ::: "memory");
}

void plat_cpu_idle(void)
{
	/* entered with PRIMASK set: wfi still wakes for a pending interrupt, which is then taken
	 * between cpsie and cpsid; one that arrived before wfi makes it return at once */
	__asm__ volatile("wfi; cpsie i; isb; cpsid i" ::: "memory");
}

/* ---- NVIC ---- */
int plat_irq_unmask(int irq)
{
	if (irq < 0 || irq >= board_nirq)
		return -1;
	NVIC_ISER(irq / 32) = 1u << (irq % 32);
	return 0;
}

/* No PCI on this family: the devices sit on the board's bus (board.json "devices"), and the
 * interrupt line their drivers route through rumpcomp_pci_irq_map is the NVIC's external
 * interrupt number itself. */
int plat_pci_irq_route(unsigned bus, unsigned dev, unsigned fn, int intrline)
{
	(void)bus, (void)dev, (void)fn;
	return intrline >= 0 && intrline < board_nirq ? intrline : -1;
}

/* Device lines (level-triggered on the boards of this family) are masked when they fire and
 * unmasked by core once their handlers ran in thread context. */
void armv7m_irq(int irq);
void armv7m_irq(int irq)
{
	if (board_irq(irq))
		return;
	NVIC_ICER(irq / 32) = 1u << (irq % 32);
	core_irq_interrupt(irq);
}

/* ---- halt: ARM semihosting SYS_EXIT_EXTENDED (QEMU -semihosting-config enable=on) ---- */
#define SEMIHOST_SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATIONEXIT 0x20026

void plat_halt(int code)
{
	/* QEMU exits with `code` as its status; SYS_EXIT (0x18) could only say success/failure */
	static volatile uint32_t block[2];
	__asm__ volatile("cpsid i" ::: "memory");
	block[0] = ADP_STOPPED_APPLICATIONEXIT;
	block[1] = (uint32_t)code;
	register uint32_t r0 __asm__("r0") = SEMIHOST_SYS_EXIT_EXTENDED;
	register volatile uint32_t *r1 __asm__("r1") = block;
	__asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
	for (;;)                        /* real hardware without a debugger: stop here */
		__asm__ volatile("wfi");
}

/* ---- contexts ---- */
extern char armv7m_ctx_trampoline[];

/* Frame popped by plat_ctx_switch (lowest address first): r4 (entry), r5 (arg), r6, r7 (0: the
 * frame pointer), r8-r11, then the address it returns to (the trampoline, a Thumb address). */
void *plat_ctx_init(void *stack_top, void (*entry)(void *), void *arg)
{
	uint32_t *sp = (uint32_t *)((uintptr_t)stack_top & ~(uintptr_t)7);
	*--sp = (uint32_t)(uintptr_t)armv7m_ctx_trampoline | 1;
	for (int i = 11; i >= 6; i--)
		*--sp = 0;                      /* r11..r6 */
	*--sp = (uint32_t)(uintptr_t)arg;       /* r5 */
	*--sp = (uint32_t)(uintptr_t)entry;     /* r4 */
	return sp;
}

/* ---- faults ---- */
static const char *fault_reason(uint32_t vector, uint32_t cfsr, uint32_t hfsr)
{
	switch (vector) {
	case 2: return "NMI";
	case 3: return (hfsr & (1u << 30)) ? "HardFault (escalated)" : (hfsr & 2) ? "HardFault (vector table read)" : "HardFault";
	case 4:
		if (cfsr & 0x01) return "MemManage fault: instruction access violation";
		return "MemManage fault: data access violation";
	case 5:
		if (cfsr & 0x0100) return "BusFault: instruction bus error";
		if (cfsr & 0x0200) return "BusFault: precise data bus error";
		if (cfsr & 0x0400) return "BusFault: imprecise data bus error";
		if (cfsr & 0x1000) return "BusFault: on exception entry stacking";
		return "BusFault";
	case 6:
		if (cfsr & (1u << 16)) return "UsageFault: undefined instruction";
		if (cfsr & (1u << 17)) return "UsageFault: invalid state (not Thumb)";
		if (cfsr & (1u << 18)) return "UsageFault: invalid exception return";
		if (cfsr & (1u << 19)) return "UsageFault: no coprocessor";
		if (cfsr & (1u << 24)) return "UsageFault: unaligned access";
		if (cfsr & (1u << 25)) return "UsageFault: division by zero";
		return "UsageFault";
	default: return "unexpected exception";
	}
}

void armv7m_fault(const uint32_t *frame, uint32_t exc_return, const uint32_t *callee, uint32_t ipsr);
void armv7m_fault(const uint32_t *frame, uint32_t exc_return, const uint32_t *callee, uint32_t ipsr)
{
	static struct plat_regs r;      /* not on the (possibly broken) stack */
	for (int i = 0; i < 4; i++)
		r.r[i] = frame[i];
	for (int i = 0; i < 8; i++)
		r.r[4 + i] = callee[i];
	r.r[12] = frame[4];
	r.lr = frame[5];
	r.pc = frame[6];
	r.xpsr = frame[7];
	/* 8 stacked words, plus one of padding when the CPU aligned the stack (xPSR bit 9) */
	r.sp = (uint32_t)(uintptr_t)frame + 32 + ((r.xpsr >> 9) & 1) * 4;
	r.exc_return = exc_return;
	r.vector = ipsr & 0x1ff;
	r.cfsr = SCB_CFSR;
	r.hfsr = SCB_HFSR;
	r.mmfar = SCB_MMFAR;
	r.bfar = SCB_BFAR;
	core_fault(fault_reason(r.vector, r.cfsr, r.hfsr), &r);
}

/* ---- panic support ---- */
void plat_print_regs(const struct plat_regs *r)
{
	if (!r) {
		/* core_panic: the caller's own context */
		uint32_t sp;
		__asm__ volatile("mov %0, sp" : "=r"(sp));
		puts_("regs: pc="); puthex((uint32_t)(uintptr_t)__builtin_return_address(0));
		puts_(" sp="); puthex(sp);
		puts_("\n");
		return;
	}
	static const char *const names[] = { "pc", "sp", "lr", "xpsr", "r0", "r1", "r2", "r3", "r4",
		"r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "exc_return", "vector", "cfsr", "hfsr" };
	const uint32_t vals[] = { r->pc, r->sp, r->lr, r->xpsr, r->r[0], r->r[1], r->r[2], r->r[3],
		r->r[4], r->r[5], r->r[6], r->r[7], r->r[8], r->r[9], r->r[10], r->r[11], r->r[12],
		r->exc_return, r->vector, r->cfsr, r->hfsr };
	puts_("regs:");
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		plat_cons_putc(' ');
		puts_(names[i]);
		plat_cons_putc('=');
		puthex(vals[i]);
	}
	if (r->vector == 4 && (r->cfsr & 0x80)) {       /* MMFARVALID */
		puts_(" mmfar=");
		puthex(r->mmfar);
	}
	if ((r->vector == 5 || r->vector == 3) && (r->cfsr & 0x8000)) {  /* BFARVALID */
		puts_(" bfar=");
		puthex(r->bfar);
	}
	puts_("\n");
}

/* GCC's Thumb-2 frames do not form a walkable chain (r7 points below the locals, and the saved
 * r7/lr pair sits at a per-function offset), so the backtrace is what is known for certain: the
 * faulting pc and the stacked lr (or, for core_panic, the caller's return address). */
int plat_backtrace(const struct plat_regs *r, uintptr_t *pcs, int max)
{
	int n = 0;
	if (r) {
		if (n < max)
			pcs[n++] = r->pc;
		if (n < max && (r->lr & 1) && (r->lr >> 28) != 0xf)   /* a Thumb return address, not EXC_RETURN */
			pcs[n++] = r->lr & ~1u;
	} else if (n < max) {
		pcs[n++] = (uintptr_t)__builtin_return_address(0);
	}
	return n;
}
