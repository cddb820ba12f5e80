// SPDX-License-Identifier: GPL-2.0
/*
 * lib/kstrtox.c and lib/cmdline.c (memparse), on the host and in the
 * kernel: the number syntax the command line (mem=, memmap=, loglevel=)
 * is parsed with.
 */
#include <kunit/test.h>

static void kstrtoull_bases(struct kunit *test)
{
	unsigned long long v = 0;

	KUNIT_EXPECT_EQ(test, kstrtoull("123", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 123ULL);
	KUNIT_EXPECT_EQ(test, kstrtoull("0x1F", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 31ULL);
	KUNIT_EXPECT_EQ(test, kstrtoull("017", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 15ULL);
	KUNIT_EXPECT_EQ(test, kstrtoull("ff", 16, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 255ULL);
	KUNIT_EXPECT_EQ(test, kstrtoull("0xff", 16, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 255ULL);
	KUNIT_EXPECT_EQ(test, kstrtoull("+7\n", 10, &v), 0);	/* one newline allowed */
	KUNIT_EXPECT_EQ(test, v, 7ULL);
	KUNIT_EXPECT_EQ(test, kstrtoull("18446744073709551615", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, ~0ULL);
}

static void kstrtoull_rejects(struct kunit *test)
{
	unsigned long long v = 42;

	KUNIT_EXPECT_EQ(test, kstrtoull("", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoull("12a", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoull("-1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoull("0x", 16, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoull("1\n\n", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoull("18446744073709551616", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoull("5", 1, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, v, 42ULL);			/* untouched on error */
}

static void kstrto_narrow_types(struct kunit *test)
{
	unsigned int u = 1;
	int i = 1;
	unsigned long ul = 1;

	KUNIT_EXPECT_EQ(test, kstrtouint("4294967295", 10, &u), 0);
	KUNIT_EXPECT_EQ(test, u, 4294967295u);
	KUNIT_EXPECT_EQ(test, kstrtouint("4294967296", 10, &u), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("-2147483648", 10, &i), 0);
	KUNIT_EXPECT_EQ(test, i, (int)-2147483647 - 1);
	KUNIT_EXPECT_EQ(test, kstrtoint("2147483648", 10, &i), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("-2147483649", 10, &i), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("-+1", 10, &i), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("-8", 0, &i), 0);
	KUNIT_EXPECT_EQ(test, i, -8);
	KUNIT_EXPECT_EQ(test, kstrtoul("0x10", 0, &ul), 0);
	KUNIT_EXPECT_EQ(test, ul, 16UL);
}

static void simple_strtoull_stops(struct kunit *test)
{
	char *end;
	const char *s = "64M$0x100";

	KUNIT_EXPECT_EQ(test, simple_strtoull(s, &end, 0), 64ULL);
	KUNIT_EXPECT_PTR_EQ(test, end, s + 2);
	KUNIT_EXPECT_EQ(test, simple_strtoull("99999999999999999999x", &end, 10), ~0ULL);
	KUNIT_EXPECT_EQ(test, *end, 'x');			/* saturates, still stops */
	KUNIT_EXPECT_EQ(test, simple_strtoul("zz", &end, 10), 0UL);
}

static void memparse_suffixes(struct kunit *test)
{
	char *end;
	const char *s;

	KUNIT_EXPECT_EQ(test, memparse("4096", &end), 4096ULL);
	KUNIT_EXPECT_EQ(test, memparse("16k", &end), 16ULL << 10);
	KUNIT_EXPECT_EQ(test, memparse("256M", &end), 256ULL << 20);
	KUNIT_EXPECT_EQ(test, memparse("3G", &end), 3ULL << 30);
	KUNIT_EXPECT_EQ(test, memparse("0x10M", &end), 16ULL << 20);
	KUNIT_EXPECT_EQ(test, memparse("2T", &end), 2ULL << 40);
	s = "4M$64M";
	KUNIT_EXPECT_EQ(test, memparse(s, &end), 4ULL << 20);
	KUNIT_EXPECT_PTR_EQ(test, end, s + 2);			/* after the suffix */
	KUNIT_EXPECT_EQ(test, memparse(end + 1, &end), 64ULL << 20);
	KUNIT_EXPECT_EQ(test, *end, '\0');
	s = "M";
	KUNIT_EXPECT_EQ(test, memparse(s, &end), 0ULL);
	KUNIT_EXPECT_PTR_EQ(test, end, s);			/* no digits: no progress */
	KUNIT_EXPECT_EQ(test, memparse("99999999999E", &end), ~0ULL);	/* saturates */
}

static struct kunit_case kstrtox_cases[] = {
	KUNIT_CASE(kstrtoull_bases),
	KUNIT_CASE(kstrtoull_rejects),
	KUNIT_CASE(kstrto_narrow_types),
	KUNIT_CASE(simple_strtoull_stops),
	KUNIT_CASE(memparse_suffixes),
	{}
};

static struct kunit_suite kstrtox_suite = {
	.name = "kstrtox",
	.test_cases = kstrtox_cases,
};
kunit_test_suite(kstrtox_suite);
