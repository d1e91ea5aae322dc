/*
 * core start-up, configuration, clock and randomness wrappers, panic and halt.
 */
#include <core/core.h>
#include <core/platform.h>
#include "core_internal.h"

#define MAIN_STACK (1024 * 1024)

int main(int argc, char **argv);        /* the C entry point: runtime or test program */

/* linker script symbols (weak: a board without them still links, and reports "none") */
extern const unsigned char __build_id_start[] __attribute__((weak));
extern const unsigned char __build_id_end[] __attribute__((weak));
extern void (*const __init_array_start[])(void) __attribute__((weak));
extern void (*const __init_array_end[])(void) __attribute__((weak));

/* the build links a generated table over this default */
__attribute__((weak)) const struct core_param core_params[] = { { 0, 0 } };

/* ---- time, randomness ---- */
uint64_t core_clock_monotonic_ns(void) { return plat_clock_ns(); }
int64_t core_clock_wall_ns(void) { return plat_wall_boot_sec() * 1000000000ll + (int64_t)plat_clock_ns(); }
uint64_t core_boot_tsc(void) { return plat_boot_cycles(); }
uint64_t core_cycles(void) { return plat_cycles(); }
uint64_t core_cycles_per_sec(void) { return plat_cycles_per_sec(); }
const char *core_random(void *buf, size_t len) { return plat_random(buf, len); }

/* ---- parameters ---- */
static char *cmdline;                   /* words separated by NULs, ended by an empty word */

static void cmdline_save(const char *s)
{
	size_t n = 0;
	while (s && s[n])
		n++;
	cmdline = core_malloc(n + 2, 0);
	if (!cmdline)
		return;
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			if (j && cmdline[j - 1])
				cmdline[j++] = 0;
		} else {
			cmdline[j++] = s[i];
		}
	}
	if (j && cmdline[j - 1])
		cmdline[j++] = 0;
	cmdline[j] = 0;
}

static const char *match(const char *word, const char *name)
{
	while (*name && *word == *name)
		word++, name++;
	return !*name && *word == '=' ? word + 1 : 0;
}

const char *core_param(const char *name)
{
	for (const char *w = cmdline; w && *w; ) {
		const char *v = match(w, name);
		if (v)
			return v;
		while (*w++)
			;
	}
	for (const struct core_param *p = core_params; p->name; p++) {
		const char *a = p->name, *b = name;
		while (*a && *a == *b)
			a++, b++;
		if (!*a && !*b)
			return p->value;
	}
	return 0;
}

/* ---- start ---- */
/* the main thread's stack when the board sets none aside: parameter "rumpsdk.main_stack" (bytes,
 * decimal), MAIN_STACK without it */
static size_t main_stack_size(void)
{
	const char *v = core_param("rumpsdk.main_stack");
	size_t n = 0;
	for (; v && *v >= '0' && *v <= '9'; v++)
		n = n * 10 + (size_t)(*v - '0');
	return n >= 16384 ? n : MAIN_STACK;
}

static void main_thread(void *arg)
{
	(void)arg;
	if (__init_array_start)
		for (void (*const *f)(void) = __init_array_start; f < __init_array_end; f++)
			(*f)();
	core_halt(main(0, 0));
}

void core_start(const char *cl)
{
	unsigned long on = plat_intr_disable();
	core_mem_init();
	cmdline_save(cl);
	/* the memory a board sets aside was sized from "rumpsdk.main_stack" when the image was built:
	 * no parameter to read at boot */
	void *mem;
	size_t len = plat_main_stack(&mem);
	if (!len)
		mem = 0, len = main_stack_size();
	core_sched_start(on, main_thread, 0, len, mem);
}

/* ---- termination ---- */
void core_halt(int code)
{
	plat_halt(code);
}

__attribute__((noreturn)) static void panic_report(const char *reason, const struct plat_regs *r)
{
	core_printf("\n=== RUMPSDK PANIC ===\nreason: %s\nbuild-id: ", reason);
	/* ELF note: namesz, descsz, type, name (padded to 4), desc (padded to 4) */
	const unsigned char *p = __build_id_start, *end = __build_id_end;
	int found = 0;
	while (p && p + 12 <= end) {
		uint32_t namesz = *(const uint32_t *)p, descsz = *(const uint32_t *)(p + 4);
		uint32_t type = *(const uint32_t *)(p + 8);
		const unsigned char *desc = p + 12 + ((namesz + 3) & ~3u);
		if (type == 3 && namesz == 4 && p[12] == 'G' && p[13] == 'N' && p[14] == 'U' &&
		    desc + descsz <= end) {
			for (uint32_t i = 0; i < descsz; i++)
				core_printf("%02x", desc[i]);
			found = 1;
			break;
		}
		p = desc + ((descsz + 3) & ~3u);
	}
	core_printf("%s\nthread: %s\n", found ? "" : "none", core_thread_current_name());
	plat_print_regs(r);
	uintptr_t pcs[16];
	int n = plat_backtrace(r, pcs, 16);
	core_printf("backtrace:");
	for (int i = 0; i < n; i++)
		core_printf(" 0x%lx", (unsigned long)pcs[i]);
	core_printf("\n=== END PANIC ===\n");
	plat_halt(127);
}

static int panicking;

void core_panic(const char *fmt, ...)
{
	plat_intr_disable();
	if (panicking++) {
		core_printf("\nrecursive panic: %s\n", fmt);
		plat_halt(127);
	}
	char reason[256];
	va_list ap;
	va_start(ap, fmt);
	core_vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	panic_report(reason, 0);
}

void core_fault(const char *reason, const struct plat_regs *r)
{
	plat_intr_disable();
	if (panicking++) {
		core_printf("\nrecursive fault: %s\n", reason);
		plat_halt(127);
	}
	panic_report(reason, r);
}
