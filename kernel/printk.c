// SPDX-License-Identifier: GPL-2.0
/*
 * printk: format, pick the level, feed a test's capture, filter by
 * console_loglevel, write to the consoles (kernel/console.c).
 *
 * A message may start with KERN_<LEVEL> ("\001" + digit).  Without one it
 * continues the previous message if that did not end a line (what callers
 * that build a line piecewise expect), else it gets the default level 4 as
 * in Linux; KERN_CONT always continues.  A message is printed when its level
 * is below console_loglevel (default 7: everything but KERN_DEBUG;
 * "quiet" = 4; "loglevel=N").  Levels KERN_ERR and more severe carry the
 * error colour hint to consoles that have one.
 *
 * While a KUnit test captures printk (lib/kunit.c) the text goes to the
 * capture buffer only, as on the host: the test checks it, and the serial
 * log stays free of the BUG reports the test provoked on purpose.  panic()
 * flushes a capture to the consoles so nothing is lost.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <kunit/test.h>

#define MESSAGE_LOGLEVEL_DEFAULT	4
#define LOGLEVEL_ERR			3

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static int last_level = MESSAGE_LOGLEVEL_DEFAULT;
static bool line_open;		/* the last message did not end with '\n' */

int vprintk(const char *fmt, va_list args)
{
	char buf[1024];
	const char *text = buf;
	int n, level;

	n = vsnprintf(buf, sizeof(buf), fmt, args);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;

	if (buf[0] == KERN_SOH[0] && buf[1]) {
		if (buf[1] == 'c')
			level = last_level;
		else if (buf[1] >= '0' && buf[1] <= '7')
			level = buf[1] - '0';
		else
			level = MESSAGE_LOGLEVEL_DEFAULT;
		text += 2;
		n -= 2;
	} else {
		level = line_open ? last_level : MESSAGE_LOGLEVEL_DEFAULT;
	}
	if (n <= 0)
		return 0;

	printk_capture_append(text, n);
	if (printk_capture)
		return n;

	last_level = level;
	line_open = text[n - 1] != '\n';
	if (level < console_loglevel)
		console_write_attr(text, n, level <= LOGLEVEL_ERR ? 1 : 0);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}
