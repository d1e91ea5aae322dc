/* Kernel "movavg" in hand-written C: the same computation and output line as main.ts. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#define SAMPLES 10000000
#define WINDOW 64

int main(void) {
	double ring[WINDOW] = {0};
	uint32_t x = 88172645u;
	double sum = 0, ema = 25, acc = 0;
	int crossings = 0, high = 0;
	for (int i = 0; i < SAMPLES; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		double sample = 20 + ((double)(x >> 8) / 16777216.0) * 10;
		int j = i & (WINDOW - 1);
		sum += sample - ring[j];
		ring[j] = sample;
		double avg = sum / WINDOW;
		ema += (sample - ema) * 0.125;
		acc += avg;
		if (high ? avg < 24.9 : avg > 25.1) {
			high = !high;
			crossings++;
		}
	}
	printf("movavg: %d samples: acc %.0f ema %.0f crossings %d\n", SAMPLES, floor(acc * 1000), floor(ema * 1e6), crossings);
	return 0;
}
