// SPDX-License-Identifier: GPL-2.0
/*
 * The KUnit-like runner shared by the host test binary and the kernel's
 * selftest.  Output is KTAP version 1:
 *
 *   KTAP version 1
 *   1..2
 *       KTAP version 1
 *       # Subtest: buddy
 *       1..3
 *       ok 1 alloc_order0
 *       not ok 2 merge_on_free
 *       ok 3 needs_pte # SKIP kernel only
 *   not ok 1 buddy
 *
 * Failing expectations are printed as "# " diagnostic lines before the
 * case's result line.  A suite is "ok" when none of its cases failed.
 *
 * Nothing here survives a crash (the kernel has no second process):
 * the host runner (tests/host/main.c) runs each suite through
 * kunit_suite_run_cases() in a child process and prints the suite's line
 * itself, naming the case that crashed from the counts in kunit_result.
 */
#include <kunit/test.h>
#include <linux/string.h>

struct printk_capture *printk_capture;

void kunit_capture_start(struct printk_capture *cap)
{
	cap->len = 0;
	cap->buf[0] = '\0';
	cap->overflow = false;
	printk_capture = cap;
}

void kunit_capture_stop(void)
{
	printk_capture = NULL;
}

void printk_capture_append(const char *s, size_t n)
{
	struct printk_capture *cap = printk_capture;
	size_t room;

	if (!cap)
		return;
	room = sizeof(cap->buf) - 1 - cap->len;
	if (n > room) {
		n = room;
		cap->overflow = true;
	}
	memcpy(cap->buf + cap->len, s, n);
	cap->len += n;
	cap->buf[cap->len] = '\0';
}

static struct kunit *kunit_current;

void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	char *p, *nl;

	test->status = KUNIT_FAILURE;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("        # %s: EXPECTATION FAILED at %s:%d\n", test->name, file, line);
	for (p = msg; p && *p; p = nl) {
		nl = strchr(p, '\n');
		if (nl)
			*nl++ = '\0';
		printk("        # %s\n", p);
	}
}

void kunit_abort(struct kunit *test)
{
	__builtin_longjmp(test->jmp, 1);
}

void kunit_mark_skipped(struct kunit *test, const char *reason)
{
	test->status = KUNIT_SKIPPED;
	test->skip_reason = reason;
}

static bool kunit_suite_excluded(const struct kunit_suite *suite, unsigned int where,
				 const char **why)
{
	if ((suite->flags & KUNIT_SUITE_KERNEL_ONLY) && !(where & KUNIT_SUITE_KERNEL_ONLY)) {
		*why = "needs the booted kernel";
		return true;
	}
	if ((suite->flags & KUNIT_SUITE_HOST_ONLY) && !(where & KUNIT_SUITE_HOST_ONLY)) {
		*why = "host only";
		return true;
	}
	return false;
}

/* noinline: __builtin_setjmp must be in a frame that outlives the case */
static noinline void kunit_run_case(struct kunit_suite *suite, struct kunit_case *c,
				    struct kunit *test)
{
	if (__builtin_setjmp(test->jmp) == 0) {
		if (suite->init && suite->init(test)) {
			KUNIT_FAIL(test, "suite init failed");
			return;
		}
		c->run_case(test);
		if (suite->exit)
			suite->exit(test);
	} else if (suite->exit) {
		/* an ASSERT left the case: still clean up */
		suite->exit(test);
	}
}

enum kunit_status kunit_suite_run_cases(struct kunit_suite *suite, unsigned int where,
					struct kunit_result *res, const char **why)
{
	struct kunit_case *c;
	unsigned int n = 0, i = 0;
	bool failed = false;

	*why = NULL;
	for (c = suite->test_cases; c->run_case; c++)
		n++;

	printk("    KTAP version 1\n");
	printk("    # Subtest: %s\n", suite->name);
	printk("    1..%u\n", n);

	if (kunit_suite_excluded(suite, where, why)) {
		for (c = suite->test_cases; c->run_case; c++) {
			printk("    ok %u %s # SKIP %s\n", ++i, c->name, *why);
			res->skipped++;
		}
		return KUNIT_SKIPPED;
	}
	if (suite->suite_init && suite->suite_init(suite)) {
		for (c = suite->test_cases; c->run_case; c++) {
			printk("    not ok %u %s\n", ++i, c->name);
			res->failed++;
		}
		*why = "suite_init failed";
		return KUNIT_FAILURE;
	}

	for (c = suite->test_cases; c->run_case; c++) {
		struct kunit test;

		memset(&test, 0, sizeof(test));
		test.name = c->name;
		test.status = KUNIT_SUCCESS;
		test.where = where;
		kunit_current = &test;
		res->cases_begun++;
		kunit_run_case(suite, c, &test);
		kunit_current = NULL;
		i++;
		switch (test.status) {
		case KUNIT_SUCCESS:
			printk("    ok %u %s\n", i, c->name);
			res->passed++;
			break;
		case KUNIT_SKIPPED:
			printk("    ok %u %s # SKIP %s\n", i, c->name,
			       test.skip_reason ? test.skip_reason : "");
			res->skipped++;
			break;
		default:
			printk("    not ok %u %s\n", i, c->name);
			res->failed++;
			failed = true;
		}
	}
	if (suite->suite_exit)
		suite->suite_exit(suite);
	return failed ? KUNIT_FAILURE : KUNIT_SUCCESS;
}

void kunit_suite_end(const struct kunit_suite *suite, int index, enum kunit_status status,
		     const char *why)
{
	switch (status) {
	case KUNIT_SUCCESS:
		printk("ok %d %s\n", index, suite->name);
		break;
	case KUNIT_SKIPPED:
		printk("ok %d %s # SKIP %s\n", index, suite->name, why ? why : "");
		break;
	default:
		printk("not ok %d %s%s%s\n", index, suite->name, why ? " # " : "", why ? why : "");
	}
}

int kunit_run_suite(struct kunit_suite *suite, unsigned int where, int index,
		    struct kunit_result *res)
{
	const char *why;
	enum kunit_status status = kunit_suite_run_cases(suite, where, res, &why);

	kunit_suite_end(suite, index, status, why);
	return status == KUNIT_FAILURE ? -1 : 0;
}

/* a suite flagged KUNIT_SUITE_ON_REQUEST runs only when @filter names it */
static bool kunit_suite_selected(const struct kunit_suite *suite, const char *filter)
{
	if (!filter || !*filter)
		return !(suite->flags & KUNIT_SUITE_ON_REQUEST);
	return !strcmp(suite->name, filter);
}

int kunit_run_suites(const char *filter, unsigned int where, struct kunit_result *res,
		     kunit_suite_runner_t run)
{
	struct kunit_suite **s;
	int n = 0, i = 0, ret = 0;

	for (s = __start_kunit_suites; s < __stop_kunit_suites; s++)
		if (kunit_suite_selected(*s, filter))
			n++;
	printk("KTAP version 1\n");
	printk("1..%d\n", n);
	for (s = __start_kunit_suites; s < __stop_kunit_suites; s++) {
		if (!kunit_suite_selected(*s, filter))
			continue;
		if (run(*s, where, ++i, res))
			ret = -1;
	}
	return n ? ret : -ENOENT;
}

int kunit_run_all(const char *filter, unsigned int where, struct kunit_result *res)
{
	return kunit_run_suites(filter, where, res, kunit_run_suite);
}
