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
/* block (hlt between polls) until a byte arrives */
int console_getc_wait(void);

/*
 * Keys that are not bytes arrive as the ANSI sequences a serial terminal
 * sends, so the shell decodes one format: Up = ESC [ A, Down = ESC [ B,
 * Right = ESC [ C, Left = ESC [ D.
 */

#endif
