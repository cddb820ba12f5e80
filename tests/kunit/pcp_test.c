// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU page lists (mm/page_pcp.c) on a private node: refill by batch,
 * hot pages from the head and __GFP_COLD from the tail, drain above high,
 * the free_pages accounting the watermarks rely on, double free of a page
 * that sits on a list, drains that make high-order requests succeed, and
 * the invariant checker after every step.
 *
 * The fixture's zones are small, and Linux's zone_batchsize() gives a
 * zone under 32 MiB batch 1 / high 0 (no caching at all), so each test
 * sets the sizes itself: batch 4, high 12.
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include <linux/mmdebug.h>
#include <linux/string.h>
#include "../../mm/internal.h"

#define PCP_BATCH	4
#define PCP_HIGH	12

/* 512 pages, one Normal zone */
static const struct mm_layout pcp_layout = {
	.name = "pcp", .nr_pages = 512, .zone_end = { 0, 512, 512 },
	.host_base_pfn = 0x800,
};

#define CHECK(test, f) KUNIT_EXPECT_EQ(test, verify_free_lists((f)->node), 0)

/*
 * The zone's free memory in all: free_pages counts the buddy lists only
 * (Linux's NR_FREE_PAGES), the pcp lists' pages are in their counts.
 */
#define ALL_FREE(zone)	((long)(zone)->free_pages + zone_pcp_pages(zone))

/*
 * Movable requests: the zone is smaller than a pageblock, so an
 * unmovable request could never claim its (MOVABLE) pageblock and would
 * take from the MOVABLE lists as a fallback, one block at a time, while
 * its frees go to the MOVABLE per-cpu list - not the list it takes from.
 * The per-type lists have their own test below.
 */
#define GFP_PCP		(GFP_KERNEL | __GFP_MOVABLE)

static struct mm_fixture fx;

static struct zone *pcp_setup(struct kunit *test, struct pglist_data **pgdat)
{
	struct zone *zone;

	*pgdat = mm_fixture_setup(test, &fx, &pcp_layout, 2, 0);
	zone = mm_zone(&fx, ZONE_NORMAL);
	mm_fixture_no_watermarks(&fx);
	zone->pcp[0].batch = PCP_BATCH;
	zone->pcp[0].high = PCP_HIGH;
	return zone;
}

/* the kernel's own grouping setting: the tests want grouping on (GFP_PCP movable) */
static int saved_disabled;

static int pcp_init(struct kunit *test)
{
	saved_disabled = page_group_by_mobility_disabled;
	page_group_by_mobility_disabled = 0;
	return 0;
}

static void pcp_exit(struct kunit *test)
{
	page_group_by_mobility_disabled = saved_disabled;
	mm_fixture_destroy(&fx);
}

static struct page *pcp_head(struct zone *zone)
{
	return list_first_entry(&zone->pcp[0].lists[order_to_pindex(MIGRATE_MOVABLE, 0)], struct page, lru);
}

static struct page *pcp_tail(struct zone *zone)
{
	return list_last_entry(&zone->pcp[0].lists[order_to_pindex(MIGRATE_MOVABLE, 0)], struct page, lru);
}

/* The first order-0 request moves a batch to the list and takes one. */
static void pcp_refill_by_batch(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = pcp_setup(test, &pgdat);
	struct page *page;

	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 0);
	page = __alloc_pages_node(pgdat, GFP_PCP, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, PCP_BATCH - 1);
	/* the batch left the buddy lists, and free_pages with it */
	KUNIT_EXPECT_EQ(test, zone->free_pages, 512 - PCP_BATCH);
	KUNIT_EXPECT_EQ(test, ALL_FREE(zone), 511);
	KUNIT_EXPECT_FALSE(test, PagePcp(page));
	KUNIT_EXPECT_EQ(test, page_count(page), 1);
	/* the rest of the batch: free, on the list, not buddy blocks */
	KUNIT_EXPECT_TRUE(test, PagePcp(pcp_head(zone)));
	KUNIT_EXPECT_FALSE(test, PageBuddy(pcp_head(zone)));
	CHECK(test, &fx);
	/* the next ones come from the list without touching the buddy lists */
	page = __alloc_pages_node(pgdat, GFP_PCP, 0);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, PCP_BATCH - 2);
	/* a pcp hit touches no zone counter */
	KUNIT_EXPECT_EQ(test, zone->free_pages, 512 - PCP_BATCH);
	KUNIT_EXPECT_EQ(test, ALL_FREE(zone), 510);
	CHECK(test, &fx);
}

/* A freed page goes to the head and is the next one handed out. */
static void pcp_hot_page_reused(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = pcp_setup(test, &pgdat);
	struct page *a, *b;

	a = __alloc_pages_node(pgdat, GFP_PCP, 0);
	KUNIT_ASSERT_NOT_NULL(test, a);
	__free_pages(a, 0);
	KUNIT_EXPECT_TRUE(test, PagePcp(a));
	KUNIT_EXPECT_EQ(test, page_count(a), 0);
	KUNIT_EXPECT_PTR_EQ(test, pcp_head(zone), a);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, PCP_BATCH);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 512 - PCP_BATCH);
	KUNIT_EXPECT_EQ(test, ALL_FREE(zone), 512);
	CHECK(test, &fx);
	b = __alloc_pages_node(pgdat, GFP_PCP, 0);
	KUNIT_EXPECT_PTR_EQ(test, b, a);
	KUNIT_EXPECT_FALSE(test, PagePcp(b));
	__free_pages(b, 0);
	CHECK(test, &fx);
}

/* __GFP_COLD takes the tail: the page freed longest ago. */
static void pcp_cold_from_tail(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = pcp_setup(test, &pgdat);
	struct page *p[3], *tail, *cold;
	int i;

	for (i = 0; i < 3; i++)
		p[i] = __alloc_pages_node(pgdat, GFP_PCP, 0);
	for (i = 0; i < 3; i++)
		__free_pages(p[i], 0);
	KUNIT_EXPECT_PTR_EQ(test, pcp_head(zone), p[2]);
	tail = pcp_tail(zone);
	KUNIT_EXPECT_TRUE(test, tail != p[2]);
	cold = __alloc_pages_node(pgdat, GFP_PCP | __GFP_COLD, 0);
	KUNIT_EXPECT_PTR_EQ(test, cold, tail);
	KUNIT_EXPECT_PTR_EQ(test, pcp_head(zone), p[2]);
	__free_pages(cold, 0);
	CHECK(test, &fx);
}

/* Above high, a batch of the coldest pages returns to the buddy lists. */
static void pcp_drains_batch_above_high(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = pcp_setup(test, &pgdat);
	struct page *p[40];
	int i, held;

	for (i = 0; i < 40; i++) {
		p[i] = __alloc_pages_node(pgdat, GFP_PCP, 0);
		KUNIT_ASSERT_NOT_NULL(test, p[i]);
		KUNIT_EXPECT_LT(test, zone->pcp[0].count, PCP_BATCH);
	}
	KUNIT_EXPECT_EQ(test, ALL_FREE(zone), 512 - 40);
	for (i = 0; i < 40; i++) {
		__free_pages(p[i], 0);
		KUNIT_EXPECT_LE(test, zone->pcp[0].count, PCP_HIGH);
		KUNIT_EXPECT_EQ(test, ALL_FREE(zone), 512 - 40 + i + 1);
		CHECK(test, &fx);
	}
	/* the last drain left high + 1 - batch pages, refilled by frees since */
	KUNIT_EXPECT_GT(test, zone->pcp[0].count, PCP_HIGH - PCP_BATCH);
	/* a drain moves exactly what the list held, and everything merges */
	held = zone->pcp[0].count;
	KUNIT_EXPECT_EQ(test, drain_zone_pages(zone), held);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 0);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 512);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
	CHECK(test, &fx);
}

/* A page on a pcp list is free: freeing it again is a double free. */
static void pcp_double_free_reported(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat;
	static struct mm_state st;	/* holds a pglist_data: too big for the stack with PAE */
	struct page *page;

	pcp_setup(test, &pgdat);
	page = __alloc_pages_node(pgdat, GFP_PCP, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_pages(page, 0);
	KUNIT_ASSERT_TRUE(test, PagePcp(page));
	KUNIT_ASSERT_EQ(test, mm_state_save(&fx, &st), 0);
	kunit_capture_start(&cap);
	__free_pages(page, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: Bad page state");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "double free: page is on a per-cpu list");
	KUNIT_EXPECT_TRUE(test, mm_state_equal(&fx, &st));
	mm_state_free(&st);
	/* get_page on it is refused the same way */
	KUNIT_ASSERT_EQ(test, mm_state_save(&fx, &st), 0);
	kunit_capture_start(&cap);
	put_page(page);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: Bad page state");
	KUNIT_EXPECT_TRUE(test, mm_state_equal(&fx, &st));
	mm_state_free(&st);
	CHECK(test, &fx);
}

/*
 * Orders 1..PAGE_ALLOC_COSTLY_ORDER have lists of their own (Linux 5.13):
 * a refill of order 2 moves max(batch >> 2, 2) blocks, a free puts the
 * block back at the head of list 2 with its order recorded, the next
 * request gets the same block, and count/high stay in pages.  Freeing the
 * head again, or a page inside it, is a double free that names the block
 * and changes nothing.  Order 4 bypasses the lists.
 */
static void pcp_high_order_lists(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat;
	struct zone *zone = pcp_setup(test, &pgdat);
	static struct mm_state st;	/* holds a pglist_data: too big for the stack with PAE */
	struct page *page, *big;
	char why[96];

	page = __alloc_pages_node(pgdat, GFP_PCP, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, page_to_pfn(page) & 3, 0);
	/* batch 4 >> 2 = 1, raised to 2 blocks: one taken, one left */
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 4);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 512 - 8);
	KUNIT_EXPECT_EQ(test, ALL_FREE(zone), 512 - 4);
	KUNIT_EXPECT_TRUE(test, list_empty(&zone->pcp[0].lists[order_to_pindex(MIGRATE_MOVABLE, 0)]));
	CHECK(test, &fx);
	__free_pages(page, 2);
	KUNIT_EXPECT_TRUE(test, PagePcp(page));
	KUNIT_EXPECT_EQ(test, page->private, 2);
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&zone->pcp[0].lists[order_to_pindex(MIGRATE_MOVABLE, 2)], struct page, lru), page);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 8);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 512 - 8);
	KUNIT_EXPECT_EQ(test, ALL_FREE(zone), 512);
	CHECK(test, &fx);
	KUNIT_EXPECT_PTR_EQ(test, __alloc_pages_node(pgdat, GFP_PCP, 2), page);
	__free_pages(page, 2);

	KUNIT_ASSERT_EQ(test, mm_state_save(&fx, &st), 0);
	kunit_capture_start(&cap);
	__free_pages(page, 2);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "double free: page is on a per-cpu list (order 2 block)");
	KUNIT_EXPECT_TRUE(test, mm_state_equal(&fx, &st));
	kunit_capture_start(&cap);
	__free_pages(page + 1, 0);
	kunit_capture_stop();
	snprintf(why, sizeof(why), "double free: inside the order 2 block at pfn:0x%05lx on a per-cpu list",
		 page_to_pfn(page));
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, why);
	KUNIT_EXPECT_TRUE(test, mm_state_equal(&fx, &st));
	mm_state_free(&st);

	big = __alloc_pages_node(pgdat, GFP_PCP, 4);
	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 8);
	__free_pages(big, 4);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 8);
	/*
	 * Order 3: a refill of 2 blocks (16 pages) makes 24 on the lists,
	 * above high (12), so the free gives back batch (4) pages' worth,
	 * round-robin from order 0: the cold order-2 block.  As in Linux,
	 * count may stay above high until the next free.
	 */
	page = __alloc_pages_node(pgdat, GFP_PCP, 3);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 16);
	__free_pages(page, 3);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 20);
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&zone->pcp[0].lists[order_to_pindex(MIGRATE_MOVABLE, 2)], struct page, lru),
			    list_last_entry(&zone->pcp[0].lists[order_to_pindex(MIGRATE_MOVABLE, 2)], struct page, lru));
	CHECK(test, &fx);
	KUNIT_EXPECT_EQ(test, drain_zone_pages(zone), 20);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 0);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
	CHECK(test, &fx);
}

/*
 * Pages held on the list cannot form a higher-order block until drained:
 * the allocator drains by itself before it fails.  Take every page, free
 * them all (the list keeps up to high), then ask for the whole zone.
 */
static void pcp_drained_before_failure(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat;
	struct zone *zone = pcp_setup(test, &pgdat);
	struct page **p = mm_test_alloc(512 * sizeof(*p));
	struct page *big;
	int i, n = 0;

	KUNIT_ASSERT_NOT_NULL(test, p);
	while (n < 512 && (p[n] = __alloc_pages_node(pgdat, GFP_PCP | __GFP_NOWARN, 0)))
		n++;
	KUNIT_EXPECT_EQ(test, n, 512);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 0);
	for (i = 0; i < n; i++)
		__free_pages(p[i], 0);
	mm_test_free(p, 512 * sizeof(*p));
	KUNIT_EXPECT_GT(test, zone->pcp[0].count, 0);
	KUNIT_EXPECT_EQ(test, ALL_FREE(zone), 512);
	CHECK(test, &fx);

	kunit_capture_start(&cap);
	big = __alloc_pages_node(pgdat, GFP_PCP, 9);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_EXPECT_EQ(test, mm_rel_pfn(&fx, big), 0);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 0);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 0);
	CHECK(test, &fx);
	__free_pages(big, 9);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/*
 * The watermark checks do not count pcp pages (Linux: NR_FREE_PAGES
 * leaves them out).  With the zone full but for PCP_HIGH pages, all on
 * the list, neither order 0 nor order 1 passes, until a drain gives them
 * back to the buddy lists, where they merge.
 */
static void pcp_not_counted_for_high_order(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = pcp_setup(test, &pgdat);
	struct page **p = mm_test_alloc(512 * sizeof(*p));
	int i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 512; i++) {
		p[i] = __alloc_pages_node(pgdat, GFP_PCP, 0);
		KUNIT_ASSERT_NOT_NULL(test, p[i]);
	}
	for (i = 0; i < PCP_HIGH; i++)
		__free_pages(p[i], 0);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 0);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, PCP_HIGH);
	KUNIT_EXPECT_FALSE(test, zone_watermark_ok(zone, 0, 0, ZONE_NORMAL, 0));
	KUNIT_EXPECT_FALSE(test, zone_watermark_ok(zone, 1, 0, ZONE_NORMAL, 0));
	KUNIT_EXPECT_EQ(test, drain_zone_pages(zone), PCP_HIGH);
	KUNIT_EXPECT_EQ(test, zone->free_pages, PCP_HIGH);
	KUNIT_EXPECT_TRUE(test, zone_watermark_ok(zone, 0, 0, ZONE_NORMAL, 0));
	KUNIT_EXPECT_TRUE(test, zone_watermark_ok(zone, 1, 0, ZONE_NORMAL, 0));
	CHECK(test, &fx);
	for (i = PCP_HIGH; i < 512; i++)
		__free_pages(p[i], 0);
	mm_test_free(p, 512 * sizeof(*p));
	drain_zone_pages(zone);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
	CHECK(test, &fx);
}

/*
 * The fast path: a block on this CPU's list of the order serves a request
 * of that order even when the buddy lists have no block of the order or
 * larger (4.5's test, which counts only buddy blocks, would fail): no
 * drain, the other lists keep their pages.
 */
static void pcp_own_order_served_without_drain(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = pcp_setup(test, &pgdat);
	struct page **p = mm_test_alloc(512 * sizeof(*p));
	struct page *two, *page;
	int i, j, n = 0, count;

	KUNIT_ASSERT_NOT_NULL(test, p);
	/* an order-1 request refills list 1 with 2 blocks and takes one */
	two = __alloc_pages_node(pgdat, GFP_PCP, 1);
	KUNIT_ASSERT_NOT_NULL(test, two);
	KUNIT_ASSERT_FALSE(test, list_empty(&zone->pcp[0].lists[order_to_pindex(MIGRATE_MOVABLE, 1)]));
	/* order-0 pages until the buddy lists are empty */
	while (zone->free_pages > 0) {
		p[n] = __alloc_pages_node(pgdat, GFP_PCP, 0);
		KUNIT_ASSERT_NOT_NULL(test, p[n]);
		n++;
	}
	for (i = 0; i < MAX_ORDER; i++)
		KUNIT_EXPECT_EQ(test, zone->free_area[i].nr_free, 0);
	/*
	 * Two order-0 pages that are not buddies back to the buddy lists (the
	 * list busy, so the frees side-step it): free_pages 2, enough for the
	 * order-0 part of an order-1 request's watermark (pcp pages do not
	 * count), but no buddy block of order 1.
	 */
	KUNIT_ASSERT_GE(test, n, 3);
	j = (page_to_pfn(p[1]) ^ page_to_pfn(p[0])) == 1 ? 2 : 1;
	zone->pcp[0].lock = 1;
	__free_pages(p[0], 0);
	__free_pages(p[j], 0);
	zone->pcp[0].lock = 0;
	p[0] = p[j] = NULL;
	KUNIT_EXPECT_EQ(test, zone->free_pages, 2);
	KUNIT_EXPECT_EQ(test, zone->free_area[0].nr_free, 2);
	KUNIT_EXPECT_FALSE(test, zone_watermark_ok(zone, 1, 0, ZONE_NORMAL, 0));
	count = zone->pcp[0].count;
	page = __alloc_pages_node(pgdat, GFP_PCP, 1);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, count - 2);
	KUNIT_EXPECT_EQ(test, page->alloc_order, 1);
	CHECK(test, &fx);
	__free_pages(page, 1);
	__free_pages(two, 1);
	for (i = 0; i < n; i++)
		if (p[i])
			__free_pages(p[i], 0);
	mm_test_free(p, 512 * sizeof(*p));
	drain_zone_pages(zone);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
	CHECK(test, &fx);
}

/* /proc/zoneinfo's pageset block shows the list */
static void pcp_zoneinfo_pagesets(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat;
	struct page *page;
	char want[64];

	pcp_setup(test, &pgdat);
	page = __alloc_pages_node(pgdat, GFP_PCP, 0);
	__free_pages(page, 0);
	kunit_capture_start(&cap);
	show_zoneinfo(pgdat);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "  pagesets\n    cpu: 0\n");
	snprintf(want, sizeof(want), "              count: %d\n", PCP_BATCH);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, want);
	snprintf(want, sizeof(want), "              high:  %d\n", PCP_HIGH);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, want);
	snprintf(want, sizeof(want), "              batch: %d\n", PCP_BATCH);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, want);
}

/*
 * The allocation fast path's first compare, with lists that hold pages:
 * grouping disabled makes a movable request UNMOVABLE although the
 * MOVABLE list has a page, and __GFP_MOVABLE|__GFP_RECLAIMABLE is refused
 * and reported although the list its type would index (HIGHATOMIC at
 * order 0 = the UNMOVABLE order-1 list) has a block.
 */
static void pcp_fast_path_type_checks(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat;
	struct zone *zone = pcp_setup(test, &pgdat);
	struct page *a, *b;

	a = __alloc_pages_node(pgdat, GFP_PCP, 0);
	KUNIT_ASSERT_NOT_NULL(test, a);
	__free_pages(a, 0);
	KUNIT_ASSERT_FALSE(test, list_empty(&zone->pcp[0].lists[order_to_pindex(MIGRATE_MOVABLE, 0)]));
	page_group_by_mobility_disabled = 1;
	b = __alloc_pages_node(pgdat, GFP_PCP, 0);
	page_group_by_mobility_disabled = 0;
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, page_alloc_migratetype(b), MIGRATE_UNMOVABLE);
	__free_pages(b, 0);
	CHECK(test, &fx);

	/* an unmovable order-1 refill (by fallback) leaves a block on that list */
	a = __alloc_pages_node(pgdat, GFP_KERNEL, 1);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_FALSE(test, list_empty(&zone->pcp[0].lists[order_to_pindex(MIGRATE_UNMOVABLE, 1)]));
	KUNIT_ASSERT_EQ(test, order_to_pindex(MIGRATE_HIGHATOMIC, 0), order_to_pindex(MIGRATE_UNMOVABLE, 1));
	kunit_capture_start(&cap);
	b = __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_MOVABLE | __GFP_RECLAIMABLE, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_NULL(test, b);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "__GFP_MOVABLE and __GFP_RECLAIMABLE exclude each other");
	__free_pages(a, 1);
	CHECK(test, &fx);
}

static struct kunit_case pcp_cases[] = {
	KUNIT_CASE(pcp_refill_by_batch),
	KUNIT_CASE(pcp_hot_page_reused),
	KUNIT_CASE(pcp_cold_from_tail),
	KUNIT_CASE(pcp_drains_batch_above_high),
	KUNIT_CASE(pcp_double_free_reported),
	KUNIT_CASE(pcp_high_order_lists),
	KUNIT_CASE(pcp_drained_before_failure),
	KUNIT_CASE(pcp_not_counted_for_high_order),
	KUNIT_CASE(pcp_own_order_served_without_drain),
	KUNIT_CASE(pcp_zoneinfo_pagesets),
	KUNIT_CASE(pcp_fast_path_type_checks),
	{}
};

static struct kunit_suite pcp_suite = {
	.name = "pcp",
	.init = pcp_init,
	.exit = pcp_exit,
	.test_cases = pcp_cases,
};
kunit_test_suite(pcp_suite);
