// SPDX-License-Identifier: GPL-2.0
/*
 * Grouping pages by mobility (mm/page_alloc.c) on private nodes:
 * gfp_migratetype(), Linux's fallbacks[] table, the pageblock a request
 * falls back to - claimed whole or only borrowed - and move_freepages_block()'s
 * counts, the HIGHATOMIC reserve taken by a high-order atomic request and
 * given back before a request fails, per-type per-cpu lists, and
 * check_zone() catching a free block on the wrong type's list.  Every
 * test checks the free lists (and their types) after each step.
 *
 * The one-pageblock layout (1024 pages, aligned) also runs in the kernel;
 * the larger ones are host only (the fixture's arena limit).
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include <linux/mmdebug.h>
#include <linux/string.h>
#include "../../mm/internal.h"

#define CHECK(test, f) KUNIT_EXPECT_EQ(test, verify_free_lists((f)->node), 0)

/* one pageblock, one Normal zone */
static const struct mm_layout one_block = {
	.name = "one-pageblock", .nr_pages = 1024, .zone_end = { 0, 1024, 1024 },
	.host_base_pfn = 0x1000,
};

/* two pageblocks, one Normal zone */
static const struct mm_layout two_blocks = {
	.name = "two-pageblocks", .nr_pages = 2048, .zone_end = { 0, 2048, 2048 },
	.host_base_pfn = 0x1000,
};

static struct mm_fixture fx;
/* the kernel's own setting (off below 20 MiB or with page_group_by_mobility=off) */
static int saved_disabled;

static int mob_init(struct kunit *test)
{
	saved_disabled = page_group_by_mobility_disabled;
	page_group_by_mobility_disabled = 0;
	return 0;
}

static struct zone *mob_setup(struct kunit *test, const struct mm_layout *l,
			      struct pglist_data **pgdat)
{
	*pgdat = mm_fixture_setup(test, &fx, l, 3, 0);
	mm_fixture_no_watermarks(&fx);
	return mm_zone(&fx, ZONE_NORMAL);
}

static void mob_exit(struct kunit *test)
{
	page_group_by_mobility_disabled = saved_disabled;
	mm_fixture_destroy(&fx);
}

static int block_type(const struct zone *zone, unsigned long rel_pfn)
{
	return zone_pfnblock_migratetype(zone, fx.base_pfn + rel_pfn);
}

static unsigned long nr_free_of(const struct zone *zone, unsigned int order, int mt)
{
	const struct list_head *pos;
	unsigned long n = 0;

	list_for_each(pos, &zone->free_area[order].free_list[mt])
		n++;
	return n;
}

static unsigned long free_pages_of(const struct zone *zone, int mt)
{
	unsigned long n = 0;
	unsigned int o;

	for (o = 0; o < MAX_ORDER; o++)
		n += nr_free_of(zone, o, mt) << o;
	return n;
}

static void gfp_migratetype_values(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, gfp_migratetype(GFP_KERNEL), MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, gfp_migratetype(GFP_ATOMIC), MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, gfp_migratetype(GFP_HIGHUSER), MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, gfp_migratetype(GFP_HIGHUSER_MOVABLE), MIGRATE_MOVABLE);
	KUNIT_EXPECT_EQ(test, gfp_migratetype(GFP_KERNEL | __GFP_MOVABLE), MIGRATE_MOVABLE);
	KUNIT_EXPECT_EQ(test, gfp_migratetype(GFP_KERNEL | __GFP_RECLAIMABLE), MIGRATE_RECLAIMABLE);
	KUNIT_EXPECT_EQ(test, gfp_migratetype(GFP_DMA | __GFP_COLD | __GFP_ZERO), MIGRATE_UNMOVABLE);
	/* both: Linux's (warned) HIGHATOMIC index */
	KUNIT_EXPECT_EQ(test, gfp_migratetype(__GFP_MOVABLE | __GFP_RECLAIMABLE), MIGRATE_HIGHATOMIC);
	KUNIT_EXPECT_EQ(test, GFP_HIGHUSER_MOVABLE, GFP_HIGHUSER | __GFP_MOVABLE);
	page_group_by_mobility_disabled = 1;
	KUNIT_EXPECT_EQ(test, gfp_migratetype(GFP_HIGHUSER_MOVABLE), MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, gfp_migratetype(__GFP_RECLAIMABLE), MIGRATE_UNMOVABLE);
	page_group_by_mobility_disabled = 0;	/* mob_exit() restores the kernel's */
}

/* Linux's table, entry by entry: never the type itself, each other pcp type once */
static void fallback_table(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, fallbacks[MIGRATE_UNMOVABLE][0], MIGRATE_RECLAIMABLE);
	KUNIT_EXPECT_EQ(test, fallbacks[MIGRATE_UNMOVABLE][1], MIGRATE_MOVABLE);
	KUNIT_EXPECT_EQ(test, fallbacks[MIGRATE_MOVABLE][0], MIGRATE_RECLAIMABLE);
	KUNIT_EXPECT_EQ(test, fallbacks[MIGRATE_MOVABLE][1], MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, fallbacks[MIGRATE_RECLAIMABLE][0], MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, fallbacks[MIGRATE_RECLAIMABLE][1], MIGRATE_MOVABLE);
	KUNIT_EXPECT_STREQ(test, migratetype_names[MIGRATE_UNMOVABLE], "Unmovable");
	KUNIT_EXPECT_STREQ(test, migratetype_names[MIGRATE_HIGHATOMIC], "HighAtomic");
	KUNIT_EXPECT_STREQ(test, migratetype_names[MIGRATE_ISOLATE], "Isolate");
}

/* A new zone: every pageblock MOVABLE, every free page on the MOVABLE lists. */
static void boot_state_movable(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = mob_setup(test, &two_blocks, &pgdat);

	KUNIT_EXPECT_EQ(test, block_type(zone, 0), MIGRATE_MOVABLE);
	KUNIT_EXPECT_EQ(test, block_type(zone, 1024), MIGRATE_MOVABLE);
	KUNIT_EXPECT_EQ(test, free_pages_of(zone, MIGRATE_MOVABLE), zone->free_pages);
	KUNIT_EXPECT_EQ(test, nr_free_of(zone, MAX_ORDER - 1, MIGRATE_MOVABLE), 2);
	CHECK(test, &fx);
}

/*
 * An unmovable request with no unmovable pageblock takes the largest
 * free block of a fallback type: a whole free pageblock, which it claims.
 * The other pageblock stays MOVABLE.  Freed, the block merges back on the
 * UNMOVABLE list: the pageblock keeps its new type.
 */
static void whole_pageblock_claimed(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = mob_setup(test, &two_blocks, &pgdat);
	struct page *page = __alloc_pages_node(pgdat, GFP_KERNEL, 4);
	unsigned long rel, other;
	unsigned int o;

	KUNIT_ASSERT_NOT_NULL(test, page);
	rel = mm_rel_pfn(&fx, page);
	other = rel < 1024 ? 1024 : 0;
	KUNIT_EXPECT_EQ(test, rel % 1024, 0);
	KUNIT_EXPECT_EQ(test, block_type(zone, rel), MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, block_type(zone, other), MIGRATE_MOVABLE);
	KUNIT_EXPECT_EQ(test, page_alloc_migratetype(page), MIGRATE_UNMOVABLE);
	for (o = 4; o < MAX_ORDER - 1; o++)
		KUNIT_EXPECT_EQ(test, nr_free_of(zone, o, MIGRATE_UNMOVABLE), 1);
	KUNIT_EXPECT_EQ(test, free_pages_of(zone, MIGRATE_UNMOVABLE), 1024 - 16);
	KUNIT_EXPECT_EQ(test, free_pages_of(zone, MIGRATE_MOVABLE), 1024);
	CHECK(test, &fx);
	/* a second unmovable request stays in the claimed block */
	{
		struct page *p2 = __alloc_pages_node(pgdat, GFP_KERNEL, 4);

		KUNIT_ASSERT_NOT_NULL(test, p2);
		KUNIT_EXPECT_EQ(test, mm_rel_pfn(&fx, p2) / 1024, rel / 1024);
		__free_pages(p2, 4);
	}
	__free_pages(page, 4);
	KUNIT_EXPECT_EQ(test, nr_free_of(zone, MAX_ORDER - 1, MIGRATE_UNMOVABLE), 1);
	KUNIT_EXPECT_EQ(test, block_type(zone, rel), MIGRATE_UNMOVABLE);
	CHECK(test, &fx);
}

/*
 * Fill the one pageblock with 64 order-4 blocks of @gfp and free those at
 * odd indexes (@keep_every = 2) or all but every @keep_every-th.
 */
static void fill_and_free(struct kunit *test, struct pglist_data *pgdat, gfp_t gfp,
			  struct page **blocks, unsigned int keep_every)
{
	unsigned int i;

	for (i = 0; i < 64; i++) {
		blocks[i] = __alloc_pages_node(pgdat, gfp, 4);
		KUNIT_ASSERT_NOT_NULL(test, blocks[i]);
	}
	KUNIT_ASSERT_NULL(test, __alloc_pages_node(pgdat, gfp | __GFP_NOWARN, 0));
	for (i = 0; i < 64; i++)
		if (i % keep_every) {
			__free_pages(blocks[i], 4);
			blocks[i] = NULL;
		}
}

static void free_blocks(struct page **blocks)
{
	unsigned int i;

	for (i = 0; i < 64; i++)
		if (blocks[i])
			__free_pages(blocks[i], 4);
}

/*
 * A movable request finding only small free blocks in an UNMOVABLE
 * pageblock may not claim it (can_steal_fallback: order < pageblock_order / 2):
 * it takes the smallest such block and the split remainder stays on the
 * UNMOVABLE lists; the pageblock keeps its type.
 */
static void movable_borrows_single_block(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = mob_setup(test, &one_block, &pgdat);
	struct page *blocks[64], *page;

	fill_and_free(test, pgdat, GFP_KERNEL, blocks, 2);
	KUNIT_EXPECT_EQ(test, block_type(zone, 0), MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, nr_free_of(zone, 4, MIGRATE_UNMOVABLE), 32);
	page = __alloc_pages_node(pgdat, GFP_HIGHUSER_MOVABLE, 1);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, block_type(zone, 0), MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, nr_free_of(zone, 4, MIGRATE_UNMOVABLE), 31);
	KUNIT_EXPECT_EQ(test, nr_free_of(zone, 3, MIGRATE_UNMOVABLE), 1);
	KUNIT_EXPECT_EQ(test, nr_free_of(zone, 2, MIGRATE_UNMOVABLE), 1);
	KUNIT_EXPECT_EQ(test, nr_free_of(zone, 1, MIGRATE_UNMOVABLE), 1);
	KUNIT_EXPECT_EQ(test, free_pages_of(zone, MIGRATE_MOVABLE), 0);
	KUNIT_EXPECT_EQ(test, page_alloc_migratetype(page), MIGRATE_MOVABLE);
	CHECK(test, &fx);
	__free_pages(page, 1);
	free_blocks(blocks);
	CHECK(test, &fx);
}

/*
 * An unmovable request falling back into a MOVABLE pageblock claims it
 * only when at least half of it is free or "alike" (neither free nor
 * movable): with 20 of 64 movable blocks freed (320 pages) it borrows
 * one block; with 40 freed (640 pages) the pageblock becomes UNMOVABLE
 * and every free block moves to the UNMOVABLE lists.
 */
static void unmovable_claims_when_half_free(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = mob_setup(test, &one_block, &pgdat);
	struct page *blocks[64], *page;
	unsigned int i;

	for (i = 0; i < 64; i++) {
		blocks[i] = __alloc_pages_node(pgdat, GFP_HIGHUSER_MOVABLE, 4);
		KUNIT_ASSERT_NOT_NULL(test, blocks[i]);
	}
	for (i = 0; i < 20; i++) {
		__free_pages(blocks[i * 3], 4);
		blocks[i * 3] = NULL;
	}
	page = __alloc_pages_node(pgdat, GFP_KERNEL, 4);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, block_type(zone, 0), MIGRATE_MOVABLE);
	KUNIT_EXPECT_EQ(test, nr_free_of(zone, 4, MIGRATE_MOVABLE), 19);
	CHECK(test, &fx);
	__free_pages(page, 4);
	for (i = 0; i < 64 && free_pages_of(zone, MIGRATE_MOVABLE) < 640; i++)
		if (blocks[i]) {
			__free_pages(blocks[i], 4);
			blocks[i] = NULL;
		}
	KUNIT_ASSERT_EQ(test, zone->free_pages, 640);
	page = __alloc_pages_node(pgdat, GFP_KERNEL, 4);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, block_type(zone, 0), MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, free_pages_of(zone, MIGRATE_MOVABLE), 0);
	KUNIT_EXPECT_EQ(test, free_pages_of(zone, MIGRATE_UNMOVABLE), 640 - 16);
	CHECK(test, &fx);
	__free_pages(page, 4);
	free_blocks(blocks);
	CHECK(test, &fx);
}

/*
 * move_freepages_block() moves every free block of the pageblock and
 * returns the pages moved; a pageblock the zone does not wholly span
 * cannot move (-1) and nothing changes.
 */
static void move_freepages_block_counts(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = mob_setup(test, &one_block, &pgdat);
	struct page *blocks[64];
	unsigned long flags;
	int moved;

	fill_and_free(test, pgdat, GFP_HIGHUSER_MOVABLE, blocks, 4);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 48 * 16);
	spin_lock_irqsave(&zone->lock, flags);
	moved = move_freepages_block(zone, mm_page(&fx, 5), MIGRATE_MOVABLE, MIGRATE_RECLAIMABLE);
	spin_unlock_irqrestore(&zone->lock, flags);
	KUNIT_EXPECT_EQ(test, moved, 48 * 16);
	KUNIT_EXPECT_EQ(test, block_type(zone, 0), MIGRATE_RECLAIMABLE);
	KUNIT_EXPECT_EQ(test, free_pages_of(zone, MIGRATE_RECLAIMABLE), 48 * 16);
	KUNIT_EXPECT_EQ(test, free_pages_of(zone, MIGRATE_MOVABLE), 0);
	CHECK(test, &fx);
	spin_lock_irqsave(&zone->lock, flags);
	moved = move_freepages_block(zone, mm_page(&fx, 0), MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE);
	spin_unlock_irqrestore(&zone->lock, flags);
	KUNIT_EXPECT_EQ(test, moved, 48 * 16);
	free_blocks(blocks);
	KUNIT_EXPECT_EQ(test, nr_free_of(zone, MAX_ORDER - 1, MIGRATE_MOVABLE), 1);
	CHECK(test, &fx);
}

static const struct mm_layout half_block = {
	.name = "half-pageblock", .nr_pages = 512, .zone_end = { 0, 512, 512 },
	.host_base_pfn = 0x1000,
};

static void move_freepages_block_outside_zone(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = mob_setup(test, &half_block, &pgdat);
	unsigned long flags;
	int moved;

	spin_lock_irqsave(&zone->lock, flags);
	moved = move_freepages_block(zone, mm_page(&fx, 0), MIGRATE_MOVABLE, MIGRATE_UNMOVABLE);
	spin_unlock_irqrestore(&zone->lock, flags);
	KUNIT_EXPECT_EQ(test, moved, -1);
	KUNIT_EXPECT_EQ(test, block_type(zone, 0), MIGRATE_MOVABLE);
	KUNIT_EXPECT_EQ(test, free_pages_of(zone, MIGRATE_MOVABLE), 512);
	/* so an unmovable request only borrows, and frees return to MOVABLE */
	{
		struct page *page = __alloc_pages_node(pgdat, GFP_KERNEL, 4);

		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_EQ(test, block_type(zone, 0), MIGRATE_MOVABLE);
		__free_pages(page, 4);
	}
	KUNIT_EXPECT_EQ(test, free_pages_of(zone, MIGRATE_MOVABLE), 512);
	CHECK(test, &fx);
}

/*
 * HIGHATOMIC: a high-order GFP_ATOMIC request that had to go below the
 * LOW mark reserves its pageblock; ordinary requests then count that
 * pageblock as used and do not take from it; a GFP_KERNEL request that
 * can only succeed with those pages makes the allocator give the
 * reserve back (the last one only when forced) and then succeeds.
 */
static void highatomic_reserve_taken_and_released(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = mob_setup(test, &two_blocks, &pgdat);
	struct page *atomic, *big, *small;
	unsigned long rel;

	/* below LOW, above MIN: only the slow path (ALLOC_HARDER) succeeds */
	zone->_watermark[WMARK_LOW] = zone->free_pages;
	atomic = __alloc_pages_node(pgdat, GFP_ATOMIC, 2);
	KUNIT_ASSERT_NOT_NULL(test, atomic);
	zone->_watermark[WMARK_LOW] = 0;
	rel = mm_rel_pfn(&fx, atomic);
	KUNIT_EXPECT_EQ(test, block_type(zone, rel), MIGRATE_HIGHATOMIC);
	KUNIT_EXPECT_EQ(test, zone->nr_reserved_highatomic, pageblock_nr_pages);
	KUNIT_EXPECT_EQ(test, free_pages_of(zone, MIGRATE_HIGHATOMIC), 1024 - 4);
	CHECK(test, &fx);

	/* ordinary requests stay out of the reserve */
	small = __alloc_pages_node(pgdat, GFP_KERNEL, 4);
	KUNIT_ASSERT_NOT_NULL(test, small);
	KUNIT_EXPECT_NE(test, mm_rel_pfn(&fx, small) / 1024, rel / 1024);
	__free_pages(small, 4);
	/*
	 * the next atomic request above PAGE_ALLOC_COSTLY_ORDER is served from
	 * it (orders 0-3 try their per-cpu list first, as in Linux)
	 */
	zone->_watermark[WMARK_LOW] = zone->free_pages;
	small = __alloc_pages_node(pgdat, GFP_ATOMIC, 4);
	zone->_watermark[WMARK_LOW] = 0;
	KUNIT_ASSERT_NOT_NULL(test, small);
	KUNIT_EXPECT_EQ(test, mm_rel_pfn(&fx, small) / 1024, rel / 1024);
	__free_pages(small, 4);
	CHECK(test, &fx);

	/* order 10 fits only once the reserve no longer counts as used */
	big = __alloc_pages_node(pgdat, GFP_KERNEL, MAX_ORDER - 1);
	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_EXPECT_EQ(test, zone->nr_reserved_highatomic, 0);
	KUNIT_EXPECT_NE(test, block_type(zone, rel), MIGRATE_HIGHATOMIC);
	KUNIT_EXPECT_EQ(test, free_pages_of(zone, MIGRATE_HIGHATOMIC), 0);
	CHECK(test, &fx);
	__free_pages(big, MAX_ORDER - 1);
	__free_pages(atomic, 2);
	CHECK(test, &fx);
}

/* Orders 0..3 are cached per type: a request never takes another type's list. */
static void pcp_lists_per_migratetype(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = mob_setup(test, &two_blocks, &pgdat);
	struct page *mov, *unmov;

	zone->pcp[0].batch = 4;
	zone->pcp[0].high = 64;
	unmov = __alloc_pages_node(pgdat, GFP_KERNEL, 0);
	KUNIT_ASSERT_NOT_NULL(test, unmov);
	/* the refill claimed a pageblock for UNMOVABLE; the batch sits on its list */
	KUNIT_EXPECT_FALSE(test, list_empty(&zone->pcp[0].lists[order_to_pindex(MIGRATE_UNMOVABLE, 0)]));
	KUNIT_EXPECT_TRUE(test, list_empty(&zone->pcp[0].lists[order_to_pindex(MIGRATE_MOVABLE, 0)]));
	mov = __alloc_pages_node(pgdat, GFP_HIGHUSER_MOVABLE, 0);
	KUNIT_ASSERT_NOT_NULL(test, mov);
	KUNIT_EXPECT_NE(test, mm_rel_pfn(&fx, mov) / 1024, mm_rel_pfn(&fx, unmov) / 1024);
	KUNIT_EXPECT_EQ(test, block_type(zone, mm_rel_pfn(&fx, mov)), MIGRATE_MOVABLE);
	/* each goes back to the list of its pageblock's type, at the head */
	__free_pages(unmov, 0);
	__free_pages(mov, 0);
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&zone->pcp[0].lists[order_to_pindex(MIGRATE_UNMOVABLE, 0)],
						   struct page, lru), unmov);
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&zone->pcp[0].lists[order_to_pindex(MIGRATE_MOVABLE, 0)],
						   struct page, lru), mov);
	KUNIT_EXPECT_PTR_EQ(test, __alloc_pages_node(pgdat, GFP_HIGHUSER_MOVABLE, 0), mov);
	KUNIT_EXPECT_PTR_EQ(test, __alloc_pages_node(pgdat, GFP_KERNEL, 0), unmov);
	__free_pages(unmov, 0);
	__free_pages(mov, 0);
	CHECK(test, &fx);
	/* drained, every page returns to its pageblock's buddy lists */
	drain_zone_pages(zone);
	KUNIT_EXPECT_EQ(test, nr_free_of(zone, MAX_ORDER - 1, MIGRATE_UNMOVABLE), 1);
	KUNIT_EXPECT_EQ(test, nr_free_of(zone, MAX_ORDER - 1, MIGRATE_MOVABLE), 1);
	CHECK(test, &fx);
}

/* Grouping off: every request is UNMOVABLE and claims whole pageblocks. */
static void grouping_disabled(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = mob_setup(test, &two_blocks, &pgdat);
	struct page *a, *b;

	page_group_by_mobility_disabled = 1;
	a = __alloc_pages_node(pgdat, GFP_HIGHUSER_MOVABLE, 4);
	b = __alloc_pages_node(pgdat, GFP_KERNEL, 4);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, page_alloc_migratetype(a), MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, mm_rel_pfn(&fx, a) / 1024, mm_rel_pfn(&fx, b) / 1024);
	KUNIT_EXPECT_EQ(test, block_type(zone, mm_rel_pfn(&fx, a)), MIGRATE_UNMOVABLE);
	CHECK(test, &fx);
	__free_pages(a, 4);
	__free_pages(b, 4);
	page_group_by_mobility_disabled = 0;
	CHECK(test, &fx);
}

/* __GFP_MOVABLE|__GFP_RECLAIMABLE is a contradiction: refused, one line, nothing changed */
static void both_mobility_bits_refused(struct kunit *test)
{
	struct pglist_data *pgdat;
	static struct printk_capture cap;
	struct zone *zone = mob_setup(test, &one_block, &pgdat);
	unsigned long before = zone->free_pages;

	kunit_capture_start(&cap);
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_MOVABLE | __GFP_RECLAIMABLE, 0));
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_MOVABLE | __GFP_RECLAIMABLE, 5));
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "__GFP_MOVABLE and __GFP_RECLAIMABLE exclude each other");
	KUNIT_EXPECT_EQ(test, zone->free_pages, before);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
	CHECK(test, &fx);
}

/* Misuse reports name the migrate types: the allocation's and the pageblock's */
static void misuse_report_names_types(struct kunit *test)
{
	struct pglist_data *pgdat;
	static struct printk_capture cap;
	struct page *page;

	mob_setup(test, &one_block, &pgdat);
	page = __alloc_pages_node(pgdat, GFP_HIGHUSER_MOVABLE, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);
	kunit_capture_start(&cap);
	__free_pages(page, 1);			/* wrong order: reported, nothing freed */
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "page last allocated via order 2, migratetype Movable");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "migratetype Movable\npage dumped because: wrong order");
	__free_pages(page, 2);
	kunit_capture_start(&cap);
	__free_pages(page, 2);			/* double free */
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "pageblock ");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, " migratetype Movable\npage dumped because: double free");
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
	CHECK(test, &fx);
}

/* check_zone(): a free block on the list of a type its pageblock is not */
static void check_zone_wrong_type_list(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = mob_setup(test, &one_block, &pgdat);
	static struct printk_capture cap;
	struct page *head;

	head = list_first_entry(&zone->free_area[MAX_ORDER - 1].free_list[MIGRATE_MOVABLE],
				struct page, lru);
	kunit_capture_start(&cap);
	list_move(&head->lru, &zone->free_area[MAX_ORDER - 1].free_list[MIGRATE_UNMOVABLE]);
	KUNIT_EXPECT_GT(test, check_zone(zone), 0);
	list_move(&head->lru, &zone->free_area[MAX_ORDER - 1].free_list[MIGRATE_MOVABLE]);
	/* and a pageblock marked HIGHATOMIC that nr_reserved_highatomic does not count */
	set_pageblock_migratetype(head, MIGRATE_HIGHATOMIC);
	list_move(&head->lru, &zone->free_area[MAX_ORDER - 1].free_list[MIGRATE_HIGHATOMIC]);
	KUNIT_EXPECT_GT(test, check_zone(zone), 0);
	list_move(&head->lru, &zone->free_area[MAX_ORDER - 1].free_list[MIGRATE_MOVABLE]);
	set_pageblock_migratetype(head, MIGRATE_MOVABLE);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "on the Unmovable list of a Movable pageblock");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "nr_reserved_highatomic 0 but 1024 pages in HighAtomic pageblocks");
	CHECK(test, &fx);
}

static struct kunit_case mobility_cases[] = {
	KUNIT_CASE(gfp_migratetype_values),
	KUNIT_CASE(fallback_table),
	KUNIT_CASE(boot_state_movable),
	KUNIT_CASE(whole_pageblock_claimed),
	KUNIT_CASE(movable_borrows_single_block),
	KUNIT_CASE(unmovable_claims_when_half_free),
	KUNIT_CASE(move_freepages_block_counts),
	KUNIT_CASE(move_freepages_block_outside_zone),
	KUNIT_CASE(highatomic_reserve_taken_and_released),
	KUNIT_CASE(pcp_lists_per_migratetype),
	KUNIT_CASE(grouping_disabled),
	KUNIT_CASE(both_mobility_bits_refused),
	KUNIT_CASE(misuse_report_names_types),
	KUNIT_CASE(check_zone_wrong_type_list),
	{}
};

static struct kunit_suite mobility_suite = {
	.name = "mobility",
	.init = mob_init,
	.exit = mob_exit,
	.test_cases = mobility_cases,
};
kunit_test_suite(mobility_suite);
