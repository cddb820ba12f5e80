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
 *
 * Several CPUs: a message is formatted first, then written whole under
 * printk_cpu_lock, so two CPUs' lines never interleave character by
 * character (Linux's printk_cpu_sync_get_irqsave()).  Like Linux's, the
 * lock is taken again without waiting by the CPU that holds it (an oops
 * in the middle of a message still prints), and a CPU that waits longer
 * than any message takes breaks it: the holder may have died, and losing
 * the panic report would be worse than a mixed line.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <kunit/test.h>
#include <asm/percpu.h>
#include <asm/irqflags.h>

#define MESSAGE_LOGLEVEL_DEFAULT	4
#define LOGLEVEL_ERR			3

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static int last_level = MESSAGE_LOGLEVEL_DEFAULT;
static bool line_open;		/* the last message did not end with '\n' */

#define PRINTK_NO_CPU		0xffffffffu
#define PRINTK_SPIN_MAX		100000000u	/* far beyond one message at 115200 baud */
static unsigned int printk_cpu_owner = PRINTK_NO_CPU;

/* the printing CPU: 0 until the per-CPU segment is loaded (early boot) */
static unsigned int printk_this_cpu(void)
{
	u16 fs;

	__asm__ __volatile__("mov %%fs, %0" : "=r"(fs));
	return fs == __KERNEL_PERCPU ? raw_smp_processor_id() : 0;
}

/* false if this CPU already held it (a nested message: do not release) */
static bool printk_cpu_sync_get(unsigned int cpu)
{
	unsigned int spins = 0, none;

	if (__atomic_load_n(&printk_cpu_owner, __ATOMIC_RELAXED) == cpu)
		return false;
	for (;;) {
		none = PRINTK_NO_CPU;
		if (__atomic_compare_exchange_n(&printk_cpu_owner, &none, cpu, false,
						__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return true;
		if (++spins == PRINTK_SPIN_MAX) {
			__atomic_store_n(&printk_cpu_owner, cpu, __ATOMIC_RELAXED);
			return true;
		}
		__builtin_ia32_pause();
	}
}

static void printk_cpu_sync_put(void)
{
	__atomic_store_n(&printk_cpu_owner, PRINTK_NO_CPU, __ATOMIC_RELEASE);
}

static int vprintk_locked(char *buf, int n);

int vprintk(const char *fmt, va_list args)
{
	char buf[1024];
	unsigned long flags;
	bool owner;
	int n;

	n = vsnprintf(buf, sizeof(buf), fmt, args);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	flags = arch_local_irq_save();
	owner = printk_cpu_sync_get(printk_this_cpu());
	n = vprintk_locked(buf, n);
	if (owner)
		printk_cpu_sync_put();
	arch_local_irq_restore(flags);
	return n;
}

static int vprintk_locked(char *buf, int n)
{
	const char *text = buf;
	int level;

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
