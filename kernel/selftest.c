// SPDX-License-Identifier: GPL-2.0
/*
 * The in-kernel test runner.
 *
 * The same KUnit suites that the host binary runs (tests/kunit/<x>_test.c),
 * plus the kernel-only ones (<x>_ktest.c: page tables, kmap PTEs, faults,
 * the whole machine's zones), are linked into the kernel through the
 * "kunit_suites" section.  selftest_run() hands them to lib/kunit.c, which
 * prints KTAP version 1 on the console, and closes with the one line the
 * QEMU harness parses:
 *
 *   # orderly selftest: 12 passed, 0 failed, 3 skipped
 *
 * At boot the verdict also leaves QEMU through isa-debug-exit, so CI gets
 * it twice: as that sentinel line and as QEMU's exit status (33 pass, 35
 * fail).  Neither alone is trusted by the harness.
 *
 * Expected faults: probe_read_u32()/probe_write_u32() arm fault_expect with
 * the address of the single instruction that may fault, and install a die
 * hook (asm/traps.h) that the exception handler calls after its report;
 * the hook claims only that fault and longjmps back into the probe.
 */
#include <linux/selftest.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/irqflags.h>
#include <asm/traps.h>
#include <kunit/test.h>

bool selftest_running;
struct fault_expect *fault_expect;

static bool selftest_suite_exists(const char *name)
{
	struct kunit_suite **s;

	for (s = __start_kunit_suites; s < __stop_kunit_suites; s++)
		if (!strcmp((*s)->name, name))
			return true;
	return false;
}

int selftest_run(const char *suite)
{
	struct kunit_result res = { 0 };

	if (suite && *suite && !selftest_suite_exists(suite)) {
		printk("error: no selftest suite named '%s'\n", suite);
		return -ENOENT;
	}
	selftest_running = true;
	kunit_run_all(suite, KUNIT_SUITE_KERNEL_ONLY, &res);
	selftest_running = false;
	printk("# orderly selftest: %u passed, %u failed, %u skipped\n",
	       res.passed, res.failed, res.skipped);
	return res.failed;
}

void selftest_boot(const char *suite)
{
	int failed = selftest_run(suite);

	if (running_on_qemu())
		qemu_exit(failed ? QEMU_EXIT_FAIL : QEMU_EXIT_PASS);
	printk("selftest: no isa-debug-exit device; continuing boot\n");
}

/* the probe that is armed: its setjmp buffer (one probe at a time) */
static void *probe_jmp[5];

static bool selftest_die_hook(struct pt_regs *regs, unsigned long cr2)
{
	struct fault_expect *fe = READ_ONCE(fault_expect);

	if (!fe || fe->hit || regs->trapnr != X86_TRAP_PF || regs->ip != fe->insn_eip ||
	    (cr2 & PAGE_MASK) != (fe->addr & PAGE_MASK))
		return false;
	fe->hit = true;
	fe->cr2 = cr2;
	fe->error_code = regs->error_code;
	printk("selftest: the page fault at %#lx was expected; the test goes on\n", cr2);
	__builtin_longjmp(probe_jmp, 1);
}

/*
 * The probes.  Label 1 is the only instruction the hook accepts a fault
 * from; after a fault, execution comes back out of __builtin_setjmp() a
 * second time with fe.hit set (fe lives in memory: its address escapes).
 * Interrupts stay off inside, since the exception gate cleared IF and
 * the longjmp does not restore it.
 */
static noinline void probe_arm(struct fault_expect *fe)
{
	WRITE_ONCE(fault_expect, fe);
	set_die_hook(selftest_die_hook);
}

static noinline void probe_disarm(void)
{
	set_die_hook(NULL);
	WRITE_ONCE(fault_expect, NULL);
}

noinline int probe_read_u32(const void *addr, u32 *val, struct fault_expect *fe_out)
{
	struct fault_expect fe = { .addr = (unsigned long)addr };
	unsigned long flags = arch_local_irq_save();
	u32 v = 0;

	probe_arm(&fe);
	if (__builtin_setjmp(probe_jmp) == 0) {
		asm volatile("movl $1f, %[insn]\n\t"
			     "1:\tmovl (%[addr]), %[v]"
			     : [v] "=r" (v), [insn] "=m" (fe.insn_eip)
			     : [addr] "r" (addr)
			     : "memory");
		*val = v;
	}
	probe_disarm();
	arch_local_irq_restore(flags);
	if (fe_out)
		*fe_out = fe;
	return fe.hit ? -EFAULT : 0;
}

noinline int probe_write_u32(void *addr, u32 val, struct fault_expect *fe_out)
{
	struct fault_expect fe = { .addr = (unsigned long)addr };
	unsigned long flags = arch_local_irq_save();

	probe_arm(&fe);
	if (__builtin_setjmp(probe_jmp) == 0) {
		asm volatile("movl $1f, %[insn]\n\t"
			     "1:\tmovl %[val], (%[addr])"
			     : [insn] "=m" (fe.insn_eip)
			     : [addr] "r" (addr), [val] "r" (val)
			     : "memory");
	}
	probe_disarm();
	arch_local_irq_restore(flags);
	if (fe_out)
		*fe_out = fe;
	return fe.hit ? -EFAULT : 0;
}
