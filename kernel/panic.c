// SPDX-License-Identifier: GPL-2.0
/*
 * panic() and BUG(): the two ways the kernel stops on purpose.
 *
 * Both print where and why, then stop the machine: under QEMU through
 * isa-debug-exit with QEMU_EXIT_FAIL (status 35) so a test run ends at once
 * and fails, elsewhere by halting with interrupts off.  A test that was
 * capturing printk output when things went wrong has its capture written
 * out first: that text is usually the explanation.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/reboot.h>
#include <kunit/test.h>
#include <asm/traps.h>

static void flush_capture(void)
{
	struct printk_capture *cap = printk_capture;

	if (!cap)
		return;
	kunit_capture_stop();
	if (!cap->len)
		return;
	printk(KERN_EMERG "---[ printk output captured by the running test ]---\n");
	console_write_attr(cap->buf, cap->len, 0);
	if (cap->len && cap->buf[cap->len - 1] != '\n')
		console_write("\n", 1);
	printk(KERN_EMERG "---[ end of captured output%s ]---\n",
	       cap->overflow ? " (truncated)" : "");
}

void panic(const char *fmt, ...)
{
	static bool in_panic;
	char buf[256];
	va_list ap;

	__asm__ __volatile__("cli");
	if (in_panic)
		machine_halt();		/* panic inside panic: say nothing more */
	in_panic = true;

	flush_capture();
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	if (running_on_qemu())
		qemu_exit(QEMU_EXIT_FAIL);
	machine_halt();
}

void __bug(const char *file, int line, const char *func, const char *msg)
{
	flush_capture();
	printk(KERN_EMERG "kernel BUG at %s:%d %s(): %s\n", file, line, func, msg ? msg : "BUG()");
	dump_stack();
	panic("kernel BUG at %s:%d", file, line);
}
