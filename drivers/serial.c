// SPDX-License-Identifier: GPL-2.0
/*
 * 16550 UART at COM1 (I/O port 0x3F8), 115200 baud, 8N1, polled.
 *
 * Many PCs, most laptops, have no UART: nothing decodes port 0x3F8 and every
 * read returns 0xFF.  A driver that then waits for "transmitter empty"
 * (LSR bit 5) would see it set and seem to work, but one waiting for any bit
 * to clear hangs for ever.  So serial_init() first proves a UART is there:
 * the line status register must not read 0xFF, the scratch register must
 * hold what we write, and a byte sent in loopback mode must come back.
 * Only then is the console registered.  Every wait is bounded, so a UART
 * that disappears or stalls (a flow-controlled real port) slows printing
 * down but never stops the kernel.
 */
#include <linux/console.h>
#include <linux/kernel.h>
#include <asm/io.h>

#define COM1		0x3F8
#define UART_RBR	0	/* receive buffer (read, DLAB=0) */
#define UART_THR	0	/* transmit holding (write, DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2	/* FIFO control (write) */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define UART_SCR	7	/* scratch */

#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT2	0x08
#define UART_MCR_LOOP	0x10
#define UART_LSR_DR	0x01	/* data ready */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */

#define UART_CLOCK	115200	/* 1.8432 MHz / 16 */
#define BAUD		115200
#define TX_SPIN_LIMIT	100000	/* polls per byte, ~0.1 s on slow hardware */

static bool serial_stalled;	/* a byte timed out: stop waiting for later ones */

static void serial_putc(char c)
{
	unsigned int spins;

	for (spins = 0; !(inb(COM1 + UART_LSR) & UART_LSR_THRE); spins++) {
		if (serial_stalled || spins >= TX_SPIN_LIMIT) {
			serial_stalled = true;
			return;
		}
		cpu_relax();
	}
	serial_stalled = false;
	outb(c, COM1 + UART_THR);
}

static void serial_write(struct console *con, const char *s, size_t n)
{
	for (; n; n--, s++) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s);
	}
}

static int serial_read(struct console *con)
{
	if (!(inb(COM1 + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(COM1 + UART_RBR);
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_write,
	.read = serial_read,
};

static bool serial_probe(void)
{
	unsigned int spins;
	u8 got = 0;

	if (inb(COM1 + UART_LSR) == 0xFF)
		return false;
	outb(0x5A, COM1 + UART_SCR);
	if (inb(COM1 + UART_SCR) != 0x5A)
		return false;

	outb(UART_MCR_LOOP | UART_MCR_RTS | UART_MCR_OUT2, COM1 + UART_MCR);
	/* drain stale input, then send one byte to ourselves */
	for (spins = 0; spins < 64 && (inb(COM1 + UART_LSR) & UART_LSR_DR); spins++)
		inb(COM1 + UART_RBR);
	outb(0xAE, COM1 + UART_THR);
	for (spins = 0; spins < TX_SPIN_LIMIT; spins++) {
		if (inb(COM1 + UART_LSR) & UART_LSR_DR) {
			got = inb(COM1 + UART_RBR);
			break;
		}
		cpu_relax();
	}
	return got == 0xAE;
}

int serial_init(void)
{
	u16 divisor = UART_CLOCK / BAUD;

	outb(0x00, COM1 + UART_IER);			/* polled: no interrupts */
	outb(UART_LCR_DLAB, COM1 + UART_LCR);
	outb(divisor & 0xFF, COM1 + UART_DLL);
	outb(divisor >> 8, COM1 + UART_DLM);
	outb(UART_LCR_8N1, COM1 + UART_LCR);
	outb(0xC7, COM1 + UART_FCR);			/* FIFO on, cleared, 14-byte threshold */

	if (!serial_probe())
		return -ENODEV;

	outb(UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2, COM1 + UART_MCR);
	register_console(&serial_console);
	return 0;
}
