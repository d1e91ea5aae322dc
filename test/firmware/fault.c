/* Dereferences a bad pointer two calls deep: the board must print the panic report and halt non-zero. */
#include <core/core.h>

static volatile int *bad = (int *)0xdead0000000ULL; /* canonical (bit 47 clear), far above the identity map */

__attribute__((noinline)) static int inner(int x) { return *bad + x; }
__attribute__((noinline)) static int outer(int x) { return inner(x + 1) * 2; }

int main(int argc, char **argv) {
	(void)argv;
	core_printf("fault: about to dereference %p\n", (void *)bad);
	return outer(argc);
}
