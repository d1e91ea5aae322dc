/*
 * core (layer 2): threads, scheduler, context switch, sleep/wake-up, timers, memory allocation.
 * Used by: sdk/rumpuser (layer 3) and boards/ (layer 1, only through core/platform.h).
 * Uses: the platform interface in core/platform.h, which each board implements.
 *
 * Scheduling is cooperative on one CPU: a thread runs until it blocks, yields or exits.
 * Interrupt handlers never switch threads; they wake threads (core_waitq_wake_*), and the
 * switch happens when the running thread next blocks or yields.
 */
#ifndef CORE_CORE_H
#define CORE_CORE_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ---- errors (NetBSD numbering, as hypercalls return them) ---- */
#define CORE_ETIMEDOUT 60
#define CORE_ENOMEM 12
#define CORE_EINVAL 22
#define CORE_EBUSY 16
#define CORE_ENODEV 19

/* ---- console ---- */
void core_putc(int c);
int core_getc(void);                         /* -1 when no byte is waiting */
void core_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void core_vprintf(const char *fmt, va_list ap);
/* %d %i %u %x %X %p %s %c %ld %lu %lx %lld %llu %llx %zu %zx %%, width and 0-padding */
int core_vsnprintf(char *buf, size_t len, const char *fmt, va_list ap);
int core_snprintf(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---- time ---- */
uint64_t core_clock_monotonic_ns(void);      /* since boot */
int64_t core_clock_wall_ns(void);            /* since 1970-01-01 UTC (board RTC at boot + monotonic) */
uint64_t core_boot_tsc(void);                /* cycle counter at kernel entry (0 if none) */
uint64_t core_cycles(void);                  /* cycle counter now */
uint64_t core_cycles_per_sec(void);

/* ---- threads ---- */
struct core_thread;
typedef void (*core_thread_fn)(void *arg);
#define CORE_THREAD_JOINABLE 0x1
#define CORE_THREAD_USERSLOTS 4
struct core_thread *core_thread_create(const char *name, core_thread_fn fn, void *arg,
    size_t stack_size /* 0 = default */, int flags);
void core_thread_exit(void) __attribute__((noreturn));
int core_thread_join(struct core_thread *t);   /* only for CORE_THREAD_JOINABLE threads */
struct core_thread *core_thread_self(void);
const char *core_thread_name(struct core_thread *t);
void core_thread_yield(void);
/* the running thread's CORE_THREAD_USERSLOTS words for the layer above (rumpuser keeps curlwp and
 * errno there): a variable, not a call, because NetBSD's kernel asks for its current lwp on nearly
 * every lock and per-CPU access, and each call and return is costly under QEMU's TCG. Core points
 * it at the thread it switches to; others only read it */
extern void **core_self_userslots;
/* thread list for diagnostics: calls fn for each live thread */
struct core_thread_info {
	const char *name; const char *state; size_t stack_size;
	size_t stack_used;      /* deepest use seen; when !used_exact, an upper bound */
	int used_exact;
};
void core_thread_foreach(void (*fn)(const struct core_thread_info *, void *), void *arg);

/* ---- sleep and wake-up ---- */
struct core_waitq { struct core_thread *head, *tail; };
#define CORE_WAITQ_INIT { 0, 0 }
void core_waitq_init(struct core_waitq *wq);
/* Block the calling thread until woken or until the monotonic deadline (0 = no deadline).
 * Returns 0 when woken, CORE_ETIMEDOUT at the deadline. */
int core_waitq_wait(struct core_waitq *wq, uint64_t deadline_ns);
void core_waitq_wake_one(struct core_waitq *wq);  /* safe from interrupt handlers */
void core_waitq_wake_all(struct core_waitq *wq);  /* safe from interrupt handlers */
int core_waitq_empty(const struct core_waitq *wq);
void core_sleep_until(uint64_t deadline_ns);
void core_sleep_ns(uint64_t ns);

/* ---- interrupts ---- */
unsigned long core_intr_disable(void);        /* returns the previous state */
void core_intr_restore(unsigned long state);
/* Register a handler for a board interrupt line. The handler runs in a dedicated interrupt
 * thread (thread context), not in the interrupt itself; a non-zero return means "handled". */
int core_irq_establish(int irq, int (*handler)(void *), void *arg);

/* ---- PCI and DMA (the board's, through platform.h; "no PCI" on boards without a bus) ---- */
int core_pci_conf_read(unsigned bus, unsigned dev, unsigned fn, unsigned reg, uint32_t *val);
int core_pci_conf_write(unsigned bus, unsigned dev, unsigned fn, unsigned reg, uint32_t val);
int core_pci_irq_route(unsigned bus, unsigned dev, unsigned fn, int intrline);  /* -1: none */
void *core_mmio_map(uintptr_t pa, size_t len);
uintptr_t core_virt_to_phys(const void *va);

/* ---- memory ---- */
void *core_malloc(size_t size, size_t align);   /* align 0 = 16 */
void core_free(void *p);
struct core_memstats { size_t total, used, peak, free_largest; };
void core_memstats(struct core_memstats *st);

/* ---- randomness ---- */
/* Fills buf; returns the source used ("rdrand", "rdseed", "tsc-jitter", ...). */
const char *core_random(void *buf, size_t len);

/* ---- configuration ---- */
/* key=value parameters of the board and the application, linked into the image. Looked up first
 * in the boot command line (words "key=value"), then in core_params[]. */
const char *core_param(const char *name);
/* The table behind core_param: generated by `rumpsdk build` from board.json "params" (and the
 * application's configuration) as `const struct core_param core_params[]`, ended by { 0, 0 }.
 * core has an empty weak default. */
struct core_param { const char *name; const char *value; };
extern const struct core_param core_params[];

/* ---- termination ---- */
void core_halt(int code) __attribute__((noreturn));        /* stops the machine with an exit code */
/* Prints the machine-readable panic report (see sdk/core/README.md) and halts with code 127. */
void core_panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
