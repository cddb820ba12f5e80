/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The console layer: printk and the shell write to every registered
 * console, and read keys from every console that has input.  Serial,
 * VGA text, framebuffer text and the PS/2 keyboard each register one.
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

struct console {
	const char *name;
	/* write @n bytes; '\n' means newline (the driver adds '\r' if needed) */
	void (*write)(struct console *con, const char *s, size_t n);
	/* a received byte (0..255), or -1 if none is waiting; may be NULL */
	int (*read)(struct console *con);
	/* colour hint for the next write: 0 normal, 1 error/BUG; may be NULL */
	void (*set_attr)(struct console *con, int attr);
	struct console *next;
	void *data;
};

void register_console(struct console *con);
void console_write(const char *s, size_t n);
/* next input byte from any console, -1 if none (never blocks) */
int console_getc(void);
/* block until a byte arrives (busy-polls with pause: interrupts stay off, so hlt would never wake) */
int console_getc_wait(void);

/*
 * printk's path: write to every console with colour hint @attr (see
 * set_attr) around the text, and keep it in the console history.
 */
void console_write_attr(const char *s, size_t n, int attr);
/*
 * The history: the last CONSOLE_HISTORY_SIZE bytes written to the
 * consoles.  register_console() replays it into each console registered
 * after the first, so a screen that appears late still shows the whole
 * boot log.  console_history_read() copies the oldest-first text into
 * @buf (NUL-terminated) and returns its length.
 */
#define CONSOLE_HISTORY_SIZE	(32 * 1024)
size_t console_history_read(char *buf, size_t size);

/* drivers/serial.c: probe the 16550 at COM1 and register it; -ENODEV if absent */
int serial_init(void);

/*
 * Keys that are not bytes arrive as the ANSI sequences a serial terminal
 * sends, so the shell decodes one format: Up = ESC [ A, Down = ESC [ B,
 * Right = ESC [ C, Left = ESC [ D.
 */

#endif
