// SPDX-License-Identifier: GPL-2.0
/*
 * Which blocks a per-CPU list gives back when it goes above high
 * (free_pcppages_bulk): the coldest of each list - the blocks freed
 * longest ago, at the tail - and round-robin over the orders, so that the
 * blocks just freed (the ones still in the cache) stay, and no order's
 * list is drained while another keeps everything.  The pcp suite counts
 * pages; this one names the blocks.
 *
 * As in the pcp suite, the sizes are set by hand: batch 4, and high
 * raised while the lists are filled, then lowered to trigger the drain.
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include "../../mm/internal.h"

static const struct mm_layout layout = {
	.name = "pcp-drain", .nr_pages = 512, .zone_end = { 0, 512, 512 },
	.host_base_pfn = 0x800,
};

static struct mm_fixture fx;

static void pcp_drain_exit(struct kunit *test)
{
	mm_fixture_destroy(&fx);
}

static struct zone *setup(struct kunit *test, struct pglist_data **pgdat)
{
	struct zone *zone;

	*pgdat = mm_fixture_setup(test, &fx, &layout, 2, 0);
	zone = mm_zone(&fx, ZONE_NORMAL);
	mm_fixture_no_watermarks(&fx);
	zone->pcp[0].batch = 4;
	zone->pcp[0].high = 100;
	return zone;
}

/*
 * 13 pages freed one by one onto an empty list with high 12: the 13th
 * free gives back batch (4) pages, and they must be the first four freed.
 */
static void drain_gives_back_coldest(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = setup(test, &pgdat);
	struct page *p[13];
	int i;

	for (i = 0; i < 13; i++) {
		p[i] = __alloc_pages_node(pgdat, GFP_KERNEL, 0);
		KUNIT_ASSERT_NOT_NULL(test, p[i]);
	}
	drain_zone_pages(zone);
	zone->pcp[0].high = 12;
	for (i = 0; i < 13; i++)
		__free_pages(p[i], 0);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 9);
	for (i = 0; i < 13; i++)
		KUNIT_EXPECT_EQ(test, PagePcp(p[i]), i >= 4);
	/* the hottest, the last freed, is what the next request gets */
	KUNIT_EXPECT_PTR_EQ(test, __alloc_pages_node(pgdat, GFP_KERNEL, 0), p[12]);
	__free_pages(p[12], 0);
	drain_zone_pages(zone);
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/*
 * Lists of order 0 (6 blocks), 1 and 2 (one block each), 12 pages, high
 * 11: the drain takes one block per order in turn - order 0, 1, 2: 7
 * pages, at least batch - and leaves the other five order-0 blocks.
 */
static void drain_round_robin_over_orders(struct kunit *test)
{
	struct pglist_data *pgdat;
	struct zone *zone = setup(test, &pgdat);
	struct page *p[6], *o1, *o2;
	int i;

	for (i = 0; i < 6; i++) {
		p[i] = __alloc_pages_node(pgdat, GFP_KERNEL, 0);
		KUNIT_ASSERT_NOT_NULL(test, p[i]);
	}
	o1 = __alloc_pages_node(pgdat, GFP_KERNEL, 1);
	o2 = __alloc_pages_node(pgdat, GFP_KERNEL, 2);
	KUNIT_ASSERT_TRUE(test, o1 && o2);
	drain_zone_pages(zone);
	for (i = 0; i < 5; i++)
		__free_pages(p[i], 0);
	__free_pages(o1, 1);
	__free_pages(o2, 2);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 11);
	zone->pcp[0].high = 11;
	__free_pages(p[5], 0);
	KUNIT_EXPECT_EQ(test, zone->pcp[0].count, 5);
	KUNIT_EXPECT_FALSE(test, PagePcp(p[0]));
	KUNIT_EXPECT_FALSE(test, PagePcp(o1));
	KUNIT_EXPECT_FALSE(test, PagePcp(o2));
	for (i = 1; i < 6; i++)
		KUNIT_EXPECT_TRUE(test, PagePcp(p[i]));
	KUNIT_EXPECT_TRUE(test, list_empty(&zone->pcp[0].lists[1]));
	KUNIT_EXPECT_TRUE(test, list_empty(&zone->pcp[0].lists[2]));
	drain_zone_pages(zone);
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

static struct kunit_case pcp_drain_cases[] = {
	KUNIT_CASE(drain_gives_back_coldest),
	KUNIT_CASE(drain_round_robin_over_orders),
	{}
};

static struct kunit_suite pcp_drain_suite = {
	.name = "pcp_drain",
	.exit = pcp_drain_exit,
	.test_cases = pcp_drain_cases,
};
kunit_test_suite(pcp_drain_suite);
