/*
 * ARMv7-M family: the exception entries and the cooperative context switch (Thumb-2).
 * Threads run on the process stack (PSP); exceptions run on the main stack (MSP), the board's
 * interrupt stack, so an interrupt never grows a thread's stack.
 */
	.syntax unified
	.thumb
	.text

/* NMI, HardFault, MemManage, BusFault, UsageFault: find the frame the CPU stacked (on the
 * stack EXC_RETURN bit 2 names), save r4-r11 beside it, and report through armv7m_fault(frame,
 * exc_return, callee-saved, ipsr) in cpu.c, which never returns. */
	.globl	armv7m_fault_entry
	.type	armv7m_fault_entry, %function
	.thumb_func
armv7m_fault_entry:
	cpsid	i
	tst	lr, #4
	ite	eq
	mrseq	r0, msp
	mrsne	r0, psp
	mov	r1, lr
	push	{r4-r11}
	mov	r2, sp
	mrs	r3, ipsr
	b	armv7m_fault
	.size	armv7m_fault_entry, . - armv7m_fault_entry

/* External interrupts: the line is IPSR - 16. The CPU saved the caller-saved registers, so a
 * plain AAPCS call does the rest; returning with the EXC_RETURN value in lr ends the exception. */
	.globl	armv7m_irq_entry
	.type	armv7m_irq_entry, %function
	.thumb_func
armv7m_irq_entry:
	push	{r4, lr}                /* r4 keeps the stack 8-byte aligned */
	mrs	r0, ipsr
	sub	r0, r0, #16
	bl	armv7m_irq
	pop	{r4, pc}
	.size	armv7m_irq_entry, . - armv7m_irq_entry

/* SVCall, DebugMonitor, PendSV, SysTick and the reserved vectors: nothing raises them */
	.globl	armv7m_unexpected_entry
	.type	armv7m_unexpected_entry, %function
	.thumb_func
armv7m_unexpected_entry:
	b	armv7m_fault_entry
	.size	armv7m_unexpected_entry, . - armv7m_unexpected_entry

/* void plat_ctx_switch(void **save_sp, void *new_sp): push the callee-saved registers r4-r11 and
 * the return address on the running thread's stack, store sp in *save_sp, switch to new_sp and
 * pop the same frame there (plat_ctx_init in cpu.c builds the first one). A plain call: core
 * switches only from thread code, never from an interrupt, so no exception frame (PendSV) is needed. */
	.globl	plat_ctx_switch
	.type	plat_ctx_switch, %function
	.thumb_func
plat_ctx_switch:
	push	{r4-r11, lr}
	mov	r2, sp
	str	r2, [r0]
	mov	sp, r1
	pop	{r4-r11, pc}
	.size	plat_ctx_switch, . - plat_ctx_switch

/* first "return" of a new context: r4 = entry, r5 = argument, r7 = 0 (the frame pointer); entry
 * never returns */
	.globl	armv7m_ctx_trampoline
	.type	armv7m_ctx_trampoline, %function
	.thumb_func
armv7m_ctx_trampoline:
	mov	r0, r5
	blx	r4
	udf	#0
	.size	armv7m_ctx_trampoline, . - armv7m_ctx_trampoline

	.section .note.GNU-stack, "", %progbits
