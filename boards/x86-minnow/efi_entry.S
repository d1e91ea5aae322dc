/*
 * x86-minnow entry: the PE32+ entry point of the UEFI application (BOOTX64.EFI).
 *
 * The image is linked position-independent at 0 (efi.ld) and the firmware loads it anywhere.
 * First thing: read the TSC (kernel entry time for plat_boot_cycles). Then apply the image's own
 * R_X86_64_RELATIVE relocations (pointers in data) for the address it was loaded at, zero .bss,
 * and continue in efi_main(ImageHandle, SystemTable), which the firmware's Microsoft x64
 * calling convention passes in rcx and rdx (left untouched here).
 *
 * efi_start_kernel(pml4, gdt pointer, stack top): the switch from the firmware's environment
 * to ours after ExitBootServices: our GDT (code 0x08, data 0x10, as the multiboot entry),
 * our page tables, our boot stack, SSE state, then x86_start(0, 0). Never returns.
 */
#define R_X86_64_NONE     0
#define R_X86_64_RELATIVE 8

	.section .data
	.balign 8
	.globl x86_boot_tsc
x86_boot_tsc:	.quad 0

	.section .bss
	.balign 16
boot_stack:	.skip 32768
	.globl efi_boot_stack_top
efi_boot_stack_top:

	.section .text.boot, "ax"
	.globl _start
_start:
	mov	%rdx, %r11              /* SystemTable: rdtsc writes rdx */
	rdtsc
	mov	%eax, x86_boot_tsc(%rip)
	mov	%edx, x86_boot_tsc + 4(%rip)
	mov	%r11, %rdx

	/* relocate: *(base + offset) = base + addend, for each Elf64_Rela {offset, info, addend} */
	lea	__image_base(%rip), %r8
	lea	__rela_start(%rip), %r9
	lea	__rela_end(%rip), %r10
1:	cmp	%r10, %r9
	jae	3f
	mov	8(%r9), %eax            /* ELF64_R_TYPE(info) */
	cmp	$R_X86_64_NONE, %eax
	je	2f
	cmp	$R_X86_64_RELATIVE, %eax
	jne	9f                      /* the build checks this cannot happen */
	mov	(%r9), %rax
	add	%r8, %rax
	mov	16(%r9), %r11
	add	%r8, %r11
	mov	%r11, (%rax)
2:	add	$24, %r9
	jmp	1b

	/* zero .bss (the firmware's loader zero-fills it too; this does not depend on it) */
3:	mov	%rcx, %r10
	lea	__bss_start(%rip), %rdi
	lea	__bss_end(%rip), %rcx
	sub	%rdi, %rcx
	shr	$3, %rcx
	xor	%eax, %eax
	rep stosq
	mov	%r10, %rcx
	jmp	efi_main                /* rcx, rdx and the stack as the firmware called us */

9:	mov	$0x8000000000000001, %rax       /* EFI_LOAD_ERROR */
	ret

	.text
	.globl efi_start_kernel
efi_start_kernel:
	cli
	lgdt	(%rsi)
	mov	%rdi, %cr3
	mov	%rdx, %rsp
	lea	1f(%rip), %rax
	pushq	$0x08
	push	%rax
	lretq                           /* reload cs with our code selector */
1:	mov	$0x10, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	xor	%eax, %eax
	mov	%eax, %fs
	mov	%eax, %gs
	mov	%cr0, %rax
	and	$~((1 << 2) | (1 << 3)), %rax                /* EM and TS off */
	or	$((1 << 5) | (1 << 1)), %rax                 /* NE, MP */
	mov	%rax, %cr0
	mov	%cr4, %rax
	or	$((1 << 9) | (1 << 10)), %rax                /* OSFXSR, OSXMMEXCPT */
	mov	%rax, %cr4
	fninit
	push	$0x1f80                 /* MXCSR default: all exceptions masked */
	ldmxcsr	(%rsp)
	add	$8, %rsp
	xor	%ebp, %ebp
	xor	%edi, %edi
	xor	%esi, %esi
	call	x86_start
4:	cli
	hlt
	jmp	4b

/* A base relocation block with no relocations (two absolute/padding entries): the image carries
 * a .reloc section so that the PE header does not say "relocations stripped" (which would make
 * the firmware load it only at its link address, 0); the real relocations are applied above. */
	.section .reloc, "a"
	.long	0                       /* page RVA */
	.long	12                      /* block size: this header and two entries */
	.word	0, 0                    /* IMAGE_REL_BASED_ABSOLUTE: skipped */

	.section .note.GNU-stack, "", @progbits
