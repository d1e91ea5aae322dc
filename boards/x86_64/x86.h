/*
 * x86-64 CPU family: declarations shared by the family's files and the boards that inherit it.
 * Uses: core/platform.h only. Boards include this as "../x86_64/x86.h".
 */
#ifndef X86_64_X86_H
#define X86_64_X86_H
#include <stddef.h>
#include <stdint.h>
#include <core/platform.h>

/* Registers of an interrupted context, in the order trap.S pushes them (lowest address first). */
struct plat_regs {
	uint64_t cr2;                   /* only meaningful for #PF (vector 14) */
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;         /* error is 0 for vectors without an error code */
	uint64_t rip, cs, rflags, rsp, ss;
};

/* Interrupt vectors. IOAPIC input g (a GSI, which is what plat_irq_unmask() takes) arrives at
 * X86_VEC_IRQ0 + g; the 8259s are remapped to 0xe0..0xef and masked. */
#define X86_VEC_IRQ0     0x20
#define X86_NIRQ         24
#define X86_VEC_TIMER    0x40
#define X86_VEC_PIC0     0xe0
#define X86_VEC_SPURIOUS 0xff

static inline void outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" :: "a"(v), "Nd"(port)); }
static inline uint8_t inb(uint16_t port) { uint8_t v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline void outl(uint16_t port, uint32_t v) { __asm__ volatile("outl %0, %1" :: "a"(v), "Nd"(port)); }
static inline uint32_t inl(uint16_t port) { uint32_t v; __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}
static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}
static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" :: "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}
static inline void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}
/* a * b / c with a 128-bit intermediate; the quotient must fit in 64 bits */
static inline uint64_t muldiv64(uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t q, r;
	__asm__("mulq %3; divq %4" : "=a"(q), "=&d"(r) : "a"(a), "rm"(b), "rm"(c) : "cc");
	(void)r;
	return q;
}

/* family internals (cpu.c, clock.c, apic.c) */
extern uint64_t x86_boot_tsc;                 /* the board's entry: TSC read first thing */
void x86_idt_init(void);
void x86_clock_start(void);                   /* opens the TSC + LAPIC timer calibration window (the
                                                 first use of the clock closes it) */
void x86_apic_init(void);                     /* 8259 off, LAPIC and IOAPIC on */
void x86_apic_eoi(void);
void x86_lapic_timer_arm(uint64_t ticks);     /* 0 stops */
uint32_t x86_lapic_timer_count(void);
void x86_irq_fired(int gsi);                  /* masks a level-triggered line until re-unmasked */
void x86_start(uint32_t boot_magic, uint32_t boot_info);  /* the entry's C part, on the boot stack */
/* memmap.c: RAM for core, clipped to [floor, 4 GiB) */
void x86_memregion_add(uint64_t base, uint64_t len, uint64_t floor);

/* ---- hooks ---- */
/* console up, as early as possible (before anything prints): uart.c (the 16550 of board.json
 * "console"), with plat_cons_putc/getc */
void board_console_init(void);
/* each board: its boot information (the two words its entry passed to x86_start: multiboot magic
 * and information address; unused by UEFI boards, which gathered everything before exiting boot
 * services) into x86_memregion_add; returns the command line of key=value words ("" if none) */
const char *board_init(uint32_t boot_magic, uint32_t boot_info);

/* linker script symbols */
extern char __image_start[], __text_start[], __text_end[], _end[];
#endif
