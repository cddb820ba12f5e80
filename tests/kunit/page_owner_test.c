// SPDX-License-Identifier: GPL-2.0
/*
 * page_owner (mm/page_owner.c) on a private node: a record for every page
 * of an allocated block with the right order, gfp mask and migrate type,
 * cleared (but kept for "last allocated via") on free, rewritten by a
 * split, copied by migration; one trace stored once however often it
 * recurs; Linux's record format; dump_page() naming the owner; and with
 * page_owner off, no storage and no records.  The same cases run in the
 * kernel (KTAP), where the trace is the frame-pointer walk.
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include <linux/mmdebug.h>
#include <linux/page_owner.h>
#include <linux/params.h>
#include <linux/string.h>
#include "../../mm/internal.h"

static const struct mm_layout po_node = {
	.name = "page_owner", .nr_pages = 1024, .zone_end = { 256, 768, 1024 },
};

static struct mm_fixture fx;
static struct printk_capture cap;
static void *storage;
static size_t storage_bytes;

static struct pglist_data *po_setup(struct kunit *test, bool on)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &po_node, 1, 0);

	mm_fixture_no_watermarks(&fx);
	if (on) {
		storage_bytes = page_owner_storage_size(pgdat->node_spanned_pages);
		storage = mm_test_alloc(storage_bytes);
		KUNIT_ASSERT_NOT_NULL(test, storage);
		page_owner_attach(pgdat, storage, storage_bytes);
	}
	return pgdat;
}

static int saved_disabled;

/* the records' migrate types assume grouping, which a small machine turns off */
static int po_init(struct kunit *test)
{
	saved_disabled = page_group_by_mobility_disabled;
	page_group_by_mobility_disabled = 0;
	return 0;
}

static void po_exit(struct kunit *test)
{
	page_group_by_mobility_disabled = saved_disabled;
	if (fx.node) {
		fx.node->node_page_ext = NULL;
		fx.node->debug_flags &= ~PGDAT_PAGE_OWNER;
	}
	mm_fixture_destroy(&fx);
	if (storage)
		mm_test_free(storage, storage_bytes);
	storage = NULL;
}

/* two distinct call sites, so that two traces differ */
static noinline struct page *site_a(struct pglist_data *pgdat, gfp_t gfp, unsigned int order)
{
	struct page *p = __alloc_pages_node(pgdat, gfp, order);

	barrier();
	return p;
}

static noinline struct page *site_b(struct pglist_data *pgdat, gfp_t gfp, unsigned int order)
{
	struct page *p = __alloc_pages_node(pgdat, gfp, order);

	barrier();
	return p;
}

static void po_record_set_on_alloc(struct kunit *test)
{
	struct pglist_data *pgdat = po_setup(test, true);
	struct page *p = site_a(pgdat, GFP_KERNEL | __GFP_MOVABLE, 2);
	struct page *q = site_a(pgdat, GFP_KERNEL, 0);
	struct page *rr[2];
	const struct page_owner *o;
	unsigned int i;

	static volatile unsigned int two = 2;	/* not unrolled: one call instruction */

	for (i = 0; i < two; i++)	/* one call site: the same trace twice */
		rr[i] = site_b(pgdat, GFP_KERNEL, 0);
	KUNIT_ASSERT_TRUE(test, p && q && rr[0] && rr[1]);
	for (i = 0; i < 4; i++) {
		o = get_page_owner(p + i);
		KUNIT_ASSERT_NOT_NULL(test, o);
		KUNIT_EXPECT_EQ(test, o->flags, PAGE_EXT_OWNER | PAGE_EXT_OWNER_ALLOCATED);
		KUNIT_EXPECT_EQ(test, o->order, 2);
		KUNIT_EXPECT_EQ(test, o->gfp_mask, GFP_KERNEL | __GFP_MOVABLE);
		KUNIT_EXPECT_EQ(test, o->migratetype, MIGRATE_MOVABLE);
		KUNIT_EXPECT_NE(test, o->handle, 0);
	}
	o = get_page_owner(q);
	KUNIT_EXPECT_EQ(test, o->order, 0);
	KUNIT_EXPECT_EQ(test, o->migratetype, MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_GE(test, o->ts_nsec, get_page_owner(p)->ts_nsec);
	/*
	 * One trace is one depot entry, another site another.  The first
	 * order-0 request (q) filled the pcp list, a path of its own inside
	 * the allocator; rr[] and the second q are both served from it.
	 */
	KUNIT_EXPECT_EQ(test, get_page_owner(rr[1])->handle, get_page_owner(rr[0])->handle);
	__free_pages(q, 0);
	q = site_a(pgdat, GFP_KERNEL, 0);
	KUNIT_EXPECT_NE(test, get_page_owner(q)->handle, get_page_owner(rr[0])->handle);
	/* a page nobody allocated has no record */
	KUNIT_EXPECT_EQ(test, get_page_owner(mm_page(&fx, 1000))->flags, 0);
	__free_pages(p, 2);
	__free_pages(q, 0);
	__free_pages(rr[0], 0);
	__free_pages(rr[1], 0);
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
}

static void po_cleared_on_free(struct kunit *test)
{
	struct pglist_data *pgdat = po_setup(test, true);
	struct page *p = site_a(pgdat, GFP_KERNEL | __GFP_RECLAIMABLE, 3);
	struct page *q = site_a(pgdat, GFP_KERNEL, 0);
	unsigned int i;

	KUNIT_ASSERT_TRUE(test, p && q);
	__free_pages(p, 3);
	__free_pages(q, 0);	/* onto a pcp list: the free path is the same */
	for (i = 0; i < 8; i++) {
		const struct page_owner *o = get_page_owner(p + i);

		KUNIT_EXPECT_EQ(test, o->flags, PAGE_EXT_OWNER);
		KUNIT_EXPECT_EQ(test, o->order, 3);	/* kept: "last allocated via" */
		KUNIT_EXPECT_EQ(test, o->migratetype, MIGRATE_RECLAIMABLE);
	}
	KUNIT_EXPECT_EQ(test, get_page_owner(q)->flags, PAGE_EXT_OWNER);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx) || verify_free_lists(pgdat) == 0);
}

static void po_split_and_copy(struct kunit *test)
{
	struct pglist_data *pgdat = po_setup(test, true);
	struct page *p = site_a(pgdat, GFP_KERNEL | __GFP_MOVABLE, 2);
	struct page *q = site_b(pgdat, GFP_KERNEL, 1);
	struct page_owner was;
	unsigned int i;

	KUNIT_ASSERT_TRUE(test, p && q);
	was = *get_page_owner(p);
	copy_page_owner(p, q);
	for (i = 0; i < 4; i++) {
		const struct page_owner *o = get_page_owner(q + i);

		KUNIT_EXPECT_EQ(test, o->handle, was.handle);
		KUNIT_EXPECT_EQ(test, o->gfp_mask, was.gfp_mask);
		KUNIT_EXPECT_EQ(test, o->order, 2);
		KUNIT_EXPECT_EQ(test, o->ts_nsec, was.ts_nsec);
		KUNIT_EXPECT_EQ(test, o->flags, PAGE_EXT_OWNER | PAGE_EXT_OWNER_ALLOCATED);
	}
	/* the old block keeps its own record until it is freed */
	KUNIT_EXPECT_EQ(test, get_page_owner(p)->flags, PAGE_EXT_OWNER | PAGE_EXT_OWNER_ALLOCATED);
	split_page_owner(p, 2, 0);
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, get_page_owner(p + i)->order, 0);
		KUNIT_EXPECT_EQ(test, get_page_owner(p + i)->handle, was.handle);
	}
	__free_pages(p, 2);
	/* q's block is order 1 for the allocator; only its records were copied */
	__free_pages(q, 1);
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
}

static void po_record_format_and_dump_page(struct kunit *test)
{
	struct pglist_data *pgdat = po_setup(test, true);
	struct page *p = site_a(pgdat, GFP_KERNEL | __GFP_MOVABLE, 1);
	static char buf[1024];
	char want[160];
	unsigned long pfn;
	int len;

	KUNIT_ASSERT_NOT_NULL(test, p);
	pfn = page_to_pfn(p + 1);
	len = print_page_owner(buf, sizeof(buf), p + 1);
	KUNIT_EXPECT_EQ(test, (size_t)len, strlen(buf));
	snprintf(want, sizeof(want), "Page allocated via order 1, mask %#x(GFP_KERNEL|__GFP_MOVABLE), pid 0, ts ",
		 (unsigned int)(GFP_KERNEL | __GFP_MOVABLE));
	KUNIT_EXPECT_EQ(test, strncmp(buf, want, strlen(want)), 0);
	snprintf(want, sizeof(want), " ns\nPFN 0x%lx type Movable Block %lu type Movable Flags 0x",
		 pfn, pfn >> pageblock_order);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, want));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, ")\n "));	/* a trace line follows the flags */

	kunit_capture_start(&cap);
	dump_page(p, NULL);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "page_owner tracks the page as allocated\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "page last allocated via order 1, migratetype Movable, gfp_mask ");
	__free_pages(p, 1);
	kunit_capture_start(&cap);
	dump_page(p, NULL);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "page_owner tracks the page as freed\n");
	/* never allocated */
	kunit_capture_start(&cap);
	dump_page(mm_page(&fx, 1000), NULL);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "page_owner info is not present (never set?)\n");
	KUNIT_EXPECT_EQ(test, print_page_owner(buf, sizeof(buf), mm_page(&fx, 1000)), 0);
}

static void po_off_no_storage(struct kunit *test)
{
	struct pglist_data *pgdat = po_setup(test, false);
	struct page *p = site_a(pgdat, GFP_KERNEL, 2);
	static char buf[64];

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, pgdat->debug_flags & PGDAT_PAGE_OWNER, 0);
	KUNIT_EXPECT_NULL(test, pgdat->node_page_ext);
	KUNIT_EXPECT_NULL(test, get_page_owner(p));
	KUNIT_EXPECT_EQ(test, print_page_owner(buf, sizeof(buf), p), 0);
	kunit_capture_start(&cap);
	dump_page(p, NULL);
	kunit_capture_stop();
	KUNIT_EXPECT_NULL(test, strstr(cap.buf, "page_owner"));
	/* the hooks are harmless when called anyway */
	set_page_owner(p, 2, GFP_KERNEL);
	copy_page_owner(p, p + 1);
	KUNIT_EXPECT_NULL(test, get_page_owner(p));
	__free_pages(p, 2);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

static void po_boot_parameter(struct kunit *test)
{
	static struct kernel_params kp;
	int bad;

	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, parse_kernel_params("page_owner=on", &kp), 0);
	KUNIT_EXPECT_TRUE(test, kp.page_owner);
	KUNIT_EXPECT_EQ(test, parse_kernel_params("page_owner=off", &kp), 0);
	KUNIT_EXPECT_FALSE(test, kp.page_owner);
	bad = parse_kernel_params("page_owner=maybe page_owner", &kp);
	kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, bad, 2);
	KUNIT_EXPECT_FALSE(test, kp.page_owner);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "page_owner");
}

static struct kunit_case page_owner_cases[] = {
	KUNIT_CASE(po_record_set_on_alloc),
	KUNIT_CASE(po_cleared_on_free),
	KUNIT_CASE(po_split_and_copy),
	KUNIT_CASE(po_record_format_and_dump_page),
	KUNIT_CASE(po_off_no_storage),
	KUNIT_CASE(po_boot_parameter),
	{}
};

static struct kunit_suite page_owner_suite = {
	.name = "page_owner",
	.init = po_init,
	.exit = po_exit,
	.test_cases = page_owner_cases,
};
kunit_test_suite(page_owner_suite);
