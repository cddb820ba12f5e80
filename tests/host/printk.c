// SPDX-License-Identifier: GPL-2.0
/*
 * Host stand-ins for the kernel's printk() and BUG(): printk writes to
 * stdout (without the KERN_* prefix) and feeds an active kunit capture;
 * ORDERLY_QUIET=1 keeps messages that carry a KERN_* level (the kernel's
 * own reports) off stdout, while the runner's KTAP, printed without a
 * level, still appears.  __bug aborts, which
 * ASan turns into a stack trace.
 */
#include <stdio.h>
#include <stdlib.h>
#include <kunit/test.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

int vprintk(const char *fmt, va_list args)
{
	static int quiet = -1;
	char buf[1024];
	const char *p = buf;
	bool leveled = false;
	int n;

	if (quiet < 0)
		quiet = getenv("ORDERLY_QUIET") != NULL;
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	if (p[0] == '\001' && p[1]) {
		p += 2;
		n -= 2;
		leveled = true;
	}
	printk_capture_append(p, (size_t)n);
	/* while a test captures, the text is its business, not stdout's */
	if (!printk_capture && !(quiet && leveled))
		fwrite(p, 1, (size_t)n, stdout);
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

void __bug(const char *file, int line, const char *func, const char *msg)
{
	fflush(stdout);
	fprintf(stderr, "kernel BUG at %s:%d %s(): %s\n", file, line, func, msg ? msg : "BUG()");
	abort();
}

/* the kernel's panic() stops the machine; on the host the test's process stops */
void panic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fflush(stdout);
	fprintf(stderr, "Kernel panic - not syncing: %s\n", buf);
	abort();
}
