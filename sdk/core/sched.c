/*
 * core threads and scheduling: one CPU, cooperative. A thread runs until it blocks, yields or
 * exits; interrupt handlers only make threads runnable. Run queue, wait queues and the timer
 * queue are plain linked lists changed with CPU interrupts disabled (the only concurrency is
 * with interrupt handlers). When nothing is runnable, the blocking thread idles the CPU in
 * schedule() on its own stack until an interrupt makes something runnable.
 *
 * Every stack starts (at its lowest address) with a canary; it is checked whenever a thread is
 * about to block, yield or exit, and when switched to; a damaged canary panics naming the thread. Above the canary, a
 * stack of up to 256 KiB is filled with a pattern, so that core_thread_foreach can report the
 * deepest use exactly; of a bigger one only the lowest 16 KiB (filling megabytes costs boot
 * time), so its report is exact only once the thread came that close to overflowing.
 */
#include <core/core.h>
#include <core/platform.h>
#include "core_internal.h"

#define DEFAULT_STACK  (64 * 1024)
#define CANARY_WORDS   32             /* 256 bytes */
#define CANARY         0x5354414b47554152ull   /* "STAKGUAR" */
#define STACK_FILL     0xa5
#define WATERMARK_ALL  (256 * 1024)    /* stacks up to this size are filled whole to measure their use */
#define WATERMARK_ZONE (16 * 1024)     /* the lowest part filled of a bigger stack */
#define NIRQ           64

enum { RUNNING, RUNNABLE, BLOCKED, SLEEPING, EXITED };
static const char *const state_names[] = { "running", "runnable", "blocked", "sleeping", "exited" };

struct core_thread {
	void *sp;                       /* saved stack pointer while not running */
	char name[32];
	int state, flags, prio;         /* prio: wake to the front of the run queue */
	int wakeup;                     /* why the last wait ended: 0 or CORE_ETIMEDOUT */
	core_thread_fn fn;
	void *arg;
	unsigned char *stack;
	size_t stack_size;
	struct core_thread *qnext;      /* run queue or wait queue (a thread is on at most one) */
	struct core_waitq *wq;          /* the wait queue it is on */
	struct core_thread *tnext;      /* timer queue, sorted by deadline */
	uint64_t deadline;              /* 0 = not on the timer queue */
	struct core_thread *anext;      /* all threads */
	struct core_waitq joinq;
	void *userslots[CORE_THREAD_USERSLOTS];
};

static struct core_thread boot_thread = { .name = "boot", .state = EXITED };
static struct core_thread *cur = &boot_thread;
void **core_self_userslots = boot_thread.userslots;
static struct core_waitq runq;
static struct core_thread *timerq, *allthreads, *zombies;
static unsigned long intr_on;           /* plat_intr_disable() token meaning "enabled" */

static void check_stack(struct core_thread *t);

static size_t watermark_zone(size_t stack_size)
{
	return stack_size <= WATERMARK_ALL ? stack_size : WATERMARK_ZONE;
}

unsigned long core_intr_disable(void) { return plat_intr_disable(); }
void core_intr_restore(unsigned long s) { plat_intr_restore(s); }

/* ---- queues (interrupts disabled) ---- */
static void q_append(struct core_waitq *q, struct core_thread *t)
{
	t->qnext = 0;
	if (q->tail)
		q->tail->qnext = t;
	else
		q->head = t;
	q->tail = t;
}

static struct core_thread *q_pop(struct core_waitq *q)
{
	struct core_thread *t = q->head;
	if (t) {
		q->head = t->qnext;
		if (!q->head)
			q->tail = 0;
		t->qnext = 0;
	}
	return t;
}

static void q_remove(struct core_waitq *q, struct core_thread *t)
{
	struct core_thread **pp = &q->head, *prev = 0;
	for (; *pp; prev = *pp, pp = &(*pp)->qnext)
		if (*pp == t) {
			*pp = t->qnext;
			if (q->tail == t)
				q->tail = prev;
			t->qnext = 0;
			return;
		}
}

static void make_runnable(struct core_thread *t)
{
	t->state = RUNNABLE;
	if (t->prio) {
		t->qnext = runq.head;
		runq.head = t;
		if (!runq.tail)
			runq.tail = t;
	} else {
		q_append(&runq, t);
	}
}

/* The deadline the platform timer is set for (0: none). A thread woken before its deadline leaves
 * the timer set; a later deadline then needs no new setting (on emulated hardware each one traps
 * into the hypervisor): the interrupt at the old one sets the timer for the queue's head. */
static uint64_t armed;

static void arm(uint64_t deadline)
{
	armed = deadline;
	plat_timer_set(deadline);
}

static void timer_insert(struct core_thread *t, uint64_t deadline)
{
	struct core_thread **pp = &timerq;
	while (*pp && (*pp)->deadline <= deadline)
		pp = &(*pp)->tnext;
	t->deadline = deadline;
	t->tnext = *pp;
	*pp = t;
	if (timerq == t && (!armed || deadline < armed))
		arm(deadline);
}

static void timer_remove(struct core_thread *t)
{
	for (struct core_thread **pp = &timerq; *pp; pp = &(*pp)->tnext)
		if (*pp == t) {
			*pp = t->tnext;
			break;
		}
	t->deadline = 0;
	t->tnext = 0;
}

/* in interrupt context */
void core_timer_interrupt(void)
{
	uint64_t now = plat_clock_ns();
	while (timerq && timerq->deadline <= now) {
		struct core_thread *t = timerq;
		timerq = t->tnext;
		t->deadline = 0;
		t->tnext = 0;
		if (t->wq) {
			q_remove(t->wq, t);
			t->wq = 0;
		}
		t->wakeup = CORE_ETIMEDOUT;
		make_runnable(t);
	}
	if (timerq)
		arm(timerq->deadline);
	else
		armed = 0;      /* a one-shot timer that fired is stopped */
}

/* ---- switching ---- */
static void check_stack(struct core_thread *t)
{
	if (!t->stack)
		return;
	const uint64_t *c = (const uint64_t *)t->stack;
	for (int i = 0; i < CANARY_WORDS; i++)
		if (c[i] != CANARY)
			core_panic("stack overflow in thread \"%s\" (stack %zu bytes)", t->name, t->stack_size);
}

static void free_thread(struct core_thread *t)
{
	for (struct core_thread **pp = &allthreads; *pp; pp = &(*pp)->anext)
		if (*pp == t) {
			*pp = t->anext;
			break;
		}
	core_free(t->stack);            /* the thread lives in the same block */
}

static void reap(void)
{
	struct core_thread **pp = &zombies;
	while (*pp) {
		struct core_thread *t = *pp;
		if (t == cur) {
			pp = &t->qnext;
			continue;
		}
		*pp = t->qnext;
		free_thread(t);
	}
}

/* interrupts disabled; the caller has already queued cur wherever it belongs */
static void schedule(void)
{
	struct core_thread *prev = cur, *next;
	while (!(next = q_pop(&runq)))
		plat_cpu_idle();        /* interrupts may make a thread runnable */
	next->state = RUNNING;
	if (next != prev) {
		check_stack(prev);      /* an exited thread's stack is still there until reaped */
		check_stack(next);
		cur = next;
		core_self_userslots = next->userslots;
		plat_ctx_switch(&prev->sp, next->sp);
	}
	reap();
}

static void thread_start(void *arg)
{
	struct core_thread *t = arg;
	reap();
	plat_intr_restore(intr_on);
	t->fn(t->arg);
	core_thread_exit();
}

/* ---- threads ---- */
/* a thread on stack (stack_size bytes, 16-aligned, then room for the thread itself), or on a block
 * of core's allocator when stack is 0 */
static struct core_thread *thread_new(const char *name, core_thread_fn fn, void *arg,
    size_t stack_size, int flags, unsigned char *stack)
{
	/* one block: the stack, then the thread itself above it, out of the way of an overflow */
	if (!stack && !(stack = core_malloc(stack_size + sizeof(struct core_thread), 64)))
		return 0;
	struct core_thread *t = (struct core_thread *)(stack + stack_size);
	__builtin_memset(t, 0, sizeof *t);
	size_t i = 0;
	for (; name && name[i] && i < sizeof t->name - 1; i++)
		t->name[i] = name[i];
	t->name[i] = 0;
	t->flags = flags;
	t->fn = fn;
	t->arg = arg;
	t->stack = stack;
	t->stack_size = stack_size;
	/* filling whole large stacks would cost boot time (1 MiB: several ms under QEMU TCG) */
	__builtin_memset(stack, STACK_FILL, watermark_zone(stack_size));
	for (int k = 0; k < CANARY_WORDS; k++)
		((uint64_t *)stack)[k] = CANARY;
	t->sp = plat_ctx_init(stack + stack_size, thread_start, t);
	unsigned long s = plat_intr_disable();
	t->anext = allthreads;
	allthreads = t;
	make_runnable(t);
	plat_intr_restore(s);
	return t;
}

struct core_thread *core_thread_create(const char *name, core_thread_fn fn, void *arg,
    size_t stack_size, int flags)
{
	if (!stack_size)
		stack_size = DEFAULT_STACK;
	stack_size = (stack_size + 15) & ~(size_t)15;
	if (stack_size < 4096)
		stack_size = 4096;
	return thread_new(name, fn, arg, stack_size, flags, 0);
}

void core_thread_exit(void)
{
	plat_intr_disable();
	struct core_thread *t = cur;
	check_stack(t);
	t->state = EXITED;
	core_waitq_wake_all(&t->joinq);
	if (!(t->flags & CORE_THREAD_JOINABLE)) {
		t->qnext = zombies;
		zombies = t;
	}
	schedule();
	core_panic("exited thread resumed");
}

int core_thread_join(struct core_thread *t)
{
	if (!t || !(t->flags & CORE_THREAD_JOINABLE) || t == cur)
		return CORE_EINVAL;
	while (t->state != EXITED)
		core_waitq_wait(&t->joinq, 0);
	free_thread(t);
	return 0;
}

struct core_thread *core_thread_self(void) { return cur; }
const char *core_thread_name(struct core_thread *t) { return t ? t->name : "?"; }
const char *core_thread_current_name(void) { return cur->name; }

void core_thread_yield(void)
{
	unsigned long s = plat_intr_disable();
	check_stack(cur);
	int prio = cur->prio;
	cur->prio = 0;                  /* a yield always goes to the back */
	make_runnable(cur);
	cur->prio = prio;
	schedule();
	plat_intr_restore(s);
}

void core_thread_foreach(void (*fn)(const struct core_thread_info *, void *), void *arg)
{
	for (struct core_thread *t = allthreads; t; t = t->anext) {
		/* deepest use seen, exact once it reaches the watermark zone; an upper bound before */
		size_t zone = watermark_zone(t->stack_size);
		size_t untouched = CANARY_WORDS * 8;
		while (untouched < zone && t->stack[untouched] == STACK_FILL)
			untouched++;
		struct core_thread_info info = { t->name, state_names[t->state], t->stack_size,
			t->stack_size - untouched, untouched < zone || zone == t->stack_size };
		fn(&info, arg);
	}
}

/* ---- sleep and wake-up ---- */
void core_waitq_init(struct core_waitq *wq) { wq->head = wq->tail = 0; }
int core_waitq_empty(const struct core_waitq *wq) { return !wq->head; }

int core_waitq_wait(struct core_waitq *wq, uint64_t deadline_ns)
{
	unsigned long s = plat_intr_disable();
	check_stack(cur);       /* before an overflow's damage below the stack is used */
	if (deadline_ns && deadline_ns <= plat_clock_ns()) {
		plat_intr_restore(s);
		return CORE_ETIMEDOUT;
	}
	struct core_thread *t = cur;
	t->state = deadline_ns ? SLEEPING : BLOCKED;
	t->wakeup = 0;
	t->wq = wq;
	q_append(wq, t);
	if (deadline_ns)
		timer_insert(t, deadline_ns);
	schedule();
	plat_intr_restore(s);
	return t->wakeup;
}

static void wake(struct core_thread *t)
{
	t->wq = 0;
	if (t->deadline)
		timer_remove(t);
	t->wakeup = 0;
	make_runnable(t);
}

void core_waitq_wake_one(struct core_waitq *wq)
{
	unsigned long s = plat_intr_disable();
	struct core_thread *t = q_pop(wq);
	if (t)
		wake(t);
	plat_intr_restore(s);
}

void core_waitq_wake_all(struct core_waitq *wq)
{
	unsigned long s = plat_intr_disable();
	struct core_thread *t;
	while ((t = q_pop(wq)))
		wake(t);
	plat_intr_restore(s);
}

void core_sleep_until(uint64_t deadline_ns)
{
	unsigned long s = plat_intr_disable();
	check_stack(cur);
	if (deadline_ns > plat_clock_ns()) {
		cur->state = SLEEPING;
		cur->wq = 0;
		timer_insert(cur, deadline_ns);
		schedule();
	}
	plat_intr_restore(s);
}

void core_sleep_ns(uint64_t ns)
{
	core_sleep_until(plat_clock_ns() + ns);
}

/* ---- interrupts: handlers run in the "intr" thread ---- */
struct irq_handler {
	int (*fn)(void *);
	void *arg;
	struct irq_handler *next;
};
static struct irq_handler *irq_handlers[NIRQ];
static volatile uint64_t irq_pending;
static struct core_waitq irq_wq;
static struct core_thread *irq_thread;

/* in interrupt context */
void core_irq_interrupt(int irq)
{
	if (irq >= 0 && irq < NIRQ) {
		irq_pending |= 1ull << irq;
		core_waitq_wake_one(&irq_wq);
	}
}

static void irq_loop(void *arg)
{
	(void)arg;
	for (;;) {
		unsigned long s = plat_intr_disable();
		uint64_t p;
		while (!(p = irq_pending))
			core_waitq_wait(&irq_wq, 0);
		irq_pending = 0;
		plat_intr_restore(s);
		for (int irq = 0; irq < NIRQ; irq++) {
			if (!(p & (1ull << irq)))
				continue;
			for (struct irq_handler *h = irq_handlers[irq]; h; h = h->next)
				h->fn(h->arg);
			plat_irq_unmask(irq);
		}
	}
}

int core_irq_establish(int irq, int (*handler)(void *), void *arg)
{
	if (irq < 0 || irq >= NIRQ || !handler)
		return CORE_EINVAL;
	if (!irq_thread) {
		irq_thread = core_thread_create("intr", irq_loop, 0, 0, 0);
		if (!irq_thread)
			return CORE_ENOMEM;
		irq_thread->prio = 1;
	}
	struct irq_handler *h = core_malloc(sizeof *h, 0);
	if (!h)
		return CORE_ENOMEM;
	h->fn = handler;
	h->arg = arg;
	h->next = 0;
	unsigned long s = plat_intr_disable();
	struct irq_handler **pp = &irq_handlers[irq];
	while (*pp)
		pp = &(*pp)->next;
	*pp = h;
	plat_intr_restore(s);
	return plat_irq_unmask(irq) ? CORE_EINVAL : 0;
}

/* ---- start ---- */
__attribute__((weak)) size_t plat_main_stack(void **base)
{
	*base = 0;
	return 0;
}

/* The main thread: on mem (stack bytes: its stack and this thread's record) when the board set
 * memory aside for it (the main thread never exits, so that memory is never freed), else on a
 * stack of that size from core's allocator. */
void core_sched_start(unsigned long on, core_thread_fn main_fn, void *arg, size_t stack, void *mem)
{
	intr_on = on;
	struct core_thread *t;
	if (mem) {      /* a 16-aligned stack, then the thread's record */
		unsigned char *lo = (unsigned char *)(((uintptr_t)mem + 15) & ~(uintptr_t)15);
		t = thread_new("main", main_fn, arg,
		    ((unsigned char *)mem + stack - lo - sizeof(struct core_thread)) & ~(size_t)15, 0, lo);
	} else {
		t = core_thread_create("main", main_fn, arg, stack, 0);
	}
	if (!t)
		core_panic("cannot create the main thread");
	plat_intr_disable();
	schedule();             /* the boot context is never resumed */
	core_panic("boot context resumed");
}
