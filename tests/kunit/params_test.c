// SPDX-License-Identifier: GPL-2.0
/* kernel/params.c: every parameter, its bad values, and the unknown-word report. */
#include <kunit/test.h>
#include <linux/params.h>

static struct kernel_params kp;
static struct printk_capture cap;

static int parse_quietly(const char *cmdline)
{
	int ret;

	kunit_capture_start(&cap);
	ret = parse_kernel_params(cmdline, &kp);
	kunit_capture_stop();
	return ret;
}

static void params_defaults(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, parse_quietly(""), 0);
	KUNIT_EXPECT_EQ(test, kp.mem_limit, 0);
	KUNIT_EXPECT_FALSE(test, kp.highmem_set);
	KUNIT_EXPECT_EQ(test, kp.loglevel, -1);
	KUNIT_EXPECT_FALSE(test, kp.selftest);
	KUNIT_EXPECT_EQ(test, parse_quietly(NULL), 0);
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
}

static void params_sizes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=512M highmem=256m"), 0);
	KUNIT_EXPECT_EQ(test, kp.mem_limit, 512ULL << 20);
	KUNIT_EXPECT_TRUE(test, kp.highmem_set);
	KUNIT_EXPECT_EQ(test, kp.highmem_size, 256ULL << 20);
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=2G"), 0);
	KUNIT_EXPECT_EQ(test, kp.mem_limit, 2ULL << 30);
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=65536k"), 0);
	KUNIT_EXPECT_EQ(test, kp.mem_limit, 64ULL << 20);
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=0x1000000"), 0);
	KUNIT_EXPECT_EQ(test, kp.mem_limit, 16ULL << 20);
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=12345678"), 0);
	KUNIT_EXPECT_EQ(test, kp.mem_limit, 12345678);
	/* the last one wins, as in Linux */
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=1G mem=3G"), 0);
	KUNIT_EXPECT_EQ(test, kp.mem_limit, 3ULL << 30);
	KUNIT_EXPECT_EQ(test, parse_quietly("highmem=0"), 0);
	KUNIT_EXPECT_TRUE(test, kp.highmem_set);
	KUNIT_EXPECT_EQ(test, kp.highmem_size, 0);
}

static void params_bad_sizes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=512MB"), 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "mem=\"512MB\": expected <size>[KMG], ignored");
	KUNIT_EXPECT_EQ(test, kp.mem_limit, 0);
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=1G mem=lots"), 1);
	KUNIT_EXPECT_EQ(test, kp.mem_limit, 1ULL << 30);	/* the bad one left it */
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=0"), 1);
	KUNIT_EXPECT_EQ(test, parse_quietly("mem="), 1);
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=M"), 1);
	KUNIT_EXPECT_EQ(test, parse_quietly("mem"), 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "mem needs a value");
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=99999999999999999999"), 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "too large");
	KUNIT_EXPECT_EQ(test, parse_quietly("highmem=20000000T"), 1);
	KUNIT_EXPECT_FALSE(test, kp.highmem_set);
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=-1"), 1);
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=0x"), 1);
	KUNIT_EXPECT_EQ(test, parse_quietly("mem=09"), 1);
}

static void params_memmap(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, parse_quietly("memmap=4M$64M memmap=4M\\$0x8000000"), 0);
	KUNIT_ASSERT_EQ(test, kp.nr_memmap, 2);
	KUNIT_EXPECT_EQ(test, kp.memmap[0].size, 4ULL << 20);
	KUNIT_EXPECT_EQ(test, kp.memmap[0].start, 64ULL << 20);
	KUNIT_EXPECT_EQ(test, kp.memmap[1].size, 4ULL << 20);
	KUNIT_EXPECT_EQ(test, kp.memmap[1].start, 128ULL << 20);
	/* comma-separated, as Linux's parse_memmap_opt */
	KUNIT_EXPECT_EQ(test, parse_quietly("memmap=1M$20M,2M$30M"), 0);
	KUNIT_ASSERT_EQ(test, kp.nr_memmap, 2);
	KUNIT_EXPECT_EQ(test, kp.memmap[1].start, 30ULL << 20);
}

static void params_memmap_bad(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, parse_quietly("memmap=4M@64M"), 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "only <size>$<start> is supported");
	KUNIT_EXPECT_EQ(test, parse_quietly("memmap=$64M"), 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "bad size");
	KUNIT_EXPECT_EQ(test, parse_quietly("memmap=4M$"), 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "bad start address");
	KUNIT_EXPECT_EQ(test, parse_quietly("memmap=0$64M"), 1);
	KUNIT_EXPECT_EQ(test, parse_quietly("memmap=2$0xffffffffffffffff"), 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "wraps past 2^64");
	KUNIT_EXPECT_EQ(test, kp.nr_memmap, 0);
	KUNIT_EXPECT_EQ(test, parse_quietly("memmap=1M$1M,junk,2M$4M"), 1);
	KUNIT_EXPECT_EQ(test, kp.nr_memmap, 2);
}

static void params_memmap_too_many(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, parse_quietly(
		"memmap=1M$1M,1M$2M,1M$3M,1M$4M,1M$5M,1M$6M,1M$7M,1M$8M "
		"memmap=1M$9M,1M$10M,1M$11M,1M$12M,1M$13M,1M$14M,1M$15M,1M$16M memmap=1M$17M"), 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "too many ranges (at most 16)");
	KUNIT_EXPECT_EQ(test, kp.nr_memmap, MAX_MEMMAP_RESERVE);
	KUNIT_EXPECT_EQ(test, kp.memmap[15].start, 16ULL << 20);
}

static void params_flags(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, parse_quietly("selftest debug_pagealloc=on page_poison=1 loglevel=8 quiet"), 0);
	KUNIT_EXPECT_TRUE(test, kp.selftest);
	KUNIT_EXPECT_STREQ(test, kp.selftest_suite, "");
	KUNIT_EXPECT_TRUE(test, kp.debug_pagealloc);
	KUNIT_EXPECT_TRUE(test, kp.page_poison);
	KUNIT_EXPECT_EQ(test, kp.loglevel, 8);
	KUNIT_EXPECT_TRUE(test, kp.quiet);
	KUNIT_EXPECT_EQ(test, parse_quietly("selftest=buddy debug_pagealloc=off page_poison=off loglevel=0"), 0);
	KUNIT_EXPECT_TRUE(test, kp.selftest);
	KUNIT_EXPECT_STREQ(test, kp.selftest_suite, "buddy");
	KUNIT_EXPECT_FALSE(test, kp.debug_pagealloc);
	KUNIT_EXPECT_FALSE(test, kp.page_poison);
	KUNIT_EXPECT_EQ(test, kp.loglevel, 0);
	KUNIT_EXPECT_EQ(test, parse_quietly("page_poison=0 page_poison=on"), 0);
	KUNIT_EXPECT_TRUE(test, kp.page_poison);
	KUNIT_EXPECT_FALSE(test, kp.no_mobility_grouping);
	KUNIT_EXPECT_EQ(test, parse_quietly("page_group_by_mobility=off"), 0);
	KUNIT_EXPECT_TRUE(test, kp.no_mobility_grouping);
	KUNIT_EXPECT_EQ(test, parse_quietly("page_group_by_mobility=off page_group_by_mobility=on"), 0);
	KUNIT_EXPECT_FALSE(test, kp.no_mobility_grouping);
}

static void params_bad_flags(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, parse_quietly("debug_pagealloc=maybe page_poison loglevel=9 loglevel=x loglevel=10"), 5);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "debug_pagealloc=\"maybe\": expected on or off, ignored");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "loglevel=\"9\": expected 0..8");
	KUNIT_EXPECT_FALSE(test, kp.debug_pagealloc);
	KUNIT_EXPECT_FALSE(test, kp.page_poison);
	KUNIT_EXPECT_EQ(test, kp.loglevel, -1);
	KUNIT_EXPECT_EQ(test, parse_quietly("page_group_by_mobility page_group_by_mobility=sometimes"), 2);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "page_group_by_mobility=\"sometimes\": expected on or off, ignored");
	KUNIT_EXPECT_FALSE(test, kp.no_mobility_grouping);
	KUNIT_EXPECT_EQ(test, parse_quietly("selftest=this_suite_name_is_far_too_long_for_us"), 1);
	KUNIT_EXPECT_FALSE(test, kp.selftest);
	KUNIT_EXPECT_EQ(test, parse_quietly("selftest="), 1);
}

static void params_unknown_words_reported_together(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, parse_quietly("foo mem=64M bar=1 quiet=yes"), 3);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"Unknown kernel command line parameters \"foo bar=1 quiet=yes\", will be ignored");
	KUNIT_EXPECT_EQ(test, kp.mem_limit, 64ULL << 20);
	KUNIT_EXPECT_FALSE(test, kp.quiet);
	KUNIT_EXPECT_EQ(test, kp.nr_errors, 3);
}

static void params_syntax(struct kunit *test)
{
	/* white space of every kind, an image path first, BOOT_IMAGE=, quotes, "--" */
	KUNIT_EXPECT_EQ(test, parse_quietly("/boot/orderly.elf \t selftest=\"zones\"\n BOOT_IMAGE=/x quiet -- mem=1G junk"), 0);
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	KUNIT_EXPECT_STREQ(test, kp.selftest_suite, "zones");
	KUNIT_EXPECT_TRUE(test, kp.quiet);
	KUNIT_EXPECT_EQ(test, kp.mem_limit, 0);
	/* a path later on is an unknown word */
	KUNIT_EXPECT_EQ(test, parse_quietly("quiet /boot/x"), 1);
	KUNIT_EXPECT_EQ(test, parse_quietly("selftest=\"buddy"), 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "unterminated quote");
}

static void params_long_word(struct kunit *test)
{
	static char line[400];

	memset(line, 'a', 300);
	memcpy(line + 300, " mem=8M", 8);
	KUNIT_EXPECT_EQ(test, parse_quietly(line), 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "longer than 255 bytes");
	KUNIT_EXPECT_EQ(test, kp.mem_limit, 8ULL << 20);
}

static void params_smp(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, parse_quietly(""), 0);
	KUNIT_EXPECT_FALSE(test, kp.nosmp);
	KUNIT_EXPECT_EQ(test, kp.maxcpus, -1);		/* all of them */
	KUNIT_EXPECT_EQ(test, parse_quietly("nosmp maxcpus=2"), 0);
	KUNIT_EXPECT_TRUE(test, kp.nosmp);
	KUNIT_EXPECT_EQ(test, kp.maxcpus, 2);
	KUNIT_EXPECT_EQ(test, parse_quietly("maxcpus=0"), 0);	/* Linux: as nosmp */
	KUNIT_EXPECT_EQ(test, kp.maxcpus, 0);
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	/* bad values are reported and leave the previous setting */
	KUNIT_EXPECT_EQ(test, parse_quietly("maxcpus=4 maxcpus=2K"), 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "maxcpus=\"2K\": expected a number of CPUs, ignored");
	KUNIT_EXPECT_EQ(test, kp.maxcpus, 4);
	KUNIT_EXPECT_EQ(test, parse_quietly("maxcpus=-1"), 1);
	KUNIT_EXPECT_EQ(test, parse_quietly("maxcpus=99999"), 1);
	KUNIT_EXPECT_EQ(test, kp.maxcpus, -1);
	KUNIT_EXPECT_EQ(test, parse_quietly("maxcpus"), 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "maxcpus needs a value");
	KUNIT_EXPECT_EQ(test, parse_quietly("nosmp=1"), 1);	/* takes no value: an unknown word */
	KUNIT_EXPECT_FALSE(test, kp.nosmp);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "Unknown kernel command line parameters \"nosmp=1\"");
}

static struct kunit_case params_cases[] = {
	KUNIT_CASE(params_defaults),
	KUNIT_CASE(params_sizes),
	KUNIT_CASE(params_bad_sizes),
	KUNIT_CASE(params_memmap),
	KUNIT_CASE(params_memmap_bad),
	KUNIT_CASE(params_memmap_too_many),
	KUNIT_CASE(params_flags),
	KUNIT_CASE(params_bad_flags),
	KUNIT_CASE(params_unknown_words_reported_together),
	KUNIT_CASE(params_syntax),
	KUNIT_CASE(params_long_word),
	KUNIT_CASE(params_smp),
	{}
};

static struct kunit_suite params_suite = {
	.name = "params",
	.test_cases = params_cases,
};
kunit_test_suite(params_suite);
