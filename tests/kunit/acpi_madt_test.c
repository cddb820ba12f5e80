// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/acpi.c's MADT parser on hand-built tables: QEMU's shape (one
 * local APIC entry per CPU), disabled and online-capable entries, x2APIC
 * entries, the 64-bit address override, and the ways a table can be bad
 * (signature, checksum, length, an entry cut short or running past the end).
 * A rejected table yields no CPUs, so the kernel runs on the boot CPU.
 */
#include <kunit/test.h>
#include <linux/acpi.h>
#include <linux/string.h>

static u8 madt[8192];		/* room for ACPI_MADT_MAX_CPUS + 3 x2APIC entries */
static u32 madt_len;
static struct acpi_madt_info info;
static struct printk_capture cap;

static void put32(u8 *p, u32 v)
{
	memcpy(p, &v, 4);
}

static void madt_start(u32 lapic_addr)
{
	memset(madt, 0, sizeof(madt));
	memcpy(madt, "APIC", 4);
	madt[8] = 4;				/* revision */
	memcpy(madt + 10, "ORDRLY", 6);
	put32(madt + 36, lapic_addr);
	put32(madt + 40, 1);			/* PCAT_COMPAT */
	madt_len = 44;
}

static void madt_lapic(u8 uid, u8 apicid, u32 flags)
{
	u8 *e = madt + madt_len;

	e[0] = ACPI_MADT_TYPE_LOCAL_APIC;
	e[1] = 8;
	e[2] = uid;
	e[3] = apicid;
	put32(e + 4, flags);
	madt_len += 8;
}

static void madt_x2apic(u32 apicid, u32 uid, u32 flags)
{
	u8 *e = madt + madt_len;

	e[0] = ACPI_MADT_TYPE_LOCAL_X2APIC;
	e[1] = 16;
	put32(e + 4, apicid);
	put32(e + 8, flags);
	put32(e + 12, uid);
	madt_len += 16;
}

static void madt_raw(const u8 *bytes, u32 n)
{
	memcpy(madt + madt_len, bytes, n);
	madt_len += n;
}

/* set the length and checksum fields, as firmware would */
static void madt_finish(void)
{
	u8 sum = 0;
	u32 i;

	put32(madt + 4, madt_len);
	madt[9] = 0;
	for (i = 0; i < madt_len; i++)
		sum += madt[i];
	madt[9] = -sum;
}

static int parse(void)
{
	int ret;

	kunit_capture_start(&cap);
	ret = acpi_parse_madt(madt, madt_len, &info);
	kunit_capture_stop();
	return ret;
}

static void madt_qemu_four_cpus(struct kunit *test)
{
	static const u8 ioapic[12] = { 1, 12, 0, 0, 0, 0, 0xc0, 0xfe, 0, 0, 0, 0 };
	static const u8 irq_override[10] = { 2, 10, 0, 0, 2, 0, 0, 0, 0, 0 };
	unsigned int i;

	madt_start(0xfee00000);
	for (i = 0; i < 4; i++)
		madt_lapic(i, i, ACPI_MADT_ENABLED);
	madt_raw(ioapic, sizeof(ioapic));		/* types the parser skips */
	madt_raw(irq_override, sizeof(irq_override));
	madt_finish();
	KUNIT_ASSERT_EQ(test, parse(), 0);
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	KUNIT_EXPECT_EQ(test, info.lapic_addr, 0xfee00000);
	KUNIT_EXPECT_EQ(test, info.flags, 1);
	KUNIT_ASSERT_EQ(test, info.nr_cpus, 4);
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, info.cpu[i].apicid, i);
		KUNIT_EXPECT_EQ(test, info.cpu[i].acpi_id, i);
		KUNIT_EXPECT_TRUE(test, info.cpu[i].enabled);
		KUNIT_EXPECT_EQ(test, info.cpu[i].type, ACPI_MADT_TYPE_LOCAL_APIC);
	}
}

static void madt_disabled_and_online_capable(struct kunit *test)
{
	madt_start(0xfee00000);
	madt_lapic(0, 0, ACPI_MADT_ENABLED);
	madt_lapic(1, 2, 0);					/* absent */
	madt_lapic(2, 4, ACPI_MADT_ONLINE_CAPABLE);		/* hot-pluggable */
	madt_lapic(3, 6, ACPI_MADT_ENABLED | ACPI_MADT_ONLINE_CAPABLE);
	madt_finish();
	KUNIT_ASSERT_EQ(test, parse(), 0);
	KUNIT_ASSERT_EQ(test, info.nr_cpus, 4);
	KUNIT_EXPECT_TRUE(test, info.cpu[0].enabled);
	KUNIT_EXPECT_FALSE(test, info.cpu[1].enabled);
	KUNIT_EXPECT_FALSE(test, info.cpu[1].online_capable);
	KUNIT_EXPECT_FALSE(test, info.cpu[2].enabled);
	KUNIT_EXPECT_TRUE(test, info.cpu[2].online_capable);
	KUNIT_EXPECT_TRUE(test, info.cpu[3].enabled);
	KUNIT_EXPECT_EQ(test, info.cpu[3].apicid, 6);
}

static void madt_x2apic_and_override(struct kunit *test)
{
	static const u8 override[12] = { 5, 12, 0, 0, 0x00, 0x00, 0xd0, 0xfe, 0, 0, 0, 0 };

	madt_start(0xfee00000);
	madt_lapic(0, 0, ACPI_MADT_ENABLED);
	madt_x2apic(1, 1, ACPI_MADT_ENABLED);
	madt_x2apic(300, 2, ACPI_MADT_ENABLED);	/* beyond xAPIC ids: kernel/smp.c skips it */
	madt_raw(override, sizeof(override));
	madt_finish();
	KUNIT_ASSERT_EQ(test, parse(), 0);
	KUNIT_EXPECT_EQ(test, info.lapic_addr, 0xfed00000);
	KUNIT_ASSERT_EQ(test, info.nr_cpus, 3);
	KUNIT_EXPECT_EQ(test, info.cpu[1].type, ACPI_MADT_TYPE_LOCAL_X2APIC);
	KUNIT_EXPECT_EQ(test, info.cpu[1].apicid, 1);
	KUNIT_EXPECT_EQ(test, info.cpu[2].apicid, 300);
	KUNIT_EXPECT_EQ(test, info.cpu[2].acpi_id, 2);
	KUNIT_EXPECT_TRUE(test, info.cpu[2].enabled);
}

static void madt_too_many_cpus_counted(struct kunit *test)
{
	unsigned int i;

	madt_start(0xfee00000);
	for (i = 0; i < ACPI_MADT_MAX_CPUS + 3; i++)
		madt_x2apic(i, i, ACPI_MADT_ENABLED);
	madt_finish();
	KUNIT_ASSERT_EQ(test, parse(), 0);
	KUNIT_EXPECT_EQ(test, info.nr_cpus, ACPI_MADT_MAX_CPUS);
	KUNIT_EXPECT_EQ(test, info.nr_dropped, 3);
}

static void madt_bad_checksum(struct kunit *test)
{
	madt_start(0xfee00000);
	madt_lapic(0, 0, ACPI_MADT_ENABLED);
	madt_lapic(1, 1, ACPI_MADT_ENABLED);
	madt_finish();
	madt[50]++;					/* one byte changed after the fact */
	KUNIT_EXPECT_EQ(test, parse(), -EINVAL);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "MADT: bad checksum, ignored");
	KUNIT_EXPECT_EQ(test, info.nr_cpus, 0);
}

static void madt_bad_header(struct kunit *test)
{
	madt_start(0xfee00000);
	madt_lapic(0, 0, ACPI_MADT_ENABLED);
	madt_finish();
	madt[0] = 'X';
	KUNIT_EXPECT_EQ(test, parse(), -EINVAL);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "not an \"APIC\" table");

	madt_start(0xfee00000);
	madt_lapic(0, 0, ACPI_MADT_ENABLED);
	madt_finish();
	madt_len -= 4;					/* header says more than is mapped */
	KUNIT_EXPECT_EQ(test, parse(), -EINVAL);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "MADT: length 52 outside [44, 48]");

	madt_len = 40;					/* not even the fixed part */
	KUNIT_EXPECT_EQ(test, parse(), -EINVAL);
	KUNIT_EXPECT_EQ(test, info.nr_cpus, 0);
}

static void madt_truncated_entries(struct kunit *test)
{
	static const u8 zero_len[2] = { 0, 0 };
	static const u8 past_end[4] = { 0, 8, 1, 1 };
	static const u8 short_lapic[6] = { 0, 6, 1, 1, 1, 0 };
	static const u8 one_byte[1] = { 0 };

	madt_start(0xfee00000);
	madt_lapic(0, 0, ACPI_MADT_ENABLED);
	madt_raw(zero_len, sizeof(zero_len));		/* would loop for ever */
	madt_finish();
	KUNIT_EXPECT_EQ(test, parse(), -EINVAL);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "entry type 0 at offset 52 has bad length 0");
	KUNIT_EXPECT_EQ(test, info.nr_cpus, 0);

	madt_start(0xfee00000);
	madt_lapic(0, 0, ACPI_MADT_ENABLED);
	madt_raw(past_end, sizeof(past_end));		/* says 8, 4 left */
	madt_finish();
	KUNIT_EXPECT_EQ(test, parse(), -EINVAL);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "has bad length 8 (4 bytes left)");

	madt_start(0xfee00000);
	madt_raw(short_lapic, sizeof(short_lapic));	/* a local APIC entry needs 8 */
	madt_finish();
	KUNIT_EXPECT_EQ(test, parse(), -EINVAL);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "entry type 0 at offset 44 is 6 bytes, too short");

	madt_start(0xfee00000);
	madt_lapic(0, 0, ACPI_MADT_ENABLED);
	madt_raw(one_byte, sizeof(one_byte));		/* a lone type byte */
	madt_finish();
	KUNIT_EXPECT_EQ(test, parse(), -EINVAL);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "entry at offset 52 cut by the table's end");
}

static void madt_no_entries(struct kunit *test)
{
	madt_start(0xfee00000);
	madt_finish();
	KUNIT_EXPECT_EQ(test, parse(), 0);
	KUNIT_EXPECT_EQ(test, info.nr_cpus, 0);
}

static struct kunit_case acpi_madt_cases[] = {
	KUNIT_CASE(madt_qemu_four_cpus),
	KUNIT_CASE(madt_disabled_and_online_capable),
	KUNIT_CASE(madt_x2apic_and_override),
	KUNIT_CASE(madt_too_many_cpus_counted),
	KUNIT_CASE(madt_bad_checksum),
	KUNIT_CASE(madt_bad_header),
	KUNIT_CASE(madt_truncated_entries),
	KUNIT_CASE(madt_no_entries),
	{}
};

static struct kunit_suite acpi_madt_suite = {
	.name = "acpi_madt",
	.test_cases = acpi_madt_cases,
};
kunit_test_suite(acpi_madt_suite);
