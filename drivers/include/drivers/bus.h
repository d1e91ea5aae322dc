/*
 * Device register access for drivers: I/O ports (x86 only; a BAR of I/O type exists only
 * there), memory-mapped registers (8, 16 and 32 bits), and the barriers DMA rings need. The
 * CPU instructions themselves, nothing of any board.
 */
#ifndef DRIVERS_BUS_H
#define DRIVERS_BUS_H
#include <stdint.h>

#if defined(__x86_64__) || defined(__i386__)
static inline void bus_outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" :: "a"(v), "Nd"(port)); }
static inline void bus_outw(uint16_t port, uint16_t v) { __asm__ volatile("outw %0, %1" :: "a"(v), "Nd"(port)); }
static inline void bus_outl(uint16_t port, uint32_t v) { __asm__ volatile("outl %0, %1" :: "a"(v), "Nd"(port)); }
static inline uint8_t bus_inb(uint16_t port) { uint8_t v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint16_t bus_inw(uint16_t port) { uint16_t v; __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint32_t bus_inl(uint16_t port) { uint32_t v; __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }
#define BUS_HAS_IOPORTS 1
#endif

static inline uint8_t bus_read8(volatile void *base, uint32_t off)
{
	return *((volatile uint8_t *)base + off);
}
static inline void bus_write8(volatile void *base, uint32_t off, uint8_t v)
{
	*((volatile uint8_t *)base + off) = v;
}
static inline uint16_t bus_read16(volatile void *base, uint32_t off)
{
	return *(volatile uint16_t *)((volatile uint8_t *)base + off);
}
static inline void bus_write16(volatile void *base, uint32_t off, uint16_t v)
{
	*(volatile uint16_t *)((volatile uint8_t *)base + off) = v;
}
static inline uint32_t bus_read32(volatile void *base, uint32_t off)
{
	return *(volatile uint32_t *)((volatile uint8_t *)base + off);
}
static inline void bus_write32(volatile void *base, uint32_t off, uint32_t v)
{
	*(volatile uint32_t *)((volatile uint8_t *)base + off) = v;
}

/* order memory accesses around descriptor rings shared with a device */
static inline void bus_mb(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
static inline void bus_wmb(void) { __atomic_thread_fence(__ATOMIC_RELEASE); }
static inline void bus_rmb(void) { __atomic_thread_fence(__ATOMIC_ACQUIRE); }

#endif
