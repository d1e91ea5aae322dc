/*
 * mps2-an385: the vector table (16 system exceptions + the AN385's 32 external interrupts) and
 * the reset handler: copy .data from its load image, zero .bss, move thread code to the process
 * stack (the boot stack), leave the main stack for exceptions, and enter the family's start-up.
 */
	.syntax unified
	.thumb

	.section .vectors, "a", %progbits
	.globl	__vectors
__vectors:
	.word	__irq_stack_top                 /* 0: initial main stack pointer */
	.word	reset                           /* 1: reset */
	.rept	5
	.word	armv7m_fault_entry              /* 2-6: NMI, HardFault, MemManage, BusFault, UsageFault */
	.endr
	.rept	9
	.word	armv7m_unexpected_entry         /* 7-15: reserved, SVCall, DebugMonitor, PendSV, SysTick */
	.endr
	.rept	32
	.word	armv7m_irq_entry                /* 16-47: external interrupts 0-31 */
	.endr

	.text
	.globl	reset
	.type	reset, %function
	.thumb_func
reset:
	cpsid	i
	ldr	r0, =__vectors
	ldr	r1, =0xe000ed08                 /* VTOR */
	str	r0, [r1]
	ldr	r0, =__data_load
	ldr	r1, =__data_start
	ldr	r2, =__data_end
1:	cmp	r1, r2
	bhs	2f
	ldr	r3, [r0], #4
	str	r3, [r1], #4
	b	1b
2:	ldr	r1, =__bss_start
	ldr	r2, =__bss_end
	movs	r3, #0
3:	cmp	r1, r2
	bhs	4f
	str	r3, [r1], #4
	b	3b
4:	ldr	r0, =__boot_stack_top
	msr	psp, r0
	movs	r0, #2                          /* CONTROL.SPSEL: thread mode uses the PSP */
	msr	control, r0
	isb
	movs	r7, #0                          /* frame pointer: end of the chain */
	bl	mps2_boot
	b	armv7m_start
	.size	reset, . - reset

	.section .note.GNU-stack, "", %progbits
