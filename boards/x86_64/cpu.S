/*
 * x86-64 interrupt entry stubs and the cooperative context switch.
 */

/* One 16-byte stub per vector: push a zero error code where the CPU pushes none, push the
 * vector number, then the common path. cpu.c finds stub n at x86_trap_stubs + 16 * n. */
	.text
	.balign 16
	.globl x86_trap_stubs
x86_trap_stubs:
	.set vec, 0
	.rept 256
	.balign 16
	.if (vec == 8) || ((vec >= 10) && (vec <= 14)) || (vec == 17) || (vec == 21) || (vec == 29) || (vec == 30)
	.else
	pushq	$0
	.endif
	pushq	$vec
	jmp	trap_common
	.set vec, vec + 1
	.endr

/* Save every GPR and cr2 (the layout of struct plat_regs in x86.h) and the FPU/SSE state
 * (fxsave on a 16-aligned area), so that any C may run in x86_trap(). */
trap_common:
	push	%rax
	push	%rbx
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%rbp
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%cr2, %rax
	push	%rax
	cld
	mov	%rsp, %rbx
	sub	$512, %rsp
	and	$-16, %rsp
	fxsave	(%rsp)
	mov	%rbx, %rdi
	call	x86_trap
	fxrstor	(%rsp)
	mov	%rbx, %rsp
	add	$8, %rsp                /* cr2 */
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rbp
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rbx
	pop	%rax
	add	$16, %rsp               /* vector, error code */
	iretq

/* void plat_ctx_switch(void **save_sp, void *new_sp): save the callee-saved registers, MXCSR
 * and the x87 control word on the current stack, store the stack pointer in *save_sp, and
 * resume the context saved at new_sp (see plat_ctx_init in cpu.c for the frame layout). */
	.globl plat_ctx_switch
plat_ctx_switch:
	push	%rbp
	push	%rbx
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	sub	$8, %rsp
	stmxcsr	(%rsp)
	fnstcw	4(%rsp)
	mov	%rsp, (%rdi)
	mov	%rsi, %rsp
	ldmxcsr	(%rsp)
	fldcw	4(%rsp)
	add	$8, %rsp
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbx
	pop	%rbp
	ret

/* first "return" of a new context: r12 = entry, r13 = argument; entry never returns */
	.globl x86_ctx_trampoline
x86_ctx_trampoline:
	mov	%r13, %rdi
	call	*%r12
	ud2

	.section .note.GNU-stack, "", @progbits
