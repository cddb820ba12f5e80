// SPDX-License-Identifier: GPL-2.0
/*
 * Every misuse in issue 4's list: the report says what happened and
 * where ("BUG: Bad page state in process swapper/0  pfn:0x..." + dump_page
 * + "page dumped because: ..."), and a byte-exact snapshot of the node
 * (pgdat and every struct page) taken before is equal afterwards.  Then
 * the debug options: page poisoning catches a write after free,
 * debug_pagealloc really unmaps a freed page (host: the access faults).
 *
 * The cases run twice on the host: on a private node (suite "misuse")
 * and on node 0 (suite "misuse_node0"), the kernel's node, which the
 * fixture installs there.  The two are not the same code: __free_pages()
 * has a fast path for node 0's pages only, which repeats every misuse
 * check (refcount, order, reserved/buddy/pcp/compound flags) in one test
 * per field; a private node's pages always take the general path.  In
 * the kernel node 0 is the live kernel's, so only the private node runs.
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include <linux/mmdebug.h>
#include "../../mm/internal.h"

/* free memory in all: free_pages leaves the per-CPU lists' pages out, as Linux's NR_FREE_PAGES */
static unsigned long free_and_pcp(const struct pglist_data *pgdat)
{
	return pgdat_free_pages(pgdat) + pgdat_pcp_pages(pgdat);
}

static const struct mm_layout node = {
	.name = "misuse", .nr_pages = 1024, .zone_end = { 256, 768, 1024 },
	.ram = { { 0, 900 }, { 960, 1024 } }, .reserved = { { 300, 304 } },
};

static struct mm_fixture fx;
static struct printk_capture cap;
static struct mm_state st;
static int misuse_nid;		/* the node under test, set by the suite */

/* the dump_page flags line: "(<flag>|node=<nid>|zone=1)" */
static const char *flags_line(const char *flag)
{
	static char buf[48];

	snprintf(buf, sizeof(buf), "(%s|node=%d|zone=1)", flag, misuse_nid);
	return buf;
}

static void misuse_exit(struct kunit *test)
{
	mm_state_free(&st);
	mm_fixture_destroy(&fx);
}

/* run @stmt against a snapshot; the log must contain both strings */
#define EXPECT_MISUSE(test, stmt, what, why) do {				\
	KUNIT_ASSERT_EQ(test, mm_state_save(&fx, &st), 0);			\
	kunit_capture_start(&cap);						\
	stmt;									\
	kunit_capture_stop();							\
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, what);				\
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, why);				\
	KUNIT_EXPECT_TRUE(test, mm_state_equal(&fx, &st));			\
	KUNIT_EXPECT_EQ(test, verify_free_lists(fx.node), 0);			\
	mm_state_free(&st);							\
} while (0)

static const char *bad_state(unsigned long rel_pfn)
{
	static char buf[80];

	snprintf(buf, sizeof(buf), "BUG: Bad page state in process swapper/0  pfn:0x%05lx\n",
		 fx.base_pfn + rel_pfn);
	return buf;
}

static void double_free(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &node, misuse_nid, 0);
	struct page *p = __alloc_pages_node(pgdat, GFP_KERNEL, 0);
	struct page *q = __alloc_pages_node(pgdat, GFP_KERNEL, 0);

	KUNIT_ASSERT_TRUE(test, p && q);
	__free_pages(q, 0);	/* p's buddy is allocated... or not: either way q is free */
	EXPECT_MISUSE(test, __free_pages(q, 0), bad_state(mm_rel_pfn(&fx, q)),
		      "page dumped because: double free");
	/* the dump_page lines */
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "refcount:0 mapcount:0 mapping:NULL index:0x0 pfn:0x");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "flags: 0x");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, flags_line("buddy"));
	__free_pages(p, 0);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/* a page freed twice after its block merged into a larger one */
static void double_free_inside_merged_block(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &node, misuse_nid, 0);
	/* movable: from the smallest free block of the (MOVABLE) pageblock, no fallback */
	struct page *p = __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_MOVABLE, 8);
	struct page *q;
	char why[96];

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, mm_rel_pfn(&fx, p), 512);
	q = __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_MOVABLE, 0);	/* splits 296-299 */
	__free_pages(p, 8);
	__free_pages(q, 0);		/* merges back into the order 2 block at 296 */
	KUNIT_ASSERT_FALSE(test, PageBuddy(p + 5));
	snprintf(why, sizeof(why), "page dumped because: double free: inside the free order 8 block at pfn:0x%05lx",
		 fx.base_pfn + 512);
	EXPECT_MISUSE(test, __free_pages(p + 5, 0), bad_state(517), why);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "state: inside free block pfn:0x");
	snprintf(why, sizeof(why), "double free: inside the free order 2 block at pfn:0x%05lx",
		 fx.base_pfn + 296);
	EXPECT_MISUSE(test, __free_pages(q + 1, 0), bad_state(mm_rel_pfn(&fx, q) + 1), why);
	EXPECT_MISUSE(test, __free_pages(p, 8), bad_state(512), "double free: already free (order 8 block)");
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

static void free_reserved_and_hole(struct kunit *test)
{
	mm_fixture_setup(test, &fx, &node, misuse_nid, 0);
	EXPECT_MISUSE(test, __free_pages(mm_page(&fx, 301), 0), bad_state(301),
		      "page dumped because: freeing a reserved page");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, flags_line("reserved"));
	EXPECT_MISUSE(test, __free_pages(mm_page(&fx, 930), 2), bad_state(930),
		      "freeing a reserved page (hole, firmware or kernel)");
	EXPECT_MISUSE(test, put_page(mm_page(&fx, 930)), bad_state(930), "reserved");
	EXPECT_MISUSE(test, get_page(mm_page(&fx, 930)), bad_state(930),
		      "get_page on a reserved page");
}

static void wrong_order(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &node, misuse_nid, 0);
	struct page *p = __alloc_pages_node(pgdat, GFP_KERNEL, 2);

	KUNIT_ASSERT_NOT_NULL(test, p);
	EXPECT_MISUSE(test, __free_pages(p, 3), bad_state(mm_rel_pfn(&fx, p)),
		      "page dumped because: wrong order: allocated with order 2, freed with order 3");
	EXPECT_MISUSE(test, __free_pages(p, 0), bad_state(mm_rel_pfn(&fx, p)),
		      "allocated with order 2, freed with order 0");
	EXPECT_MISUSE(test, __free_pages(p, MAX_ORDER), bad_state(mm_rel_pfn(&fx, p)),
		      "bad order: freed with order 11 >= MAX_ORDER");
	/* even with a second reference, the order is checked first */
	get_page(p);
	EXPECT_MISUSE(test, __free_pages(p, 1), bad_state(mm_rel_pfn(&fx, p)), "wrong order");
	__free_pages(p, 2);
	__free_pages(p, 2);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

static void tail_pages(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &node, misuse_nid, 0);
	struct page *p = __alloc_pages_node(pgdat, GFP_KERNEL, 2);
	struct page *c = __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_COMP, 2);
	char why[96];

	KUNIT_ASSERT_TRUE(test, p && c);
	snprintf(why, sizeof(why), "freeing a tail page: not the first page of the order 2 block at pfn:0x%05lx",
		 page_to_pfn(p));
	EXPECT_MISUSE(test, __free_pages(p + 1, 0), bad_state(mm_rel_pfn(&fx, p + 1)), why);
	EXPECT_MISUSE(test, __free_pages(p + 2, 1), bad_state(mm_rel_pfn(&fx, p + 2)), why);
	EXPECT_MISUSE(test, __free_pages(c + 3, 0), bad_state(mm_rel_pfn(&fx, c + 3)),
		      "freeing a tail page of a compound page");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, flags_line("tail"));
	__free_pages(p, 2);
	__free_pages(c, 2);
	/* the compound page went back as a plain block: no head or tail marks left */
	KUNIT_EXPECT_FALSE(test, PageHead(c) || PageTail(c + 1) || PageTail(c + 3));
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

static void free_never_allocated_and_put_after_free(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &node, misuse_nid, 0);
	struct page *p;

	/* a page in the middle of a free boot block */
	EXPECT_MISUSE(test, __free_pages(mm_page(&fx, 700), 0), bad_state(700),
		      "double free: inside the free order");
	p = __alloc_pages_node(pgdat, GFP_KERNEL, 0);
	put_page(p);
	EXPECT_MISUSE(test, put_page(p), bad_state(mm_rel_pfn(&fx, p)), "double free");
	EXPECT_MISUSE(test, get_page(p), bad_state(mm_rel_pfn(&fx, p)),
		      "get_page on a page that is not allocated");
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

/*
 * The legal counterpart of the misuses: with extra references (get_page,
 * on a compound page through a tail) a block stays allocated until the
 * last put_page(), which frees it without a report.
 */
static void references_last_put_frees(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &node, misuse_nid, 0);
	struct page *p = __alloc_pages_node(pgdat, GFP_KERNEL, 1);
	struct page *c = __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_COMP, 2);
	unsigned long free_before;

	KUNIT_ASSERT_TRUE(test, p && c);
	free_before = free_and_pcp(pgdat);
	kunit_capture_start(&cap);
	get_page(p);
	get_page(p);
	get_page(c + 2);
	put_page(p);
	put_page(p);
	put_page(c + 3);
	KUNIT_EXPECT_EQ(test, page_count(p), 1);
	KUNIT_EXPECT_EQ(test, page_count(c), 1);
	KUNIT_EXPECT_FALSE(test, PageBuddy(p) || PagePcp(p) || PageBuddy(c) || PagePcp(c));
	KUNIT_EXPECT_EQ(test, free_and_pcp(pgdat), free_before);
	put_page(p);
	put_page(c + 1);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	KUNIT_EXPECT_EQ(test, free_and_pcp(pgdat), free_before + 2 + 4);
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

static void not_a_struct_page(struct kunit *test)
{
	static struct page fake[2];

	mm_fixture_setup(test, &fx, &node, misuse_nid, 0);
	EXPECT_MISUSE(test, __free_pages(&fake[1], 0), "BUG: Bad page pointer in process swapper/0",
		      "is not a struct page of any node");
	/* misaligned pointer into mem_map */
	EXPECT_MISUSE(test, __free_pages((struct page *)((char *)mm_page(&fx, 10) + 4), 0),
		      "BUG: Bad page pointer", "not a struct page");
	EXPECT_MISUSE(test, put_page(&fake[0]), "BUG: Bad page pointer", "not a struct page");
}

/* free_pages() by address, on node 0 (the host fixture installs one) */
static void free_pages_bad_addresses(struct kunit *test)
{
#ifdef __ORDERLY_HOST__
	struct page *p;
	unsigned long addr;

	mm_fixture_setup(test, &fx, &node, 0, 0);
	addr = __get_free_pages(GFP_KERNEL, 1);
	KUNIT_ASSERT_NE(test, addr, 0);
	EXPECT_MISUSE(test, free_pages(addr + 100, 1), "BUG: Bad page address in process swapper/0",
		      "is not page aligned");
	EXPECT_MISUSE(test, free_pages((unsigned long)__va(PFN_PHYS(fx.base_pfn + 5000)), 0),
		      "BUG: Bad page address", "is outside RAM");
	/* a direct-map address of a HighMem pfn */
	EXPECT_MISUSE(test, free_pages((unsigned long)__va(PFN_PHYS(fx.base_pfn + 800)), 0),
		      "BUG: Bad page address", "is not a direct-map address");
	/* the second half of an order-1 block */
	EXPECT_MISUSE(test, free_pages(addr + PAGE_SIZE, 0), "BUG: Bad page state", "tail page");
	free_pages(addr, 1);
	EXPECT_MISUSE(test, free_pages(addr, 1), "BUG: Bad page state", "double free");
	p = alloc_pages(GFP_HIGHUSER, 0);
	KUNIT_EXPECT_TRUE(test, PageHighMem(p));
	__free_pages(p, 0);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
#else
	/* the live kernel: the reports, and no change in what node 0 holds free */
	unsigned long before[MAX_NR_ZONES][MAX_ORDER], after[MAX_NR_ZONES][MAX_ORDER];
	unsigned long addr = __get_free_pages(GFP_KERNEL, 1), free_before;

	KUNIT_ASSERT_NE(test, addr, 0);
	buddyinfo_snapshot(&contig_page_data, before);
	free_before = free_and_pcp(&contig_page_data);
	kunit_capture_start(&cap);
	free_pages(addr + 100, 1);
	free_pages(addr + PAGE_SIZE, 0);
	free_pages(addr, 0);
	free_pages(0x1000, 0);		/* below PAGE_OFFSET */
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "is not page aligned");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "tail page");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "wrong order: allocated with order 1, freed with order 0");
	buddyinfo_snapshot(&contig_page_data, after);
	KUNIT_EXPECT_EQ(test, memcmp(before, after, sizeof(after)), 0);
	KUNIT_EXPECT_EQ(test, free_and_pcp(&contig_page_data), free_before);
	free_pages(addr, 1);
	kunit_capture_start(&cap);
	free_pages(addr, 1);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "double free");
	KUNIT_EXPECT_EQ(test, free_and_pcp(&contig_page_data), free_before + 2);
#endif
}

static void page_poison_write_after_free(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &node, misuse_nid, PGDAT_PAGE_POISON);
	struct page *p;
	unsigned char *addr;
	char line[160];
	unsigned long pfn;

	mm_fixture_no_watermarks(&fx);
	p = __alloc_pages_node(pgdat, GFP_KERNEL, 1);
	KUNIT_ASSERT_NOT_NULL(test, p);
	addr = mm_page_lowmem_address(&fx, p);
	memset(addr, 0x11, 2 * PAGE_SIZE);
	__free_pages(p, 1);
	KUNIT_EXPECT_TRUE(test, PagePoisoned(p) && PagePoisoned(p + 1));
	KUNIT_EXPECT_EQ(test, addr[0], PAGE_POISON);
	KUNIT_EXPECT_EQ(test, addr[2 * PAGE_SIZE - 1], PAGE_POISON);
	/* the use after free */
	addr[PAGE_SIZE + 0x123] = 0x42;
	addr[PAGE_SIZE + 0x130] = 0x43;
	pfn = page_to_pfn(p + 1);
	kunit_capture_start(&cap);
	p = __alloc_pages_node(pgdat, GFP_KERNEL, 1);
	kunit_capture_stop();
	KUNIT_ASSERT_TRUE(test, mm_page_lowmem_address(&fx, p) == addr);
	snprintf(line, sizeof(line),
		 "BUG: page poison: write-after-free in process swapper/0  pfn:0x%05lx offset:0x123 byte:0x42 (expected 0xaa), 2 bytes changed in [0x123, 0x130]",
		 pfn);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, line);
	KUNIT_EXPECT_FALSE(test, PagePoisoned(p) || PagePoisoned(p + 1));
	__free_pages(p, 1);
	/* clean reuse: no report; HighMem pages poisoned through kmap too */
	kunit_capture_start(&cap);
	p = __alloc_pages_node(pgdat, GFP_HIGHUSER | __GFP_ZERO, 0);
	KUNIT_EXPECT_EQ(test, page_zonenum(p), ZONE_HIGHMEM);
	__free_pages(p, 0);
	KUNIT_EXPECT_EQ(test, *(unsigned char *)mm_page_lowmem_address(&fx, p), PAGE_POISON);
	p = __alloc_pages_node(pgdat, GFP_HIGHUSER, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	__free_pages(p, 0);
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

#ifdef __ORDERLY_HOST__
#include <host_phys.h>

static void debug_pagealloc_unmaps_free_pages(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &node, misuse_nid, PGDAT_DEBUG_PAGEALLOC);
	struct page *p, *h;
	unsigned char *addr;

	mm_fixture_no_watermarks(&fx);
	/* free lowmem at boot is unmapped, HighMem is never in the direct map */
	KUNIT_EXPECT_TRUE(test, host_addr_faults(mm_page_lowmem_address(&fx, mm_page(&fx, 10))));
	p = __alloc_pages_node(pgdat, GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, p);
	addr = mm_page_lowmem_address(&fx, p);
	KUNIT_EXPECT_FALSE(test, host_addr_faults(addr));
	KUNIT_EXPECT_FALSE(test, host_addr_faults(addr + 3 * PAGE_SIZE));
	addr[0] = 1;
	__free_pages(p, 2);
	KUNIT_EXPECT_TRUE(test, host_addr_faults(addr));
	KUNIT_EXPECT_TRUE(test, host_addr_faults(addr + 3 * PAGE_SIZE));
	h = __alloc_pages_node(pgdat, GFP_HIGHUSER | __GFP_ZERO, 0);
	KUNIT_EXPECT_EQ(test, page_zonenum(h), ZONE_HIGHMEM);
	KUNIT_EXPECT_FALSE(test, host_addr_faults(mm_page_lowmem_address(&fx, h)));
	__free_pages(h, 0);
	KUNIT_EXPECT_FALSE(test, host_addr_faults(mm_page_lowmem_address(&fx, h)));
	/* with page poisoning too: poison before unmapping, check after mapping */
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}

static void debug_pagealloc_with_poison(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &node, misuse_nid,
						     PGDAT_DEBUG_PAGEALLOC | PGDAT_PAGE_POISON);
	struct page *p;

	kunit_capture_start(&cap);
	p = __alloc_pages_node(pgdat, GFP_KERNEL, 3);
	KUNIT_ASSERT_NOT_NULL(test, p);
	__free_pages(p, 3);
	p = __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_ZERO, 3);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	KUNIT_EXPECT_EQ(test, *(unsigned char *)mm_page_lowmem_address(&fx, p + 7), 0);
	__free_pages(p, 3);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&fx));
}
#endif

static struct kunit_case misuse_cases[] = {
	KUNIT_CASE(double_free),
	KUNIT_CASE(double_free_inside_merged_block),
	KUNIT_CASE(free_reserved_and_hole),
	KUNIT_CASE(wrong_order),
	KUNIT_CASE(tail_pages),
	KUNIT_CASE(free_never_allocated_and_put_after_free),
	KUNIT_CASE(references_last_put_frees),
	KUNIT_CASE(not_a_struct_page),
	KUNIT_CASE(free_pages_bad_addresses),
	KUNIT_CASE(page_poison_write_after_free),
#ifdef __ORDERLY_HOST__
	KUNIT_CASE(debug_pagealloc_unmaps_free_pages),
	KUNIT_CASE(debug_pagealloc_with_poison),
#endif
	{}
};

static int misuse_private_node(struct kunit_suite *suite)
{
	misuse_nid = 1;
	return 0;
}

/* grouping on whatever the kernel chose (the block layouts above assume it) */
static int saved_disabled;

static int misuse_init(struct kunit *test)
{
	saved_disabled = page_group_by_mobility_disabled;
	page_group_by_mobility_disabled = 0;
	return 0;
}

static void misuse_exit_grouping(struct kunit *test)
{
	page_group_by_mobility_disabled = saved_disabled;
	misuse_exit(test);
}

static struct kunit_suite misuse_suite = {
	.name = "misuse",
	.suite_init = misuse_private_node,
	.init = misuse_init,
	.exit = misuse_exit_grouping,
	.test_cases = misuse_cases,
};
kunit_test_suite(misuse_suite);

#ifdef __ORDERLY_HOST__
/* the same cases on node 0, where __free_pages() takes its fast path */
static struct kunit_case misuse_node0_cases[] = {
	KUNIT_CASE(double_free),
	KUNIT_CASE(double_free_inside_merged_block),
	KUNIT_CASE(free_reserved_and_hole),
	KUNIT_CASE(wrong_order),
	KUNIT_CASE(tail_pages),
	KUNIT_CASE(free_never_allocated_and_put_after_free),
	KUNIT_CASE(references_last_put_frees),
	KUNIT_CASE(not_a_struct_page),
	/* free_pages_bad_addresses: on node 0 already, in "misuse" */
	KUNIT_CASE(page_poison_write_after_free),
	KUNIT_CASE(debug_pagealloc_unmaps_free_pages),
	KUNIT_CASE(debug_pagealloc_with_poison),
	{}
};

static int misuse_kernel_node(struct kunit_suite *suite)
{
	misuse_nid = 0;
	return 0;
}

static struct kunit_suite misuse_node0_suite = {
	.name = "misuse_node0",
	.suite_init = misuse_kernel_node,
	.init = misuse_init,
	.exit = misuse_exit_grouping,
	.test_cases = misuse_node0_cases,
};
kunit_test_suite(misuse_node0_suite);
#endif
