/*
 * The check routine of the C test programs (test/kernel/sockets.c, test/sensors/iic.c): prints
 * "ok NAME" or "FAIL NAME: why (value)" on the console through the hypercall layer and counts
 * the failures (main returns the count, which becomes the exit code).
 */
#ifndef TEST_CHECK_H
#define TEST_CHECK_H
#include <rump/rumpuser.h>

#define say rumpuser_dprintf

static int failures;

static void
check(const char *name, int cond, const char *why, long value)
{
	if (cond) {
		say("ok %s\n", name);
	} else {
		failures++;
		say("FAIL %s: %s (%ld)\n", name, why, value);
	}
}

#endif
