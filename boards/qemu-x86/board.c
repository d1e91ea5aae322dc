/*
 * qemu-x86 board: what differs from the x86-64 family: the memory map and the command line from
 * the multiboot information (multiboot.S is the entry). The console is the family's 16550
 * (board.json "console").
 */
#include "../x86_64/x86.h"

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

static char cmdline[512];

/* RAM below the end of the image holds the main thread's stack, the boot stack, the page tables
 * and, below 1 MiB, the BIOS areas and the multiboot information: never handed to core's allocator */
#define FLOOR ((uintptr_t)_end)

/* link.ld sets the main thread's stack aside below the image */
extern char __main_stack_start[], __main_stack_end[];

size_t plat_main_stack(void **base)
{
	*base = __main_stack_start;
	return (size_t)(__main_stack_end - __main_stack_start);
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
				x86_memregion_add(e->addr, e->len, FLOOR);
			p += e->size + 4;
		}
	} else if (mb->flags & 1u) {    /* only the size of upper memory (KiB above 1 MiB) */
		x86_memregion_add(1u << 20, (uint64_t)mb->mem_upper << 10, FLOOR);
	}
	return cmdline;
}
