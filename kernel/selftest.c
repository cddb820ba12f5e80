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
 * the address of the single instruction that may fault and a fixup label
 * right after it, both taken from one asm statement; the page-fault
 * handler asks fault_expect_fixup() before stopping the machine.
 */
#include <linux/selftest.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/string.h>
#include <asm/page.h>
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

bool fault_expect_fixup(unsigned long *eip, unsigned long cr2, unsigned long error_code)
{
	struct fault_expect *fe = READ_ONCE(fault_expect);

	if (!fe || fe->hit || *eip != fe->insn_eip)
		return false;
	if ((cr2 & PAGE_MASK) != (fe->addr & PAGE_MASK))
		return false;
	fe->hit = true;
	fe->cr2 = cr2;
	fe->error_code = error_code;
	*eip = fe->fixup_eip;
	printk("selftest: the fault at %#lx was expected; resuming at %#lx\n",
	       cr2, fe->fixup_eip);
	return true;
}

/*
 * The probe: label 1 is the access, label 2 the fixup.  On a fault the
 * handler resumes at 2 with every register as it was before the access,
 * so @v keeps its initial value and fe.hit says what happened.
 */
noinline int probe_read_u32(const void *addr, u32 *val, struct fault_expect *fe_out)
{
	struct fault_expect fe = { .addr = (unsigned long)addr };
	u32 v = 0;

	WRITE_ONCE(fault_expect, &fe);
	barrier();
	asm volatile("movl $1f, %[insn]\n\t"
		     "movl $2f, %[fixup]\n\t"
		     "1:\tmovl (%[addr]), %[v]\n"
		     "2:"
		     : [v] "+r" (v), [insn] "=m" (fe.insn_eip), [fixup] "=m" (fe.fixup_eip)
		     : [addr] "r" (addr)
		     : "memory");
	barrier();
	WRITE_ONCE(fault_expect, NULL);
	if (fe_out)
		*fe_out = fe;
	if (fe.hit)
		return -EFAULT;
	*val = v;
	return 0;
}

noinline int probe_write_u32(void *addr, u32 val, struct fault_expect *fe_out)
{
	struct fault_expect fe = { .addr = (unsigned long)addr };

	WRITE_ONCE(fault_expect, &fe);
	barrier();
	asm volatile("movl $1f, %[insn]\n\t"
		     "movl $2f, %[fixup]\n\t"
		     "1:\tmovl %[val], (%[addr])\n"
		     "2:"
		     : [insn] "=m" (fe.insn_eip), [fixup] "=m" (fe.fixup_eip)
		     : [addr] "r" (addr), [val] "r" (val)
		     : "memory");
	barrier();
	WRITE_ONCE(fault_expect, NULL);
	if (fe_out)
		*fe_out = fe;
	return fe.hit ? -EFAULT : 0;
}
