// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's argument grammar (lib/shell_parse.c): what a person may type
 * for a number, a size and a GFP mask, and what must be refused.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/mmdebug.h>
#include <linux/shell.h>

static void parse_numbers(struct kunit *test)
{
	u64 v = 99;

	KUNIT_EXPECT_EQ(test, shell_parse_u64("0", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0);
	KUNIT_EXPECT_EQ(test, shell_parse_u64("1234", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 1234);
	KUNIT_EXPECT_EQ(test, shell_parse_u64("0x1F", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0x1f);
	KUNIT_EXPECT_EQ(test, shell_parse_u64("0Xc0000000", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0xc0000000ULL);
	/* a leading zero is decimal, not octal */
	KUNIT_EXPECT_EQ(test, shell_parse_u64("010", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 10);
	KUNIT_EXPECT_EQ(test, shell_parse_u64("18446744073709551615", &v), 0);
	KUNIT_EXPECT_EQ(test, v, UINT64_MAX);
	KUNIT_EXPECT_EQ(test, shell_parse_u64("0xffffffffffffffff", &v), 0);
	KUNIT_EXPECT_EQ(test, v, UINT64_MAX);
}

static void parse_numbers_refused(struct kunit *test)
{
	static const char * const bad[] = {
		"", "-1", "+1", "0x", "0xg", "12a", "1 2", "1.5", "abc", "x10",
		"0b101", " 1", "1K", "\xff",
	};
	unsigned int i;
	u64 v = 42;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		KUNIT_EXPECT_EQ(test, shell_parse_u64(bad[i], &v), -EINVAL);
		KUNIT_EXPECT_EQ(test, v, 42);		/* untouched on failure */
	}
	KUNIT_EXPECT_EQ(test, shell_parse_u64(NULL, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, shell_parse_u64("18446744073709551616", &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, shell_parse_u64("0x10000000000000000", &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, shell_parse_u64("99999999999999999999999", &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, v, 42);
}

static void parse_ulong_limit(struct kunit *test)
{
	unsigned long v = 7;

	KUNIT_EXPECT_EQ(test, shell_parse_ulong("10", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 10);
	KUNIT_EXPECT_EQ(test, shell_parse_ulong("11", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, shell_parse_ulong("0xffffffff", 0xffffffffUL, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0xffffffffUL);
	KUNIT_EXPECT_EQ(test, shell_parse_ulong("0x100000000", 0xffffffffUL, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, shell_parse_ulong("-1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, v, 0xffffffffUL);
}

static void parse_sizes(struct kunit *test)
{
	u64 v = 0;

	KUNIT_EXPECT_EQ(test, shell_parse_size("4096", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 4096);
	KUNIT_EXPECT_EQ(test, shell_parse_size("4K", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 4096);
	KUNIT_EXPECT_EQ(test, shell_parse_size("4k", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 4096);
	KUNIT_EXPECT_EQ(test, shell_parse_size("16M", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 16ULL << 20);
	KUNIT_EXPECT_EQ(test, shell_parse_size("3G", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 3ULL << 30);
	KUNIT_EXPECT_EQ(test, shell_parse_size("0x10K", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 16ULL << 10);
	KUNIT_EXPECT_EQ(test, shell_parse_size("0K", &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0);

	v = 5;
	KUNIT_EXPECT_EQ(test, shell_parse_size("K", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, shell_parse_size("", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, shell_parse_size("4KB", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, shell_parse_size("4T", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, shell_parse_size("-4K", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, shell_parse_size("0xK", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, shell_parse_size("17179869184G", &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, v, 5);
}

static void parse_gfp_names(struct kunit *test)
{
	gfp_t gfp = 0;

	KUNIT_EXPECT_EQ(test, shell_parse_gfp("GFP_KERNEL", &gfp, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, gfp, GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("GFP_KERNEL|__GFP_ZERO", &gfp, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, gfp, GFP_KERNEL | __GFP_ZERO);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("GFP_HIGHUSER|__GFP_ZERO|__GFP_COMP", &gfp, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, gfp, GFP_HIGHUSER | __GFP_ZERO | __GFP_COMP);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("GFP_DMA", &gfp, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, gfp, __GFP_DMA);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("GFP_HIGHUSER_MOVABLE", &gfp, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, gfp, GFP_HIGHUSER | __GFP_MOVABLE);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("GFP_KERNEL|__GFP_MOVABLE", &gfp, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, gfp, GFP_KERNEL | __GFP_MOVABLE);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("GFP_KERNEL|__GFP_RECLAIMABLE", &gfp, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, gfp, GFP_KERNEL | __GFP_RECLAIMABLE);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("0x80000", &gfp, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, gfp, __GFP_RECLAIMABLE);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("GFP_ATOMIC", &gfp, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, gfp, __GFP_HIGH);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("0xd0", &gfp, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, gfp, 0xd0);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("0", &gfp, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, gfp, 0);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("GFP_NOIO|0x8000", &gfp, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, gfp, __GFP_WAIT | __GFP_ZERO);
	/* every name in the table parses to its own mask */
	{
		const struct gfp_flag_name *f;

		KUNIT_EXPECT_GE(test, nr_gfpflag_names, 20);
		for (f = gfpflag_names; f < gfpflag_names + nr_gfpflag_names; f++) {
			if (!f->name)
				continue;
			gfp = 0xdead;
			KUNIT_EXPECT_EQ(test, shell_parse_gfp(f->name, &gfp, NULL, NULL), 0);
			KUNIT_EXPECT_EQ(test, gfp, f->mask);
		}
	}
}

static void parse_gfp_refused(struct kunit *test)
{
	const char *bad = NULL;
	size_t bad_len = 0;
	gfp_t gfp = 0x1234;

	KUNIT_EXPECT_EQ(test, shell_parse_gfp("GFP_KERNEL|__GFP_BOGUS", &gfp, &bad, &bad_len), -EINVAL);
	KUNIT_EXPECT_EQ(test, bad_len, 11);
	KUNIT_EXPECT_EQ(test, strncmp(bad, "__GFP_BOGUS", bad_len), 0);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("gfp_kernel", &gfp, &bad, &bad_len), -EINVAL);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("", &gfp, &bad, &bad_len), -EINVAL);
	KUNIT_EXPECT_EQ(test, bad_len, 0);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("GFP_KERNEL|", &gfp, &bad, &bad_len), -EINVAL);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("|GFP_KERNEL", &gfp, &bad, &bad_len), -EINVAL);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("GFP_KERNEL||__GFP_ZERO", &gfp, &bad, &bad_len), -EINVAL);
	/* bits the allocator has no meaning for */
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("0x40000", &gfp, &bad, &bad_len), -EINVAL);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("0x1ffffffff", &gfp, &bad, &bad_len), -EINVAL);
	KUNIT_EXPECT_EQ(test, shell_parse_gfp("-1", &gfp, &bad, &bad_len), -EINVAL);
	KUNIT_EXPECT_EQ(test, gfp, 0x1234);
}

static void split_words(struct kunit *test)
{
	char line[64], *argv[SHELL_MAX_ARGS];

	snprintf(line, sizeof(line), "%s", "  alloc_pages   3\tGFP_KERNEL ");
	KUNIT_ASSERT_EQ(test, shell_split(line, argv, SHELL_MAX_ARGS), 3);
	KUNIT_EXPECT_STREQ(test, argv[0], "alloc_pages");
	KUNIT_EXPECT_STREQ(test, argv[1], "3");
	KUNIT_EXPECT_STREQ(test, argv[2], "GFP_KERNEL");

	snprintf(line, sizeof(line), "%s", "   ");
	KUNIT_EXPECT_EQ(test, shell_split(line, argv, SHELL_MAX_ARGS), 0);
	snprintf(line, sizeof(line), "%s", "");
	KUNIT_EXPECT_EQ(test, shell_split(line, argv, SHELL_MAX_ARGS), 0);
	snprintf(line, sizeof(line), "%s", "a b c");
	KUNIT_EXPECT_EQ(test, shell_split(line, argv, 2), -EINVAL);
	snprintf(line, sizeof(line), "%s", "a b");
	KUNIT_EXPECT_EQ(test, shell_split(line, argv, 2), 2);
}

static struct kunit_case shell_parse_cases[] = {
	KUNIT_CASE(parse_numbers),
	KUNIT_CASE(parse_numbers_refused),
	KUNIT_CASE(parse_ulong_limit),
	KUNIT_CASE(parse_sizes),
	KUNIT_CASE(parse_gfp_names),
	KUNIT_CASE(parse_gfp_refused),
	KUNIT_CASE(split_words),
	{}
};

static struct kunit_suite shell_parse_suite = {
	.name = "shell_parse",
	.test_cases = shell_parse_cases,
};
kunit_test_suite(shell_parse_suite);
