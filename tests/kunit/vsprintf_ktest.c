// SPDX-License-Identifier: GPL-2.0
/*
 * lib/vsprintf.c against the C standard's and Linux's expected output.
 * Kernel only: the host tests use the C library's vsnprintf, so the same
 * cases there would test glibc.  Each case is one format and the exact
 * string it must produce, including 64-bit values on i386 (which go
 * through lib/libgcc.c's division) and the return value on truncation.
 */
#include <kunit/test.h>
#include <linux/string.h>
#include <linux/kallsyms.h>

/* some cases are the corner cases GCC warns about on purpose */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"

#define CHECK(test, expect, fmt, ...) do {				\
	char __buf[128];						\
	int __n = snprintf(__buf, sizeof(__buf), fmt, ##__VA_ARGS__);	\
	KUNIT_EXPECT_STREQ(test, __buf, expect);			\
	KUNIT_EXPECT_EQ(test, __n, (int)strlen(expect));		\
} while (0)

static void vsprintf_integers(struct kunit *test)
{
	CHECK(test, "0", "%d", 0);
	CHECK(test, "-2147483648", "%d", (int)0x80000000);
	CHECK(test, "4294967295", "%u", 0xffffffffu);
	CHECK(test, "ffffffff", "%x", 0xffffffffu);
	CHECK(test, "DEADBEEF", "%X", 0xdeadbeefu);
	CHECK(test, "17", "%o", 15);
	CHECK(test, "017", "%#o", 15);
	CHECK(test, "0x1f", "%#x", 31);
	CHECK(test, "0X1F", "%#X", 31);
	CHECK(test, "-1", "%hhd", 255);
	CHECK(test, "65535", "%hu", -1);
	CHECK(test, "123456", "%ld", 123456L);
	CHECK(test, "4096", "%zu", (size_t)4096);
	CHECK(test, "-5", "%zd", (ssize_t)-5);
}

static void vsprintf_64bit(struct kunit *test)
{
	CHECK(test, "18446744073709551615", "%llu", ~0ULL);
	CHECK(test, "-9223372036854775808", "%lld", (long long)(1ULL << 63));
	CHECK(test, "100000000", "%llx", 1ULL << 32);
	CHECK(test, "0x0000000123456789", "0x%016llx", 0x123456789ULL);
	CHECK(test, "1777777777777777777777", "%llo", ~0ULL);
	/* an argument after a 64-bit one is read from the right place */
	CHECK(test, "4294967296 7", "%llu %d", 1ULL << 32, 7);
}

static void vsprintf_width_precision_flags(struct kunit *test)
{
	CHECK(test, "   42", "%5d", 42);
	CHECK(test, "42   |", "%-5d|", 42);
	CHECK(test, "00042", "%05d", 42);
	CHECK(test, "-0042", "%05d", -42);
	CHECK(test, "+42", "%+d", 42);
	CHECK(test, " 42", "% d", 42);
	CHECK(test, "  042", "%5.3d", 42);
	CHECK(test, "  042", "%05.3d", 42);		/* precision beats '0' */
	CHECK(test, "", "%.0d", 0);
	CHECK(test, "   42", "%*d", 5, 42);
	CHECK(test, "42   |", "%*d|", -5, 42);
	CHECK(test, "0x00ff", "%#06x", 255);
	CHECK(test, "   ab", "%5s", "ab");
	CHECK(test, "ab   |", "%-5s|", "ab");
	CHECK(test, "abc", "%.3s", "abcdef");
	CHECK(test, "ab", "%.*s", 2, "abcdef");
	CHECK(test, "(null)", "%s", (char *)NULL);
	CHECK(test, "  x", "%3c", 'x');
	CHECK(test, "100%", "%d%%", 100);
}

static void vsprintf_pointers(struct kunit *test)
{
	phys_addr_t pa = 0x1234abcdULL;
	char buf[KSYM_SYMBOL_LEN], expect[KSYM_SYMBOL_LEN + 8];

	CHECK(test, "c0100000", "%p", (void *)0xc0100000UL);
	CHECK(test, "00001000", "%px", (void *)0x1000UL);
	CHECK(test, "0x000000001234abcd", "%pa", &pa);
	/* %pS names the function, as stack traces do */
	snprintf(buf, sizeof(buf), "%pS", (void *)vsprintf_pointers);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "vsprintf_pointers+0x0/", 22), 0);
	snprintf(buf, sizeof(buf), "%ps", (void *)((char *)vsprintf_pointers + 3));
	KUNIT_EXPECT_STREQ(test, buf, "vsprintf_pointers");
	sprint_symbol(expect, sizeof(expect), 0x1000);
	KUNIT_EXPECT_STREQ(test, expect, "0x00001000");	/* outside the kernel */
}

static void vsprintf_truncation(struct kunit *test)
{
	char buf[8];
	int n;

	memset(buf, 'x', sizeof(buf));
	n = snprintf(buf, 4, "%s", "abcdef");
	KUNIT_EXPECT_EQ(test, n, 6);			/* what it wanted */
	KUNIT_EXPECT_STREQ(test, buf, "abc");		/* always terminated */
	KUNIT_EXPECT_EQ(test, buf[4], 'x');		/* nothing past size */
	n = scnprintf(buf, 4, "%s", "abcdef");
	KUNIT_EXPECT_EQ(test, n, 3);			/* what it wrote */
	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%d", 12345), 5);
}

static struct kunit_case vsprintf_cases[] = {
	KUNIT_CASE(vsprintf_integers),
	KUNIT_CASE(vsprintf_64bit),
	KUNIT_CASE(vsprintf_width_precision_flags),
	KUNIT_CASE(vsprintf_pointers),
	KUNIT_CASE(vsprintf_truncation),
	{}
};

static struct kunit_suite vsprintf_suite = {
	.name = "vsprintf",
	.test_cases = vsprintf_cases,
	.flags = KUNIT_SUITE_KERNEL_ONLY,
};
kunit_test_suite(vsprintf_suite);
