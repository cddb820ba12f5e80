/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The in-kernel self-tests (kernel/selftest.c): the KUnit suites of
 * tests/kunit/, run inside the booted kernel and reported in KTAP on the
 * console, closed by one summary line that the QEMU harness
 * (tests/qemu/run_tests.py) reads:
 *
 *   # orderly selftest: N passed, N failed, N skipped
 *
 * At boot (command line "selftest" or "selftest=<suite>") the kernel then
 * leaves QEMU through isa-debug-exit: QEMU_EXIT_PASS (status 33) when
 * nothing failed, QEMU_EXIT_FAIL (35) otherwise.  On a machine without that
 * device it goes on to the shell.  From the shell ("selftest [suite]") the
 * summary is printed and the shell continues.
 */
#ifndef _LINUX_SELFTEST_H
#define _LINUX_SELFTEST_H

#include <linux/types.h>

/*
 * selftest_run - run the suite named @suite (NULL or "" for all) in the
 * kernel and print the summary line.  Returns the number of failed cases
 * (0: all passed or skipped), or -ENOENT after "error: no selftest suite
 * named '...'" when @suite matches nothing.  Never exits QEMU.
 */
int selftest_run(const char *suite);

/*
 * selftest_boot - start_kernel()'s entry when the command line asks for
 * the self-tests: selftest_run(@suite), then qemu_exit(QEMU_EXIT_PASS or
 * QEMU_EXIT_FAIL) if running_on_qemu().  Returns (to let the boot go on
 * to the shell) only where there is no isa-debug-exit device.
 */
void selftest_boot(const char *suite);

/* true while selftest_run() is running (reports may say "expected") */
extern bool selftest_running;

/*
 * Expected faults.  A test that must see a page fault (a use-after-free
 * under debug_pagealloc=on, a stale kmap address) touches memory through
 * probe_read_u32()/probe_write_u32().  A probe records the address and the
 * exact instruction that may fault in a struct fault_expect, sets a
 * __builtin_setjmp() point and installs a die hook (asm/traps.h).  The
 * page-fault handler prints its usual report and calls the hook, which
 * claims the fault only if it is the armed one (a page fault, at that
 * instruction, on that page): it records it and __builtin_longjmp()s back
 * into the probe, abandoning the exception frame.  Any other exception
 * still goes on to panic.
 */
struct fault_expect {
	unsigned long addr;		/* the address the probe touches */
	unsigned long insn_eip;		/* the one instruction allowed to fault */
	bool hit;			/* set by the die hook: it faulted */
	unsigned long cr2;		/* what the handler saw, valid when hit */
	unsigned long error_code;
};

/* the armed expectation, NULL except inside a probe */
extern struct fault_expect *fault_expect;

/*
 * probe_read_u32 / probe_write_u32 - one 32-bit access at @addr that may
 * fault.  0 if it completed; -EFAULT if it page-faulted (the handler
 * printed its report; @fe_out, if not NULL, gets what it saw).
 */
int probe_read_u32(const void *addr, u32 *val, struct fault_expect *fe_out);
int probe_write_u32(void *addr, u32 val, struct fault_expect *fe_out);

#ifndef EFAULT
#define EFAULT	14
#endif

#endif /* _LINUX_SELFTEST_H */
