// SPDX-License-Identifier: GPL-2.0
/*
 * The console layer: a list of output/input devices (serial, VGA text,
 * framebuffer text, keyboard), every one of which gets all output, and any
 * of which may provide input.
 *
 * Orderly runs with interrupts off (no IRQ handlers, the PIC is masked), so
 * input is polled: console_getc() asks each console's read() once, and
 * console_getc_wait() spins on it with "pause" -- "hlt" would never wake up
 * with IF clear.
 *
 * Everything written also goes into a history ring (the last
 * CONSOLE_HISTORY_SIZE bytes, Linux's log buffer in spirit), replayed into
 * consoles registered later (Linux's CON_PRINTBUFFER behaviour): the serial
 * console is registered first thing, the screen only once memory is up.
 *
 * Invariants:
 *   - console_list is NULL-terminated, each console on it at most once;
 *   - history_len <= CONSOLE_HISTORY_SIZE, history_head < CONSOLE_HISTORY_SIZE
 *     is where the next byte goes; when full, the oldest byte is at head.
 */
#include <linux/console.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/io.h>

static struct console *console_list;

static char history[CONSOLE_HISTORY_SIZE];
static size_t history_head;	/* next write position */
static size_t history_len;	/* valid bytes, <= CONSOLE_HISTORY_SIZE */

static void history_add(const char *s, size_t n)
{
	for (; n; n--, s++) {
		history[history_head] = *s;
		history_head = (history_head + 1) % CONSOLE_HISTORY_SIZE;
		if (history_len < CONSOLE_HISTORY_SIZE)
			history_len++;
	}
}

size_t console_history_read(char *buf, size_t size)
{
	size_t start = (history_head + CONSOLE_HISTORY_SIZE - history_len) % CONSOLE_HISTORY_SIZE;
	size_t n = history_len, i;

	if (!size)
		return 0;
	if (n > size - 1) {
		start = (start + n - (size - 1)) % CONSOLE_HISTORY_SIZE;	/* keep the newest */
		n = size - 1;
	}
	for (i = 0; i < n; i++)
		buf[i] = history[(start + i) % CONSOLE_HISTORY_SIZE];
	buf[n] = '\0';
	return n;
}

static void console_replay(struct console *con)
{
	size_t start = (history_head + CONSOLE_HISTORY_SIZE - history_len) % CONSOLE_HISTORY_SIZE;
	size_t first = min(history_len, CONSOLE_HISTORY_SIZE - start);

	if (first)
		con->write(con, history + start, first);
	if (history_len > first)
		con->write(con, history, history_len - first);
}

void register_console(struct console *con)
{
	struct console **pp;

	for (pp = &console_list; *pp; pp = &(*pp)->next)
		if (*pp == con) {
			pr_warn("console: %s registered twice, ignored\n", con->name);
			return;
		}
	con->next = NULL;
	console_replay(con);
	*pp = con;
	pr_info("console [%s] enabled\n", con->name);
}

void console_write_attr(const char *s, size_t n, int attr)
{
	struct console *con;

	history_add(s, n);
	for (con = console_list; con; con = con->next) {
		if (attr && con->set_attr)
			con->set_attr(con, attr);
		con->write(con, s, n);
		if (attr && con->set_attr)
			con->set_attr(con, 0);
	}
}

void console_write(const char *s, size_t n)
{
	console_write_attr(s, n, 0);
}

int console_getc(void)
{
	struct console *con;
	int c;

	for (con = console_list; con; con = con->next) {
		if (!con->read)
			continue;
		c = con->read(con);
		if (c >= 0)
			return c;
	}
	return -1;
}

int console_getc_wait(void)
{
	int c;

	while ((c = console_getc()) < 0)
		cpu_relax();
	return c;
}
