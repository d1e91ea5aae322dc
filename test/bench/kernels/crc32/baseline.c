/* Kernel "crc32" in hand-written C: the same computation and output line as main.ts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define SIZE (1u << 20)
#define PASSES 12

static uint32_t table[256];

static void make_table(void) {
	for (uint32_t n = 0; n < 256; n++) {
		uint32_t c = n;
		for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
		table[n] = c;
	}
}

static void fill(uint8_t *buf, size_t len, uint32_t seed) {
	uint32_t x = seed;
	for (size_t i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[i] = (uint8_t)x;
	}
}

static uint32_t crc32(const uint8_t *buf, size_t len, uint32_t start) {
	uint32_t crc = ~start;
	for (size_t i = 0; i < len; i++) crc = table[(crc ^ buf[i]) & 0xff] ^ (crc >> 8);
	return ~crc;
}

int main(void) {
	make_table();
	uint8_t *data = malloc(SIZE);
	if (!data) return 1;
	fill(data, SIZE, 2463534242u);
	uint32_t crc = 0;
	for (int pass = 0; pass < PASSES; pass++) {
		data[pass] ^= 0x5a;
		crc = crc32(data, SIZE, crc);
	}
	printf("crc32: %u bytes x %d passes: crc %u\n", SIZE, PASSES, crc);
	free(data);
	return 0;
}
