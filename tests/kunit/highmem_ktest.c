// SPDX-License-Identifier: GPL-2.0
/*
 * kmap on the real machine: HighMem pages from the buddy allocator
 * (GFP_HIGHUSER), the kernel's own page tables (kernel/paging.c behind
 * <asm/mmu_hooks.h>).  The host suite "highmem" tests the same code over
 * a private node; this one proves it on real frames above 896 MiB.
 *
 * The live kmap state is the kernel's, so nothing here calls kmap_init():
 * each case leaves the window and the kmap_local stack as it found them.
 * Without HighMem (less than ~900 MiB of RAM and no highmem=) the cases
 * skip with the reason.
 */
#include <kunit/test.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/mmu_hooks.h>
#include <asm/pgtable_32_areas.h>
#include "page_pattern.h"

/*
 * Skip the case unless HighMem can serve @nr_pages: after this, a failed
 * GFP_HIGHUSER allocation is a real failure, not a reason to skip.
 */
static void hmk_need_highmem(struct kunit *test, unsigned long nr_pages)
{
	const struct zone *z = &contig_page_data.node_zones[ZONE_HIGHMEM];

	if (!populated_zone(z))
		kunit_skip(test, "no HighMem zone (boot with -m 2G or highmem=)");
	if (z->free_pages < nr_pages + high_wmark_pages(z))
		kunit_skip(test, "too little free HighMem");
}

/* 2^@order HighMem pages (the case has called hmk_need_highmem) */
static struct page *hmk_alloc_high(struct kunit *test, unsigned int order, gfp_t extra)
{
	struct page *page = alloc_pages(GFP_HIGHUSER | extra, order);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_TRUE(test, PageHighMem(page));
	return page;
}

static unsigned int hmk_depth0, hmk_inuse0;

static int hmk_init(struct kunit *test)
{
	hmk_depth0 = kmap_local_depth();
	hmk_inuse0 = nr_pkmaps_in_use();
	return 0;
}

static void hmk_exit(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), hmk_depth0);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), hmk_inuse0);
}

#define HMK_N	8

/* kmap, write, kunmap, flush, kmap again at another address, read back */
static void hmk_kmap_pattern(struct kunit *test)
{
	struct page *pages[HMK_N];
	void *first[HMK_N];
	unsigned int i, moved = 0;

	hmk_need_highmem(test, HMK_N);
	for (i = 0; i < HMK_N; i++)
		pages[i] = hmk_alloc_high(test, 0, 0);
	for (i = 0; i < HMK_N; i++) {
		unsigned long pfn = page_to_pfn(pages[i]);

		KUNIT_EXPECT_GE(test, pfn, max_low_pfn);
		first[i] = kmap(pages[i]);
		KUNIT_ASSERT_NOT_NULL(test, first[i]);
		KUNIT_EXPECT_GE(test, (unsigned long)first[i], PKMAP_BASE);
		KUNIT_EXPECT_LT(test, (unsigned long)first[i], PKMAP_END);
		KUNIT_EXPECT_PTR_EQ(test, page_address(pages[i]), first[i]);
		KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)first[i]), pfn);
		fill_pattern(first[i], pfn);
		kunmap(pages[i]);
	}

	/* the flush really removes the PTEs and the addresses */
	kmap_flush_unused();
	for (i = 0; i < HMK_N; i++) {
		KUNIT_EXPECT_NULL(test, page_address(pages[i]));
		KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)first[i]), -1UL);
	}

	for (i = 0; i < HMK_N; i++) {
		unsigned long pfn = page_to_pfn(pages[i]);
		void *a = kmap(pages[i]);
		void *l;

		KUNIT_ASSERT_NOT_NULL(test, a);
		moved += a != first[i];
		KUNIT_EXPECT_EQ(test, check_pattern(a, pfn), -1);
		/* the same frame through the fixmap */
		l = kmap_local_page(pages[i]);
		KUNIT_EXPECT_EQ(test, check_pattern(l, pfn), -1);
		kunmap_local(l);
		kunmap(pages[i]);
	}
	/* the scan moved on: the second mappings are at other addresses */
	KUNIT_EXPECT_EQ(test, moved, HMK_N);
	for (i = 0; i < HMK_N; i++)
		__free_pages(pages[i], 0);
}

/* all LAST_PKMAP slots (1024, 512 with PAE) in use: the next kmap fails with a report, no hang */
static void hmk_kmap_exhaustion(struct kunit *test)
{
	struct printk_capture cap;
	struct page *block, *extra;
	unsigned int i, mapped = 0;
	char want[96];
	void *a;

	hmk_need_highmem(test, 2 * LAST_PKMAP);
	block = hmk_alloc_high(test, 10, 0);	/* 1024 pages */
	extra = hmk_alloc_high(test, 0, 0);

	for (i = 0; i < LAST_PKMAP; i++) {
		kunit_capture_start(&cap);
		a = kmap(block + i);
		kunit_capture_stop();
		if (!a)
			break;
		mapped++;
	}
	/* the slots someone else already held plus ours fill the window */
	KUNIT_EXPECT_EQ(test, mapped, LAST_PKMAP - hmk_inuse0);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), LAST_PKMAP);

	kunit_capture_start(&cap);
	a = kmap(extra);
	kunit_capture_stop();
	KUNIT_EXPECT_NULL(test, a);
	snprintf(want, sizeof(want), "BUG: kmap: all %u PKMAP slots in use (pfn 0x%lx)",
		 (unsigned int)LAST_PKMAP, page_to_pfn(extra));
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, want);
	KUNIT_EXPECT_NULL(test, page_address(extra));

	/* one kunmap makes room again (after the wrap's flush) */
	kunmap(block);
	a = kmap(extra);
	KUNIT_EXPECT_NOT_NULL(test, a);
	if (a)
		kunmap(extra);
	for (i = 1; i < mapped; i++)
		kunmap(block + i);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), hmk_inuse0);
	__free_page(extra);
	__free_pages(block, 10);
}

/* __GFP_ZERO zeroes HighMem pages (through clear_highpage) */
static void hmk_gfp_zero(struct kunit *test)
{
	struct page *pages[HMK_N];
	unsigned long dirty[HMK_N];
	unsigned int i, j, reused = 0;
	void *l;

	hmk_need_highmem(test, HMK_N);
	for (i = 0; i < HMK_N; i++) {
		pages[i] = hmk_alloc_high(test, 0, 0);
		dirty[i] = page_to_pfn(pages[i]);
		l = kmap_local_page(pages[i]);
		memset(l, 0x5A, PAGE_SIZE);
		kunmap_local(l);
	}
	for (i = 0; i < HMK_N; i++)
		__free_pages(pages[i], 0);

	for (i = 0; i < HMK_N; i++) {
		pages[i] = hmk_alloc_high(test, 0, __GFP_ZERO);
		for (j = 0; j < HMK_N; j++)
			reused += page_to_pfn(pages[i]) == dirty[j];
		l = kmap_local_page(pages[i]);
		KUNIT_EXPECT_NULL(test, memchr_inv(l, 0, PAGE_SIZE));
		kunmap_local(l);
	}
	printk(KERN_INFO "highmem_ktest: %u of %u zeroed pages had been dirtied first\n",
	       reused, HMK_N);
	for (i = 0; i < HMK_N; i++)
		__free_pages(pages[i], 0);
}

/* kmap_local on real page tables: LIFO, out-of-order refused, PTE gone */
static void hmk_kmap_local(struct kunit *test)
{
	struct printk_capture cap;
	struct page *p;
	unsigned long pfn;
	void *a, *b;

	hmk_need_highmem(test, 2);
	p = hmk_alloc_high(test, 1, 0);
	pfn = page_to_pfn(p);

	a = kmap_local_page(p);
	b = kmap_atomic(p + 1);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, (unsigned long)a - (unsigned long)b, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)b), pfn + 1);
	fill_pattern(a, pfn);
	fill_pattern(b, pfn + 1);

	kunit_capture_start(&cap);
	kunmap_local(a);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "is not the top of the kmap_local stack");
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), hmk_depth0 + 2);

	kunmap_atomic(b);
	kunmap_local(a);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)a), -1UL);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)b), -1UL);

	/* copy_highpage / memcpy_from_page see what was written */
	{
		struct page *lo = alloc_page(GFP_KERNEL);
		static unsigned char buf[64];

		KUNIT_ASSERT_NOT_NULL(test, lo);
		copy_highpage(lo, p + 1);
		KUNIT_EXPECT_EQ(test, check_pattern(page_address(lo), pfn + 1), -1);
		memcpy_from_page(buf, p, 100, sizeof(buf));
		KUNIT_EXPECT_EQ(test, buf[0], pattern_byte(pfn, 100));
		KUNIT_EXPECT_EQ(test, buf[63], pattern_byte(pfn, 163));
		__free_page(lo);
	}
	__free_pages(p, 1);
}

static struct kunit_case highmem_k_cases[] = {
	KUNIT_CASE(hmk_kmap_pattern),
	KUNIT_CASE(hmk_kmap_exhaustion),
	KUNIT_CASE(hmk_gfp_zero),
	KUNIT_CASE(hmk_kmap_local),
	{}
};

static struct kunit_suite highmem_k_suite = {
	.name = "highmem_kernel",
	.init = hmk_init,
	.exit = hmk_exit,
	.test_cases = highmem_k_cases,
	.flags = KUNIT_SUITE_KERNEL_ONLY,
};
kunit_test_suite(highmem_k_suite);
