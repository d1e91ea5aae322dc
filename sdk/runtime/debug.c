/*
 * Natives behind sdk/api/shell.ts (the on-device debug shell) that need no kernel call:
 * the stack the JavaScript thread uses, and a deliberate fault for the crash-decoding flow.
 * (Its kernel queries, interfaces and sockets, are in io.c: only sys.c and io.c call the kernel.)
 */
#include "internal.h"

extern char *rt_stack_limit; /* gc.c: the stack top - its size + the 68 KiB kept for errors (once fixed) */

/* { size, used }: the stack of the thread running the event loop, bytes in use right now */
rt_value rt_debug_stack(void) {
	char probe;
	rt_stack_limit_fix();
	size_t size = rt_sys_stack_size();
	char *top = rt_stack_limit + size - 64 * 1024 - 4096;
	rt_value o = rt_obj_new_sized(rt_proto_object, 2);
	rt_obj_set_c(o, "size", rt_num((double)size));
	rt_obj_set_c(o, "used", rt_num((double)(top - &probe)));
	return o;
}

/* writes through a pointer no board maps (non-canonical on x86-64: a #GP fault; on the host
 * board a SIGSEGV): the CPU exception ends in core's panic report, whose backtrace passes
 * through the compiled TypeScript that called this */
__attribute__((noinline)) void rt_debug_fault(double value) {
	/* a leaf function may skip setting up its frame (-Os), and the backtrace, which follows the
	   frame pointers, would then miss its caller: asking for the frame address makes one */
	void *volatile fp = __builtin_frame_address(0);
#if UINTPTR_MAX > 0xffffffffu
	volatile uint32_t *bad = (volatile uint32_t *)(uintptr_t)0xdead000000000010ULL;
#else
	/* 32-bit boards: in the external-device range, which no board of the SDK decodes (a bus fault) */
	volatile uint32_t *bad = (volatile uint32_t *)(uintptr_t)0xdead0010u;
#endif
	*bad = (uint32_t)value;
	(void)fp;
}
