// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memblock.c: merge and split, full tables, top-down allocation,
 * alignment and limit, mem= enforcement, and a randomized comparison with
 * a page-per-byte model proving every byte is accounted for (free +
 * reserved-in-memory = memory).  The "memblock" suite only edits the
 * tables, so it also runs in the booted kernel (the kernel's memblock is
 * saved and restored around it); "memblock_host" writes to the memory it
 * allocates and hands pages to a private buddy node, so it is host only.
 */
#include <kunit/test.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include "memblock_save.h"

static struct memblock_saved saved;
static struct printk_capture cap;

static int memblock_suite_init(struct kunit_suite *suite)
{
	memblock_save(&saved);
	return 0;
}

static void memblock_suite_exit(struct kunit_suite *suite)
{
	memblock_restore(&saved);
}

static int memblock_case_init(struct kunit *test)
{
	memblock_reset();
	return 0;
}

/* (a) sorted, (b) non-overlapping, (c) merged, total_size exact */
static bool type_ok(struct kunit *test, const struct memblock_type *t)
{
	phys_addr_t total = 0;
	unsigned long i;

	for (i = 0; i < t->cnt; i++) {
		const struct memblock_region *r = &t->regions[i];

		if (!r->size || (i && r->base <= t->regions[i - 1].base + t->regions[i - 1].size)) {
			KUNIT_FAIL(test, "%s[%lu] = [%llx +%llx] breaks sorted/disjoint/merged",
				   t->name, i, (unsigned long long)r->base, (unsigned long long)r->size);
			return false;
		}
		total += r->size;
	}
	KUNIT_EXPECT_EQ(test, total, t->total_size);
	return total == t->total_size;
}

static void expect_regions(struct kunit *test, const struct memblock_type *t,
			   const phys_addr_t (*want)[2], unsigned long n)
{
	unsigned long i;

	type_ok(test, t);
	KUNIT_ASSERT_EQ(test, t->cnt, n);
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, t->regions[i].base, want[i][0]);
		KUNIT_EXPECT_EQ(test, t->regions[i].base + t->regions[i].size, want[i][1]);
	}
}

static void memblock_add_merges(struct kunit *test)
{
	static const phys_addr_t two[][2] = { { 0x1000, 0x2000 }, { 0x3000, 0x4000 } };
	static const phys_addr_t one[][2] = { { 0x1000, 0x4000 } };
	static const phys_addr_t wide[][2] = { { 0x0, 0x6000 }, { 0x8000, 0x9000 } };

	KUNIT_EXPECT_EQ(test, memblock_add(0x3000, 0x1000), 0);
	KUNIT_EXPECT_EQ(test, memblock_add(0x1000, 0x1000), 0);	/* in front */
	expect_regions(test, &memblock.memory, two, 2);
	KUNIT_EXPECT_EQ(test, memblock_add(0x2000, 0x1000), 0);	/* fills the gap: touch both */
	expect_regions(test, &memblock.memory, one, 1);
	KUNIT_EXPECT_EQ(test, memblock_add(0x1800, 0x800), 0);	/* contained */
	KUNIT_EXPECT_EQ(test, memblock_add(0x1000, 0x3000), 0);	/* identical */
	expect_regions(test, &memblock.memory, one, 1);
	KUNIT_EXPECT_EQ(test, memblock_add(0x8000, 0x1000), 0);	/* at the end */
	KUNIT_EXPECT_EQ(test, memblock_add(0x0, 0x1800), 0);		/* partial left */
	KUNIT_EXPECT_EQ(test, memblock_add(0x3800, 0x2800), 0);	/* partial right */
	expect_regions(test, &memblock.memory, wide, 2);
	KUNIT_EXPECT_EQ(test, memblock_add(0x100, 0), 0);		/* empty: nothing */
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), 0x7000);
	KUNIT_EXPECT_EQ(test, memblock_start_of_DRAM(), 0);
	KUNIT_EXPECT_EQ(test, memblock_end_of_DRAM(), 0x9000);
}

static void memblock_add_spanning_many(struct kunit *test)
{
	static const phys_addr_t want[][2] = { { 0x0, 0x1000 }, { 0x1800, 0xb000 }, { 0xc000, 0xd000 } };
	unsigned long i;

	for (i = 0; i < 6; i++)
		memblock_add(i * 0x2000, 0x1000);	/* 0,2,4,6,8,a (x 0x1000) */
	memblock_add(0xc000, 0x1000);
	/* one range swallowing regions 1..4 and touching region 5 (0xa000): all merge */
	memblock_add(0x1800, 0x8800);
	expect_regions(test, &memblock.memory, want, 3);
}

static void memblock_remove_splits_and_trims(struct kunit *test)
{
	static const phys_addr_t split[][2] = { { 0x0, 0x4000 }, { 0x5000, 0x10000 } };
	static const phys_addr_t trimmed[][2] = { { 0x1000, 0x4000 }, { 0x5000, 0xf000 } };
	static const phys_addr_t spanned[][2] = { { 0x1000, 0x2000 }, { 0xe000, 0xf000 } };

	memblock_add(0, 0x10000);
	KUNIT_EXPECT_EQ(test, memblock_remove(0x4000, 0x1000), 0);
	expect_regions(test, &memblock.memory, split, 2);
	memblock_remove(0, 0x1000);
	memblock_remove(0xf000, 0x8000);		/* past the end */
	expect_regions(test, &memblock.memory, trimmed, 2);
	memblock_remove(0x2000, 0xc000);		/* across both regions and the hole */
	expect_regions(test, &memblock.memory, spanned, 2);
	memblock_remove(0x20000, 0x1000);		/* nothing there */
	expect_regions(test, &memblock.memory, spanned, 2);
	memblock_remove(0, ~0ULL);			/* wraps: capped, removes all */
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, 0);
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), 0);
	KUNIT_EXPECT_EQ(test, memblock_end_of_DRAM(), 0);
}

static void memblock_reserve_and_free(struct kunit *test)
{
	memblock_reserve(0x10000, 0x4000);
	KUNIT_EXPECT_TRUE(test, memblock_is_region_reserved(0x13fff, 1));
	KUNIT_EXPECT_FALSE(test, memblock_is_region_reserved(0x14000, 0x1000));
	KUNIT_EXPECT_TRUE(test, memblock_is_region_reserved(0xf000, 0x2000));
	KUNIT_EXPECT_EQ(test, memblock_phys_free(0x11000, 0x1000), 0);	/* a hole in the middle */
	KUNIT_EXPECT_EQ(test, memblock.reserved.cnt, 2);
	KUNIT_EXPECT_EQ(test, memblock_reserved_size(), 0x3000);

	/* freeing what is not reserved: reported, nothing changes */
	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, memblock_phys_free(0x11000, 0x1000), -EINVAL);
	KUNIT_EXPECT_EQ(test, memblock_phys_free(0x13000, 0x2000), -EINVAL);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"memblock: freeing [0x0000000000011000-0x0000000000011fff], which is not (all) reserved; ignored");
	KUNIT_EXPECT_EQ(test, memblock.reserved.cnt, 2);
	KUNIT_EXPECT_EQ(test, memblock_reserved_size(), 0x3000);
	type_ok(test, &memblock.reserved);
}

/*
 * A full table that cannot grow (no free memory below current_limit to
 * double into): the call is refused with Linux's report, nothing changes.
 * Nothing is written, so this runs in the booted kernel too.
 */
static void memblock_full_table_no_room_refused_unchanged(struct kunit *test)
{
	unsigned long i;

	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		KUNIT_ASSERT_EQ(test, memblock_add(i * 0x2000, 0x1000), 0);
	memblock_allow_resize();
	memblock_set_current_limit(PAGE_SIZE);	/* nothing below: no room to grow */
	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, memblock_add(INIT_MEMBLOCK_REGIONS * 0x2000 + 0x1000, 0x10), -ENOMEM);
	/* a split would need a slot too */
	KUNIT_EXPECT_EQ(test, memblock_remove(0x2400, 0x100), -ENOMEM);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"memblock: Failed to double memory array from 128 to 256 entries !\n"
		"memblock: Failed to double memory array from 128 to 256 entries !\n");
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
	KUNIT_EXPECT_EQ(test, memblock.memory.max, INIT_MEMBLOCK_REGIONS);
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), INIT_MEMBLOCK_REGIONS * 0x1000ULL);
	KUNIT_EXPECT_EQ(test, memblock.memory.regions[1].size, 0x1000);
	KUNIT_EXPECT_EQ(test, memblock_reserved_size(), 0);
	/* merging needs no slot: still possible, and it frees one */
	KUNIT_EXPECT_EQ(test, memblock_add(0x1000, 0x1000), 0);
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, INIT_MEMBLOCK_REGIONS - 1);
	type_ok(test, &memblock.memory);
}

static void memblock_alloc_top_down(struct kunit *test)
{
	memblock_add(0x100000, 0xf00000);		/* 1 MiB .. 16 MiB */
	memblock_reserve(0xf00000, 0x100000);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0x1000, 0x1000), 0xeff000);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0x1000, 0x100000), 0xe00000);
	/* the gap left between the two is used next: still the highest fit */
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0x2000, 0x1000), 0xefd000);
	/* unaligned size, small alignment */
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0x10, 0x10), 0xefcff0);
	memblock_set_current_limit(0x800000);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0x3000, 0x1000), 0x7fd000);
	KUNIT_EXPECT_EQ(test, memblock_reserved_size(), 0x100000 + 0x1000 + 0x1000 + 0x2000 + 0x10 + 0x3000);
	KUNIT_EXPECT_TRUE(test, memblock_is_region_reserved(0x7fd000, 0x3000));
	/* too big for what is left below the limit */
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0x800000, 0x1000), 0);
	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0x1000, 0x3000), 0);	/* not a power of 2 */
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "alignment 0x3000 is not a power of two");
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0, 0x1000), 0);
	type_ok(test, &memblock.reserved);
}

static void memblock_alloc_never_page0(struct kunit *test)
{
	memblock_add(0, 0x2000);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0x1000, 0x1000), 0x1000);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0x1000, 0x1000), 0);
	KUNIT_EXPECT_FALSE(test, memblock_is_region_reserved(0, 0x1000));
}

static void memblock_enforce_limit(struct kunit *test)
{
	memblock_add(0x1000, 0x9e000);			/* 632 KiB */
	memblock_add(0x100000, 0x7f00000);		/* 1 MiB .. 128 MiB */
	memblock_reserve(0x100000, 0x200000);
	memblock_reserve(0x6000000, 0x1000);		/* above the limit: goes too */
	memblock_enforce_memory_limit(64 << 20);
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), 64 << 20);
	KUNIT_EXPECT_EQ(test, memblock_end_of_DRAM(), 0x100000 + (64 << 20) - 0x9e000);
	KUNIT_EXPECT_EQ(test, memblock_reserved_size(), 0x200000);
	memblock_enforce_memory_limit(1ULL << 40);	/* more than there is: nothing */
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), 64 << 20);
	memblock_enforce_memory_limit(0);		/* no limit */
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), 64 << 20);
}

static void memblock_from_e820(struct kunit *test)
{
	static struct e820_table t = {
		.nr_entries = 5,
		.entries = {
			{ 0x0, 0x9fc00, E820_TYPE_RAM },
			{ 0x9fc00, 0x400, E820_TYPE_RESERVED },
			{ 0x100000, 0x7fee0000, E820_TYPE_RAM },
			{ 0x7ffe0000, 0x20000, E820_TYPE_ACPI },
			{ 0x80000800, 0x800, E820_TYPE_RAM },	/* less than a page */
		},
	};
	static const phys_addr_t want[][2] = { { 0x0, 0x9f000 }, { 0x100000, 0x7ffe0000 } };

	memblock_add_e820(&t);
	expect_regions(test, &memblock.memory, want, 2);
}

static void memblock_dump_format(struct kunit *test)
{
	memblock_add(0x1000, 0x9e000);
	memblock_reserve(0, 0x1000);
	kunit_capture_start(&cap);
	memblock_dump_all();
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"MEMBLOCK configuration:\n"
		" memory size = 0x000000000009e000 reserved size = 0x0000000000001000\n"
		" memory.cnt  = 0x1\n"
		" memory[0x0]\t[0x0000000000001000-0x000000000009efff], 0x000000000009e000 bytes flags: 0x0\n"
		" reserved.cnt  = 0x1\n");
}

/*
 * A randomized run against a model: 256 pages, one byte per page saying
 * "memory" and "reserved".  After every step the tables must equal the
 * model exactly, and the free ranges the iterator yields must be the
 * pages that are memory and not reserved - nothing lost, nothing twice.
 */
#define MODEL_PAGES	256
static u8 model_mem[MODEL_PAGES], model_res[MODEL_PAGES];

/* lib/string.c's memchr_inv is not in the host build */
static bool all_bytes(const u8 *p, u8 c, size_t n)
{
	while (n--)
		if (*p++ != c)
			return false;
	return true;
}

static u32 lcg(u32 *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

static bool type_matches_model(const struct memblock_type *t, const u8 *model)
{
	static u8 seen[MODEL_PAGES];
	unsigned long i, p;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < t->cnt; i++)
		for (p = t->regions[i].base >> 12; p < (t->regions[i].base + t->regions[i].size) >> 12; p++)
			seen[p] = 1;
	return !memcmp(seen, model, MODEL_PAGES);
}

static void memblock_random_against_model(struct kunit *test)
{
	u32 seed = 0x5eed, step;

	memset(model_mem, 0, sizeof(model_mem));
	memset(model_res, 0, sizeof(model_res));
	for (step = 0; step < 2000; step++) {
		u32 op = lcg(&seed) % 5, start = lcg(&seed) % MODEL_PAGES;
		u32 len = 1 + lcg(&seed) % 24, p;
		phys_addr_t fs, fe, free_pages = 0, res_in_mem = 0, mem_pages = 0;
		static u8 free_seen[MODEL_PAGES];
		u64 i;

		if (start + len > MODEL_PAGES)
			len = MODEL_PAGES - start;
		switch (op) {
		case 0:
		case 1:
			memblock_add((phys_addr_t)start << 12, (phys_addr_t)len << 12);
			memset(model_mem + start, 1, len);
			break;
		case 2:
			memblock_remove((phys_addr_t)start << 12, (phys_addr_t)len << 12);
			memset(model_mem + start, 0, len);
			break;
		case 3:
			memblock_reserve((phys_addr_t)start << 12, (phys_addr_t)len << 12);
			memset(model_res + start, 1, len);
			break;
		case 4:
			/* free only what is wholly reserved (else it is refused) */
			if (!all_bytes(model_res + start, 1, len))
				continue;
			KUNIT_ASSERT_EQ(test, memblock_phys_free((phys_addr_t)start << 12,
								 (phys_addr_t)len << 12), 0);
			memset(model_res + start, 0, len);
			break;
		}
		if (!type_ok(test, &memblock.memory) || !type_ok(test, &memblock.reserved) ||
		    !type_matches_model(&memblock.memory, model_mem) ||
		    !type_matches_model(&memblock.reserved, model_res)) {
			KUNIT_FAIL(test, "step %u (op %u [%u +%u]) diverged from the model", step, op, start, len);
			return;
		}
		memset(free_seen, 0, sizeof(free_seen));
		for_each_free_mem_range(i, &fs, &fe) {
			for (p = fs >> 12; p < fe >> 12; p++) {
				if (free_seen[p]++)
					KUNIT_FAIL(test, "page %u yielded twice", p);
			}
			free_pages += (fe - fs) >> 12;
		}
		for (p = 0; p < MODEL_PAGES; p++) {
			mem_pages += model_mem[p];
			res_in_mem += model_mem[p] && model_res[p];
			if (free_seen[p] != (model_mem[p] && !model_res[p])) {
				KUNIT_FAIL(test, "step %u: page %u free=%u, model mem=%u res=%u",
					   step, p, free_seen[p], model_mem[p], model_res[p]);
				return;
			}
		}
		/* every byte accounted for */
		KUNIT_ASSERT_EQ(test, free_pages + res_in_mem, mem_pages);
		KUNIT_ASSERT_EQ(test, mem_pages << 12, memblock_phys_mem_size());
	}
}

static void memblock_retired_refuses(struct kunit *test)
{
	memblock_add(0x100000, 0x100000);
	memblock.retired = true;	/* what memblock_free_all() leaves behind */
	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0x1000, 0x1000), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "after memblock_free_all()");
	KUNIT_EXPECT_EQ(test, memblock_reserved_size(), 0);
}

static struct kunit_case memblock_cases[] = {
	KUNIT_CASE(memblock_add_merges),
	KUNIT_CASE(memblock_add_spanning_many),
	KUNIT_CASE(memblock_remove_splits_and_trims),
	KUNIT_CASE(memblock_reserve_and_free),
	KUNIT_CASE(memblock_full_table_no_room_refused_unchanged),
	KUNIT_CASE(memblock_alloc_top_down),
	KUNIT_CASE(memblock_alloc_never_page0),
	KUNIT_CASE(memblock_enforce_limit),
	KUNIT_CASE(memblock_from_e820),
	KUNIT_CASE(memblock_dump_format),
	KUNIT_CASE(memblock_random_against_model),
	KUNIT_CASE(memblock_retired_refuses),
	{}
};

static struct kunit_suite memblock_suite = {
	.name = "memblock",
	.suite_init = memblock_suite_init,
	.suite_exit = memblock_suite_exit,
	.init = memblock_case_init,
	.test_cases = memblock_cases,
};
kunit_test_suite(memblock_suite);

/* ------------------------------------------------------------ host only */
#ifdef __ORDERLY_HOST__
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <host_phys.h>
#include "../../mm/internal.h"

#define HOST_NID	6

static int memblock_host_init(struct kunit *test)
{
	memblock_reset();
	return host_phys_setup(32 << 20);
}

static void memblock_host_exit(struct kunit *test)
{
	memblock_reset();	/* off any array in the memory about to go */
	host_phys_teardown();
}

static void memblock_alloc_zeroes_through_va(struct kunit *test)
{
	u8 *p;

	memblock_add(0x100000, 0xf00000);
	memset(__va(0xff0000), 0xa5, 0x10000);
	memblock_set_current_limit(0x1000000);
	p = memblock_alloc(0x3000, 0x1000);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, __pa(p), 0xffd000);
	KUNIT_EXPECT_TRUE(test, all_bytes(p, 0, 0x3000));
	KUNIT_EXPECT_EQ(test, *((u8 *)__va(0xffc000) + 0xfff), 0xa5);	/* below: untouched */
}

/*
 * memblock_free_all() against the real buddy code on a private node of
 * 4096 pages (16 MiB) with DMA ending at 8 MiB for the test.  RAM: pages
 * [1, 0x9f) and [0x100, 0xfff) (the last page is partial) plus 16 MiB
 * above the node, which must never be passed.  Reserved: page 0, the BIOS
 * area, a 2 MiB "kernel" and a range covering parts of pages 0x500/0x501.
 */
static void memblock_free_all_to_buddy(struct kunit *test)
{
	static struct pglist_data pgdat;
	static const unsigned long zone_end[MAX_NR_ZONES] = { 0x800, 0x1000, 0x1000 };
	struct page *map;
	unsigned long freed, managed = 0;
	int j;

	memblock_add(0x1000, 0x9e000);
	memblock_add(0x100000, 0xf00000 - 0x100);
	memblock_add(0x1000000, 0x1000000);
	memblock_reserve(0, 0x1000);
	memblock_reserve(0x9f000, 0x61000);
	memblock_reserve(0x100000, 0x200000);
	memblock_reserve(0x500800, 0x1000);

	map = calloc(0x1000, sizeof(*map));
	KUNIT_ASSERT_NOT_NULL(test, map);
	memset(&pgdat, 0, sizeof(pgdat));
	free_area_init_node(&pgdat, HOST_NID, zone_end, 0, 0x1000, &memblock.memory, map);
	KUNIT_EXPECT_EQ(test, pgdat.node_zones[ZONE_DMA].present_pages, 0x9e + 0x700);
	KUNIT_EXPECT_EQ(test, pgdat.node_zones[ZONE_NORMAL].present_pages, 0x7ff);

	freed = memblock_free_all(&pgdat);
	KUNIT_EXPECT_EQ(test, freed, 0x9e + 0xeff - 0x200 - 2);
	KUNIT_EXPECT_EQ(test, pgdat.node_zones[ZONE_DMA].managed_pages, 0x9e + 0x700 - 0x200 - 2);
	KUNIT_EXPECT_EQ(test, pgdat.node_zones[ZONE_NORMAL].managed_pages, 0x7ff);
	for (j = 0; j < MAX_NR_ZONES; j++)
		managed += pgdat.node_zones[j].managed_pages;
	KUNIT_EXPECT_EQ(test, managed, freed);
	/* partly reserved pages stay reserved; their neighbours are free */
	KUNIT_EXPECT_TRUE(test, PageReserved(&map[0x500]));
	KUNIT_EXPECT_TRUE(test, PageReserved(&map[0x501]));
	KUNIT_EXPECT_FALSE(test, PageReserved(&map[0x502]));
	KUNIT_EXPECT_TRUE(test, PageReserved(&map[0]));
	KUNIT_EXPECT_TRUE(test, PageReserved(&map[0xfff]));	/* partial last page */
	KUNIT_EXPECT_TRUE(test, memblock.retired);

	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, memblock_free_all(&pgdat), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "called twice");

	node_data[HOST_NID] = NULL;
	free(map);
}

/*
 * 300 separate RAM ranges: the memory table doubles at the 129th (to 256,
 * one page) and at the 257th (to 512, two pages), each time top-down in
 * free memory below current_limit, around what is reserved; the one-page
 * array is given back when the two-page one replaces it, and nothing
 * added is lost.
 */
static void memblock_memory_table_doubles_twice(struct kunit *test)
{
	static const phys_addr_t res[][2] = { { 0x1080000, 0x1081000 }, { 0x10fd000, 0x10ff000 } };
	const struct memblock_region *r;
	unsigned long i;

	memblock_add(0x1000000, 0x100000);		/* 16 MiB .. 17 MiB: room for the arrays */
	memblock_reserve(0x1080000, 0x1000);		/* something in use in it */
	memblock_set_current_limit(0x2000000);
	memblock_allow_resize();
	kunit_capture_start(&cap);
	for (i = 0; i < 300; i++)
		KUNIT_ASSERT_EQ(test, memblock_add(0x100000 + i * 0x2000, 0x1000), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"memblock: memory is doubled to 256 at [0x00000000010ff000-0x00000000010fffff]\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"memblock: memory is doubled to 512 at [0x00000000010fd000-0x00000000010fefff]\n");
	KUNIT_EXPECT_EQ(test, memblock.memory.max, 512);
	KUNIT_EXPECT_PTR_EQ(test, memblock.memory.regions, __va(0x10fd000));
	KUNIT_ASSERT_EQ(test, memblock.memory.cnt, 301);
	type_ok(test, &memblock.memory);
	for (i = 0; i < 300; i++) {
		r = &memblock.memory.regions[i];
		if (r->base != 0x100000 + i * 0x2000 || r->size != 0x1000) {
			KUNIT_FAIL(test, "memory[%lu] = [%#llx +%#llx]", i,
				   (unsigned long long)r->base, (unsigned long long)r->size);
			break;
		}
	}
	KUNIT_EXPECT_EQ(test, memblock.memory.regions[300].base, 0x1000000);
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), 0x100000 + 300 * 0x1000ULL);
	/* the page in use and the two-page array; the one-page array went back */
	expect_regions(test, &memblock.reserved, res, 2);
	KUNIT_EXPECT_TRUE(test, all_bytes((u8 *)&memblock.memory.regions[301], 0,
					  (512 - 301) * sizeof(struct memblock_region)));
}

/*
 * 300 reservations.  The 129th is the highest free page, exactly where a
 * top-down search would put the new array if it did not avoid the range
 * being reserved; the array goes right below it instead (and merges with
 * it).  The second doubling gives the first array back.
 */
static void memblock_reserved_table_doubles_around_new_range(struct kunit *test)
{
	unsigned long i;

	memblock_add(0x100000, 0x1f00000);		/* 1 MiB .. 32 MiB */
	memblock_set_current_limit(0x2000000);
	memblock_allow_resize();
	for (i = 0; i < 128; i++)
		KUNIT_ASSERT_EQ(test, memblock_reserve(0x200000 + i * 0x2000, 0x1000), 0);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, memblock_reserve(0x1fff000, 0x1000), 0);
	for (i = 128; i < 299; i++)
		KUNIT_ASSERT_EQ(test, memblock_reserve(0x200000 + i * 0x2000, 0x1000), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"memblock: reserved is doubled to 256 at [0x0000000001ffe000-0x0000000001ffefff]\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"memblock: reserved is doubled to 512 at [0x0000000001ffc000-0x0000000001ffdfff]\n");
	KUNIT_EXPECT_EQ(test, memblock.reserved.max, 512);
	KUNIT_EXPECT_PTR_EQ(test, memblock.reserved.regions, __va(0x1ffc000));
	type_ok(test, &memblock.reserved);
	/* 299 + the top page, each alone, + the array: nothing lost, nothing shared */
	KUNIT_EXPECT_EQ(test, memblock.reserved.cnt, 301);
	KUNIT_EXPECT_EQ(test, memblock_reserved_size(), 300 * 0x1000ULL + 0x2000);
	for (i = 0; i < 299; i++)
		KUNIT_EXPECT_EQ(test, memblock.reserved.regions[i].base, 0x200000 + i * 0x2000);
	KUNIT_EXPECT_EQ(test, memblock.reserved.regions[299].base, 0x1ffc000);
	KUNIT_EXPECT_EQ(test, memblock.reserved.regions[300].base, 0x1fff000);
	KUNIT_EXPECT_EQ(test, memblock.reserved.regions[300].size, 0x1000);
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, 1);
}

/* a cut that splits a region of a full table grows it first */
static void memblock_remove_split_grows_table(struct kunit *test)
{
	static const phys_addr_t res[][2] = { { 0x10ef000, 0x10f0000 } };
	unsigned long i;

	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		memblock_add(0x100000 + i * 0x20000, 0x10000);
	memblock_set_current_limit(0x2000000);
	memblock_allow_resize();
	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, memblock_remove(0x104000, 0x1000), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"memblock: memory is doubled to 256 at [0x00000000010ef000-0x00000000010effff]\n");
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, INIT_MEMBLOCK_REGIONS + 1);
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), INIT_MEMBLOCK_REGIONS * 0x10000ULL - 0x1000);
	KUNIT_EXPECT_EQ(test, memblock.memory.regions[0].size, 0x4000);
	KUNIT_EXPECT_EQ(test, memblock.memory.regions[1].base, 0x105000);
	type_ok(test, &memblock.memory);
	expect_regions(test, &memblock.reserved, res, 1);
}

/*
 * Growing before memblock_allow_resize() - before the caller said what
 * must not be overwritten - is Linux's panic.  On the host that ends the
 * process, so it runs in a child whose stderr comes back through a pipe.
 */
static void memblock_grow_before_allowed_panics(struct kunit *test)
{
	static char out[4096];
	int fds[2], status = 0;
	ssize_t n, len = 0;
	unsigned long i;
	pid_t pid;

	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		memblock_add(0x100000 + i * 0x2000, 0x1000);
	KUNIT_ASSERT_EQ(test, pipe(fds), 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	KUNIT_ASSERT_GE(test, pid, 0);
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		signal(SIGABRT, SIG_DFL);
		memblock_add(0x1000000, 0x1000);
		_exit(0);	/* not reached: that was a panic */
	}
	close(fds[1]);
	while (len < (ssize_t)sizeof(out) - 1 && (n = read(fds[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += n;
	out[len] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	KUNIT_EXPECT_FALSE(test, WIFEXITED(status) && WEXITSTATUS(status) == 0);
	KUNIT_EXPECT_TRUE(test, strstr(out, "Kernel panic - not syncing: memblock: cannot resize memory array\n") != NULL);
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);	/* the parent's, untouched */
}

static struct kunit_case memblock_host_cases[] = {
	KUNIT_CASE(memblock_alloc_zeroes_through_va),
	KUNIT_CASE(memblock_free_all_to_buddy),
	KUNIT_CASE(memblock_memory_table_doubles_twice),
	KUNIT_CASE(memblock_reserved_table_doubles_around_new_range),
	KUNIT_CASE(memblock_remove_split_grows_table),
	KUNIT_CASE(memblock_grow_before_allowed_panics),
	{}
};

static struct kunit_suite memblock_host_suite = {
	.name = "memblock_host",
	.suite_init = memblock_suite_init,
	.suite_exit = memblock_suite_exit,
	.init = memblock_host_init,
	.exit = memblock_host_exit,
	.test_cases = memblock_host_cases,
	.flags = KUNIT_SUITE_HOST_ONLY,
};
kunit_test_suite(memblock_host_suite);
#endif
