// SPDX-License-Identifier: GPL-2.0
/* The test framework's own checks: expectations, captures, asserts. */
#include <kunit/test.h>

static void kunit_expect_passes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 2);
	KUNIT_EXPECT_STREQ(test, "page", "page");
	KUNIT_EXPECT_LT(test, 0, 11);
}

static void kunit_capture_sees_printk(struct kunit *test)
{
	static struct printk_capture cap;

	kunit_capture_start(&cap);
	printk(KERN_ERR "BUG: Bad page state: pfn:%05lx\n", 0x1234UL);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: Bad page state: pfn:01234");
}

static struct kunit_case kunit_cases[] = {
	KUNIT_CASE(kunit_expect_passes),
	KUNIT_CASE(kunit_capture_sees_printk),
	{}
};

static struct kunit_suite kunit_suite = {
	.name = "kunit",
	.test_cases = kunit_cases,
};
kunit_test_suite(kunit_suite);
