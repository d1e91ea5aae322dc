/*
 * x86-minnow: the UEFI half of the board. efi_main (called from efi_entry.S) prints the first
 * line on the console, reads the configuration file from the boot volume, takes the memory map,
 * exits boot services, builds our page tables and enters the x86-64 family's x86_start on our
 * own GDT, page tables and stack (efi_start_kernel), exactly as the multiboot boards do.
 *
 * The configuration file \rumpsdk.cfg on the EFI System Partition holds "key=value" lines
 * (# comments, blank lines); they become the command line whose words core_param() looks up
 * before the parameters compiled into the image. Values cannot contain spaces.
 */
#include <stddef.h>
#include "../x86_64/x86.h"
#include "efi.h"

_Static_assert(offsetof(struct efi_boot_services, get_memory_map) == 56, "EFI_BOOT_SERVICES layout");
_Static_assert(offsetof(struct efi_boot_services, handle_protocol) == 152, "EFI_BOOT_SERVICES layout");
_Static_assert(offsetof(struct efi_boot_services, exit_boot_services) == 232, "EFI_BOOT_SERVICES layout");
_Static_assert(offsetof(struct efi_system_table, boot_services) == 96, "EFI_SYSTEM_TABLE layout");
_Static_assert(offsetof(struct efi_loaded_image, device_handle) == 24, "EFI_LOADED_IMAGE layout");
_Static_assert(offsetof(struct efi_loaded_image, image_size) == 72, "EFI_LOADED_IMAGE layout");

efi_status EFIAPI efi_main(efi_handle image, struct efi_system_table *st);
void efi_start_kernel(uint64_t *pml4, const void *gdtr, void *stack_top) __attribute__((noreturn));
extern char efi_boot_stack_top[];

static void puts_(const char *s)
{
	while (*s)
		plat_cons_putc(*s++);
}
static void putdec(uint64_t v)
{
	char b[21];
	int i = 20;
	b[i] = 0;
	do
		b[--i] = (char)('0' + v % 10);
	while (v /= 10);
	puts_(b + i);
}
static void puthex(uint64_t v)
{
	puts_("0x");
	int i = 60;
	while (i > 0 && !((v >> i) & 0xf))
		i -= 4;
	for (; i >= 0; i -= 4)
		plat_cons_putc("0123456789abcdef"[(v >> i) & 0xf]);
}
static void fail(const char *what, efi_status s)
{
	puts_("x86-minnow: ");
	puts_(what);
	puts_(" failed, EFI status ");
	puthex(s);
	puts_("\n");
}

/* ---- the configuration file ---- */
#define CFG_MAX 8192
static char cfg[CFG_MAX];               /* the file as read */
static char cmdline[CFG_MAX];           /* its settings as words "key=value key=value" */
static const char16 CFG_NAME[] = u"\\rumpsdk.cfg";

/* read \rumpsdk.cfg from the volume this image was loaded from; returns its length, or -1 */
static long read_config(efi_handle image, struct efi_boot_services *bs)
{
	static const struct efi_guid li_guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
	static const struct efi_guid fs_guid = EFI_SIMPLE_FILE_SYSTEM_PROTOCOL_GUID;
	struct efi_loaded_image *li;
	struct efi_simple_file_system *fs;
	struct efi_file *root, *f;
	efi_status s = bs->handle_protocol(image, &li_guid, (void **)&li);
	if (s) { fail("LoadedImage protocol", s); return -1; }
	s = bs->handle_protocol(li->device_handle, &fs_guid, (void **)&fs);
	if (s) { fail("file system of the boot volume", s); return -1; }
	s = fs->open_volume(fs, &root);
	if (s) { fail("OpenVolume", s); return -1; }
	s = root->open(root, &f, CFG_NAME, EFI_FILE_MODE_READ, 0);
	if (s) {
		if (s != EFI_NOT_FOUND)
			fail("opening \\rumpsdk.cfg", s);
		root->close(root);
		return -1;
	}
	uint64_t n = sizeof cfg - 1;
	s = f->read(f, &n, cfg);
	f->close(f);
	root->close(root);
	if (s) { fail("reading \\rumpsdk.cfg", s); return -1; }
	cfg[n] = 0;
	return (long)n;
}

/* lines "key=value" (surrounding blanks and # comments dropped) into space-separated words */
static int parse_config(long len)
{
	int settings = 0;
	size_t o = 0;
	for (long i = 0; i < len; ) {
		long e = i;
		while (e < len && cfg[e] != '\n')
			e++;
		long a = i, b = e;
		for (long k = a; k < b; k++)
			if (cfg[k] == '#') { b = k; break; }
		while (a < b && (cfg[a] == ' ' || cfg[a] == '\t' || cfg[a] == '\r'))
			a++;
		while (b > a && (cfg[b - 1] == ' ' || cfg[b - 1] == '\t' || cfg[b - 1] == '\r'))
			b--;
		int eq = 0, blank = 0;
		for (long k = a; k < b; k++) {
			eq |= cfg[k] == '=';
			blank |= cfg[k] == ' ' || cfg[k] == '\t';
		}
		if (a < b && (!eq || blank || cfg[a] == '=')) {
			puts_("x86-minnow: \\rumpsdk.cfg: ignoring a line that is not key=value without blanks\n");
		} else if (a < b && o + (size_t)(b - a) + 2 < sizeof cmdline) {
			if (o)
				cmdline[o++] = ' ';
			for (long k = a; k < b; k++)
				cmdline[o++] = cfg[k];
			settings++;
		}
		i = e + 1;
	}
	cmdline[o] = 0;
	return settings;
}

/* ---- memory map, page tables ---- */
static unsigned char mmap[32768] __attribute__((aligned(8)));
static uint64_t mmap_size, desc_size;

static uint64_t pml4[512] __attribute__((aligned(4096)));
static uint64_t pdpt[512] __attribute__((aligned(4096)));
static uint64_t pd[4][512] __attribute__((aligned(4096)));

#define FOR_EACH_DESC(d) \
	for (const struct efi_memory_descriptor *d = (const void *)mmap; \
	     (const unsigned char *)d + desc_size <= mmap + mmap_size; \
	     d = (const void *)((const unsigned char *)d + desc_size))

static int is_ram(uint32_t type)
{
	return (type >= EFI_LOADER_CODE && type <= EFI_CONVENTIONAL_MEMORY) ||
	    type == EFI_ACPI_RECLAIM_MEMORY || type == EFI_ACPI_MEMORY_NVS;
}

/* Identity map of the first 4 GiB with 2 MiB pages: write-back where the firmware's map says
 * RAM, uncached everywhere else (device memory: PCIe ECAM, BARs, LAPIC, IOAPIC, flash) */
static void build_page_tables(void)
{
	static uint8_t ram[2048];       /* 2 MiB page p overlaps RAM; one pass over the map, not one per page */
	pml4[0] = (uintptr_t)pdpt | 0x3;
	for (int i = 0; i < 4; i++)
		pdpt[i] = (uintptr_t)pd[i] | 0x3;
	FOR_EACH_DESC(d)
		if (is_ram(d->type)) {
			uint64_t end = d->physical_start + (d->pages << 12);
			for (uint64_t p = d->physical_start >> 21; p < 2048 && p << 21 < end; p++)
				ram[p] = 1;
		}
	for (uint64_t p = 0; p < 2048; p++)
		pd[p >> 9][p & 511] = p << 21 | 0x83 | (ram[p] ? 0 : 0x18);   /* present, writable, 2 MiB; PCD|PWT */
}

/* free RAM after ExitBootServices: conventional memory and what boot services used; never the
 * image (loader code), runtime services or ACPI memory, nor anything below 1 MiB */
static void add_free_memory(void)
{
	FOR_EACH_DESC(d)
		if (d->type == EFI_CONVENTIONAL_MEMORY || d->type == EFI_BOOT_SERVICES_CODE ||
		    d->type == EFI_BOOT_SERVICES_DATA)
			x86_memregion_add(d->physical_start, d->pages << 12, 1u << 20);
}

static uint64_t gdt[3] __attribute__((aligned(16))) = {
	0, 0x00209a0000000000ull /* 64-bit code, 0x08 */, 0x0000920000000000ull /* data, 0x10 */,
};
static struct { uint16_t limit; uint64_t base; } __attribute__((packed)) gdtr;

extern char __image_base[];

efi_status EFIAPI efi_main(efi_handle image, struct efi_system_table *st)
{
	board_console_init();
	puts_("x86-minnow: UEFI application started\n");       /* the first line: as early as possible */
	struct efi_boot_services *bs = st->boot_services;
	if ((uintptr_t)_end > (1ull << 32)) {
		puts_("x86-minnow: loaded above 4 GiB, which this board does not map; giving up\n");
		return EFI_UNSUPPORTED;
	}
	puts_("x86-minnow: firmware ");
	for (const char16 *v = st->firmware_vendor; v && *v; v++)
		plat_cons_putc(*v < 0x80 ? *v : '?');
	puts_(" rev ");
	puthex(st->firmware_revision);
	puts_(", image at ");
	puthex((uintptr_t)__image_base);
	puts_("\n");

	long n = read_config(image, bs);
	if (n >= 0) {
		int k = parse_config(n);
		puts_("x86-minnow: \\rumpsdk.cfg: ");
		putdec((uint64_t)k);
		puts_(" settings\n");
	} else {
		puts_("x86-minnow: no \\rumpsdk.cfg on the boot volume: the built-in parameters apply\n");
	}

	/* the memory map, then ExitBootServices with its key; if the map changed in between (the
	 * firmware answers EFI_INVALID_PARAMETER), take it again and retry */
	efi_status s;
	for (int tries = 0; ; tries++) {
		uint64_t key;
		uint32_t ver;
		mmap_size = sizeof mmap;
		s = bs->get_memory_map(&mmap_size, (struct efi_memory_descriptor *)mmap, &key, &desc_size, &ver);
		if (s) {
			fail("GetMemoryMap", s);
			return s;
		}
		s = bs->exit_boot_services(image, key);
		if (s == EFI_SUCCESS)
			break;
		if (s != EFI_INVALID_PARAMETER || tries == 8) {
			fail("ExitBootServices", s);
			return s;
		}
	}
	/* boot services are gone: from here on only our code and the hardware */
	build_page_tables();
	add_free_memory();
	gdtr.limit = sizeof gdt - 1;
	gdtr.base = (uintptr_t)gdt;
	efi_start_kernel(pml4, &gdtr, efi_boot_stack_top);
}

/* x86_start's board hook: everything was gathered before ExitBootServices */
const char *board_init(uint32_t boot_magic, uint32_t boot_info)
{
	(void)boot_magic, (void)boot_info;
	return cmdline;
}
