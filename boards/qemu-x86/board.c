/*
 * qemu-x86 board: what differs from the x86-64 family: the COM1 16550 console and the
 * memory map from the multiboot information.
 */
#include "../x86_64/x86.h"

/* ---- console: 16550 UART at COM1, 115200 8N1, polled ---- */
#define COM1 0x3f8

void board_console_init(void)
{
	outb(COM1 + 1, 0x00);           /* no UART interrupts */
	outb(COM1 + 3, 0x80);           /* DLAB */
	outb(COM1 + 0, 1);              /* divisor 1: 115200 baud */
	outb(COM1 + 1, 0);
	outb(COM1 + 3, 0x03);           /* 8N1 */
	outb(COM1 + 2, 0xc7);           /* FIFOs on, cleared */
	outb(COM1 + 4, 0x03);           /* DTR, RTS */
}

void plat_cons_putc(int c)
{
	for (int i = 0; i < 100000 && !(inb(COM1 + 5) & 0x20); i++)
		;                       /* transmit holding register empty (bounded wait) */
	outb(COM1, (uint8_t)c);
}

int plat_cons_getc(void)
{
	return (inb(COM1 + 5) & 0x01) ? inb(COM1) : -1;
}

/* ---- multiboot information ---- */
#define MB_LOADER_MAGIC 0x2badb002
struct mb_info {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline, mods_count, mods_addr;
	uint32_t syms[4], mmap_length, mmap_addr;
};
struct mb_mmap {
	uint32_t size;                  /* of the rest of the entry */
	uint64_t addr, len;
	uint32_t type;                  /* 1 = available RAM */
} __attribute__((packed));

#define MAXREGIONS 8
static struct plat_memregion regions[MAXREGIONS];
static int nregions;
static char cmdline[512];

/* keep [base, base+len) minus everything below the end of the image (which includes the boot
 * stack, the page tables and, below 1 MiB, the BIOS areas and the multiboot information) and
 * above 4 GiB (not mapped) */
static void add_region(uint64_t base, uint64_t len)
{
	uint64_t lo = ((uintptr_t)_end + 4095) & ~4095ull, end = base + len;
	if (base < lo)
		base = lo;
	if (end > (1ull << 32))
		end = 1ull << 32;
	if (end <= base + 4096 || nregions == MAXREGIONS)
		return;
	regions[nregions++] = (struct plat_memregion){ (uintptr_t)base, (size_t)(end - base) };
}

const char *board_init(uint32_t magic, uint32_t info)
{
	if (magic != MB_LOADER_MAGIC)
		return "";
	const struct mb_info *mb = (const struct mb_info *)(uintptr_t)info;
	if (mb->flags & (1u << 2)) {    /* command line (QEMU: "<kernel path> <-append text>") */
		const char *s = (const char *)(uintptr_t)mb->cmdline;
		size_t i = 0;
		while (s[i] && i < sizeof cmdline - 1) {
			cmdline[i] = s[i];
			i++;
		}
		cmdline[i] = 0;
	}
	if (mb->flags & (1u << 6)) {    /* BIOS memory map */
		uintptr_t p = mb->mmap_addr, end = p + mb->mmap_length;
		while (p < end) {
			const struct mb_mmap *e = (const struct mb_mmap *)p;
			if (e->type == 1)
				add_region(e->addr, e->len);
			p += e->size + 4;
		}
	} else if (mb->flags & 1u) {    /* only the size of upper memory (KiB above 1 MiB) */
		add_region(1u << 20, (uint64_t)mb->mem_upper << 10);
	}
	return cmdline;
}

int plat_memregions(struct plat_memregion *out, int max)
{
	int n = nregions < max ? nregions : max;
	for (int i = 0; i < n; i++)
		out[i] = regions[i];
	return n;
}
