// SPDX-License-Identifier: GPL-2.0
/*
 * The GFP masks: zone selection (GFP_ZONE_TABLE), fallback along the
 * zonelist, watermarks with ALLOC_HIGH/ALLOC_HARDER (GFP_ATOMIC digs below
 * where GFP_KERNEL stops), lowmem_reserve, __GFP_NOFAIL's reserves,
 * __GFP_ZERO in lowmem and HighMem, the failure warning and its flag
 * names, and the address API (__get_free_pages, get_zeroed_page,
 * free_pages) on node 0.
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mmdebug.h>
#include "../../mm/internal.h"

/* free memory in all: free_pages leaves the per-CPU lists' pages out, as Linux's NR_FREE_PAGES */
static unsigned long free_and_pcp(const struct pglist_data *pgdat)
{
	return pgdat_free_pages(pgdat) + pgdat_pcp_pages(pgdat);
}

/* 256 DMA + 512 Normal + 256 HighMem (watermarks: see zone_test.c) */
static const struct mm_layout three = {
	.name = "three", .nr_pages = 1024, .zone_end = { 256, 768, 1024 },
};
/* one Normal zone of 1024 pages = 4096 KiB: min_free_kbytes int_sqrt(65536) = 256, min 64, low 80, high 96 */
static const struct mm_layout normal_only = {
	.name = "normal", .nr_pages = 1024, .zone_end = { 0, 1024, 1024 },
};

static struct mm_fixture fx;

static void gfp_exit(struct kunit *test)
{
	mm_fixture_destroy(&fx);
}

static void gfp_zone_table(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, gfp_zone(GFP_KERNEL), ZONE_NORMAL);
	KUNIT_EXPECT_EQ(test, gfp_zone(GFP_ATOMIC), ZONE_NORMAL);
	KUNIT_EXPECT_EQ(test, gfp_zone(GFP_DMA), ZONE_DMA);
	KUNIT_EXPECT_EQ(test, gfp_zone(GFP_KERNEL | __GFP_DMA), ZONE_DMA);
	KUNIT_EXPECT_EQ(test, gfp_zone(GFP_HIGHUSER), ZONE_HIGHMEM);
	KUNIT_EXPECT_EQ(test, gfp_zone(__GFP_HIGHMEM | __GFP_ZERO), ZONE_HIGHMEM);
	KUNIT_EXPECT_FALSE(test, gfp_zone_bad(GFP_KERNEL));
	KUNIT_EXPECT_FALSE(test, gfp_zone_bad(GFP_DMA));
	KUNIT_EXPECT_FALSE(test, gfp_zone_bad(GFP_HIGHUSER));
	KUNIT_EXPECT_TRUE(test, gfp_zone_bad(__GFP_DMA | __GFP_HIGHMEM));
}

static void gfp_flag_names(struct kunit *test)
{
	char buf[160];

	format_gfp_flags(buf, sizeof(buf), GFP_KERNEL);
	KUNIT_EXPECT_STREQ(test, buf, "GFP_KERNEL");
	format_gfp_flags(buf, sizeof(buf), GFP_KERNEL | __GFP_ZERO);
	KUNIT_EXPECT_STREQ(test, buf, "GFP_KERNEL|__GFP_ZERO");
	format_gfp_flags(buf, sizeof(buf), GFP_ATOMIC);
	KUNIT_EXPECT_STREQ(test, buf, "GFP_ATOMIC");
	format_gfp_flags(buf, sizeof(buf), GFP_KERNEL | __GFP_HIGH);
	KUNIT_EXPECT_STREQ(test, buf, "GFP_KERNEL|__GFP_HIGH");
	format_gfp_flags(buf, sizeof(buf), GFP_HIGHUSER | __GFP_NOWARN);
	KUNIT_EXPECT_STREQ(test, buf, "GFP_HIGHUSER|__GFP_NOWARN");
	format_gfp_flags(buf, sizeof(buf), GFP_DMA | GFP_ATOMIC | __GFP_COMP);
	KUNIT_EXPECT_STREQ(test, buf, "GFP_DMA|GFP_ATOMIC|__GFP_COMP");
	format_gfp_flags(buf, sizeof(buf), GFP_NOFS);
	KUNIT_EXPECT_STREQ(test, buf, "GFP_NOFS");
	format_gfp_flags(buf, sizeof(buf), GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
	KUNIT_EXPECT_STREQ(test, buf, "GFP_HIGHUSER_MOVABLE|__GFP_ZERO");
	format_gfp_flags(buf, sizeof(buf), GFP_KERNEL | __GFP_RECLAIMABLE);
	KUNIT_EXPECT_STREQ(test, buf, "GFP_KERNEL|__GFP_RECLAIMABLE");
	format_gfp_flags(buf, sizeof(buf), GFP_ATOMIC | __GFP_MOVABLE);
	KUNIT_EXPECT_STREQ(test, buf, "GFP_ATOMIC|__GFP_MOVABLE");
	format_gfp_flags(buf, sizeof(buf), GFP_KERNEL | 0x40000);
	KUNIT_EXPECT_STREQ(test, buf, "GFP_KERNEL|0x40000");
	format_gfp_flags(buf, sizeof(buf), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
	/* truncation keeps the snprintf contract */
	KUNIT_EXPECT_EQ(test, format_gfp_flags(buf, 5, GFP_KERNEL | __GFP_ZERO), 21);
	KUNIT_EXPECT_STREQ(test, buf, "GFP_");
}

static void zone_choice_and_fallback(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &three, 1, PGDAT_TRACE);
	struct page *p;
	unsigned long n = 0;

	mm_fixture_no_watermarks(&fx);
	p = __alloc_pages_node(pgdat, GFP_KERNEL, 0);
	KUNIT_EXPECT_EQ(test, page_zonenum(p), ZONE_NORMAL);
	__free_pages(p, 0);
	p = __alloc_pages_node(pgdat, GFP_DMA, 0);
	KUNIT_EXPECT_EQ(test, page_zonenum(p), ZONE_DMA);
	__free_pages(p, 0);
	p = __alloc_pages_node(pgdat, GFP_HIGHUSER, 0);
	KUNIT_EXPECT_EQ(test, page_zonenum(p), ZONE_HIGHMEM);
	KUNIT_EXPECT_TRUE(test, PageHighMem(p));
	__free_pages(p, 0);

	/* HighMem full: GFP_HIGHUSER falls back to Normal, then to DMA */
	kunit_capture_start(&cap);
	KUNIT_ASSERT_NOT_NULL(test, __alloc_pages_node(pgdat, GFP_HIGHUSER, 8));
	p = __alloc_pages_node(pgdat, GFP_HIGHUSER, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, page_zonenum(p), ZONE_NORMAL);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "fallback: order 0 from Normal (preferred HighMem)\n");
	/* Normal full (511 left): GFP_KERNEL falls back to DMA */
	pgdat->debug_flags &= ~PGDAT_TRACE;
	while ((p = __alloc_pages_node(pgdat, GFP_KERNEL, 0)) && page_zonenum(p) == ZONE_NORMAL)
		n++;
	KUNIT_EXPECT_EQ(test, n, 511);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, page_zonenum(p), ZONE_DMA);
	pgdat->debug_flags |= PGDAT_TRACE;
	kunit_capture_start(&cap);
	p = __alloc_pages_node(pgdat, GFP_KERNEL, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "fallback: order 0 from DMA (preferred Normal)\n");
	kunit_capture_start(&cap);
	p = __alloc_pages_node(pgdat, GFP_HIGHUSER, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, page_zonenum(p), ZONE_DMA);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "fallback: order 0 from DMA (preferred HighMem)\n");
	/* GFP_DMA never leaves DMA: 253 left there, though nothing else is free */
	pgdat->debug_flags &= ~PGDAT_TRACE;
	n = 0;
	while (__alloc_pages_node(pgdat, GFP_DMA | __GFP_NOWARN, 0))
		n++;
	KUNIT_EXPECT_EQ(test, n, 256 - 3);
	KUNIT_EXPECT_EQ(test, mm_zone(&fx, ZONE_DMA)->free_pages, 0);
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
}

static void invalid_zone_combination(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &three, 1, 0);
	static struct mm_state st;	/* holds a pglist_data: too big for the stack with PAE */

	KUNIT_ASSERT_EQ(test, mm_state_save(&fx, &st), 0);
	kunit_capture_start(&cap);
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, __GFP_DMA | __GFP_HIGHMEM, 0));
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"invalid zone modifiers in mode:0x3(GFP_DMA|__GFP_HIGHMEM)");
	KUNIT_EXPECT_TRUE(test, mm_state_equal(&fx, &st));
	mm_state_free(&st);
}

static unsigned long fill(struct pglist_data *pgdat, gfp_t gfp)
{
	unsigned long n = 0;

	while (__alloc_pages_node(pgdat, gfp | __GFP_NOWARN, 0))
		n++;
	return n;
}

/*
 * 1024 free pages, min 64.  GFP_KERNEL (may sleep, no __GFP_HIGH) stops
 * once free pages reach min; a caller that cannot sleep but is not
 * __GFP_HIGH gets down to min - min/4 = 48; GFP_ATOMIC to
 * min - min/2 - (min/2)/4 = 24; __GFP_NOFAIL takes the rest.
 */
static void watermarks_atomic_below_kernel(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &normal_only, 1, 0);
	struct zone *zone = mm_zone(&fx, ZONE_NORMAL);

	KUNIT_ASSERT_EQ(test, min_wmark_pages(zone), 64);
	KUNIT_EXPECT_EQ(test, fill(pgdat, GFP_KERNEL), 1024 - 64);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 64);
	KUNIT_EXPECT_EQ(test, fill(pgdat, GFP_KERNEL | __GFP_REPEAT), 0);
	KUNIT_EXPECT_EQ(test, fill(pgdat, 0), 64 - 48);		/* ALLOC_HARDER only */
	KUNIT_EXPECT_EQ(test, fill(pgdat, GFP_ATOMIC), 48 - 24);	/* HIGH + HARDER */
	KUNIT_EXPECT_EQ(test, fill(pgdat, GFP_ATOMIC), 0);
	KUNIT_EXPECT_EQ(test, zone->free_pages, 24);
	KUNIT_EXPECT_NOT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOFAIL, 4));
	KUNIT_EXPECT_EQ(test, zone->free_pages, 8);
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
}

/* high orders need free blocks of that order above the halved mark */
static void watermark_high_order(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &normal_only, 1, 0);
	struct zone *zone = mm_zone(&fx, ZONE_NORMAL);

	KUNIT_EXPECT_TRUE(test, zone_watermark_ok(zone, 10, 0, ZONE_NORMAL, 0));
	KUNIT_EXPECT_FALSE(test, zone_watermark_ok(zone, 10, 64, ZONE_NORMAL, 0));
	KUNIT_EXPECT_TRUE(test, zone_watermark_ok(zone, 9, 64, ZONE_NORMAL, 0));
	/* GFP_KERNEL order 10 would leave 0 < min: refused; order 9 is fine */
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOWARN, 10));
	KUNIT_EXPECT_NOT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL, 9));
	KUNIT_EXPECT_TRUE(test, zone_watermark_ok(zone, 9, 0, ZONE_NORMAL, 0));
	KUNIT_EXPECT_NOT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL, 0));
	/* 511 free in one block of each order 0..8: no order 9 even at mark 0 */
	KUNIT_EXPECT_FALSE(test, zone_watermark_ok(zone, 9, 0, ZONE_NORMAL, 0));
	KUNIT_EXPECT_TRUE(test, zone_watermark_ok(zone, 8, 64, ZONE_NORMAL, 0));
	/* but not with more than the 256 pages beyond the block above the mark */
	KUNIT_EXPECT_FALSE(test, zone_watermark_ok(zone, 8, 512, ZONE_NORMAL, 0));
}

/*
 * Linux 4.5+ (97a16fc82a7c): beyond the order-0 mark, a high-order request
 * needs only a free block of its order.  One free order-2 block among 100
 * free single pages at mark 64: 4.4's per-order halving would refuse order
 * 2 (after the order-0 pages are discounted, 1 page <= 32 is left); now it
 * passes, and the allocation succeeds.  No order-3 block: refused.
 */
static void watermark_high_order_needs_a_block(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &normal_only, 1, 0);
	struct zone *zone = mm_zone(&fx, ZONE_NORMAL);
	unsigned long i, start = zone->zone_start_pfn;
	struct page *page;

	mm_fixture_no_watermarks(&fx);
	while (__alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOWARN, 0))
		;
	KUNIT_ASSERT_EQ(test, zone->free_pages, 0);
	for (i = 0; i < 4; i++)
		__free_pages(pgdat_pfn_to_page(pgdat, start + i), 0);
	for (i = 0; i < 100; i++)
		__free_pages(pgdat_pfn_to_page(pgdat, start + 5 + 2 * i), 0);
	KUNIT_ASSERT_EQ(test, zone->free_area[2].nr_free, 1);
	KUNIT_ASSERT_EQ(test, zone->free_area[0].nr_free, 100);
	KUNIT_EXPECT_TRUE(test, zone_watermark_ok(zone, 2, 64, ZONE_NORMAL, 0));
	KUNIT_EXPECT_FALSE(test, zone_watermark_ok(zone, 3, 64, ZONE_NORMAL, 0));
	/* the order-0 part still applies: 104 - 3 pages beyond the block */
	KUNIT_EXPECT_FALSE(test, zone_watermark_ok(zone, 2, 101, ZONE_NORMAL, 0));
	KUNIT_EXPECT_TRUE(test, zone_watermark_ok(zone, 2, 100, ZONE_NORMAL, 0));
	page = __alloc_pages_node(pgdat, GFP_KERNEL, 2);
	KUNIT_EXPECT_PTR_EQ(test, page, pgdat_pfn_to_page(pgdat, start));
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
}

/*
 * lowmem_reserve: DMA keeps 2 pages back from requests that prefer Normal
 * and 3 from those that prefer HighMem, on top of its min of 18.
 */
static void lowmem_reserve_protects_dma(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &three, 1, 0);
	struct zone *dma = mm_zone(&fx, ZONE_DMA);
	unsigned long n;

	KUNIT_ASSERT_EQ(test, dma->lowmem_reserve[ZONE_NORMAL], 2);
	KUNIT_ASSERT_EQ(test, dma->lowmem_reserve[ZONE_HIGHMEM], 3);
	fill(pgdat, GFP_HIGHUSER);
	/* HighMem down to its min 32, Normal to 36 + 8, DMA to 18 + 3 */
	KUNIT_EXPECT_EQ(test, mm_zone(&fx, ZONE_HIGHMEM)->free_pages, 32);
	KUNIT_EXPECT_EQ(test, mm_zone(&fx, ZONE_NORMAL)->free_pages, 44);
	KUNIT_EXPECT_EQ(test, dma->free_pages, 21);
	n = fill(pgdat, GFP_KERNEL);		/* Normal to 36, DMA to 18 + 2 */
	KUNIT_EXPECT_EQ(test, n, 8 + 1);
	KUNIT_EXPECT_EQ(test, dma->free_pages, 20);
	KUNIT_EXPECT_EQ(test, fill(pgdat, GFP_DMA | __GFP_WAIT), 2);	/* DMA to 18 */
	KUNIT_EXPECT_EQ(test, dma->free_pages, 18);
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
}

static void failure_warning_format(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &normal_only, 1, 0);
	static struct mm_state st;	/* holds a pglist_data: too big for the stack with PAE */

	fill(pgdat, GFP_KERNEL);
	KUNIT_ASSERT_EQ(test, mm_state_save(&fx, &st), 0);
	kunit_capture_start(&cap);
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_ZERO, 2));
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"swapper/0: page allocation failure: order:2, mode:0x80d0(GFP_KERNEL|__GFP_ZERO)\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"Node 1 Normal free:256kB min:256kB low:320kB high:384kB present:4096kB managed:4096kB\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "lowmem_reserve[]: 0 0 0\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "Node 1 Normal: 0*4kB 0*8kB 0*16kB 0*32kB 0*64kB 0*128kB 1*256kB (U) 0*512kB");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, " = 256kB\n");
	kunit_capture_start(&cap);
	KUNIT_EXPECT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOWARN, 2));
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	KUNIT_EXPECT_TRUE(test, mm_state_equal(&fx, &st));
	mm_state_free(&st);
}

/* accepted modifiers that change nothing here: same page, same state */
static void inert_modifiers(struct kunit *test)
{
	static const gfp_t mods[] = { __GFP_COLD, __GFP_REPEAT, __GFP_NORETRY, __GFP_IO,
				      __GFP_FS, __GFP_HARDWALL, __GFP_WAIT, __GFP_NOWARN };
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &three, 1, 0);
	struct page *ref = __alloc_pages_node(pgdat, GFP_KERNEL, 1);
	unsigned int i;

	__free_pages(ref, 1);
	for (i = 0; i < ARRAY_SIZE(mods); i++) {
		struct page *p = __alloc_pages_node(pgdat, GFP_KERNEL | mods[i], 1);

		KUNIT_EXPECT_PTR_EQ(test, p, ref);
		__free_pages(p, 1);
	}
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

static bool all_bytes(const void *p, int c, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] != (unsigned char)c)
			return false;
	return true;
}

static void gfp_zero_lowmem_and_highmem(struct kunit *test)
{
	static const gfp_t masks[] = { GFP_KERNEL, GFP_DMA, GFP_HIGHUSER };
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &three, 1, 0);
	unsigned int i;

	mm_fixture_no_watermarks(&fx);
	for (i = 0; i < ARRAY_SIZE(masks); i++) {
		struct page *p = __alloc_pages_node(pgdat, masks[i], 2);
		void *addr;

		KUNIT_ASSERT_NOT_NULL(test, p);
		addr = mm_page_lowmem_address(&fx, p);	/* the arena is directly mapped */
		memset(addr, 0x5a, 4 * PAGE_SIZE);
		__free_pages(p, 2);
		p = __alloc_pages_node(pgdat, masks[i] | __GFP_ZERO, 2);
		KUNIT_ASSERT_TRUE(test, mm_page_lowmem_address(&fx, p) == addr);
		KUNIT_EXPECT_TRUE(test, all_bytes(addr, 0, 4 * PAGE_SIZE));
		memset(addr, 0x5a, 4 * PAGE_SIZE);
		__free_pages(p, 2);
		/* without __GFP_ZERO the old contents stay */
		p = __alloc_pages_node(pgdat, masks[i], 2);
		KUNIT_EXPECT_TRUE(test, all_bytes(addr, 0x5a, 4 * PAGE_SIZE));
		__free_pages(p, 2);
	}
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 0);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/*
 * The address API on node 0: on the host the fixture installs its arena
 * as node 0; in the kernel this is the live allocator, so only
 * before/after differences are checked.
 */
static struct pglist_data *global_node(struct kunit *test)
{
#ifdef __ORDERLY_HOST__
	return mm_fixture_setup(test, &fx, &three, 0, 0);
#else
	return &contig_page_data;
#endif
}

static void get_free_pages_and_free_pages(struct kunit *test)
{
	struct pglist_data *pgdat = global_node(test);
	unsigned long before = free_and_pcp(pgdat), addr;
	unsigned int order;

	for (order = 0; order < 4; order++) {
		addr = __get_free_pages(GFP_KERNEL, order);
		KUNIT_ASSERT_NE(test, addr, 0);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED(virt_to_pfn(addr), 1UL << order));
		KUNIT_EXPECT_EQ(test, page_count(virt_to_page(addr)), 1);
		KUNIT_EXPECT_PTR_EQ(test, page_address(virt_to_page(addr)), (void *)addr);
		KUNIT_EXPECT_EQ(test, free_and_pcp(pgdat), before - (1UL << order));
		memset((void *)addr, 0xcc, PAGE_SIZE << order);
		free_pages(addr, order);
		KUNIT_EXPECT_EQ(test, free_and_pcp(pgdat), before);
	}
	addr = get_zeroed_page(GFP_KERNEL);
	KUNIT_ASSERT_NE(test, addr, 0);
	KUNIT_EXPECT_TRUE(test, all_bytes((void *)addr, 0, PAGE_SIZE));
	free_page(addr);
	free_pages(0, 3);		/* a no-op, as in Linux */
	KUNIT_EXPECT_EQ(test, free_and_pcp(pgdat), before);
	KUNIT_EXPECT_NULL(test, (void *)__get_free_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER));
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
}

static void get_free_pages_highmem_served_low(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat = global_node(test);
	unsigned long before = free_and_pcp(pgdat), addr;

	gfp_highmem_warned = false;
	kunit_capture_start(&cap);
	addr = __get_free_pages(GFP_HIGHUSER, 0);
	kunit_capture_stop();
	KUNIT_ASSERT_NE(test, addr, 0);
	KUNIT_EXPECT_FALSE(test, PageHighMem(virt_to_page(addr)));
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "__get_free_pages() with __GFP_HIGHMEM");
	free_page(addr);
	/* once only */
	kunit_capture_start(&cap);
	addr = __get_free_pages(GFP_HIGHUSER, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	free_page(addr);
	KUNIT_EXPECT_EQ(test, free_and_pcp(pgdat), before);
}

static void alloc_pages_global(struct kunit *test)
{
	struct pglist_data *pgdat = global_node(test);
	unsigned long before = free_and_pcp(pgdat);
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, page_to_nid(page), 0);
	KUNIT_EXPECT_TRUE(test, all_bytes(page_address(page), 0, 2 * PAGE_SIZE));
	__free_pages(page, 1);
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_page(page);
	KUNIT_EXPECT_EQ(test, free_and_pcp(pgdat), before);
}

/*
 * CONFIG_DEBUG_SPINLOCK's sleep-point check: an allocation that may wait
 * (GFP_KERNEL), __get_free_pages(), get_zeroed_page() or kmap() with a
 * spinlock held gets Linux's "sleeping function called from invalid
 * context" report and is still served; GFP_ATOMIC under the lock, or
 * GFP_KERNEL after the unlock, says nothing.
 */
static void might_sleep_under_spinlock(struct kunit *test)
{
	static struct printk_capture cap;
	static DEFINE_SPINLOCK(lock);
	struct pglist_data *pgdat = global_node(test);
	unsigned long before = free_and_pcp(pgdat), addr;
	struct page *page;

#ifndef CONFIG_DEBUG_SPINLOCK
	kunit_skip(test, "needs CONFIG_DEBUG_SPINLOCK");
#endif
	spin_lock(&lock);
	kunit_capture_start(&cap);
	page = alloc_pages(GFP_ATOMIC, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_NULL(test, strstr(cap.buf, "sleeping function"));
	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_pages(page, 0);

	kunit_capture_start(&cap);
	page = alloc_pages(GFP_KERNEL, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: sleeping function called from invalid context at mm/page_alloc.c:");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "in_atomic(): 1, spinlocks held: 1, cpu: ");
	KUNIT_ASSERT_NOT_NULL(test, page);	/* reported, still served */
	kunit_capture_start(&cap);
	addr = __get_free_pages(GFP_KERNEL, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: sleeping function called from invalid context");
	free_pages(addr, 0);
	kunit_capture_start(&cap);
	addr = get_zeroed_page(GFP_KERNEL);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: sleeping function called from invalid context");
	free_pages(addr, 0);
	kunit_capture_start(&cap);
	kunmap(page);
	(void)kmap(page);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: sleeping function called from invalid context at mm/highmem.c:");
	kunmap(page);
	spin_unlock(&lock);

	kunit_capture_start(&cap);
	__free_pages(page, 0);
	page = alloc_pages(GFP_KERNEL, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_NULL(test, strstr(cap.buf, "sleeping function"));
	__free_pages(page, 0);
	KUNIT_EXPECT_EQ(test, free_and_pcp(pgdat), before);
}

#ifdef __ORDERLY_HOST__
#include <unistd.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>

static struct printk_capture nofail_cap;

/* the child's BUG(): hand what printk said to the parent, then die */
static void nofail_abort(int sig)
{
	ssize_t r = write(1, nofail_cap.buf, nofail_cap.len);

	(void)r;
	_exit(128 + sig);
}

/*
 * __GFP_NOFAIL when even the reserves are empty: a report, then BUG().
 * On the host BUG() aborts, so the call runs in a child process whose
 * output comes back through a pipe.
 */
static void nofail_exhausted_is_a_bug(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &normal_only, 1, 0);
	static char out[8192];
	int fds[2], status = 0;
	ssize_t n, len = 0;
	pid_t pid;

	fill(pgdat, GFP_ATOMIC);
	while (mm_zone(&fx, ZONE_NORMAL)->free_pages)	/* the reserve, to the last page */
		KUNIT_ASSERT_NOT_NULL(test, __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOFAIL, 0));
	KUNIT_ASSERT_EQ(test, mm_zone(&fx, ZONE_NORMAL)->free_pages, 0);
	KUNIT_ASSERT_EQ(test, pipe(fds), 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	KUNIT_ASSERT_GE(test, pid, 0);
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		signal(SIGABRT, nofail_abort);
		kunit_capture_start(&nofail_cap);
		__alloc_pages_node(pgdat, GFP_KERNEL | __GFP_NOFAIL, 0);
		_exit(0);	/* not reached: that was a BUG */
	}
	close(fds[1]);
	while (len < (ssize_t)sizeof(out) - 1 && (n = read(fds[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += n;
	out[len] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	KUNIT_EXPECT_TRUE(test, WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGABRT);
	KUNIT_EXPECT_TRUE(test, strstr(out, "page allocation failure: order:0, mode:0x8d0(GFP_KERNEL|__GFP_NOFAIL) - __GFP_NOFAIL, and every reserve is empty") != NULL);
	KUNIT_EXPECT_TRUE(test, strstr(out, "kernel BUG at mm/page_alloc.c") != NULL);
	KUNIT_EXPECT_TRUE(test, strstr(out, "Node 1 Normal free:0kB") != NULL);
}
#endif

static struct kunit_case gfp_cases[] = {
	KUNIT_CASE(gfp_zone_table),
	KUNIT_CASE(gfp_flag_names),
	KUNIT_CASE(zone_choice_and_fallback),
	KUNIT_CASE(invalid_zone_combination),
	KUNIT_CASE(watermarks_atomic_below_kernel),
	KUNIT_CASE(watermark_high_order),
	KUNIT_CASE(watermark_high_order_needs_a_block),
	KUNIT_CASE(lowmem_reserve_protects_dma),
	KUNIT_CASE(failure_warning_format),
	KUNIT_CASE(inert_modifiers),
	KUNIT_CASE(gfp_zero_lowmem_and_highmem),
	KUNIT_CASE(get_free_pages_and_free_pages),
	KUNIT_CASE(get_free_pages_highmem_served_low),
	KUNIT_CASE(alloc_pages_global),
	KUNIT_CASE(might_sleep_under_spinlock),
#ifdef __ORDERLY_HOST__
	KUNIT_CASE(nofail_exhausted_is_a_bug),
#endif
	{}
};

static struct kunit_suite gfp_suite = {
	.name = "gfp",
	.exit = gfp_exit,
	.test_cases = gfp_cases,
};
kunit_test_suite(gfp_suite);
