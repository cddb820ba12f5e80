// SPDX-License-Identifier: GPL-2.0
/*
 * Watermark boundaries above order 0, where three different pieces of
 * code decide: the allocation fast path's one compare (fast_wmark_ok),
 * zone_watermark_ok() in the general path, and the lowmem_reserve a lower
 * zone keeps against requests that could have gone higher.  Each case
 * brings a zone to exactly the boundary - one page more and the request
 * passes, at it the request must not - and looks at which zone served
 * the request, or that none did.  The marks and reserves are set by hand
 * (small round numbers) so that the boundary is the test's own figure,
 * not one derived from the formulas the zone suite checks.
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include "../../mm/internal.h"

static const struct mm_layout two_zones = {
	.name = "wmark", .nr_pages = 512, .zone_end = { 256, 512, 512 },
};

static struct mm_fixture fx;
static struct page *held[512];
static unsigned int nr_held;

static void wmark_exit(struct kunit *test)
{
	mm_fixture_destroy(&fx);
}

/*
 * Allocate single pages with @gfp, each from zone @z, until @z holds
 * exactly @target free pages; false if a page came from elsewhere.
 */
static bool drain_zone_to(struct pglist_data *pgdat, enum zone_type z, gfp_t gfp,
			  unsigned long target)
{
	struct zone *zone = mm_zone(&fx, z);

	while (zone->free_pages > target && nr_held < ARRAY_SIZE(held)) {
		struct page *p = __alloc_pages_node(pgdat, gfp | __GFP_NOWARN, 0);

		if (!p)
			return false;
		held[nr_held++] = p;
		if (page_zonenum(p) != z)
			return false;
	}
	return zone->free_pages == target;
}

static void free_held(void)
{
	while (nr_held)
		__free_pages(held[--nr_held], 0);
}

/* the request's zone, or -1 for none; the block is freed again */
static int order4_zone(struct pglist_data *pgdat, gfp_t gfp)
{
	struct page *p = __alloc_pages_node(pgdat, gfp | __GFP_NOWARN, 4);
	int z;

	if (!p)
		return -1;
	z = page_zonenum(p);
	__free_pages(p, 4);
	return z;
}

static struct pglist_data *setup(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &two_zones, 1, 0);

	nr_held = 0;
	mm_fixture_no_watermarks(&fx);
	return pgdat;
}

/*
 * Normal, the preferred zone of GFP_KERNEL, has LOW mark 4.  An order-4
 * request needs free - 16 + 1 > 4: at 19 free pages Normal must refuse it
 * (the fast path's compare and zone_watermark_ok() agree) and DMA serve
 * it; at 20 Normal serves it.  Each time Normal has a free order-4 block,
 * so only the mark decides.
 */
static void order4_low_mark_boundary(struct kunit *test)
{
	struct pglist_data *pgdat = setup(test);
	struct zone *normal = mm_zone(&fx, ZONE_NORMAL);

	normal->_watermark[WMARK_LOW] = 4;
	KUNIT_ASSERT_TRUE(test, drain_zone_to(pgdat, ZONE_NORMAL, GFP_KERNEL, 20));
	KUNIT_ASSERT_GT(test, normal->free_area[4].nr_free + normal->free_area[5].nr_free, 0);
	KUNIT_EXPECT_EQ(test, order4_zone(pgdat, GFP_KERNEL), ZONE_NORMAL);
	KUNIT_ASSERT_TRUE(test, drain_zone_to(pgdat, ZONE_NORMAL, GFP_KERNEL, 19));
	KUNIT_ASSERT_GT(test, normal->free_area[4].nr_free, 0);
	KUNIT_EXPECT_EQ(test, order4_zone(pgdat, GFP_KERNEL), ZONE_DMA);
	KUNIT_EXPECT_EQ(test, normal->free_pages, 19);
	free_held();
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/*
 * DMA keeps 8 pages against Normal-class requests (lowmem_reserve), none
 * against its own.  With Normal empty, a GFP_KERNEL order-4 request falls
 * back to DMA and needs free - 16 + 1 > 0 + 8 there: refused at 23 free
 * pages, served at 24, while GFP_DMA (no reserve) is served at 23.
 */
static void order4_lowmem_reserve_boundary(struct kunit *test)
{
	struct pglist_data *pgdat = setup(test);
	struct zone *dma = mm_zone(&fx, ZONE_DMA);

	dma->lowmem_reserve[ZONE_NORMAL] = 8;
	KUNIT_ASSERT_TRUE(test, drain_zone_to(pgdat, ZONE_NORMAL, GFP_KERNEL, 0));
	KUNIT_ASSERT_TRUE(test, drain_zone_to(pgdat, ZONE_DMA, GFP_DMA, 24));
	KUNIT_EXPECT_EQ(test, order4_zone(pgdat, GFP_KERNEL), ZONE_DMA);
	KUNIT_ASSERT_TRUE(test, drain_zone_to(pgdat, ZONE_DMA, GFP_DMA, 23));
	KUNIT_ASSERT_GT(test, dma->free_area[4].nr_free, 0);
	KUNIT_EXPECT_EQ(test, order4_zone(pgdat, GFP_KERNEL), -1);
	KUNIT_EXPECT_EQ(test, order4_zone(pgdat, GFP_KERNEL | __GFP_HIGH), -1);
	KUNIT_EXPECT_EQ(test, order4_zone(pgdat, GFP_DMA), ZONE_DMA);
	KUNIT_EXPECT_EQ(test, dma->free_pages, 23);
	free_held();
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

static struct kunit_case wmark_cases[] = {
	KUNIT_CASE(order4_low_mark_boundary),
	KUNIT_CASE(order4_lowmem_reserve_boundary),
	{}
};

static struct kunit_suite wmark_suite = {
	.name = "wmark_boundary",
	.exit = wmark_exit,
	.test_cases = wmark_cases,
};
kunit_test_suite(wmark_suite);
