/*
 * x86-64 family memory map for core: the board's entry code adds the RAM ranges its loader or
 * firmware reports (x86_memregion_add); plat_memregions hands them to core.
 */
#include "x86.h"

#define MAXREGIONS 32
static struct plat_memregion regions[MAXREGIONS];
static int nregions;

/* keep [base, base+len) minus everything below floor and above 4 GiB (the identity map ends
 * there); pieces of a page or less are dropped */
void x86_memregion_add(uint64_t base, uint64_t len, uint64_t floor)
{
	uint64_t end = base + len;
	base = (base + 4095) & ~4095ull;
	if (base < floor)
		base = (floor + 4095) & ~4095ull;
	if (end > (1ull << 32))
		end = 1ull << 32;
	end &= ~4095ull;
	if (end <= base + 4096 || nregions == MAXREGIONS)
		return;
	/* the same range reported twice (or contiguous with the previous one): merge */
	if (nregions && regions[nregions - 1].base + regions[nregions - 1].len == base) {
		regions[nregions - 1].len += (size_t)(end - base);
		return;
	}
	regions[nregions++] = (struct plat_memregion){ (uintptr_t)base, (size_t)(end - base) };
}

int plat_memregions(struct plat_memregion *out, int max)
{
	int n = nregions < max ? nregions : max;
	for (int i = 0; i < n; i++)
		out[i] = regions[i];
	return n;
}
