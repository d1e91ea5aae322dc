/*
 * The accelerator probe: a multiboot kernel that does what real firmware does first (identity-mapped
 * paging, long mode, a 64-bit far jump, SSE state, an exception through an IDT), then prints one line on
 * COM1 and exits QEMU through isa-debug-exit. rumpsdk uses KVM only when this guest boots under it with
 * the board's own QEMU machine and CPU.
 */
	.section .text
	.code32
	.align 4
	.long 0x1BADB002
	.long 0
	.long -0x1BADB002

	.globl _start
_start:
	/* page tables: PML4[0] -> PDPT[0] -> PD with one 2 MiB page at 0 */
	mov	$pdpt, %eax
	or	$3, %eax
	mov	%eax, pml4
	mov	$pd, %eax
	or	$3, %eax
	mov	%eax, pdpt
	movl	$0x83, pd			/* present, writable, 2 MiB page */
	mov	$pml4, %eax
	mov	%eax, %cr3
	mov	%cr4, %eax
	or	$0x20, %eax			/* PAE */
	mov	%eax, %cr4
	mov	$0xC0000080, %ecx		/* EFER.LME */
	rdmsr
	or	$0x100, %eax
	wrmsr
	mov	%cr0, %eax
	or	$0x80000001, %eax		/* PG | PE */
	mov	%eax, %cr0
	lgdt	gdtr
	ljmp	$0x08, $long64

	.code64
long64:
	mov	$0x10, %ax
	mov	%ax, %ds
	mov	%ax, %ss
	mov	$stack_top, %esp
	lidt	idtr
	/* SSE as the runtime uses it: CR0.EM off, CR0.MP on, CR4.OSFXSR|OSXMMEXCPT, MXCSR, fxsave, a double add */
	mov	%cr0, %rax
	and	$~0x4, %rax
	or	$0x2, %rax
	mov	%rax, %cr0
	mov	%cr4, %rax
	or	$0x600, %rax
	mov	%rax, %cr4
	ldmxcsr	mxcsr
	fxsave	fxarea
	movsd	one, %xmm0
	addsd	%xmm0, %xmm0
	movsd	%xmm0, two
	/* build IDT entry 6 (#UD) pointing at ud_handler, then take the exception */
	mov	$ud_handler, %eax
	mov	$idt, %edi
	add	$6*16, %rdi
	mov	%ax, (%rdi)
	movw	$0x08, 2(%rdi)
	movw	$0x8E00, 4(%rdi)
	shr	$16, %rax
	mov	%ax, 6(%rdi)
	shr	$16, %rax
	mov	%eax, 8(%rdi)
	ud2
ud_handler:
	mov	$msg, %esi
1:	movb	(%rsi), %bl
	test	%bl, %bl
	jz	3f
2:	mov	$0x3fd, %dx
	inb	%dx, %al
	test	$0x20, %al
	jz	2b
	mov	$0x3f8, %dx
	mov	%bl, %al
	outb	%al, %dx
	inc	%rsi
	jmp	1b
3:	mov	$0xf4, %dx
	xor	%eax, %eax
	outl	%eax, %dx
4:	cli
	hlt
	jmp	4b

	.section .data
	.align 16
gdt:	.quad 0
	.quad 0x00AF9A000000FFFF		/* 64-bit code */
	.quad 0x00CF92000000FFFF		/* data */
gdtr:	.word 23
	.long gdt
idtr:	.word 256*16-1
	.long idt, 0
msg:	.asciz	"probe: long mode ok\n"
	.align 8
mxcsr:	.long 0x1f80
one:	.double 1.0
two:	.double 0.0

	.section .bss
	.align 4096
pml4:	.skip 4096
pdpt:	.skip 4096
pd:	.skip 4096
idt:	.skip 256*16
	.align 16
fxarea:	.skip 512
	.skip 4096
stack_top:
