// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy algorithm on private nodes: how boot memory enters the free
 * lists, split and merge at every order, zone and hole boundaries, the
 * trace lines, exhaustion and recovery, reference counts, compound pages,
 * and the checker itself (it must see corruption, or it proves nothing).
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include <linux/mmdebug.h>
#include "../../mm/internal.h"

/* 1024 pages, one Normal zone: exactly one order-10 block at boot */
static const struct mm_layout one_block = {
	.name = "one_block", .nr_pages = 1024, .zone_end = { 0, 1024, 1024 },
	.host_base_pfn = 0x400,
};

/* RAM [3, 1000): every order appears at boot */
static const struct mm_layout ragged = {
	.name = "ragged", .nr_pages = 1024, .zone_end = { 0, 1024, 1024 },
	.ram = { { 3, 1000 } },
};

/* DMA/Normal boundary at 300 and a hole [512, 600) */
static const struct mm_layout boundary = {
	.name = "boundary", .nr_pages = 1024, .zone_end = { 300, 1024, 1024 },
	.ram = { { 0, 512 }, { 600, 1024 } },
};

#define CHECK(test, f) KUNIT_EXPECT_EQ(test, verify_free_lists((f)->node), 0)

static struct mm_fixture fx;

static void buddy_exit(struct kunit *test)
{
	mm_fixture_destroy(&fx);
}

static void boot_frees_largest_aligned_blocks(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &one_block, 1, 0);
	struct zone *zone = mm_zone(&fx, ZONE_NORMAL);
	unsigned int o;

	for (o = 0; o < MAX_ORDER - 1; o++)
		KUNIT_EXPECT_EQ(test, zone->free_area[o].nr_free, 0);
	KUNIT_EXPECT_EQ(test, zone->free_area[MAX_ORDER - 1].nr_free, 1);
	KUNIT_EXPECT_EQ(test, zone->managed_pages, 1024);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 1024);
	KUNIT_EXPECT_TRUE(test, PageBuddy(mm_page(&fx, 0)));
	KUNIT_EXPECT_EQ(test, buddy_order(mm_page(&fx, 0)), 10);
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
}

static void boot_ragged_range(struct kunit *test)
{
	/* [3,1000) = 3 | 4-7 | 8-15 | 16-31 | 32-63 | 64-127 | 128-255 | 256-511 |
	 * 512-767 | 768-895 | 896-959 | 960-991 | 992-999 */
	static const unsigned long expect[MAX_ORDER] = { 1, 0, 1, 2, 1, 2, 2, 2, 2, 0, 0 };
	unsigned long canon[MAX_NR_ZONES][MAX_ORDER];
	unsigned char *free;
	unsigned int o;

	mm_fixture_setup(test, &fx, &ragged, 1, 0);
	for (o = 0; o < MAX_ORDER; o++)
		KUNIT_EXPECT_EQ(test, mm_zone(&fx, ZONE_NORMAL)->free_area[o].nr_free, expect[o]);
	KUNIT_EXPECT_EQ(test, mm_zone(&fx, ZONE_NORMAL)->managed_pages, 997);
	KUNIT_EXPECT_EQ(test, mm_zone(&fx, ZONE_NORMAL)->present_pages, 997);
	KUNIT_EXPECT_EQ(test, mm_zone(&fx, ZONE_NORMAL)->spanned_pages, 1024);
	/* holes stay reserved: pfns 0-2 and 1000-1023 */
	KUNIT_EXPECT_TRUE(test, PageReserved(mm_page(&fx, 2)));
	KUNIT_EXPECT_TRUE(test, PageReserved(mm_page(&fx, 1000)));
	KUNIT_EXPECT_FALSE(test, PageReserved(mm_page(&fx, 999)));
	free = mm_test_alloc(fx.nr_pages);
	KUNIT_ASSERT_NOT_NULL(test, free);
	mm_boot_free_map(&fx, free);
	mm_canonical_buddyinfo(&fx, free, canon);
	mm_test_free(free, fx.nr_pages);
	KUNIT_EXPECT_EQ(test, memcmp(canon, fx.boot_free, sizeof(canon)), 0);
	CHECK(test, &fx);
}

static void alloc_every_order_aligned(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &ragged, 2, 0);
	unsigned int order;

	mm_fixture_no_watermarks(&fx);
	for (order = 0; order <= 8; order++) {
		struct page *page = __alloc_pages_node(pgdat, GFP_KERNEL, order);
		unsigned long pfn;

		KUNIT_ASSERT_NOT_NULL(test, page);
		pfn = page_to_pfn(page);
		KUNIT_EXPECT_EQ(test, pfn & ((1UL << order) - 1), 0);
		KUNIT_EXPECT_EQ(test, page_count(page), 1);
		KUNIT_EXPECT_EQ(test, page->alloc_order, order);
		KUNIT_EXPECT_EQ(test, mm_zone(&fx, ZONE_NORMAL)->free_pages, 997 - (1UL << order));
		CHECK(test, &fx);
		__free_pages(page, order);
		CHECK(test, &fx);
		KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
	}
	/* [3, 1000) holds no aligned 512-page block */
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOWARN, 9));
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOWARN, 10));
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

static void split_and_merge_exact(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &one_block, 1, 0);
	struct zone *zone = mm_zone(&fx, ZONE_NORMAL);
	struct page *page;
	unsigned int o;

	mm_fixture_no_watermarks(&fx);
	page = __alloc_pages_node(pgdat, GFP_KERNEL, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	/* expand() keeps the lower half: the page is the block's first */
	KUNIT_EXPECT_EQ(test, mm_rel_pfn(&fx, page), 0);
	/* and left one block of each order 0..9, the order-k one at 2^k */
	for (o = 0; o < MAX_ORDER - 1; o++) {
		struct page *head;

		KUNIT_EXPECT_EQ(test, zone->free_area[o].nr_free, 1);
		head = list_first_entry(&zone->free_area[o].free_list[MIGRATE_UNMOVABLE], struct page, lru);
		KUNIT_EXPECT_EQ(test, mm_rel_pfn(&fx, head), 1UL << o);
		KUNIT_EXPECT_EQ(test, buddy_order(head), o);
	}
	KUNIT_EXPECT_EQ(test, zone->free_area[10].nr_free, 0);
	CHECK(test, &fx);
	__free_pages(page, 0);
	KUNIT_EXPECT_EQ(test, zone->free_area[10].nr_free, 1);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
	CHECK(test, &fx);
}

static void merge_needs_free_buddy_of_same_order(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &one_block, 1, 0);
	struct zone *zone = mm_zone(&fx, ZONE_NORMAL);
	struct page *a, *b, *c;

	mm_fixture_no_watermarks(&fx);
	a = __alloc_pages_node(pgdat, GFP_KERNEL, 0);	/* pfn 0 */
	b = __alloc_pages_node(pgdat, GFP_KERNEL, 0);	/* pfn 1 */
	c = __alloc_pages_node(pgdat, GFP_KERNEL, 1);	/* pfn 2-3 */
	KUNIT_ASSERT_TRUE(test, a && b && c);
	KUNIT_EXPECT_EQ(test, mm_rel_pfn(&fx, b), 1);
	KUNIT_EXPECT_EQ(test, mm_rel_pfn(&fx, c), 2);
	__free_pages(a, 0);		/* buddy b allocated: stays order 0 */
	KUNIT_EXPECT_TRUE(test, PageBuddy(a));
	KUNIT_EXPECT_EQ(test, buddy_order(a), 0);
	KUNIT_EXPECT_EQ(test, zone->free_area[0].nr_free, 1);
	CHECK(test, &fx);
	__free_pages(b, 0);		/* a+b -> order 1, whose buddy c is allocated */
	KUNIT_EXPECT_FALSE(test, PageBuddy(b));
	KUNIT_EXPECT_EQ(test, buddy_order(a), 1);
	KUNIT_EXPECT_EQ(test, zone->free_area[0].nr_free, 0);
	CHECK(test, &fx);
	__free_pages(c, 1);		/* now everything merges back to order 10 */
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
	CHECK(test, &fx);
}

static void blocks_stop_at_zone_boundary_and_hole(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &boundary, 3, 0);
	struct zone *dma = mm_zone(&fx, ZONE_DMA), *normal = mm_zone(&fx, ZONE_NORMAL);
	unsigned long base = fx.base_pfn;
	struct page **pages = mm_test_alloc(1024 * sizeof(*pages));
	unsigned int n = 0, i;

	KUNIT_ASSERT_NOT_NULL(test, pages);

	/* DMA [0,300): 256 + 32 + 8 + 4 */
	KUNIT_EXPECT_EQ(test, dma->free_area[8].nr_free, 1);
	KUNIT_EXPECT_EQ(test, dma->free_area[5].nr_free, 1);
	KUNIT_EXPECT_EQ(test, dma->free_area[3].nr_free, 1);
	KUNIT_EXPECT_EQ(test, dma->free_area[2].nr_free, 1);
	KUNIT_EXPECT_EQ(test, dma->managed_pages, 300);
	/* Normal [300,512) + [600,1024): 4+16+64+128 | 8+32+128+256 */
	KUNIT_EXPECT_EQ(test, normal->managed_pages, 212 + 424);
	KUNIT_EXPECT_EQ(test, normal->present_pages, 212 + 424);
	KUNIT_EXPECT_EQ(test, normal->spanned_pages, 724);
	KUNIT_EXPECT_EQ(test, normal->zone_start_pfn, base + 300);
	KUNIT_EXPECT_EQ(test, normal->free_area[10].nr_free + normal->free_area[9].nr_free, 0);
	/* take every page, give it back: nothing merges across 300 or the hole */
	mm_fixture_no_watermarks(&fx);
	while (n < 1024 && (pages[n] = __alloc_pages_node(pgdat, GFP_DMA | __GFP_NOWARN, 0)))
		n++;
	KUNIT_EXPECT_EQ(test, n, 300);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_LT(test, mm_rel_pfn(&fx, pages[i]), 300);
	for (i = 0; i < n; i++)
		__free_pages(pages[n - 1 - i], 0);
	mm_test_free(pages, 1024 * sizeof(*pages));
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
	CHECK(test, &fx);
}

static void trace_split_merge_lines(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &one_block, 1, PGDAT_TRACE);
	char split[64], merge[64];
	struct page *page;

	mm_fixture_no_watermarks(&fx);
	snprintf(split, sizeof(split), "split: order 10 pfn 0x%05lx -> 2 x order 9\n", fx.base_pfn);
	snprintf(merge, sizeof(merge), "merge: pfn 0x%05lx + pfn 0x%05lx -> order 10\n",
		 fx.base_pfn, fx.base_pfn + 512);
	kunit_capture_start(&cap);
	page = __alloc_pages_node(pgdat, GFP_KERNEL, 9);
	kunit_capture_stop();
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_STREQ(test, cap.buf, split);
	kunit_capture_start(&cap);
	__free_pages(page, 9);
	kunit_capture_stop();
	KUNIT_EXPECT_STREQ(test, cap.buf, merge);
	/* order 8: two splits, then two merges */
	kunit_capture_start(&cap);
	page = __alloc_pages_node(pgdat, GFP_KERNEL, 8);
	__free_pages(page, 8);
	kunit_capture_stop();
	snprintf(split, sizeof(split), "split: order 9 pfn 0x%05lx -> 2 x order 8\n", fx.base_pfn);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, split);
	snprintf(merge, sizeof(merge), "merge: pfn 0x%05lx + pfn 0x%05lx -> order 9\n",
		 fx.base_pfn, fx.base_pfn + 256);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, merge);
}

static void exhaustion_and_recovery(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &ragged, 1, 0);
	unsigned int order;

	mm_fixture_no_watermarks(&fx);
	for (order = 0; order < 4; order++) {
		struct page **pages = mm_test_alloc(1024 * sizeof(*pages));
		unsigned long n = 0, i, want = 0;
		unsigned int o;

		KUNIT_ASSERT_NOT_NULL(test, pages);
		for (o = order; o < MAX_ORDER; o++)
			want += fx.boot_free[ZONE_NORMAL][o] << (o - order);
		while ((pages[n] = __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOWARN, order)))
			n++;
		/* exactly the blocks of order >= @order at boot, cut into @order pieces */
		KUNIT_EXPECT_EQ(test, n, want);
		CHECK(test, &fx);
		for (i = 0; i < n; i++)
			__free_pages(pages[i], order);
		KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
		CHECK(test, &fx);
		mm_test_free(pages, 1024 * sizeof(*pages));
	}
}

static void refcount_get_put(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &one_block, 1, 0);
	struct page *page;

	mm_fixture_no_watermarks(&fx);
	page = __alloc_pages_node(pgdat, GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);
	get_page(page);
	KUNIT_EXPECT_EQ(test, page_count(page), 2);
	__free_pages(page, 2);		/* drops one reference only */
	KUNIT_EXPECT_EQ(test, page_count(page), 1);
	KUNIT_EXPECT_FALSE(test, PageBuddy(page));
	KUNIT_EXPECT_EQ(test, mm_zone(&fx, ZONE_NORMAL)->free_pages, 1020);
	CHECK(test, &fx);
	put_page(page);			/* the last one: freed with its order */
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
	CHECK(test, &fx);
}

static void compound_pages(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &one_block, 1, 0);
	struct page *page;
	unsigned int i;

	mm_fixture_no_watermarks(&fx);
	page = __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_COMP, 3);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_TRUE(test, PageHead(page));
	KUNIT_EXPECT_EQ(test, compound_order(page), 3);
	for (i = 1; i < 8; i++) {
		KUNIT_EXPECT_TRUE(test, PageTail(page + i));
		KUNIT_EXPECT_PTR_EQ(test, compound_head(page + i), page);
	}
	KUNIT_EXPECT_PTR_EQ(test, compound_head(page), page);
	CHECK(test, &fx);
	get_page(page + 5);		/* a tail's reference is the head's */
	KUNIT_EXPECT_EQ(test, page_count(page), 2);
	put_page(page + 5);
	put_page(page + 7);		/* last reference through a tail frees all 8 */
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
	for (i = 0; i < 8; i++)
		KUNIT_EXPECT_FALSE(test, PageHead(page + i) || PageTail(page + i));
	CHECK(test, &fx);
	/* order 0 with __GFP_COMP is a plain page */
	page = __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_COMP, 0);
	KUNIT_EXPECT_FALSE(test, PageHead(page));
	__free_pages(page, 0);
	CHECK(test, &fx);
}

static void order_out_of_range(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &one_block, 1, 0);

	kunit_capture_start(&cap);
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL, MAX_ORDER));
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL, (unsigned int)-1));
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "order 11 >= MAX_ORDER (11)");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "order 4294967295 >= MAX_ORDER");
	kunit_capture_start(&cap);
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOWARN, 12));
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/* The checker must see each kind of corruption, then pass once undone. */
static void checker_detects_corruption(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &one_block, 1, 0);
	struct zone *zone = mm_zone(&fx, ZONE_NORMAL);
	struct page *page, *head;

	mm_fixture_no_watermarks(&fx);
	page = __alloc_pages_node(pgdat, GFP_KERNEL, 0);	/* free: 1,2,4,...,512 */
	KUNIT_ASSERT_EQ(test, verify_free_lists(pgdat), 0);

	kunit_capture_start(&cap);
	zone->free_area[3].nr_free++;
	KUNIT_EXPECT_GT(test, check_zone(zone), 0);
	zone->free_area[3].nr_free--;
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "free_area[3].nr_free 2 but 1 blocks on the list");

	head = mm_page(&fx, 16);	/* the order-4 block */
	kunit_capture_start(&cap);
	head->private = 3;
	KUNIT_EXPECT_GT(test, check_zone(zone), 0);
	head->private = 4;
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "on free_area[4] has order 3");

	kunit_capture_start(&cap);
	zone->free_pages--;
	KUNIT_EXPECT_GT(test, check_zone(zone), 0);
	zone->free_pages++;
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "free_pages 1022 but the buddy lists hold 1023");

	/* a page inside the free order-4 block marked allocated: overlap */
	kunit_capture_start(&cap);
	set_page_count(mm_page(&fx, 20), 1);
	KUNIT_EXPECT_GT(test, check_zone(zone), 0);
	set_page_count(mm_page(&fx, 20), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "(overlap)");

	/* the allocated page forgotten: neither free, allocated nor reserved */
	kunit_capture_start(&cap);
	set_page_count(page, 0);
	KUNIT_EXPECT_GT(test, check_zone(zone), 0);
	set_page_count(page, 1);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "neither reserved, free nor allocated");

	/* two free buddies of the same order left unmerged */
	__free_pages(page, 0);
	page = __alloc_pages_node(pgdat, GFP_KERNEL, 0);
	kunit_capture_start(&cap);
	set_page_count(page, 0);
	set_buddy_order(page, 0);
	list_add(&page->lru, &zone->free_area[0].free_list[zone_pfnblock_migratetype(zone, page_to_pfn(page))]);
	zone->free_area[0].nr_free++;
	zone->free_pages++;
	KUNIT_EXPECT_GT(test, check_zone(zone), 0);
	list_del(&page->lru);
	zone->free_area[0].nr_free--;
	zone->free_pages--;
	__ClearPageBuddy(page);
	page->private = 0;
	set_page_count(page, 1);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "not merged");

	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
	__free_pages(page, 0);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

static struct kunit_case buddy_cases[] = {
	KUNIT_CASE(boot_frees_largest_aligned_blocks),
	KUNIT_CASE(boot_ragged_range),
	KUNIT_CASE(alloc_every_order_aligned),
	KUNIT_CASE(split_and_merge_exact),
	KUNIT_CASE(merge_needs_free_buddy_of_same_order),
	KUNIT_CASE(blocks_stop_at_zone_boundary_and_hole),
	KUNIT_CASE(trace_split_merge_lines),
	KUNIT_CASE(exhaustion_and_recovery),
	KUNIT_CASE(refcount_get_put),
	KUNIT_CASE(compound_pages),
	KUNIT_CASE(order_out_of_range),
	KUNIT_CASE(checker_detects_corruption),
	{}
};

static struct kunit_suite buddy_suite = {
	.name = "buddy",
	.exit = buddy_exit,
	.test_cases = buddy_cases,
};
kunit_test_suite(buddy_suite);
