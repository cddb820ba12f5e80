// SPDX-License-Identifier: GPL-2.0
/*
 * mm/e820.c: sanitizing (table-driven: input entries -> expected output),
 * printing in Linux's format, the range editors used by mem=/memmap=, and
 * the 4 GiB / whole-page clipping.  Runs on the host and in the kernel.
 */
#include <kunit/test.h>
#include <linux/e820.h>

#define RAM	E820_TYPE_RAM
#define RES	E820_TYPE_RESERVED
#define ACPI	E820_TYPE_ACPI
#define NVS	E820_TYPE_NVS
#define UNUS	E820_TYPE_UNUSABLE
#define PMEM	E820_TYPE_PMEM
#define G	(1ULL << 30)
#define M	(1ULL << 20)

/* [start, end) is easier to read in a table than (addr, size) */
struct rng { u64 start, end; u32 type; };

struct sanitize_case {
	const char *name;
	unsigned int n_in, n_out;
	struct rng in[8], out[8];
};

static const struct sanitize_case sanitize_cases[] = {
	{ "empty map", 0, 0, {}, {} },
	{ "unsorted input", 3, 3,
	  { { 0x100000, 0x200000, RAM }, { 0, 0x9fc00, RAM }, { 0x9fc00, 0xa0000, RES } },
	  { { 0, 0x9fc00, RAM }, { 0x9fc00, 0xa0000, RES }, { 0x100000, 0x200000, RAM } } },
	{ "reserved contained in RAM splits it", 2, 3,
	  { { 0, 0x1000000, RAM }, { 0x400000, 0x500000, RES } },
	  { { 0, 0x400000, RAM }, { 0x400000, 0x500000, RES }, { 0x500000, 0x1000000, RAM } } },
	{ "RAM contained in reserved vanishes", 2, 1,
	  { { 0x400000, 0x500000, RAM }, { 0, 0x1000000, RES } },
	  { { 0, 0x1000000, RES } } },
	{ "partial overlap on the left", 2, 2,
	  { { 0x1000, 0x5000, RAM }, { 0, 0x2000, RES } },
	  { { 0, 0x2000, RES }, { 0x2000, 0x5000, RAM } } },
	{ "partial overlap on the right", 2, 2,
	  { { 0x1000, 0x5000, RAM }, { 0x4000, 0x8000, ACPI } },
	  { { 0x1000, 0x4000, RAM }, { 0x4000, 0x8000, ACPI } } },
	{ "identical ranges, stricter type wins", 2, 1,
	  { { 0x1000, 0x2000, NVS }, { 0x1000, 0x2000, RAM } },
	  { { 0x1000, 0x2000, NVS } } },
	{ "identical ranges, same type", 2, 1,
	  { { 0x1000, 0x2000, RAM }, { 0x1000, 0x2000, RAM } },
	  { { 0x1000, 0x2000, RAM } } },
	{ "chain of three, rising types", 3, 3,
	  { { 0, 0x3000, RAM }, { 0x2000, 0x5000, RES }, { 0x4000, 0x7000, ACPI } },
	  { { 0, 0x2000, RAM }, { 0x2000, 0x4000, RES }, { 0x4000, 0x7000, ACPI } } },
	{ "chain of three, one type", 3, 1,
	  { { 0x4000, 0x7000, RAM }, { 0, 0x3000, RAM }, { 0x2000, 0x5000, RAM } },
	  { { 0, 0x7000, RAM } } },
	{ "adjacent same type merge", 3, 1,
	  { { 0x2000, 0x3000, RAM }, { 0, 0x1000, RAM }, { 0x1000, 0x2000, RAM } },
	  { { 0, 0x3000, RAM } } },
	{ "adjacent different types stay apart", 2, 2,
	  { { 0, 0x1000, RAM }, { 0x1000, 0x2000, RES } },
	  { { 0, 0x1000, RAM }, { 0x1000, 0x2000, RES } } },
	{ "zero length entries dropped, no split", 3, 1,
	  { { 0x1000, 0x1000, RAM }, { 0, 0x4000, RAM }, { 0x2000, 0x2000, RES } },
	  { { 0, 0x4000, RAM } } },
	{ "type 0 describes nothing", 2, 1,
	  { { 0, 0x4000, 0 }, { 0x1000, 0x2000, RAM } },
	  { { 0x1000, 0x2000, RAM } } },
	{ "unknown, unusable and persistent types beat RAM", 4, 7,
	  { { 0, 0x10000, RAM }, { 0x1000, 0x2000, 0x20 }, { 0x3000, 0x4000, UNUS }, { 0x5000, 0x6000, PMEM } },
	  { { 0, 0x1000, RAM }, { 0x1000, 0x2000, 0x20 }, { 0x2000, 0x3000, RAM }, { 0x3000, 0x4000, UNUS },
	    { 0x4000, 0x5000, RAM }, { 0x5000, 0x6000, PMEM }, { 0x6000, 0x10000, RAM } } },
	{ "unaligned ends kept as given", 2, 2,
	  { { 0x100, 0x9fc00, RAM }, { 0x9fc00, 0x9fd01, RES } },
	  { { 0x100, 0x9fc00, RAM }, { 0x9fc00, 0x9fd01, RES } } },
	{ "straddling 4 GiB is not cut by sanitizing", 1, 1,
	  { { 3 * G, 5 * G, RAM } },
	  { { 3 * G, 5 * G, RAM } } },
};

static void load(struct e820_table *t, const struct rng *r, unsigned int n)
{
	unsigned int i;

	t->nr_entries = n;
	for (i = 0; i < n; i++)
		t->entries[i] = (struct e820_entry){ r[i].start, r[i].end - r[i].start, r[i].type };
}

static struct e820_table tbl;

static void e820_sanitize_table_driven(struct kunit *test)
{
	unsigned int c, i;

	for (c = 0; c < ARRAY_SIZE(sanitize_cases); c++) {
		const struct sanitize_case *sc = &sanitize_cases[c];
		unsigned int n_out = sc->n_out;

		load(&tbl, sc->in, sc->n_in);
		KUNIT_EXPECT_EQ(test, e820__update_table(&tbl), 0);
		if (tbl.nr_entries != n_out) {
			KUNIT_FAIL(test, "%s: %u entries, expected %u", sc->name, tbl.nr_entries, n_out);
			continue;
		}
		for (i = 0; i < n_out; i++) {
			const struct e820_entry *e = &tbl.entries[i];

			if (e->addr != sc->out[i].start || e->addr + e->size != sc->out[i].end ||
			    e->type != sc->out[i].type)
				KUNIT_FAIL(test, "%s: entry %u is [%llx-%llx) type %u, expected [%llx-%llx) type %u",
					   sc->name, i, (unsigned long long)e->addr,
					   (unsigned long long)(e->addr + e->size), e->type,
					   (unsigned long long)sc->out[i].start,
					   (unsigned long long)sc->out[i].end, sc->out[i].type);
		}
		KUNIT_SUCCEED(test);
	}
}

/* sanitizing twice changes nothing: the output is a fixed point */
static void e820_sanitize_idempotent(struct kunit *test)
{
	static struct e820_table again;
	unsigned int c;

	for (c = 0; c < ARRAY_SIZE(sanitize_cases); c++) {
		load(&tbl, sanitize_cases[c].in, sanitize_cases[c].n_in);
		e820__update_table(&tbl);
		again = tbl;
		e820__update_table(&again);
		KUNIT_EXPECT_EQ(test, again.nr_entries, tbl.nr_entries);
		KUNIT_EXPECT_EQ(test, memcmp(again.entries, tbl.entries,
					     tbl.nr_entries * sizeof(tbl.entries[0])), 0);
	}
}

static void e820_sanitize_wrapping_entry(struct kunit *test)
{
	static struct printk_capture cap;

	tbl.nr_entries = 1;
	tbl.entries[0] = (struct e820_entry){ ~0ULL - 0xfff, 0x2000, RES };
	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, e820__update_table(&tbl), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "wraps past 2^64");
	KUNIT_ASSERT_EQ(test, tbl.nr_entries, 1);
	KUNIT_EXPECT_EQ(test, tbl.entries[0].addr + tbl.entries[0].size, ~0ULL);
}

/*
 * 128 RAM ranges each with a reserved page inside: the output needs 257
 * entries (RAM, RES, RAM merged with the next range's head, ...); one
 * must go, the highest, and it is reported.
 */
static void e820_sanitize_overflow_reported(struct kunit *test)
{
	static struct printk_capture cap;
	unsigned int i;

	tbl.nr_entries = 0;
	for (i = 0; i < 128; i++) {
		u64 base = (u64)i * 0x10000;

		tbl.entries[tbl.nr_entries++] = (struct e820_entry){ base, 0x10000, RAM };
		tbl.entries[tbl.nr_entries++] = (struct e820_entry){ base + 0x8000, 0x1000, RES };
	}
	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, e820__update_table(&tbl), -1);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "needs 257 entries, only 256 fit: dropped 1 entries");
	KUNIT_ASSERT_EQ(test, tbl.nr_entries, E820_MAX_ENTRIES);
	KUNIT_EXPECT_EQ(test, tbl.entries[0].addr, 0);
	KUNIT_EXPECT_EQ(test, tbl.entries[0].size, 0x8000);
	KUNIT_EXPECT_EQ(test, tbl.entries[255].type, RES);
	KUNIT_EXPECT_EQ(test, tbl.entries[255].addr, 127 * 0x10000ULL + 0x8000);
	/* RAM between two reserved pages is one merged entry */
	KUNIT_EXPECT_EQ(test, tbl.entries[2].addr, 0x9000);
	KUNIT_EXPECT_EQ(test, tbl.entries[2].size, 0x10000 - 0x1000);
}

static void e820_print_linux_format(struct kunit *test)
{
	static const struct rng map[] = {
		{ 0, 0x9fc00, RAM }, { 0x9fc00, 0xa0000, RES }, { 0x100000, 0x7ffe0000, RAM },
		{ 0x7ffe0000, 0x7fff0000, ACPI }, { 0x7fff0000, 0x80000000, NVS },
		{ 0xfeffc000, 0xff000000, UNUS }, { 0x100000000ULL, 0x180000000ULL, PMEM },
		{ 0x180000000ULL, 0x180001000ULL, 12 }, { 0x200000000ULL, 0x200001000ULL, 0x99 },
	};
	static struct printk_capture cap;

	load(&tbl, map, ARRAY_SIZE(map));
	kunit_capture_start(&cap);
	e820__print_table(&tbl, "BIOS-e820");
	kunit_capture_stop();
	KUNIT_EXPECT_STREQ(test, cap.buf,
		"BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"BIOS-e820: [mem 0x0000000000100000-0x000000007ffdffff] usable\n"
		"BIOS-e820: [mem 0x000000007ffe0000-0x000000007ffeffff] ACPI data\n"
		"BIOS-e820: [mem 0x000000007fff0000-0x000000007fffffff] ACPI NVS\n"
		"BIOS-e820: [mem 0x00000000feffc000-0x00000000feffffff] unusable\n"
		"BIOS-e820: [mem 0x0000000100000000-0x000000017fffffff] persistent (type 7)\n"
		"BIOS-e820: [mem 0x0000000180000000-0x0000000180000fff] persistent (type 12)\n"
		"BIOS-e820: [mem 0x0000000200000000-0x0000000200000fff] type 153\n");
}

static void e820_update_and_remove(struct kunit *test)
{
	static const struct rng map[] = { { 0, 0x9fc00, RAM }, { 0x100000, 0x8000000, RAM },
					  { 0xfffc0000, 0x100000000ULL, RES } };
	static struct printk_capture cap;

	load(&tbl, map, ARRAY_SIZE(map));
	kunit_capture_start(&cap);
	/* the middle of RAM becomes reserved: RAM, RES, RAM */
	KUNIT_EXPECT_EQ(test, e820__range_update(&tbl, 0x4000000, 0x400000, RAM, RES), 0x400000);
	/* only RAM is retyped: the reserved BIOS ROM range is untouched */
	KUNIT_EXPECT_EQ(test, e820__range_update(&tbl, 0xfff00000, 0x100000, RAM, ACPI), 0);
	e820__update_table(&tbl);
	/* mem=96M: every byte of RAM from 96 MiB up goes (x86 semantics) */
	KUNIT_EXPECT_EQ(test, e820__range_remove(&tbl, 96 * M, ~0ULL - 96 * M, RAM, true),
			(0x8000000 - 96 * M) - 0);
	e820__update_table(&tbl);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "e820: update [mem 0x04000000-0x043fffff] usable ==> reserved");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "e820: remove [mem 0x06000000-0xfffffffffffffffe] usable");
	KUNIT_ASSERT_EQ(test, tbl.nr_entries, 5);
	KUNIT_EXPECT_EQ(test, tbl.entries[1].addr, 0x100000);
	KUNIT_EXPECT_EQ(test, tbl.entries[1].size, 0x4000000 - 0x100000);
	KUNIT_EXPECT_EQ(test, tbl.entries[2].type, RES);
	KUNIT_EXPECT_EQ(test, tbl.entries[2].size, 0x400000);
	KUNIT_EXPECT_EQ(test, tbl.entries[3].addr + tbl.entries[3].size, 96 * M);
	KUNIT_EXPECT_EQ(test, tbl.entries[4].type, RES);
	KUNIT_EXPECT_EQ(test, e820__total_ram(&tbl), 0x9fc00 + 96 * M - 0x100000 - 0x400000);

	/* remove without a type check takes everything, both ends partial */
	KUNIT_EXPECT_EQ(test, e820__range_remove(&tbl, 0x9f000, 0x100000, 0, false), 0xc00 + 0x9f000);
	e820__update_table(&tbl);
	KUNIT_EXPECT_EQ(test, tbl.entries[0].size, 0x9f000);
	KUNIT_EXPECT_EQ(test, tbl.entries[1].addr, 0x19f000);
}

static void e820_range_add_full_table(struct kunit *test)
{
	static struct printk_capture cap;
	unsigned int i;

	tbl.nr_entries = 0;
	for (i = 0; i < E820_MAX_ENTRIES; i++)
		KUNIT_ASSERT_EQ(test, e820__range_add(&tbl, (u64)i << 20, 0x1000, RAM), 0);
	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, e820__range_add(&tbl, 1ULL << 40, 0x1000, RES), -ENOMEM);
	/* a split needs a free slot too: refused, entry unchanged */
	KUNIT_EXPECT_EQ(test, e820__range_update(&tbl, 0x400, 0x100, RAM, RES), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "too many entries");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "table full");
	KUNIT_EXPECT_EQ(test, tbl.nr_entries, E820_MAX_ENTRIES);
	KUNIT_EXPECT_EQ(test, tbl.entries[0].size, 0x1000);
	KUNIT_EXPECT_EQ(test, tbl.entries[0].type, RAM);
}

static void e820_trim_to_pages(struct kunit *test)
{
	static const struct rng map[] = { { 0x100, 0x9fc00, RAM }, { 0x9fc00, 0xa0000, RES },
					  { 0xa0100, 0xa0800, RAM }, { 0x100000, 0x7ffdf001, RAM } };

	load(&tbl, map, ARRAY_SIZE(map));
	KUNIT_EXPECT_EQ(test, e820__trim_ram_to_pages(&tbl),
			(0x1000 - 0x100) + (0x9fc00 - 0x9f000) + 0x700 + 1);
	KUNIT_ASSERT_EQ(test, tbl.nr_entries, 3);
	KUNIT_EXPECT_EQ(test, tbl.entries[0].addr, 0x1000);
	KUNIT_EXPECT_EQ(test, tbl.entries[0].size, 0x9f000 - 0x1000);
	KUNIT_EXPECT_EQ(test, tbl.entries[1].size, 0x400);	/* reserved keeps its bytes */
	KUNIT_EXPECT_EQ(test, tbl.entries[2].addr + tbl.entries[2].size, 0x7ffdf000);
}

static void e820_clip_4g(struct kunit *test)
{
	static const struct rng map[] = {
		{ 0x100000, 0xc0000000, RAM }, { 0xc0000000, 0xe0000000, RES },
		{ 0xe0000000, 0x120000000ULL, RAM },	/* 512 MiB below, 512 MiB above */
		{ 0x120000000ULL, 0x130000000ULL, RES }, { 0x130000000ULL, 0x170000000ULL, RAM },
	};

	load(&tbl, map, ARRAY_SIZE(map));
	KUNIT_EXPECT_EQ(test, e820__remove_above(&tbl, 1ULL << 32), 512 * M + 1 * G);
	KUNIT_ASSERT_EQ(test, tbl.nr_entries, 3);
	KUNIT_EXPECT_EQ(test, tbl.entries[2].addr + tbl.entries[2].size, 1ULL << 32);
	KUNIT_EXPECT_EQ(test, e820__total_ram(&tbl), 0xc0000000 - 0x100000 + 512 * M);
	KUNIT_EXPECT_EQ(test, e820__end_of_ram_pfn(&tbl, 1UL << 20), 1UL << 20);
	/* nothing above: nothing dropped */
	KUNIT_EXPECT_EQ(test, e820__remove_above(&tbl, 1ULL << 32), 0);
}

static void e820_end_of_ram_pfn(struct kunit *test)
{
	static const struct rng map[] = { { 0, 0x9f000, RAM }, { 0x100000, 0x7ffe0000, RAM },
					  { 0x7ffe0000, 0x80000000, RES }, { 0xfffc0000, 0x100000000ULL, RES } };

	load(&tbl, map, ARRAY_SIZE(map));
	KUNIT_EXPECT_EQ(test, e820__end_of_ram_pfn(&tbl, 1UL << 20), 0x7ffe0);
	KUNIT_EXPECT_EQ(test, e820__end_of_ram_pfn(&tbl, 0x1000), 0x1000);
	KUNIT_EXPECT_EQ(test, e820__end_of_ram_pfn(&tbl, 0x9f), 0x9f);
	/* no RAM at all */
	load(&tbl, map + 2, 2);
	KUNIT_EXPECT_EQ(test, e820__end_of_ram_pfn(&tbl, 1UL << 20), 0);
	KUNIT_EXPECT_EQ(test, e820__total_ram(&tbl), 0);
}

static struct kunit_case e820_cases[] = {
	KUNIT_CASE(e820_sanitize_table_driven),
	KUNIT_CASE(e820_sanitize_idempotent),
	KUNIT_CASE(e820_sanitize_wrapping_entry),
	KUNIT_CASE(e820_sanitize_overflow_reported),
	KUNIT_CASE(e820_print_linux_format),
	KUNIT_CASE(e820_update_and_remove),
	KUNIT_CASE(e820_range_add_full_table),
	KUNIT_CASE(e820_trim_to_pages),
	KUNIT_CASE(e820_clip_4g),
	KUNIT_CASE(e820_end_of_ram_pfn),
	{}
};

static struct kunit_suite e820_suite = {
	.name = "e820",
	.test_cases = e820_cases,
};
kunit_test_suite(e820_suite);
