// SPDX-License-Identifier: GPL-2.0
/*
 * Migration, compaction and contiguous allocation (mm/migrate.c,
 * mm/compaction.c, mm/page_isolation.c) on private nodes.  The test is the
 * owner of the movable pages: a table of blocks, each filled with a
 * pattern of its slot, so that after every move the table must point at
 * the block's new place and the pattern must be there.  Every test checks
 * the free lists afterwards.
 *
 * The one-pageblock cases also run in the kernel; the larger layouts are
 * host only (the fixture's arena limit).
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include <linux/mmdebug.h>
#include <linux/string.h>
#include <linux/migrate.h>
#include <linux/compaction.h>
#include <linux/page-isolation.h>
#include <linux/vmstat.h>
#include <linux/page_owner.h>
#include "../../mm/internal.h"

#define CHECK(test, f) KUNIT_EXPECT_EQ(test, verify_free_lists((f)->node), 0)

static const struct mm_layout one_block = {
	.name = "one-pageblock", .nr_pages = 1024, .zone_end = { 0, 1024, 1024 },
	.host_base_pfn = 0x1000,
};

static const struct mm_layout two_blocks = {
	.name = "two-pageblocks", .nr_pages = 2048, .zone_end = { 0, 2048, 2048 },
	.host_base_pfn = 0x1000,
};

static const struct mm_layout four_blocks = {
	.name = "four-pageblocks", .nr_pages = 4096, .zone_end = { 0, 4096, 4096 },
	.host_base_pfn = 0x1000,
};

static struct mm_fixture fx;
static int saved_disabled;

/* ------------------------------------------------------------ the owner */

#define OWN_MAX	4096
static struct page *owned[OWN_MAX];	/* slot -> the block now (order 0), or NULL */
static unsigned int nr_owned;
static struct page *refuse;		/* the owner will not let this one go */

static int slot_of(const struct page *page)
{
	unsigned int i;

	for (i = 0; i < nr_owned; i++)
		if (owned[i] == page)
			return (int)i;
	return -1;
}

static bool test_isolate(struct page *page)
{
	return page != refuse && slot_of(page) >= 0;
}

static int test_migrate(struct page *dst, struct page *src)
{
	int i = slot_of(src);

	if (i < 0)
		return -EBUSY;
	owned[i] = dst;
	return MIGRATEPAGE_SUCCESS;
}

static void test_putback(struct page *page)
{
}

static const struct movable_operations test_mops = {
	.isolate_page = test_isolate,
	.migrate_page = test_migrate,
	.putback_page = test_putback,
};

static u32 pattern(unsigned int slot, unsigned int i)
{
	return 0x9e3779b9u * (slot + 1) ^ i;
}

static void fill(unsigned int slot)
{
	u32 *p = mm_page_lowmem_address(&fx, owned[slot]);
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		p[i] = pattern(slot, i);
}

/* slots whose block does not hold its pattern */
static unsigned int bad_contents(void)
{
	unsigned int s, i, bad = 0;

	for (s = 0; s < nr_owned; s++) {
		const u32 *p = mm_page_lowmem_address(&fx, owned[s]);

		for (i = 0; i < PAGE_SIZE / 4; i++)
			if (p[i] != pattern(s, i)) {
				bad++;
				break;
			}
	}
	return bad;
}

/* scatter() keeps all but every @keep_every-th page instead, and all below keep_below */
static bool keep_dense;
static unsigned long keep_below;

/*
 * Fill the zone with order-0 pages, keep those whose relative pfn is a
 * multiple of @keep_every (as movable blocks of the owner when @movable),
 * free the rest: scattered used pages, no free block of order 9.
 */
static void scatter(struct kunit *test, struct pglist_data *pgdat, unsigned int keep_every,
		    bool movable)
{
	gfp_t gfp = GFP_KERNEL | __GFP_NOWARN | (movable ? __GFP_MOVABLE : 0);
	static struct page *all[OWN_MAX];
	unsigned int n = 0, i;
	struct page *page;

	nr_owned = 0;
	while (n < OWN_MAX && (page = __alloc_pages_node(pgdat, gfp, 0)) != NULL)
		all[n++] = page;
	for (i = 0; i < n; i++) {
		if (mm_rel_pfn(&fx, all[i]) >= keep_below &&
		    !(mm_rel_pfn(&fx, all[i]) % keep_every) == keep_dense) {
			__free_pages(all[i], 0);
			continue;
		}
		owned[nr_owned] = all[i];
		if (movable)
			__SetPageMovable(all[i], &test_mops);
		fill(nr_owned++);
	}
	drain_zone_pages(mm_zone(&fx, ZONE_NORMAL));
	KUNIT_EXPECT_GT(test, nr_owned, 0);
}

static void release_all(void)
{
	unsigned int i;

	for (i = 0; i < nr_owned; i++) {
		__ClearPageMovable(owned[i]);
		__free_pages(owned[i], 0);
	}
	nr_owned = 0;
}

static int cmp_init(struct kunit *test)
{
	saved_disabled = page_group_by_mobility_disabled;
	page_group_by_mobility_disabled = 0;
	nr_owned = 0;
	refuse = NULL;
	keep_dense = false;
	keep_below = 0;
	return 0;
}

/* page_owner's records for a test that turns it on */
static void *owner_storage;
static size_t owner_bytes;

static void cmp_exit(struct kunit *test)
{
	page_group_by_mobility_disabled = saved_disabled;
	direct_compaction_enabled = true;
	if (owner_storage && fx.node) {
		fx.node->node_page_ext = NULL;
		fx.node->debug_flags &= ~PGDAT_PAGE_OWNER;
	}
	mm_fixture_destroy(&fx);
	if (owner_storage)
		mm_test_free(owner_storage, owner_bytes);
	owner_storage = NULL;
}

static struct zone *cmp_setup(struct kunit *test, const struct mm_layout *l,
			      struct pglist_data **pgdat)
{
	*pgdat = mm_fixture_setup(test, &fx, l, 4, 0);
	mm_fixture_no_watermarks(&fx);
	return mm_zone(&fx, ZONE_NORMAL);
}

static struct page *new_from_node(struct page *src, unsigned long pgdat)
{
	return __alloc_pages_node((struct pglist_data *)pgdat, GFP_KERNEL | __GFP_MOVABLE | __GFP_NOWARN,
				  src->alloc_order);
}

static void free_new(struct page *page, unsigned long pgdat)
{
	__free_pages(page, page->alloc_order);
}

static void isolate_all(struct kunit *test, struct list_head *l)
{
	unsigned int i;

	INIT_LIST_HEAD(l);
	for (i = 0; i < nr_owned; i++) {
		KUNIT_ASSERT_TRUE(test, isolate_movable_page(owned[i]));
		list_add_tail(&owned[i]->lru, l);
	}
}

/* ------------------------------------------------------------ migration */

/* Every block moves: contents identical, owner updated, old pages free, nothing lost. */
static void migrate_moves_contents_and_owner(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = cmp_setup(test, &one_block, &pgdat);
	static struct page *old[OWN_MAX];
	unsigned long success = vm_event_states[PGMIGRATE_SUCCESS];
	unsigned long free_before;
	unsigned int moved = 0, i;
	struct list_head l;

	scatter(test, pgdat, 8, true);
	free_before = zone->free_pages;
	memcpy(old, owned, nr_owned * sizeof(old[0]));
	isolate_all(test, &l);
	KUNIT_EXPECT_FALSE(test, isolate_movable_page(owned[0]));	/* already isolated */
	KUNIT_EXPECT_EQ(test, migrate_pages(&l, new_from_node, free_new, (unsigned long)pgdat,
					    MIGRATE_SYNC, MR_SYSCALL, &moved), 0);
	KUNIT_EXPECT_TRUE(test, list_empty(&l));
	KUNIT_EXPECT_EQ(test, moved, nr_owned);
	KUNIT_EXPECT_EQ(test, vm_event_states[PGMIGRATE_SUCCESS] - success, nr_owned);
	for (i = 0; i < nr_owned; i++) {
		KUNIT_EXPECT_TRUE(test, owned[i] != old[i]);
		/* freed, unless a later block moved into it */
		if (slot_of(old[i]) < 0) {
			KUNIT_EXPECT_EQ(test, page_count(old[i]), 0);
			KUNIT_EXPECT_FALSE(test, PageMovable(old[i]));
		}
		KUNIT_EXPECT_TRUE(test, PageMovable(owned[i]));
		KUNIT_EXPECT_FALSE(test, PageIsolated(owned[i]));
		KUNIT_EXPECT_EQ(test, page_count(owned[i]), 1);
	}
	KUNIT_EXPECT_EQ(test, bad_contents(), 0);
	drain_zone_pages(zone);
	KUNIT_EXPECT_EQ(test, zone->free_pages, free_before);
	CHECK(test, &fx);
	release_all();
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/* page_owner=on: a moved block keeps the record of who allocated it */
static struct page *new_cold(struct page *src, unsigned long pgdat)
{
	return __alloc_pages_node((struct pglist_data *)pgdat,
				  GFP_KERNEL | __GFP_MOVABLE | __GFP_NOWARN | __GFP_COLD, src->alloc_order);
}

static void migrate_keeps_page_owner(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = cmp_setup(test, &one_block, &pgdat);
	static struct page *old[OWN_MAX];
	unsigned int moved = 0, i;
	struct list_head l;

	owner_bytes = page_owner_storage_size(pgdat->node_spanned_pages);
	owner_storage = mm_test_alloc(owner_bytes);
	KUNIT_ASSERT_NOT_NULL(test, owner_storage);
	page_owner_attach(pgdat, owner_storage, owner_bytes);
	scatter(test, pgdat, 8, true);
	memcpy(old, owned, nr_owned * sizeof(old[0]));
	for (i = 0; i < nr_owned; i++)
		KUNIT_ASSERT_NOT_NULL(test, get_page_owner(old[i]));
	isolate_all(test, &l);
	KUNIT_EXPECT_EQ(test, migrate_pages(&l, new_cold, free_new, (unsigned long)pgdat,
					    MIGRATE_SYNC, MR_SYSCALL, &moved), 0);
	KUNIT_EXPECT_EQ(test, moved, nr_owned);
	for (i = 0; i < nr_owned; i++) {
		const struct page_owner *o = get_page_owner(owned[i]);

		KUNIT_ASSERT_NOT_NULL(test, o);
		KUNIT_EXPECT_TRUE(test, o->flags & PAGE_EXT_OWNER_ALLOCATED);
		/* scatter()'s request, not the destination's (__GFP_COLD) */
		KUNIT_EXPECT_EQ(test, o->gfp_mask, GFP_KERNEL | __GFP_NOWARN | __GFP_MOVABLE);
	}
	KUNIT_EXPECT_EQ(test, bad_contents(), 0);
	CHECK(test, &fx);
	release_all();
	drain_zone_pages(zone);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/* A block with a second reference cannot move: it stays, counted; the others move. */
static void migrate_pinned_page_stays(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = cmp_setup(test, &one_block, &pgdat);
	unsigned long fail = vm_event_states[PGMIGRATE_FAIL];
	struct page *pinned;
	unsigned int moved = 0;
	struct list_head l;

	scatter(test, pgdat, 16, true);
	pinned = owned[3];
	get_page(pinned);
	isolate_all(test, &l);
	KUNIT_EXPECT_EQ(test, migrate_pages(&l, new_from_node, free_new, (unsigned long)pgdat,
					    MIGRATE_SYNC, MR_SYSCALL, &moved), 1);
	KUNIT_EXPECT_EQ(test, moved, nr_owned - 1);
	KUNIT_EXPECT_EQ(test, vm_event_states[PGMIGRATE_FAIL] - fail, 1);
	KUNIT_ASSERT_FALSE(test, list_empty(&l));
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&l, struct page, lru), pinned);
	KUNIT_EXPECT_PTR_EQ(test, owned[3], pinned);
	putback_movable_pages(&l);
	KUNIT_EXPECT_TRUE(test, list_empty(&l));
	KUNIT_EXPECT_FALSE(test, PageIsolated(pinned));
	KUNIT_EXPECT_TRUE(test, PageMovable(pinned));
	put_page(pinned);
	KUNIT_EXPECT_EQ(test, bad_contents(), 0);
	/* the owner can veto isolation */
	refuse = owned[5];
	KUNIT_EXPECT_FALSE(test, isolate_movable_page(owned[5]));
	KUNIT_EXPECT_FALSE(test, PageIsolated(owned[5]));
	CHECK(test, &fx);
	release_all();
	drain_zone_pages(zone);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/* ------------------------------------------------------------ compaction */

/*
 * Four pageblocks, every other page held: the migration scanner empties
 * blocks 0 and 1 into the free pages of blocks 3 and 2, where the
 * scanners meet.  Two whole free pageblocks result.
 */
static void scanners_meet(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = cmp_setup(test, &four_blocks, &pgdat);
	struct compact_stats st;
	unsigned int i;

	scatter(test, pgdat, 2, true);
	KUNIT_EXPECT_EQ(test, zone->free_area[9].nr_free + zone->free_area[10].nr_free, 0);
	KUNIT_EXPECT_EQ(test, compact_zone_order(zone, -1, GFP_KERNEL, &st), COMPACT_COMPLETE);
	KUNIT_EXPECT_EQ(test, st.migrated, 1024);
	KUNIT_EXPECT_EQ(test, st.failed, 0);
	KUNIT_EXPECT_GE(test, st.migrate_scanned, 2048);
	KUNIT_EXPECT_GE(test, st.free_scanned, 2048);
	KUNIT_EXPECT_EQ(test, zone->free_area[10].nr_free, 2);
	for (i = 0; i < nr_owned; i++)
		KUNIT_EXPECT_GE(test, mm_rel_pfn(&fx, owned[i]), 2048);
	KUNIT_EXPECT_EQ(test, bad_contents(), 0);
	CHECK(test, &fx);
	release_all();
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/*
 * Block 0 full, three pages of every four held above: block 0's pages
 * fill the 768 free pages of blocks 3, 2 and 1, and then the free scanner,
 * which never goes below the block after the migration scanner's, has
 * nothing left: 256 pages stay in block 0, rather than moving within it.
 */
static void free_scanner_stays_above(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = cmp_setup(test, &four_blocks, &pgdat);
	struct compact_stats st;
	unsigned int i, low = 0;

	keep_dense = true;
	keep_below = 1024;
	scatter(test, pgdat, 4, true);
	KUNIT_EXPECT_EQ(test, nr_owned, 1024 + 2304);
	compact_zone_order(zone, -1, GFP_KERNEL, &st);
	KUNIT_EXPECT_EQ(test, st.migrated, 768);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 768);
	for (i = 0; i < nr_owned; i++)
		low += mm_rel_pfn(&fx, owned[i]) < 1024;
	KUNIT_EXPECT_EQ(test, low, 256);
	KUNIT_EXPECT_EQ(test, bad_contents(), 0);
	CHECK(test, &fx);
	release_all();
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/* Compacting a zone where nothing can move changes nothing */
static void compact_unmovable_changes_nothing(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = cmp_setup(test, &one_block, &pgdat);
	struct compact_stats st;
	struct mm_state before;

	scatter(test, pgdat, 4, false);
	KUNIT_ASSERT_EQ(test, mm_state_save(&fx, &before), 0);
	KUNIT_EXPECT_EQ(test, compact_zone_order(zone, -1, GFP_KERNEL, &st), COMPACT_COMPLETE);
	KUNIT_EXPECT_EQ(test, st.migrated, 0);
	KUNIT_EXPECT_EQ(test, st.isolated, 0);
	KUNIT_EXPECT_TRUE(test, mm_state_equal(&fx, &before));
	mm_state_free(&before);
	/* and an empty zone is skipped */
	KUNIT_EXPECT_EQ(test, compact_zone_order(mm_zone(&fx, ZONE_HIGHMEM), -1, GFP_KERNEL, NULL),
			COMPACT_SKIPPED);
	CHECK(test, &fx);
	release_all();
}

/*
 * Linux's indices, worked by hand.  One pageblock in order-4 blocks;
 * five of them free (not buddies): 80 pages in 5 blocks.
 *   fragmentation index at order 5 = 1000 - (1000 + 80 * 1000 / 32) / 5
 *                                  = 1000 - 3500 / 5 = 300
 * (<= 500: too little memory, not fragmentation); at order 4 a block
 * exists: -1000.  Unusable index at order 5: all 80 pages = 1.000.
 * Twenty more free blocks (25, 400 pages), order 6:
 *   1000 - (1000 + 400 * 1000 / 64) / 25 = 1000 - 7250 / 25 = 710.
 */
static void fragmentation_index_values(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = cmp_setup(test, &one_block, &pgdat);
	static struct printk_capture cap;
	static struct page *blk[64];
	unsigned int i;

	for (i = 0; i < 64; i++) {
		blk[i] = __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOWARN, 4);
		KUNIT_ASSERT_NOT_NULL(test, blk[i]);
	}
	for (i = 0; i < 10; i += 2)
		__free_pages(blk[i], 4);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 80);
	KUNIT_EXPECT_EQ(test, fragmentation_index(zone, 5), 300);
	KUNIT_EXPECT_EQ(test, fragmentation_index(zone, 4), -1000);
	KUNIT_EXPECT_EQ(test, unusable_free_index(zone, 5), 1000);
	KUNIT_EXPECT_EQ(test, unusable_free_index(zone, 4), 0);
	KUNIT_EXPECT_EQ(test, compaction_suitable(zone, 4, ALLOC_WMARK_LOW, ZONE_NORMAL),
			COMPACT_SUCCESS);
	KUNIT_EXPECT_EQ(test, compaction_suitable(zone, 5, ALLOC_WMARK_LOW, ZONE_NORMAL),
			COMPACT_NOT_SUITABLE_ZONE);
	/* /sys/kernel/debug/extfrag/ and /proc/vmstat, in Linux's formats */
	kunit_capture_start(&cap);
	show_extfrag(pgdat);
	show_vmstat(pgdat);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "unusable_index:\nNode 4, zone   Normal 0.000 0.000 0.000 "
				  "0.000 0.000 1.000 1.000 1.000 1.000 1.000 1.000 \n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "extfrag_index:\nNode 4, zone   Normal -1.000 -1.000 "
				  "-1.000 -1.000 -1.000  0.300  0.550  0.675  0.738  0.769  0.785 \n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "nr_free_pages 80\npgmigrate_success ");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "\ncompact_success ");
	/* order 6 needs 2 << 6 = 128 free pages to copy into: 80 are too few */
	KUNIT_EXPECT_EQ(test, compaction_suitable(zone, 6, ALLOC_WMARK_LOW, ZONE_NORMAL),
			COMPACT_SKIPPED);
	for (i = 10; i < 50; i += 2)
		__free_pages(blk[i], 4);
	KUNIT_EXPECT_EQ(test, fragmentation_index(zone, 6), 710);
	KUNIT_EXPECT_EQ(test, compaction_suitable(zone, 6, ALLOC_WMARK_LOW, ZONE_NORMAL),
			COMPACT_CONTINUE);
	for (i = 1; i < 64; i += 2)
		__free_pages(blk[i], 4);
	for (i = 50; i < 64; i += 2)
		__free_pages(blk[i], 4);
	KUNIT_EXPECT_EQ(test, fragmentation_index(zone, 10), -1000);
	KUNIT_EXPECT_EQ(test, unusable_free_index(zone, 10), 0);
	CHECK(test, &fx);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/* ------------------------------------------------------------ direct compaction */

/* An order-9 request that may sleep compacts in the slow path; one that cannot, fails. */
static void direct_compaction_in_slowpath(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = cmp_setup(test, &two_blocks, &pgdat);
	unsigned long stall = vm_event_states[COMPACTSTALL];
	unsigned long success = vm_event_states[COMPACTSUCCESS];
	struct page *page;

	scatter(test, pgdat, 4, true);
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_ATOMIC | __GFP_NOWARN, 9));
	direct_compaction_enabled = false;
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_MOVABLE | __GFP_NOWARN, 9));
	KUNIT_EXPECT_EQ(test, vm_event_states[COMPACTSTALL], stall);
	direct_compaction_enabled = true;
	page = __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_MOVABLE | __GFP_NOWARN, 9);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_PTR_EQ(test, page_zone(page), zone);
	KUNIT_EXPECT_EQ(test, vm_event_states[COMPACTSTALL] - stall, 1);
	KUNIT_EXPECT_EQ(test, vm_event_states[COMPACTSUCCESS] - success, 1);
	KUNIT_EXPECT_EQ(test, bad_contents(), 0);
	__free_pages(page, 9);
	CHECK(test, &fx);
	release_all();
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/* Linux's deferral: 1, 2, 4 ... attempts skipped after failures; reset by success */
static void deferral(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = cmp_setup(test, &two_blocks, &pgdat);
	unsigned long stall, fail = vm_event_states[COMPACTFAIL];

	KUNIT_EXPECT_FALSE(test, compaction_deferred(zone, 5));
	defer_compaction(zone, 5);
	KUNIT_EXPECT_TRUE(test, compaction_deferred(zone, 5));		/* 1 of 2 */
	KUNIT_EXPECT_FALSE(test, compaction_deferred(zone, 5));		/* 2 of 2: try */
	defer_compaction(zone, 5);
	KUNIT_EXPECT_TRUE(test, compaction_deferred(zone, 5));
	KUNIT_EXPECT_TRUE(test, compaction_deferred(zone, 5));
	KUNIT_EXPECT_TRUE(test, compaction_deferred(zone, 5));
	KUNIT_EXPECT_FALSE(test, compaction_deferred(zone, 5));		/* 4 of 4 */
	compaction_defer_reset(zone, 5, true);
	KUNIT_EXPECT_EQ(test, zone->compact_defer_shift, 0);
	KUNIT_EXPECT_EQ(test, zone->compact_order_failed, 6);
	defer_compaction(zone, 7);
	KUNIT_EXPECT_FALSE(test, compaction_deferred(zone, 5));		/* below the failed order */
	KUNIT_EXPECT_TRUE(test, compaction_deferred(zone, 7));
	compaction_defer_reset(zone, 7, true);

	/* a direct compaction that cannot help fails and defers the next one */
	zone->compact_order_failed = 0;
	scatter(test, pgdat, 4, false);
	stall = vm_event_states[COMPACTSTALL];
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOWARN, 9));
	KUNIT_EXPECT_EQ(test, vm_event_states[COMPACTSTALL] - stall, 1);
	KUNIT_EXPECT_EQ(test, vm_event_states[COMPACTFAIL] - fail, 1);
	KUNIT_EXPECT_EQ(test, zone->compact_defer_shift, 1);
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOWARN, 9));
	KUNIT_EXPECT_EQ(test, vm_event_states[COMPACTSTALL] - stall, 1);	/* deferred */
	CHECK(test, &fx);
	release_all();
}

/* ------------------------------------------------------------ contiguous allocation */

static void alloc_contig_range_moves_pages_out(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = cmp_setup(test, &four_blocks, &pgdat);
	unsigned long start = fx.base_pfn + 1024, free_before, pfn;
	unsigned int i;

	scatter(test, pgdat, 4, true);
	free_before = zone->free_pages;
	KUNIT_ASSERT_EQ(test, alloc_contig_range(pgdat, start, start + 1024, GFP_KERNEL), 0);
	for (pfn = start; pfn < start + 1024; pfn++) {
		struct page *page = pgdat_pfn_to_page(pgdat, pfn);

		KUNIT_EXPECT_EQ(test, page_count(page), 1);
		KUNIT_EXPECT_EQ(test, page->alloc_order, 0);
		KUNIT_EXPECT_FALSE(test, PageMovable(page));
	}
	for (i = 0; i < nr_owned; i++) {
		unsigned long rel = mm_rel_pfn(&fx, owned[i]);

		KUNIT_EXPECT_TRUE(test, rel < 1024 || rel >= 2048);
	}
	KUNIT_EXPECT_EQ(test, bad_contents(), 0);
	KUNIT_EXPECT_EQ(test, zone_pfnblock_migratetype(zone, start), MIGRATE_MOVABLE);
	KUNIT_EXPECT_EQ(test, zone->free_pages, free_before - 1024);
	CHECK(test, &fx);
	free_contig_range(pgdat, start, 1024);
	drain_zone_pages(zone);
	KUNIT_EXPECT_EQ(test, zone->free_pages, free_before);
	CHECK(test, &fx);
	release_all();
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/*
 * An unmovable page inside the range: refused before anything moves,
 * reported with the page, state byte for byte unchanged.  A pinned
 * movable page: the others move, the range is given up, the pageblocks
 * get their types back.  A range outside the zone or empty: -EINVAL.
 */
static void alloc_contig_range_failures(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = cmp_setup(test, &four_blocks, &pgdat);
	unsigned long start = fx.base_pfn + 2048;
	static struct printk_capture cap;
	struct mm_state before;
	struct page *stuck = NULL;
	unsigned int i;

	scatter(test, pgdat, 4, true);
	for (i = 0; i < nr_owned && !stuck; i++)	/* one in pageblock 2 */
		if (mm_rel_pfn(&fx, owned[i]) == 2048 + 100)
			stuck = owned[i];
	KUNIT_ASSERT_NOT_NULL(test, stuck);
	__ClearPageMovable(stuck);
	KUNIT_ASSERT_EQ(test, mm_state_save(&fx, &before), 0);
	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, alloc_contig_range(pgdat, start, start + 1024, GFP_KERNEL), -EBUSY);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "PFNs busy");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "the page that cannot be moved");
	KUNIT_EXPECT_PTR_EQ(test, contig_blocking_page, stuck);
	KUNIT_EXPECT_TRUE(test, mm_state_equal(&fx, &before));
	mm_state_free(&before);
	__SetPageMovable(stuck, &test_mops);

	get_page(stuck);
	KUNIT_EXPECT_EQ(test, alloc_contig_range(pgdat, start, start + 1024, GFP_KERNEL | __GFP_NOWARN),
			-EBUSY);
	KUNIT_EXPECT_PTR_EQ(test, contig_blocking_page, stuck);
	put_page(stuck);
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, zone_pfnblock_migratetype(zone, fx.base_pfn + i * 1024),
				MIGRATE_MOVABLE);
	KUNIT_EXPECT_FALSE(test, PageIsolated(stuck));
	KUNIT_EXPECT_EQ(test, bad_contents(), 0);
	CHECK(test, &fx);

	KUNIT_EXPECT_EQ(test, alloc_contig_range(pgdat, start, start, GFP_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, alloc_contig_range(pgdat, start, fx.base_pfn + 4097, GFP_KERNEL), -EINVAL);
	/* now it works, and alloc_contig_pages finds a range by itself */
	KUNIT_EXPECT_EQ(test, alloc_contig_range(pgdat, start, start + 1024, GFP_KERNEL), 0);
	free_contig_range(pgdat, start, 1024);
	{
		struct page *page = alloc_contig_pages(pgdat, 2048, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, page);
		free_contig_range(pgdat, fx.base_pfn + mm_rel_pfn(&fx, page), 2048);
	}
	KUNIT_EXPECT_NULL(test, alloc_contig_pages(pgdat, 4096, GFP_KERNEL));	/* more than is free */
	KUNIT_EXPECT_EQ(test, bad_contents(), 0);
	CHECK(test, &fx);
	release_all();
	drain_zone_pages(zone);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

static struct kunit_case compaction_cases[] = {
	KUNIT_CASE(migrate_moves_contents_and_owner),
	KUNIT_CASE(migrate_pinned_page_stays),
	KUNIT_CASE(migrate_keeps_page_owner),
	KUNIT_CASE(scanners_meet),
	KUNIT_CASE(free_scanner_stays_above),
	KUNIT_CASE(compact_unmovable_changes_nothing),
	KUNIT_CASE(fragmentation_index_values),
	KUNIT_CASE(direct_compaction_in_slowpath),
	KUNIT_CASE(deferral),
	KUNIT_CASE(alloc_contig_range_moves_pages_out),
	KUNIT_CASE(alloc_contig_range_failures),
	{}
};

static struct kunit_suite compaction_suite = {
	.name = "compaction",
	.init = cmp_init,
	.exit = cmp_exit,
	.test_cases = compaction_cases,
};
kunit_test_suite(compaction_suite);
