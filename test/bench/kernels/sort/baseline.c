/* Kernel "sort" in hand-written C: the same computation and output line as main.ts (qsort). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define COUNT 100000
#define ROUNDS 4

static uint32_t seed = 2463534242u;
static uint32_t next(void) {
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

static int cmp(const void *pa, const void *pb) {
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

int main(void) {
	double *values = malloc(COUNT * sizeof(double));
	if (!values) return 1;
	double checksum = 0;
	int unsorted = 0;
	for (int round = 0; round < ROUNDS; round++) {
		for (int i = 0; i < COUNT; i++) values[i] = next() / 1024.0;
		qsort(values, COUNT, sizeof(double), cmp);
		for (int i = 1; i < COUNT; i++) if (values[i - 1] > values[i]) unsorted++;
		for (int i = 0; i < COUNT; i += 1000) checksum += values[i];
		checksum += values[COUNT - 1];
	}
	printf("sort: %d x %d numbers: unsorted %d checksum %.0f\n", ROUNDS, COUNT, unsorted, floor(checksum * 1024));
	free(values);
	return 0;
}
