/*
 * The platform interface: defined here by core (layer 2), implemented by every board (layer 1,
 * boards/NAME plus the CPU-family folder it inherits). Core calls these; a board calls back into
 * core only through the three entry points at the bottom.
 */
#ifndef CORE_PLATFORM_H
#define CORE_PLATFORM_H
#include <stddef.h>
#include <stdint.h>

/* console UART */
void plat_cons_putc(int c);
int plat_cons_getc(void);                       /* -1 when nothing is waiting */

/* clock: monotonic nanoseconds since boot, and wall-clock seconds at boot (RTC, 0 if none) */
uint64_t plat_clock_ns(void);
int64_t plat_wall_boot_sec(void);
uint64_t plat_cycles(void);                     /* free-running cycle counter (TSC, DWT, ...) */
uint64_t plat_cycles_per_sec(void);
uint64_t plat_boot_cycles(void);                /* cycle counter read first thing at entry */

/* one-shot timer: raise core_timer_interrupt() at or soon after deadline_ns (monotonic);
 * a later call replaces the earlier deadline; 0 cancels */
void plat_timer_set(uint64_t deadline_ns);

/* interrupts of the CPU */
unsigned long plat_intr_disable(void);
void plat_intr_restore(unsigned long state);
void plat_cpu_idle(void);                       /* atomically enable interrupts and wait for one;
                                                   returns with interrupts disabled again */
/* route and enable a device interrupt line (0 = ok). A board may mask a level-triggered line when
 * it fires; core calls plat_irq_unmask() again after the line's handlers have run. */
int plat_irq_unmask(int irq);

/* PCI (optional: core has weak defaults that answer "no PCI bus" for boards without one).
 * Configuration space of bus:dev.fn, 32-bit registers (reg a multiple of 4); 0 = ok. */
int plat_pci_conf_read(unsigned bus, unsigned dev, unsigned fn, unsigned reg, uint32_t *val);
int plat_pci_conf_write(unsigned bus, unsigned dev, unsigned fn, unsigned reg, uint32_t val);
/* the board interrupt line (an irq for plat_irq_unmask) of a PCI function whose configuration
 * space "interrupt line" register holds intrline; -1 when it has none */
int plat_pci_irq_route(unsigned bus, unsigned dev, unsigned fn, int intrline);
/* device memory at physical address pa as the CPU addresses it (NULL: cannot be mapped), and
 * the physical (bus) address of memory the CPU addresses as va, for DMA */
void *plat_mmio_map(uintptr_t pa, size_t len);
uintptr_t plat_virt_to_phys(const void *va);

/* memory the core may allocate from (the image, stacks of the boot thread excluded) */
struct plat_memregion { uintptr_t base; size_t len; };
int plat_memregions(struct plat_memregion *out, int max);
/* memory the board set aside for the main thread (its stack and, above it, core's thread record):
 * its size, 0 for none (then core allocates the stack, of the "rumpsdk.main_stack" parameter's
 * size; optional: core has a weak default). A board sets it aside, sized from that parameter when
 * the image is built, where the boot touches no RAM the loader has not written (qemu-x86: below
 * the image) */
size_t plat_main_stack(void **base);

/* randomness: fill buf from the best source; return its name */
const char *plat_random(void *buf, size_t len);

/* stop: exit code to the emulator or board (QEMU: isa-debug-exit), or reboot */
void plat_halt(int code) __attribute__((noreturn));

/* CPU context (arch part of the board): a new thread's initial stack, and the switch */
void *plat_ctx_init(void *stack_top, void (*entry)(void *), void *arg);
void plat_ctx_switch(void **save_sp, void *new_sp);

/* panic report support: registers of the faulting context, and a frame-pointer backtrace */
struct plat_regs;                               /* board-defined */
/* r == NULL means the caller's own context (core_panic) */
void plat_print_regs(const struct plat_regs *r);/* "regs: name=0x... ...\n", one line */
int plat_backtrace(const struct plat_regs *r, uintptr_t *pcs, int max);

/* The board's linker script defines: __init_array_start/__init_array_end (constructors),
 * __build_id_start/__build_id_end (around .note.gnu.build-id), _end (end of the image). */

/* ---- entry points into core, called by the board ---- */
/* after CPU, console, clock and interrupt setup, entered with CPU interrupts enabled (and no
 * interrupt source unmasked or timer armed yet): never returns */
void core_start(const char *cmdline) __attribute__((noreturn));
void core_timer_interrupt(void);                /* in interrupt context */
void core_irq_interrupt(int irq);               /* in interrupt context */
/* a CPU exception: prints the panic report and halts */
void core_fault(const char *reason, const struct plat_regs *r) __attribute__((noreturn));
#endif
