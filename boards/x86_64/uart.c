/*
 * x86-64 family console: a 16550 UART on I/O ports, 8N1, polled output. The port and baud rate
 * come from board.json "console" ("io", "baud"), which the build passes to this layer as
 * BOARD_CONSOLE_IO and BOARD_CONSOLE_BAUD; COM1 at 115200 without them.
 */
#include "x86.h"

#ifndef BOARD_CONSOLE_IO
#define BOARD_CONSOLE_IO 0x3f8
#endif
#ifndef BOARD_CONSOLE_BAUD
#define BOARD_CONSOLE_BAUD 115200
#endif
#define IO BOARD_CONSOLE_IO

void board_console_init(void)
{
	unsigned div = 115200 / BOARD_CONSOLE_BAUD;     /* the UART clock is 1.8432 MHz / 16 */
	outb(IO + 1, 0x00);             /* no UART interrupts */
	outb(IO + 3, 0x80);             /* DLAB */
	outb(IO + 0, (uint8_t)(div ? div : 1));
	outb(IO + 1, (uint8_t)(div >> 8));
	outb(IO + 3, 0x03);             /* 8N1 */
	outb(IO + 2, 0xc7);             /* FIFOs on, cleared */
	outb(IO + 4, 0x03);             /* DTR, RTS */
}

void plat_cons_putc(int c)
{
	for (int i = 0; i < 100000 && !(inb(IO + 5) & 0x20); i++)
		;                       /* transmit holding register empty (bounded wait) */
	outb(IO, (uint8_t)c);
}

int plat_cons_getc(void)
{
	return (inb(IO + 5) & 0x01) ? inb(IO) : -1;
}
