/*
 * The do-nothing multiboot kernel: prints one line on COM1 and exits QEMU through isa-debug-exit.
 * rumpsdk uses it to probe whether KVM can run a guest on this machine, and the boot benchmark
 * uses it as the floor that real firmware is compared against.
 */
	.section .text
	.code32
	.align 4
	.long 0x1BADB002			/* multiboot magic */
	.long 0					/* flags: nothing requested */
	.long -0x1BADB002			/* checksum */

	.globl _start
_start:
	mov	$msg, %esi
1:	movb	(%esi), %bl
	test	%bl, %bl
	jz	3f
2:	mov	$0x3fd, %dx			/* COM1 line status: wait for an empty transmitter */
	inb	%dx, %al
	test	$0x20, %al
	jz	2b
	mov	$0x3f8, %dx
	mov	%bl, %al
	outb	%al, %dx
	inc	%esi
	jmp	1b
3:	mov	$0xf4, %dx			/* isa-debug-exit: value 0 -> QEMU exit status 1 */
	xor	%eax, %eax
	outl	%eax, %dx
4:	cli
	hlt
	jmp	4b

msg:	.asciz	"floor: first line\n"
