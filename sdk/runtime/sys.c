/*
 * The runtime's only way down: console output and waiting through rump syscalls, time, heap
 * memory and exit through hypercalls. Nothing else in the runtime includes a lower layer's header.
 */
#include "internal.h"
#include <rump/rump.h>
#include <rump/rump_syscalls.h>
#include <rump/rumpuser.h>

void rt_sys_init(void) { rump_init(); }

void rt_sys_write(int fd, const void *buf, size_t n) {
	const char *p = (const char *)buf;
	while (n > 0) {
		long w = (long)rump_sys_write(fd, p, n);
		if (w <= 0) return;
		p += w;
		n -= (size_t)w;
	}
}

void rt_sys_wait_ms(double ms) {
	int t = ms < 0 ? 0 : ms > 1e9 ? 1000000000 : (int)(ms + 0.999);
	rump_sys_poll(0, 0, t);
}

uint64_t rt_sys_now_ns(void) {
	int64_t sec = 0;
	long nsec = 0;
	rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, &sec, &nsec);
	return (uint64_t)sec * 1000000000u + (uint64_t)nsec;
}

void *rt_sys_heap(size_t size) {
	void *p = 0;
	if (rumpuser_malloc(size, 0, &p) != 0 || !p) rt_panic("cannot allocate the GC heap (RT_HEAP_SIZE)");
	return p;
}

void rt_sys_exit(int code) { rumpuser_exit(code); }

/* A panic the kernel's way: "panic: <reason>" on the console, then the hypercall prints the report. */
void rt_sys_panic(const char *msg) {
	rumpuser_dprintf("panic: %s\n", msg);
	rumpuser_exit(RUMPUSER_PANIC);
	for (;;) {}
}

/* The size of the thread stack the application runs on: the parameter "rumpsdk.main_stack" that
 * the board (core's main thread) or the host (its stack limit) answers; 1 MiB when unanswered. */
size_t rt_sys_stack_size(void) {
	char buf[24];
	size_t v = 0;
	if (rumpuser_getparam("rumpsdk.main_stack", buf, sizeof buf) != 0) return 1024 * 1024;
	for (const char *c = buf; *c >= '0' && *c <= '9'; c++) v = v * 10 + (size_t)(*c - '0');
	return v ? v : 1024 * 1024;
}

/* A parameter of the board or the application's rumpsdk.json "params" (the hypercall
 * rumpuser_getparam): 0 and a NUL-terminated value in buf, or nonzero when unanswered. */
int rt_sys_param(const char *name, char *buf, size_t n) { return rumpuser_getparam(name, buf, n); }
