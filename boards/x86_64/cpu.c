/*
 * x86-64 family: start-up in C, exceptions and interrupt dispatch, CPU interrupt state,
 * contexts, panic support (registers, backtrace), randomness, halt.
 */
#include "x86.h"

/* ---- tiny console helpers (the board may not call core's printf) ---- */
static void puts_(const char *s)
{
	while (*s)
		plat_cons_putc(*s++);
}
static void puthex(uint64_t v)
{
	puts_("0x");
	for (int i = 60; i >= 0; i -= 4)
		plat_cons_putc("0123456789abcdef"[(v >> i) & 0xf]);
}

/* ---- IDT ---- */
struct idt_gate {
	uint16_t off_lo, sel;
	uint8_t ist, type;
	uint16_t off_mid;
	uint32_t off_hi, zero;
} __attribute__((packed));
static struct idt_gate idt[256] __attribute__((aligned(16)));
extern char x86_trap_stubs[];

void x86_idt_init(void)
{
	for (int i = 0; i < 256; i++) {
		uint64_t a = (uint64_t)(uintptr_t)(x86_trap_stubs + 16 * i);
		idt[i] = (struct idt_gate){ (uint16_t)a, 0x08, 0, 0x8e /* present interrupt gate */,
			(uint16_t)(a >> 16), (uint32_t)(a >> 32), 0 };
	}
	struct { uint16_t limit; uint64_t base; } __attribute__((packed)) p = { sizeof idt - 1, (uintptr_t)idt };
	__asm__ volatile("lidt %0" :: "m"(p));
}

static const char *const exc_names[32] = {
	"#DE divide error", "#DB debug", "NMI", "#BP breakpoint", "#OF overflow",
	"#BR bound range", "#UD invalid opcode", "#NM device not available", "#DF double fault",
	"coprocessor segment overrun", "#TS invalid TSS", "#NP segment not present",
	"#SS stack fault", "#GP general protection", "#PF page fault", "exception 15",
	"#MF x87 floating point", "#AC alignment check", "#MC machine check",
	"#XM SIMD floating point", "#VE virtualization", "#CP control protection",
};

void x86_trap(struct plat_regs *r);
void x86_trap(struct plat_regs *r)
{
	uint64_t v = r->vector;
	if (v < 32) {
		core_fault(exc_names[v] ? exc_names[v] : "reserved CPU exception", r);
	} else if (v >= X86_VEC_IRQ0 && v < X86_VEC_IRQ0 + X86_NIRQ) {
		int gsi = (int)(v - X86_VEC_IRQ0);
		x86_irq_fired(gsi);
		x86_apic_eoi();
		core_irq_interrupt(gsi);
	} else if (v == X86_VEC_TIMER) {
		x86_apic_eoi();
		core_timer_interrupt();
	} else if (v == X86_VEC_SPURIOUS || (v >= X86_VEC_PIC0 && v < X86_VEC_PIC0 + 16)) {
		/* spurious LAPIC or (masked) 8259 interrupt: nothing to acknowledge */
	} else {
		core_fault("unexpected interrupt vector", r);
	}
}

/* ---- start-up ---- */
void x86_start(uint32_t boot_magic, uint32_t boot_info)
{
	board_console_init();
	x86_idt_init();
	x86_apic_init();
	x86_clock_start();
	const char *cmdline = board_init(boot_magic, boot_info);
	/* no interrupt source is unmasked yet (the LAPIC timer counts down from its maximum for the
	   calibration window, clock.c); core_start expects interrupts enabled */
	__asm__ volatile("sti");
	core_start(cmdline);
}

/* ---- CPU interrupt state ---- */
unsigned long plat_intr_disable(void)
{
	unsigned long f;
	__asm__ volatile("pushfq; popq %0; cli" : "=r"(f) :: "memory");
	return f & 0x200;
}

void plat_intr_restore(unsigned long state)
{
	if (state & 0x200)
		__asm__ volatile("sti" ::: "memory");
}

void plat_cpu_idle(void)
{
	/* sti takes effect after the next instruction, so no interrupt slips in before hlt */
	__asm__ volatile("sti; hlt; cli" ::: "memory");
}

void plat_halt(int code)
{
	__asm__ volatile("cli");
	outl(0xf4, (uint32_t)code);     /* isa-debug-exit: QEMU exits with (code << 1) | 1 */
	for (;;)
		__asm__ volatile("hlt");
}

/* ---- contexts ---- */
extern char x86_ctx_trampoline[];

/* Frame popped by plat_ctx_switch (lowest address first): MXCSR + x87 control word, r15, r14,
 * r13 (arg), r12 (entry), rbx, rbp (0: ends backtraces), return address (the trampoline). */
void *plat_ctx_init(void *stack_top, void (*entry)(void *), void *arg)
{
	uint64_t *sp = (uint64_t *)((uintptr_t)stack_top & ~(uintptr_t)15);
	*--sp = (uint64_t)(uintptr_t)x86_ctx_trampoline;
	*--sp = 0;                              /* rbp */
	*--sp = 0;                              /* rbx */
	*--sp = (uint64_t)(uintptr_t)entry;     /* r12 */
	*--sp = (uint64_t)(uintptr_t)arg;       /* r13 */
	*--sp = 0;                              /* r14 */
	*--sp = 0;                              /* r15 */
	*--sp = 0x1f80 | ((uint64_t)0x37f << 32);  /* MXCSR default, x87 control word default */
	return sp;
}

/* ---- panic support ---- */
void plat_print_regs(const struct plat_regs *r)
{
	if (!r) {
		/* core_panic: the caller's own context; the other registers mean nothing here */
		puts_("regs: rip="); puthex((uintptr_t)__builtin_return_address(0));
		uint64_t rsp;
		__asm__ volatile("mov %%rsp, %0" : "=r"(rsp));
		puts_(" rsp="); puthex(rsp);
		puts_(" rbp="); puthex((uintptr_t)__builtin_frame_address(0));
		puts_("\n");
		return;
	}
	static const char *const names[] = { "rip", "rsp", "rbp", "rax", "rbx", "rcx", "rdx",
		"rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rflags", "cs",
		"error", "vector" };
	const uint64_t vals[] = { r->rip, r->rsp, r->rbp, r->rax, r->rbx, r->rcx, r->rdx, r->rsi,
		r->rdi, r->r8, r->r9, r->r10, r->r11, r->r12, r->r13, r->r14, r->r15, r->rflags,
		r->cs, r->error, r->vector };
	puts_("regs:");
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		plat_cons_putc(' ');
		puts_(names[i]);
		plat_cons_putc('=');
		puthex(vals[i]);
	}
	if (r->vector == 14) {
		puts_(" cr2=");
		puthex(r->cr2);
	}
	puts_("\n");
}

static int in_text(uint64_t pc)
{
	return pc >= (uintptr_t)__text_start && pc < (uintptr_t)__text_end;
}

/* Walk the rbp chain: each frame is [saved rbp][return address]. Frames must lie in the
 * identity-mapped 4 GiB, be aligned, move up the stack by less than 1 MiB each, and return
 * into .text; anything else ends the walk. */
int plat_backtrace(const struct plat_regs *r, uintptr_t *pcs, int max)
{
	int n = 0;
	uint64_t fp;
	if (r) {
		if (n < max)
			pcs[n++] = r->rip;
		fp = r->rbp;
	} else {
		fp = (uintptr_t)__builtin_frame_address(0);
	}
	while (n < max && fp >= 4096 && fp < 0xfffffff0ull && !(fp & 7)) {
		const uint64_t *f = (const uint64_t *)(uintptr_t)fp;
		if (!in_text(f[1]))
			break;
		pcs[n++] = f[1];
		if (f[0] <= fp || f[0] - fp > (1u << 20))
			break;
		fp = f[0];
	}
	return n;
}

/* ---- randomness ---- */
static int has_rdrand = -1, has_rdseed;

static int rdrand64(uint64_t *v, int seed)
{
	for (int tries = 0; tries < 16; tries++) {
		unsigned char ok;
		if (seed)
			__asm__ volatile("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok) :: "cc");
		else
			__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok) :: "cc");
		if (ok)
			return 1;
	}
	return 0;
}

static uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* fallback: fold the low bits of many TSC deltas around port I/O (whose timing jitters) */
static uint64_t jitter64(void)
{
	static uint64_t pool = 0x9e3779b97f4a7c15ull;
	for (int i = 0; i < 64; i++) {
		uint64_t t0 = rdtsc();
		(void)inb(0x80);
		uint64_t d = rdtsc() - t0;
		pool = mix64(pool ^ (d << (i & 31)) ^ t0);
	}
	return pool;
}

const char *plat_random(void *buf, size_t len)
{
	if (has_rdrand < 0) {
		uint32_t r[4];
		cpuid(1, 0, r);
		has_rdrand = (r[2] >> 30) & 1;
		cpuid(0, 0, r);
		if (r[0] >= 7) {
			cpuid(7, 0, r);
			has_rdseed = (r[1] >> 18) & 1;
		}
	}
	const char *src = has_rdseed ? "rdseed" : has_rdrand ? "rdrand" : "tsc-jitter";
	unsigned char *p = buf;
	while (len) {
		uint64_t v;
		if (!((has_rdseed && rdrand64(&v, 1)) || (has_rdrand && rdrand64(&v, 0)))) {
			v = jitter64();
			src = "tsc-jitter";
		}
		size_t n = len < 8 ? len : 8;
		for (size_t i = 0; i < n; i++)
			p[i] = (unsigned char)(v >> (8 * i));
		p += n;
		len -= n;
	}
	return src;
}
