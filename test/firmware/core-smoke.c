/*
 * Smoke test of layers 1-2 on firmware boards: threads, sleep, wait queues with timeouts,
 * joins, the allocator, formatting, parameters, randomness. Prints "core-smoke: ok" and
 * returns 3 (QEMU exit status 7). Given the command-line word "fault=ud2" or "fault=null",
 * it faults on purpose instead (expect the panic report and status 255); "fault=overflow"
 * overruns a thread stack (expect a panic naming the thread).
 * Built as a layer-2 client: -Isdk/core/include only.
 */
#include <core/core.h>

/* more than any board has: 512 GiB on 64-bit boards, 2 GiB on 32-bit ones */
#if SIZE_MAX > 0xffffffffu
#define HUGE_ALLOC ((size_t)1 << 39)
#else
#define HUGE_ALLOC ((size_t)1 << 31)
#endif
#define CHECK(c) do { if (!(c)) core_panic("check failed: %s (line %d)", #c, __LINE__); } while (0)

static struct core_waitq wq = CORE_WAITQ_INIT;
static int counter, order[8], norder;

static void sleeper(void *arg)
{
	uint64_t ms = (uint64_t)(uintptr_t)arg;
	core_sleep_ns(ms * 1000000);
	order[norder++] = (int)ms;
}

static void waiter(void *arg)
{
	(void)arg;
	int r = core_waitq_wait(&wq, 0);
	CHECK(r == 0);
	counter++;
}

static void deep(int n)
{
	char buf[200];
	__builtin_memset(buf, n, sizeof buf);
	__asm__ volatile("" :: "r"(buf) : "memory");
	if (n)
		deep(n - 1);
}
static void overflow(void *arg) { (void)arg; deep(48); }   /* ~11 KiB on an 8 KiB stack */

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static int ctor_ran;
__attribute__((constructor)) static void ctor(void) { ctor_ran = 1; }

int main(int argc, char **argv)
{
	uint64_t t_main = core_cycles();
	(void)argc; (void)argv;
	uint64_t hz = core_cycles_per_sec();
	uint64_t boot_cycles = t_main - core_boot_tsc();
	core_printf("core-smoke: entry to main %llu cycles = %llu us (tsc %llu MHz)\n",
	    (unsigned long long)boot_cycles, (unsigned long long)(boot_cycles * 1000000 / hz),
	    (unsigned long long)(hz / 1000000));
	CHECK(ctor_ran);

	const char *f = core_param("fault");
	if (f && f[0] == 'u')
		__builtin_trap();       /* x86: ud2; ARM: udf */
	if (f && f[0] == 'n')
		return *(volatile int *)0x7ffffff00000ull; /* not mapped: page fault */
	if (f && f[0] == 'o') {
		core_thread_join(core_thread_create("smallstack", overflow, 0, 8192, CORE_THREAD_JOINABLE));
		core_thread_yield();
	}

	/* formatting */
	char buf[64];
	core_snprintf(buf, sizeof buf, "%d|%5s|%-4x|%08lx|%c|%llu|%p", -42, "ab", 0xbe, 0x1234ul, 'z',
	    18446744073709551615ull, (void *)0x10);
	core_printf("core-smoke: fmt %s\n", buf);
	CHECK(streq(buf, "-42|   ab|be  |00001234|z|18446744073709551615|0x10"));

	/* allocator */
	struct core_memstats st0, st1;
	core_memstats(&st0);
	void *p[64];
	for (int i = 0; i < 64; i++) {
		size_t align = (size_t)1 << (i % 13);
		p[i] = core_malloc((size_t)(i * 37 + 1), align);
		CHECK(p[i] && !((uintptr_t)p[i] & ((align < 16 ? 16 : align) - 1)));
		__builtin_memset(p[i], i, (size_t)(i * 37 + 1));
	}
	for (int i = 0; i < 64; i += 2)
		core_free(p[i]);
	for (int i = 1; i < 64; i += 2)
		CHECK(((unsigned char *)p[i])[i * 37] == (unsigned char)i);
	for (int i = 1; i < 64; i += 2)
		core_free(p[i]);
	/* a large alignment (its gap in front becomes a free block), then a freed block reused */
	void *big = core_malloc(100, 65536), *a = core_malloc(4000, 0);
	CHECK(big && !((uintptr_t)big & 65535) && a);
	core_free(a);
	CHECK(core_malloc(4000, 0) == a);
	core_free(a);
	core_free(big);
	core_memstats(&st1);
	CHECK(st1.used == st0.used);
	CHECK(st1.free_largest == st0.free_largest);    /* all coalesced again (into the untouched top) */
	CHECK(!core_malloc(HUGE_ALLOC, 0));
	core_printf("core-smoke: mem total %zu KiB, used %zu, peak %zu, largest free %zu KiB\n",
	    st1.total >> 10, st1.used, st1.peak, st1.free_largest >> 10);

	/* sleeping threads wake in deadline order */
	uint64_t t0 = core_clock_monotonic_ns();
	core_thread_create("s30", sleeper, (void *)30, 0, 0);
	core_thread_create("s10", sleeper, (void *)10, 0, 0);
	core_thread_create("s20", sleeper, (void *)20, 0, 0);
	core_sleep_ns(50 * 1000000);
	uint64_t slept = core_clock_monotonic_ns() - t0;
	core_printf("core-smoke: slept %llu us, order %d %d %d\n", (unsigned long long)(slept / 1000),
	    order[0], order[1], order[2]);
	CHECK(norder == 3 && order[0] == 10 && order[1] == 20 && order[2] == 30);
	CHECK(slept >= 50000000 && slept < 200000000);

	/* wait queue: timeout, then wake_one / wake_all */
	t0 = core_clock_monotonic_ns();
	int r = core_waitq_wait(&wq, t0 + 5000000);
	uint64_t waited = core_clock_monotonic_ns() - t0;
	core_printf("core-smoke: waitq timeout r=%d after %llu us\n", r, (unsigned long long)(waited / 1000));
	CHECK(r == CORE_ETIMEDOUT && waited >= 5000000);
	struct core_thread *w[4];
	for (int i = 0; i < 4; i++)
		w[i] = core_thread_create("waiter", waiter, 0, 0, CORE_THREAD_JOINABLE);
	core_thread_yield();
	CHECK(!core_waitq_empty(&wq));
	core_waitq_wake_one(&wq);
	core_thread_yield();
	CHECK(counter == 1);
	core_waitq_wake_all(&wq);
	for (int i = 0; i < 4; i++)
		CHECK(core_thread_join(w[i]) == 0);
	CHECK(counter == 4 && core_waitq_empty(&wq));

	/* misc */
	unsigned char rnd[16];
	const char *src = core_random(rnd, sizeof rnd);
	const char *ncpu = core_param("_RUMPUSER_NCPU");
	core_printf("core-smoke: random from %s: %02x%02x%02x%02x..., wall %lld s, NCPU=%s\n", src,
	    rnd[0], rnd[1], rnd[2], rnd[3], (long long)(core_clock_wall_ns() / 1000000000),
	    ncpu ? ncpu : "(unset)");
	/* a board without a real-time clock says so (board.json params "rumpsdk.rtc": "none"): its
	 * wall clock starts at 1970 */
	const char *rtc = core_param("rumpsdk.rtc");
	CHECK(core_clock_wall_ns() > 1600000000ll * 1000000000ll || (rtc && streq(rtc, "none")));
	core_printf("core-smoke: ok\n");
	return 3;
}
