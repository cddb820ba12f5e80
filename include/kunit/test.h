/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small KUnit: the same test source runs on the host (tests/host/main.c)
 * and inside the booted kernel (kernel/selftest.c), both printing KTAP
 * version 1.
 *
 * A suite is registered with kunit_test_suite(s), which drops a pointer in
 * the "kunit_suites" section; the runner walks that section.  KUNIT_EXPECT_*
 * records a failure and goes on; KUNIT_ASSERT_* records it and leaves the
 * test case at once (through __builtin_setjmp/longjmp, which need no libc).
 *
 * Files named tests/kunit/<x>_test.c are built into both runners;
 * <x>_ktest.c only into the kernel.  A suite that cannot run somewhere sets
 * .flags, and the runner prints "# SKIP" with the reason.
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/printk.h>

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

struct kunit {
	const char *name;		/* the test case */
	enum kunit_status status;
	const char *skip_reason;
	void *priv;			/* for the suite's init/exit */
	void *jmp[5];			/* __builtin_setjmp buffer for ASSERT */
	int nr_expectations;
	unsigned int where;		/* the run's @where (KUNIT_RUN_SLOW: run long) */
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
};

#define KUNIT_CASE(fn)	{ .run_case = fn, .name = #fn }

#define KUNIT_SUITE_KERNEL_ONLY	0x1	/* needs the real machine */
#define KUNIT_SUITE_HOST_ONLY	0x2	/* needs the host (memfd, malloc, ...) */
/* in a run's @where only, not a suite flag: long runs were asked for (ORDERLY_SLOW=1) */
#define KUNIT_RUN_SLOW		0x4
#define KUNIT_SUITE_ON_REQUEST	0x8	/* runs only when named (the host runner's
					   self-check: suites that fail on purpose) */

struct kunit_suite {
	const char *name;
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);	/* before each case; non-0 fails it */
	void (*exit)(struct kunit *test);	/* after each case */
	struct kunit_case *test_cases;		/* terminated by {} */
	unsigned int flags;
};

#define kunit_test_suite(suite)						\
	static struct kunit_suite *__kunit_ptr_##suite			\
	__attribute__((used, section("kunit_suites"), aligned(sizeof(void *)))) = &(suite)

/* weak: a program with no suite at all (a fuzz target) still links */
extern struct kunit_suite *__start_kunit_suites[] __attribute__((weak));
extern struct kunit_suite *__stop_kunit_suites[] __attribute__((weak));

struct kunit_result {
	unsigned int passed, failed, skipped;
	/*
	 * Cases entered.  While a case runs it is one more than the cases
	 * counted above, so a runner that outlives a crash (the host's, which
	 * runs each suite in a child process) can name the case that crashed.
	 */
	unsigned int cases_begun;
};

/*
 * Run every registered suite whose name matches @filter (NULL or "" for
 * all but the KUNIT_SUITE_ON_REQUEST ones; otherwise an exact suite name),
 * print KTAP, add counts to @res.  @where is KUNIT_SUITE_HOST_ONLY on the
 * host and KUNIT_SUITE_KERNEL_ONLY in the kernel: suites flagged for the
 * other place are skipped.  Returns -1 if a suite failed, -ENOENT if none
 * matched.
 */
int kunit_run_all(const char *filter, unsigned int where, struct kunit_result *res);
int kunit_run_suite(struct kunit_suite *suite, unsigned int where, int index,
		    struct kunit_result *res);

/* kunit_run_all() with another way to run one suite (the host forks) */
typedef int (*kunit_suite_runner_t)(struct kunit_suite *suite, unsigned int where, int index,
				    struct kunit_result *res);
int kunit_run_suites(const char *filter, unsigned int where, struct kunit_result *res,
		     kunit_suite_runner_t run);

/*
 * The two halves of kunit_run_suite().  kunit_suite_run_cases() prints the
 * subtest header and one line per case, adds to @res and returns the
 * suite's status; *@why says why when the whole suite was skipped or its
 * suite_init failed (a static string), else NULL.  kunit_suite_end()
 * prints the suite's own line.
 */
enum kunit_status kunit_suite_run_cases(struct kunit_suite *suite, unsigned int where,
					struct kunit_result *res, const char **why);
void kunit_suite_end(const struct kunit_suite *suite, int index, enum kunit_status status,
		     const char *why);

void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...) __printf(4, 5);
void __noreturn kunit_abort(struct kunit *test);
void kunit_mark_skipped(struct kunit *test, const char *reason);
void kunit_log_hexdiff(const char *what, unsigned long long l, unsigned long long r);

#define kunit_skip(test, reason) do { kunit_mark_skipped(test, reason); kunit_abort(test); } while (0)

#define KUNIT_SUCCEED(test)	do { (test)->nr_expectations++; } while (0)
#define KUNIT_FAIL(test, fmt, ...) \
	kunit_fail(test, __FILE__, __LINE__, fmt, ##__VA_ARGS__)

#define __KUNIT_BINARY(test, abort, l, op, r, ls, rs) do {		\
	long long __l = (long long)(l), __r = (long long)(r);		\
	(test)->nr_expectations++;					\
	if (!(__l op __r)) {						\
		kunit_fail(test, __FILE__, __LINE__,			\
			   "Expected %s %s %s, but\n        %s == %lld (0x%llx)\n        %s == %lld (0x%llx)", \
			   ls, #op, rs, ls, __l, (unsigned long long)__l, rs, __r, (unsigned long long)__r); \
		if (abort)						\
			kunit_abort(test);				\
	}								\
} while (0)

#define KUNIT_EXPECT_EQ(t, l, r)	__KUNIT_BINARY(t, 0, l, ==, r, #l, #r)
#define KUNIT_EXPECT_NE(t, l, r)	__KUNIT_BINARY(t, 0, l, !=, r, #l, #r)
#define KUNIT_EXPECT_LT(t, l, r)	__KUNIT_BINARY(t, 0, l, <, r, #l, #r)
#define KUNIT_EXPECT_LE(t, l, r)	__KUNIT_BINARY(t, 0, l, <=, r, #l, #r)
#define KUNIT_EXPECT_GT(t, l, r)	__KUNIT_BINARY(t, 0, l, >, r, #l, #r)
#define KUNIT_EXPECT_GE(t, l, r)	__KUNIT_BINARY(t, 0, l, >=, r, #l, #r)
#define KUNIT_ASSERT_EQ(t, l, r)	__KUNIT_BINARY(t, 1, l, ==, r, #l, #r)
#define KUNIT_ASSERT_NE(t, l, r)	__KUNIT_BINARY(t, 1, l, !=, r, #l, #r)
#define KUNIT_ASSERT_LT(t, l, r)	__KUNIT_BINARY(t, 1, l, <, r, #l, #r)
#define KUNIT_ASSERT_LE(t, l, r)	__KUNIT_BINARY(t, 1, l, <=, r, #l, #r)
#define KUNIT_ASSERT_GT(t, l, r)	__KUNIT_BINARY(t, 1, l, >, r, #l, #r)
#define KUNIT_ASSERT_GE(t, l, r)	__KUNIT_BINARY(t, 1, l, >=, r, #l, #r)

#define KUNIT_EXPECT_TRUE(t, c)		__KUNIT_BINARY(t, 0, !!(c), ==, 1, #c, "true")
#define KUNIT_EXPECT_FALSE(t, c)	__KUNIT_BINARY(t, 0, !!(c), ==, 0, #c, "false")
#define KUNIT_ASSERT_TRUE(t, c)		__KUNIT_BINARY(t, 1, !!(c), ==, 1, #c, "true")
#define KUNIT_ASSERT_FALSE(t, c)	__KUNIT_BINARY(t, 1, !!(c), ==, 0, #c, "false")

#define KUNIT_EXPECT_NULL(t, p)		__KUNIT_BINARY(t, 0, (uintptr_t)(p), ==, 0, #p, "NULL")
#define KUNIT_EXPECT_NOT_NULL(t, p)	__KUNIT_BINARY(t, 0, (uintptr_t)(p), !=, 0, #p, "NULL")
#define KUNIT_ASSERT_NULL(t, p)		__KUNIT_BINARY(t, 1, (uintptr_t)(p), ==, 0, #p, "NULL")
#define KUNIT_ASSERT_NOT_NULL(t, p)	__KUNIT_BINARY(t, 1, (uintptr_t)(p), !=, 0, #p, "NULL")
#define KUNIT_EXPECT_PTR_EQ(t, l, r)	__KUNIT_BINARY(t, 0, (uintptr_t)(l), ==, (uintptr_t)(r), #l, #r)

#define __KUNIT_STR(t, abort, l, r, eq) do {				\
	const char *__ls = (l), *__rs = (r);				\
	(t)->nr_expectations++;						\
	if ((__ls && __rs && !strcmp(__ls, __rs)) != (eq)) {		\
		kunit_fail(t, __FILE__, __LINE__,			\
			   "Expected %s %s %s, but\n        %s == \"%s\"\n        %s == \"%s\"", \
			   #l, (eq) ? "==" : "!=", #r, #l, __ls ? __ls : "(null)", #r, __rs ? __rs : "(null)"); \
		if (abort)						\
			kunit_abort(t);					\
	}								\
} while (0)
#define KUNIT_EXPECT_STREQ(t, l, r)	__KUNIT_STR(t, 0, l, r, 1)
#define KUNIT_EXPECT_STRNEQ(t, l, r)	__KUNIT_STR(t, 0, l, r, 0)
#define KUNIT_ASSERT_STREQ(t, l, r)	__KUNIT_STR(t, 1, l, r, 1)

/*
 * The printk capture: tests that expect a report ("BUG: Bad page state")
 * start a capture, do the misuse, and check the captured text.  Both the
 * kernel's printk and the host's stub append to an active capture.
 */
struct printk_capture {
	char buf[4096];
	size_t len;		/* bytes in buf, always NUL-terminated */
	bool overflow;
};
extern struct printk_capture *printk_capture;

void kunit_capture_start(struct printk_capture *cap);
void kunit_capture_stop(void);
/* called by the printk implementations */
void printk_capture_append(const char *s, size_t n);

#define KUNIT_EXPECT_LOG_CONTAINS(t, cap, needle) do {			\
	(t)->nr_expectations++;						\
	if (!strstr((cap)->buf, (needle)))				\
		kunit_fail(t, __FILE__, __LINE__,			\
			   "Expected the log to contain \"%s\"; it was:\n%s", (needle), (cap)->buf); \
} while (0)
#define KUNIT_EXPECT_LOG_EMPTY(t, cap) do {				\
	(t)->nr_expectations++;						\
	if ((cap)->len)							\
		kunit_fail(t, __FILE__, __LINE__,			\
			   "Expected no log output; it was:\n%s", (cap)->buf); \
} while (0)

#include <linux/string.h>

#endif /* _KUNIT_TEST_H */
