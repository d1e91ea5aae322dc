/*
 * qemu-x86 entry: multiboot (v1), for the x86-64 family. The image is linked as ELF64 at 1 MiB and shipped
 * as ELF32 (objcopy -O elf32-i386) because multiboot loaders only take 32-bit ELF files.
 * The loader enters _start in 32-bit protected mode, paging off, with eax = multiboot magic and
 * ebx = the physical address of the multiboot information.
 *
 * Here: read the TSC, build an identity map of the first 4 GiB with 2 MiB pages, enable
 * PAE + long mode + paging, load our GDT, jump to 64-bit code, enable SSE,
 * set the boot stack and call x86_start(magic, info).
 */
#define MB_MAGIC 0x1badb002
#define MB_FLAGS 0x00000003            /* page-align modules, provide memory information */

	.section .multiboot, "a"
	.balign 4
	.long MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

	.section .data
	.balign 8
	.globl x86_boot_tsc
x86_boot_tsc:	.quad 0
mb_magic:	.long 0
mb_info:	.long 0

	/* GDT: null, 64-bit code (0x08), data (0x10) */
	.balign 16
gdt:	.quad 0
	.quad 0x00209a0000000000
	.quad 0x0000920000000000
gdt_end:
	.balign 4
	.globl x86_gdt_ptr
x86_gdt_ptr:
	.word gdt_end - gdt - 1
	.long gdt

	/* page tables: in the RW segment beyond its file size, so loaded zeroed like .bss */
	.section .boot_pt, "aw", @nobits
	.balign 4096
pml4:	.skip 4096
pdpt:	.skip 4096
pd:	.skip 4 * 4096

	.section .bss
	.balign 16
boot_stack:	.skip 32768
boot_stack_top:

	.section .text.boot, "ax"
	.code32
	.globl _start
_start:
	mov	%eax, %esi
	rdtsc                           /* first thing: kernel entry time */
	mov	%eax, x86_boot_tsc
	mov	%edx, x86_boot_tsc + 4
	mov	%esi, mb_magic
	mov	%ebx, mb_info
	cli
	cld

	/* PML4: entry 0 -> pdpt, the rest empty (the tables are loaded zeroed, as .bss) */
	movl	$(pdpt + 0x3), pml4

	/* PDPT: entries 0..3 -> the four page directories */
	mov	$pd + 0x3, %eax
	mov	$pdpt, %edi
	mov	$4, %ecx
1:	mov	%eax, (%edi)
	add	$4096, %eax
	add	$8, %edi
	loop	1b

	/* PDs: 2048 entries of 2 MiB (present, writable, large; the high halves are zero already);
	   the top GiB (MMIO on PCs) is mapped cache-disabled. Two plain loops: under QEMU TCG each
	   iteration is one translated block run, a branch inside would make it two */
	mov	$pd, %edi
	mov	$0x83, %eax
	mov	$1536, %ecx
2:	mov	%eax, (%edi)
	add	$0x200000, %eax
	add	$8, %edi
	loop	2b
	or	$0x18, %eax             /* PCD | PWT */
	mov	$512, %ecx
3:	mov	%eax, (%edi)
	add	$0x200000, %eax
	add	$8, %edi
	loop	3b

	mov	$pml4, %eax
	mov	%eax, %cr3
	mov	%cr4, %eax
	or	$((1 << 5) | (1 << 9) | (1 << 10)), %eax   /* PAE, OSFXSR, OSXMMEXCPT */
	mov	%eax, %cr4
	mov	$0xc0000080, %ecx       /* EFER.LME */
	rdmsr
	or	$(1 << 8), %eax
	wrmsr
	mov	%cr0, %eax
	and	$~((1 << 2) | (1 << 3)), %eax              /* EM and TS off */
	or	$((1 << 31) | (1 << 5) | (1 << 1) | 1), %eax /* PG, NE, MP, PE */
	mov	%eax, %cr0
	lgdt	x86_gdt_ptr
	ljmp	$0x08, $entry64

	.code64
entry64:
	mov	$0x10, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	xor	%eax, %eax
	mov	%eax, %fs
	mov	%eax, %gs

	/* .bss is already zero: it is the part of the RW segment beyond its file size, which a multiboot
	   loader fills with zeros (ELF semantics; QEMU -kernel and GRUB both do), so it is not zeroed
	   again here (under QEMU TCG that took ~0.15 ms for ~700 KiB) */

	mov	$boot_stack_top, %esp
	xor	%ebp, %ebp
	fninit
	push	$0x1f80                 /* MXCSR default: all exceptions masked */
	ldmxcsr	(%rsp)
	add	$8, %rsp

	mov	mb_magic, %edi
	mov	mb_info, %esi
	call	x86_start
4:	cli
	hlt
	jmp	4b

	.section .note.GNU-stack, "", @progbits
