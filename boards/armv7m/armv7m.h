/*
 * ARMv7-M family (Cortex-M3): the system control space registers this folder uses, the saved
 * registers of a fault, and the hooks a board provides. Register addresses and bits are those of
 * the ARMv7-M Architecture Reference Manual (system control block, NVIC, SysTick).
 */
#ifndef ARMV7M_H
#define ARMV7M_H
#include <core/platform.h>

#define REG32(a) (*(volatile uint32_t *)(uintptr_t)(a))

/* system control block */
#define SCB_ICSR   REG32(0xe000ed04)
#define SCB_VTOR   REG32(0xe000ed08)
#define SCB_CCR    REG32(0xe000ed14)
#define SCB_SHCSR  REG32(0xe000ed24)
#define SCB_CFSR   REG32(0xe000ed28)   /* UsageFault (31:16), BusFault (15:8), MemManage (7:0) */
#define SCB_HFSR   REG32(0xe000ed2c)
#define SCB_MMFAR  REG32(0xe000ed34)
#define SCB_BFAR   REG32(0xe000ed38)
#define CCR_DIV_0_TRP      (1u << 4)
#define SHCSR_MEMFAULTENA  (1u << 16)
#define SHCSR_BUSFAULTENA  (1u << 17)
#define SHCSR_USGFAULTENA  (1u << 18)

/* NVIC: one bit per external interrupt in each 32-bit word */
#define NVIC_ISER(n) REG32(0xe000e100 + 4 * (n))
#define NVIC_ICER(n) REG32(0xe000e180 + 4 * (n))
#define NVIC_ICPR(n) REG32(0xe000e280 + 4 * (n))

/* A fault's registers: r0-r3, r12, lr, pc, xpsr as the CPU stacked them, r4-r11 saved by the
 * fault entry (cpu.S), the stack pointer before the exception, and the fault status registers. */
struct plat_regs {
	uint32_t r[13];                 /* r0-r12 */
	uint32_t sp, lr, pc, xpsr;
	uint32_t exc_return, vector, cfsr, hfsr, mmfar, bfar;
};

/* ---- provided by the board ---- */
/* number of external interrupts the board's vector table has (NVIC lines 0..n-1) */
extern const int board_nirq;
/* an external interrupt the board handles itself (its clock); 0: not the board's, pass to core */
int board_irq(int irq);
/* console, clock and board devices; returns the boot command line */
const char *board_init(void);

/* ---- provided by the family ---- */
void armv7m_start(void) __attribute__((noreturn));   /* the board's reset code calls this */
void armv7m_fault_entry(void);                       /* vectors 2-6 (NMI and the faults) */
void armv7m_irq_entry(void);                         /* vectors 16+ (external interrupts) */
void armv7m_unexpected_entry(void);                  /* everything else */
#endif
