// SPDX-License-Identifier: GPL-2.0
/*
 * Memory maps of real machines, written down as data the way dmesg prints
 * them ([start, end] inclusive), each run through setup_memory_map(): the
 * sanitized table, the RAM totals, what a non-PAE kernel drops above 4 GiB,
 * max_pfn / max_low_pfn / max_zone_pfn[], and (host only, "realmaps_zones")
 * the zone layout after memblock_free_all() on a private node.
 *
 *   laptop       UEFI notebook, 16 GiB, 30 entries: ACPI NVS/data islands
 *                between RAM, a run of three adjacent reserved ranges that
 *                sanitizing merges, 13 GiB above 4 GiB
 *   desktop16g   BIOS desktop (Sandy Bridge style): EBDA at 0x9d800 (an
 *                unaligned end of low RAM), the 0x20000000 and 0x40000000
 *                2 MiB holes, 12.5 GiB above 4 GiB
 *   server64g    64 GiB server: only ~1.9 GiB below the 32-bit PCI window
 *   isahole      "memory hole at 15M-16M" BIOS option: ZONE_DMA has a hole
 *   overlapping  buggy BIOS: RAM and reserved overlapping, ACPI data and NVS
 *                overlapping the end of RAM, duplicate entries, unsorted
 *   ovmf         QEMU/OVMF 1 GiB as the EFI stub converts it: RAM at
 *                [0, 640K) and NVS islands at 8 MiB
 *
 * The expected figures come from an independent model (elementary
 * intervals, highest type wins), not from running this code.
 */
#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/e820.h>
#include <linux/memblock.h>
#include <linux/params.h>
#include <asm/setup.h>
#include "memblock_save.h"

#define RAM	E820_TYPE_RAM
#define RES	E820_TYPE_RESERVED
#define ACPI	E820_TYPE_ACPI
#define NVS	E820_TYPE_NVS

struct rmap_entry { u64 start, last; u32 type; };	/* last: inclusive, as dmesg */

static const struct rmap_entry map_laptop[] = {
	{ 0x0000000000000000, 0x0000000000057fff, RAM },
	{ 0x0000000000058000, 0x0000000000058fff, RES },
	{ 0x0000000000059000, 0x000000000008bfff, RAM },
	{ 0x000000000008c000, 0x00000000000fffff, RES },
	{ 0x0000000000100000, 0x000000003fffffff, RAM },
	{ 0x0000000040000000, 0x00000000403fffff, RES },
	{ 0x0000000040400000, 0x00000000a7ee9fff, RAM },
	{ 0x00000000a7eea000, 0x00000000a7eeafff, NVS },
	{ 0x00000000a7eeb000, 0x00000000a7eebfff, RES },
	{ 0x00000000a7eec000, 0x00000000b0e80fff, RAM },
	{ 0x00000000b0e81000, 0x00000000b0e9dfff, RES },
	{ 0x00000000b0e9e000, 0x00000000b1bc7fff, RAM },
	{ 0x00000000b1bc8000, 0x00000000b1ec5fff, RES },
	{ 0x00000000b1ec6000, 0x00000000b3f75fff, RAM },
	{ 0x00000000b3f76000, 0x00000000b4a8ffff, RES },
	{ 0x00000000b4a90000, 0x00000000b5d88fff, NVS },
	{ 0x00000000b5d89000, 0x00000000b5dfdfff, ACPI },
	{ 0x00000000b5dfe000, 0x00000000b5dfefff, RAM },
	{ 0x00000000b5dff000, 0x00000000b5dfffff, RES },
	{ 0x00000000b5e00000, 0x00000000bf7fffff, RES },
	{ 0x00000000bf800000, 0x00000000bfffffff, RES },
	{ 0x00000000e0000000, 0x00000000efffffff, RES },
	{ 0x00000000fd000000, 0x00000000fe7fffff, RES },
	{ 0x00000000fec00000, 0x00000000fec00fff, RES },
	{ 0x00000000fed00000, 0x00000000fed00fff, RES },
	{ 0x00000000fed10000, 0x00000000fed19fff, RES },
	{ 0x00000000fed84000, 0x00000000fed84fff, RES },
	{ 0x00000000fee00000, 0x00000000fee00fff, RES },
	{ 0x00000000ff800000, 0x00000000ffffffff, RES },
	{ 0x0000000100000000, 0x000000043e7fffff, RAM },
};

static const struct rmap_entry map_desktop16g[] = {
	{ 0x0000000000000000, 0x000000000009d7ff, RAM },
	{ 0x000000000009d800, 0x000000000009ffff, RES },
	{ 0x00000000000e0000, 0x00000000000fffff, RES },
	{ 0x0000000000100000, 0x000000001fffffff, RAM },
	{ 0x0000000020000000, 0x00000000201fffff, RES },
	{ 0x0000000020200000, 0x000000003fffffff, RAM },
	{ 0x0000000040000000, 0x00000000401fffff, RES },
	{ 0x0000000040200000, 0x00000000d9c9ffff, RAM },
	{ 0x00000000d9ca0000, 0x00000000d9ebffff, RES },
	{ 0x00000000d9ec0000, 0x00000000d9ed7fff, ACPI },
	{ 0x00000000d9ed8000, 0x00000000d9ffffff, NVS },
	{ 0x00000000da000000, 0x00000000db7fffff, RES },
	{ 0x00000000f8000000, 0x00000000fbffffff, RES },
	{ 0x00000000fec00000, 0x00000000fec00fff, RES },
	{ 0x00000000fed00000, 0x00000000fed03fff, RES },
	{ 0x00000000fed1c000, 0x00000000fed1ffff, RES },
	{ 0x00000000fee00000, 0x00000000fee00fff, RES },
	{ 0x00000000ff000000, 0x00000000ffffffff, RES },
	{ 0x0000000100000000, 0x000000041fdfffff, RAM },
};

static const struct rmap_entry map_server64g[] = {
	{ 0x0000000000000000, 0x000000000009bfff, RAM },
	{ 0x000000000009c000, 0x000000000009ffff, RES },
	{ 0x00000000000e0000, 0x00000000000fffff, RES },
	{ 0x0000000000100000, 0x000000007a28efff, RAM },
	{ 0x000000007a28f000, 0x000000007b4fefff, RES },
	{ 0x000000007b4ff000, 0x000000007bb2efff, NVS },
	{ 0x000000007bb2f000, 0x000000007bbfefff, ACPI },
	{ 0x000000007bbff000, 0x000000007bbfffff, RAM },
	{ 0x000000007bc00000, 0x000000008fffffff, RES },
	{ 0x00000000fed1c000, 0x00000000fed44fff, RES },
	{ 0x00000000ff000000, 0x00000000ffffffff, RES },
	{ 0x0000000100000000, 0x000000107fffffff, RAM },
};

static const struct rmap_entry map_isahole[] = {
	{ 0x0000000000000000, 0x000000000009fbff, RAM },
	{ 0x000000000009fc00, 0x000000000009ffff, RES },
	{ 0x00000000000f0000, 0x00000000000fffff, RES },
	{ 0x0000000000100000, 0x0000000000efffff, RAM },
	{ 0x0000000000f00000, 0x0000000000ffffff, RES },
	{ 0x0000000001000000, 0x000000007fffffff, RAM },
	{ 0x00000000fffc0000, 0x00000000ffffffff, RES },
};

static const struct rmap_entry map_overlapping[] = {
	{ 0x0000000000000000, 0x000000000009ffff, RAM },
	{ 0x000000000009f000, 0x000000000009ffff, RES },
	{ 0x00000000000e0000, 0x00000000000fffff, RES },
	{ 0x0000000000100000, 0x000000003fffffff, RAM },
	{ 0x000000003ff00000, 0x000000003fffffff, ACPI },
	{ 0x000000003ffc0000, 0x000000003fffffff, NVS },
	{ 0x0000000020000000, 0x00000000200fffff, RES },
	{ 0x0000000000100000, 0x00000000001fffff, RAM },
	{ 0x00000000fec00000, 0x00000000fec00fff, RES },
	{ 0x00000000fec00000, 0x00000000fec00fff, RES },
};

static const struct rmap_entry map_ovmf[] = {
	{ 0x0000000000000000, 0x000000000009ffff, RAM },
	{ 0x0000000000100000, 0x00000000007fffff, RAM },
	{ 0x0000000000800000, 0x0000000000807fff, NVS },
	{ 0x0000000000808000, 0x000000000080afff, RAM },
	{ 0x000000000080b000, 0x000000000080bfff, NVS },
	{ 0x000000000080c000, 0x000000000080ffff, RAM },
	{ 0x0000000000810000, 0x00000000008fffff, NVS },
	{ 0x0000000000900000, 0x000000003e8edfff, RAM },
	{ 0x000000003e8ee000, 0x000000003eb37fff, RES },
	{ 0x000000003eb38000, 0x000000003eb43fff, ACPI },
	{ 0x000000003eb44000, 0x000000003ebc3fff, NVS },
	{ 0x000000003ebc4000, 0x000000003ef59fff, RES },
	{ 0x000000003ef5a000, 0x000000003fefffff, RAM },
	{ 0x000000003ff00000, 0x000000003fffffff, RES },
	{ 0x00000000b0000000, 0x00000000bfffffff, RES },
	{ 0x00000000ffc00000, 0x00000000ffffffff, RES },
};

struct zone_expect { unsigned long start, spanned, present, managed; };

struct realmap {
	const char *name;
	const struct rmap_entry *map;
	unsigned int n;
	u64 ebda;			/* what the BDA says (0: UEFI, none) */
	/* the sanitized firmware table */
	unsigned int nr_sanitized;
	struct rmap_entry first, last;
	/* totals */
	u64 ram_firmware, ram, ram_above_limit, ram_trimmed;	/* ram: page 0 is not RAM (trim_bios_range) */
	unsigned long max_pfn, max_low_pfn, dma_pfn;
	/* zones after memblock_free_all(), kernel image at [1 MiB, 4 MiB) */
	struct zone_expect z[MAX_NR_ZONES];
};

#define MAP(x)	map_##x, ARRAY_SIZE(map_##x)
static const struct realmap realmaps[] = {
	{ "laptop", MAP(laptop), 0, 28,
	  { 0x0, 0x57fff, RAM }, { 0x100000000ULL, 0x43e7fffffULL, RAM },
	  0x3f1fe5000ULL, 0xb37e4000ULL, 0x33e800000ULL, 0, 0xb5dff, 0x38000, 0x1000,
	  { { 0x1, 0xfff, 0xf8a, 0xc8a }, { 0x1000, 0x37000, 0x37000, 0x37000 },
	    { 0x38000, 0x7ddff, 0x7b85a, 0x7b85a } } },
	{ "desktop16g", MAP(desktop16g), 0x9d800, 19,
	  { 0x0, 0x9d7ff, RAM }, { 0x100000000ULL, 0x41fdfffffULL, RAM },
	  0x3f963d800ULL, 0xd983c000ULL, 0x31fe00000ULL, 0x800, 0xd9ca0, 0x38000, 0x1000,
	  { { 0x1, 0xfff, 0xf9c, 0xc9c }, { 0x1000, 0x37000, 0x36e00, 0x36e00 },
	    { 0x38000, 0xa1ca0, 0xa1aa0, 0xa1aa0 } } },
	{ "server64g", MAP(server64g), 0x9c000, 12,
	  { 0x0, 0x9bfff, RAM }, { 0x100000000ULL, 0x107fffffffULL, RAM },
	  0xffa22c000ULL, 0x7a22b000ULL, 0xf80000000ULL, 0, 0x7bc00, 0x38000, 0x1000,
	  { { 0x1, 0xfff, 0xf9b, 0xc9b }, { 0x1000, 0x37000, 0x37000, 0x37000 },
	    { 0x38000, 0x43c00, 0x42290, 0x42290 } } },
	{ "isahole", MAP(isahole), 0x9fc00, 7,
	  { 0x0, 0x9fbff, RAM }, { 0xfffc0000, 0xffffffff, RES },
	  0x7fe9fc00ULL, 0x7fe9e000ULL, 0, 0xc00, 0x80000, 0x38000, 0x1000,
	  { { 0x1, 0xfff, 0xe9e, 0xb9e }, { 0x1000, 0x37000, 0x37000, 0x37000 },
	    { 0x38000, 0x48000, 0x48000, 0x48000 } } },
	{ "overlapping", MAP(overlapping), 0x9f000, 9,
	  { 0x0, 0x9efff, RAM }, { 0xfec00000, 0xfec00fff, RES },
	  0x3fd9f000ULL, 0x3fd9e000ULL, 0, 0, 0x3ff00, 0x38000, 0x1000,
	  { { 0x1, 0xfff, 0xf9e, 0xc9e }, { 0x1000, 0x37000, 0x36f00, 0x36f00 },
	    { 0x38000, 0x7f00, 0x7f00, 0x7f00 } } },
	{ "ovmf", MAP(ovmf), 0, 16,
	  { 0x0, 0x9ffff, RAM }, { 0xffc00000, 0xffffffff, RES },
	  0x3f73b000ULL, 0x3f73a000ULL, 0, 0, 0x3ff00, 0x38000, 0x1000,
	  { { 0x1, 0xfff, 0xea6, 0xba5 }, { 0x1000, 0x37000, 0x37000, 0x37000 },
	    { 0x38000, 0x7f00, 0x7894, 0x7894 } } },
};

static struct e820_table raw, sanitized;
static struct kernel_params kp;
static struct mem_layout lay;
static struct printk_capture cap;
static struct memblock_saved saved;

/* these maps are judged as the non-PAE kernel sees them (tests/kunit/pae_test.c: PAE) */
static unsigned long saved_max_arch_pfn;

static int realmaps_suite_init(struct kunit_suite *suite)
{
	memblock_save(&saved);
	saved_max_arch_pfn = max_arch_pfn;
	max_arch_pfn = MAX_NONPAE_PFN;
	return 0;
}

static void realmaps_suite_exit(struct kunit_suite *suite)
{
	max_arch_pfn = saved_max_arch_pfn;
	memblock_restore(&saved);
}

static int run_map(const struct realmap *rm)
{
	unsigned int i;
	int ret;

	raw.nr_entries = rm->n;
	for (i = 0; i < rm->n; i++)
		raw.entries[i] = (struct e820_entry){ rm->map[i].start,
			rm->map[i].last - rm->map[i].start + 1, rm->map[i].type };
	parse_kernel_params("", &kp);
	kunit_capture_start(&cap);
	ret = setup_memory_map(&raw, &kp, 0x100000, 0x400000, rm->ebda, &lay);
	kunit_capture_stop();
	return ret;
}

static bool entry_is(const struct e820_entry *e, const struct rmap_entry *want)
{
	return e->addr == want->start && e->addr + e->size - 1 == want->last && e->type == want->type;
}

static void realmaps_tables_and_totals(struct kunit *test)
{
	unsigned int m, i;

	for (m = 0; m < ARRAY_SIZE(realmaps); m++) {
		const struct realmap *rm = &realmaps[m];

		KUNIT_ASSERT_EQ(test, run_map(rm), 0);
		/* the sanitized firmware table, independent of setup's later clipping */
		sanitized = raw;
		e820__update_table(&sanitized);
		if (sanitized.nr_entries != rm->nr_sanitized ||
		    !entry_is(&sanitized.entries[0], &rm->first) ||
		    !entry_is(&sanitized.entries[sanitized.nr_entries - 1], &rm->last))
			KUNIT_FAIL(test, "%s: sanitized to %u entries, first/last not as expected",
				   rm->name, sanitized.nr_entries);
		for (i = 1; i < sanitized.nr_entries; i++) {
			const struct e820_entry *a = &sanitized.entries[i - 1], *b = &sanitized.entries[i];

			/* sorted, disjoint, and touching neighbours differ in type */
			if (a->addr + a->size > b->addr || (a->addr + a->size == b->addr && a->type == b->type))
				KUNIT_FAIL(test, "%s: entries %u and %u not clean", rm->name, i - 1, i);
		}
		if (lay.ram_firmware != rm->ram_firmware || lay.ram != rm->ram ||
		    lay.ram_above_limit != rm->ram_above_limit || lay.ram_trimmed != rm->ram_trimmed)
			KUNIT_FAIL(test, "%s: RAM firmware %#llx used %#llx above 4G %#llx trimmed %#llx",
				   rm->name, (unsigned long long)lay.ram_firmware,
				   (unsigned long long)lay.ram, (unsigned long long)lay.ram_above_limit,
				   (unsigned long long)lay.ram_trimmed);
		if (lay.max_pfn != rm->max_pfn || lay.max_low_pfn != rm->max_low_pfn ||
		    lay.max_zone_pfn[ZONE_DMA] != rm->dma_pfn ||
		    lay.max_zone_pfn[ZONE_NORMAL] != rm->max_low_pfn ||
		    lay.max_zone_pfn[ZONE_HIGHMEM] != rm->max_pfn)
			KUNIT_FAIL(test, "%s: max_pfn %#lx max_low_pfn %#lx zones %#lx/%#lx/%#lx",
				   rm->name, lay.max_pfn, lay.max_low_pfn, lay.max_zone_pfn[0],
				   lay.max_zone_pfn[1], lay.max_zone_pfn[2]);
		KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), rm->ram);
		/* every map has RAM at 0 and none in [640 KiB, 1 MiB): page 0 goes */
		KUNIT_EXPECT_EQ(test, lay.ram_bios, 0x1000);
		KUNIT_EXPECT_EQ(test, lay.ram_firmware,
				lay.ram + lay.ram_bios + lay.ram_above_limit + lay.ram_trimmed);
		if (rm->ram_above_limit)
			KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "of RAM above 4 GiB ignored (no PAE)");
		KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BIOS-provided physical RAM map:\n");
	}
}

/*
 * The PAE kernel on the three maps with RAM above 4 GiB: all of it used,
 * up to 64 GiB (the server's last 2 GiB go, reported), HighMem to the top.
 * mem_map for 64 GiB (16M struct pages) fits in the server's lowmem at
 * 32 bytes a page; only a 64-bit host's bigger struct page gets it clipped.
 */
static void realmaps_pae_uses_ram_above_4g(struct kunit *test)
{
	static const struct { unsigned int map; unsigned long max_pfn; u64 above_64g; } want[] = {
		{ 0, 0x43e800, 0 },			/* laptop */
		{ 1, 0x41fe00, 0 },			/* desktop16g */
		{ 2, 0x1000000, 0x80000000ULL },	/* server64g: RAM to 66 GiB */
	};
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		const struct realmap *rm = &realmaps[want[i].map];

		max_arch_pfn = MAX_PAE_PFN;
		ret = run_map(rm);
		max_arch_pfn = MAX_NONPAE_PFN;
		KUNIT_ASSERT_EQ(test, ret, 0);
		KUNIT_EXPECT_EQ(test, lay.ram_above_limit, want[i].above_64g);
		KUNIT_EXPECT_EQ(test, lay.max_low_pfn, rm->max_low_pfn);	/* 896 MiB */
		KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), lay.ram);
		if (!lay.ram_no_mem_map) {
			KUNIT_EXPECT_EQ(test, lay.max_pfn, want[i].max_pfn);
			KUNIT_EXPECT_EQ(test, lay.ram, rm->ram + rm->ram_above_limit - want[i].above_64g);
		} else {
			KUNIT_EXPECT_GT(test, sizeof(struct page), 32);
			KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "does not fit in");
		}
		KUNIT_EXPECT_EQ(test, lay.max_zone_pfn[ZONE_HIGHMEM], lay.max_pfn);
		if (want[i].above_64g)
			KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
				"e820: 2048 MiB of RAM above 64 GiB ignored (PAE: 36-bit physical addresses)");
		else
			KUNIT_EXPECT_FALSE(test, strstr(cap.buf, "ignored ("));
	}
}

/* the laptop's log, line by line where it matters */
static void realmaps_laptop_log(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, run_map(&realmaps[0]), 0);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"BIOS-e820: [mem 0x00000000b4a90000-0x00000000b5d88fff] ACPI NVS\n"
		"BIOS-e820: [mem 0x00000000b5d89000-0x00000000b5dfdfff] ACPI data\n"
		"BIOS-e820: [mem 0x00000000b5dfe000-0x00000000b5dfefff] usable\n"
		"BIOS-e820: [mem 0x00000000b5dff000-0x00000000bfffffff] reserved\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"e820: 13288 MiB of RAM above 4 GiB ignored (no PAE): 13933477888 bytes");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "2013MB HIGHMEM available.\n896MB LOWMEM available.");
}

/*
 * the buggy BIOS's map, whole: as the firmware's table (what the boot log
 * and the shell's e820 print) and as the kernel works with it (page 0
 * reserved, as Linux's trim_bios_range() makes it)
 */
static void realmaps_overlapping_resolved(struct kunit *test)
{
	static const struct rmap_entry want[] = {
		{ 0x0, 0xfff, RES }, { 0x1000, 0x9efff, RAM },
		{ 0x9f000, 0x9ffff, RES }, { 0xe0000, 0xfffff, RES },
		{ 0x100000, 0x1fffffff, RAM }, { 0x20000000, 0x200fffff, RES },
		{ 0x20100000, 0x3fefffff, RAM }, { 0x3ff00000, 0x3ffbffff, ACPI },
		{ 0x3ffc0000, 0x3fffffff, NVS }, { 0xfec00000, 0xfec00fff, RES },
	};
	unsigned int i;

	KUNIT_ASSERT_EQ(test, run_map(&realmaps[4]), 0);
	KUNIT_ASSERT_EQ(test, lay.e820.nr_entries, ARRAY_SIZE(want));
	for (i = 0; i < ARRAY_SIZE(want); i++)
		KUNIT_EXPECT_TRUE(test, entry_is(&lay.e820.entries[i], &want[i]));
	KUNIT_ASSERT_EQ(test, lay.e820_firmware.nr_entries, ARRAY_SIZE(want) - 1);
	KUNIT_EXPECT_TRUE(test, entry_is(&lay.e820_firmware.entries[0],
					 &(struct rmap_entry){ 0x0, 0x9efff, RAM }));
	for (i = 1; i < ARRAY_SIZE(want) - 1; i++)
		KUNIT_EXPECT_TRUE(test, entry_is(&lay.e820_firmware.entries[i], &want[i + 1]));
}

static struct kunit_case realmaps_cases[] = {
	KUNIT_CASE(realmaps_tables_and_totals),
	KUNIT_CASE(realmaps_laptop_log),
	KUNIT_CASE(realmaps_pae_uses_ram_above_4g),
	KUNIT_CASE(realmaps_overlapping_resolved),
	{}
};

static struct kunit_suite realmaps_suite = {
	.name = "realmaps",
	.suite_init = realmaps_suite_init,
	.suite_exit = realmaps_suite_exit,
	.test_cases = realmaps_cases,
};
kunit_test_suite(realmaps_suite);

/* ------------------------------------------------ zone layouts, host only */
#ifdef __ORDERLY_HOST__
#include <stdlib.h>

#define REALMAPS_NID	4

static void realmaps_zone_layouts(struct kunit *test)
{
	static struct pglist_data pgdat;
	unsigned int m;
	int j;

	for (m = 0; m < ARRAY_SIZE(realmaps); m++) {
		const struct realmap *rm = &realmaps[m];
		unsigned long freed, managed = 0;
		struct page *map;

		KUNIT_ASSERT_EQ(test, run_map(rm), 0);
		map = calloc(lay.max_pfn, sizeof(*map));
		KUNIT_ASSERT_NOT_NULL(test, map);
		memset(&pgdat, 0, sizeof(pgdat));
		kunit_capture_start(&cap);
		/* the node starts where memblock's RAM does, as in free_area_init() */
		free_area_init_node(&pgdat, REALMAPS_NID, lay.max_zone_pfn,
				    PFN_UP(memblock_start_of_DRAM()), lay.max_pfn, &memblock.memory, map);
		freed = memblock_free_all(&pgdat);
		kunit_capture_stop();
		for (j = 0; j < MAX_NR_ZONES; j++) {
			const struct zone *z = &pgdat.node_zones[j];
			const struct zone_expect *e = &rm->z[j];

			if (z->zone_start_pfn != e->start || z->spanned_pages != e->spanned ||
			    z->present_pages != e->present || z->managed_pages != e->managed)
				KUNIT_FAIL(test, "%s: zone %s start %#lx spanned %#lx present %#lx managed %#lx, expected %#lx %#lx %#lx %#lx",
					   rm->name, zone_names[j], z->zone_start_pfn, z->spanned_pages,
					   z->present_pages, z->managed_pages, e->start, e->spanned,
					   e->present, e->managed);
			managed += z->managed_pages;
		}
		KUNIT_EXPECT_EQ(test, managed, freed);
		node_data[REALMAPS_NID] = NULL;
		free(map);
	}
}

static struct kunit_case realmaps_zones_cases[] = {
	KUNIT_CASE(realmaps_zone_layouts),
	{}
};

static struct kunit_suite realmaps_zones_suite = {
	.name = "realmaps_zones",
	.suite_init = realmaps_suite_init,
	.suite_exit = realmaps_suite_exit,
	.test_cases = realmaps_zones_cases,
	.flags = KUNIT_SUITE_HOST_ONLY,
};
kunit_test_suite(realmaps_zones_suite);
#endif
