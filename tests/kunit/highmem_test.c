// SPDX-License-Identifier: GPL-2.0
/*
 * kmap/kunmap, kmap_local/kmap_atomic and page_address() on the host,
 * against real (simulated) page tables: tests/host/mmu_hooks.c maps a
 * frame of the memfd arena at the kmap address for every PTE set, and
 * puts PROT_NONE back when it is cleared, so a stale address faults.
 *
 * The pages come from a private node (nid HM_NID) laid over the arena
 * like a real one: its mem_map sits in the first frames (reserved), then
 * a little lowmem (ZONE_NORMAL), then ZONE_HIGHMEM up to HM_NR_PAGES.
 * Every frame is also visible through the host's direct view of the
 * arena (hm_frame()), which is how a test checks what a kmap address
 * really reaches.
 *
 * Host only (the Makefile's KTEST_HOST_ONLY keeps it out of the kernel):
 * the kernel cannot build a node over memory it does not have;
 * tests/kunit/highmem_ktest.c does the same with real HighMem.
 */
#include <kunit/test.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/mmu_hooks.h>
#include <asm/pgtable_32_areas.h>
#include "page_pattern.h"

#include <host_phys.h>

#define HM_NID		6
#define HM_NR_PAGES	2048UL
#define HM_MAP_PAGES	PFN_UP(HM_NR_PAGES * sizeof(struct page))
#define HM_HIGH_START	64UL	/* first ZONE_HIGHMEM pfn */
#define HM_NR_HIGH	(HM_NR_PAGES - HM_HIGH_START)

BUILD_BUG_ON(HM_NR_HIGH < LAST_PKMAP + 8);

static struct {
	struct pglist_data pgdat;
	struct pglist_data *saved;
	struct page *map;
} hm;

static struct page *hm_high(unsigned long i)
{
	return &hm.map[HM_HIGH_START + i];
}

static struct page *hm_low(unsigned long i)
{
	return &hm.map[HM_MAP_PAGES + i];
}

/* the frame of @page through the host's direct view of the arena */
static unsigned char *hm_frame(struct page *page)
{
	return __va(page_to_phys(page));
}

static bool all_bytes(const void *kaddr, unsigned char c, size_t n)
{
	const unsigned char *p = kaddr;
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != c)
			return false;
	return true;
}

static bool in_pkmap(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= PKMAP_BASE && a < PKMAP_END;
}

static int hm_init(struct kunit *test)
{
	unsigned long pfn;

	if (host_phys_setup(HM_NR_PAGES * PAGE_SIZE))
		return -1;
	hm.map = __va(0);
	memset(&hm.pgdat, 0, sizeof(hm.pgdat));
	hm.pgdat.node_mem_map = hm.map;
	hm.pgdat.node_start_pfn = 0;
	hm.pgdat.node_spanned_pages = HM_NR_PAGES;
	hm.pgdat.node_present_pages = HM_NR_PAGES;
	hm.pgdat.node_id = HM_NID;
	for (pfn = 0; pfn < HM_NR_PAGES; pfn++) {
		set_page_links(&hm.map[pfn], pfn < HM_HIGH_START ? ZONE_NORMAL : ZONE_HIGHMEM, HM_NID);
		if (pfn < HM_MAP_PAGES)
			SetPageReserved(&hm.map[pfn]);
	}
	hm.saved = node_data[HM_NID];
	node_data[HM_NID] = &hm.pgdat;
	kmap_init();
	return 0;
}

/*
 * Window pages whose simulated TLB entry, on any simulated CPU, outlived
 * their PTE (a missed flush or shootdown): any PKMAP slot, and the CPU's
 * own kmap_local slots.  A stale entry for another CPU's kmap_local slot
 * is allowed, as on x86 (Linux flushes those locally only): that CPU
 * never uses the address.
 */
static unsigned int hm_nr_stale(void)
{
	unsigned int cpu, i, n = 0;

	for (cpu = 0; cpu < HOST_NR_CPUS; cpu++) {
		for (i = 0; i < LAST_PKMAP; i++)
			n += host_tlb_stale_on(cpu, PKMAP_ADDR(i));
		for (i = 0; i < KM_MAX_IDX; i++)
			n += host_tlb_stale_on(cpu, __fix_to_virt(FIX_KMAP_BEGIN + KM_MAX_IDX * cpu + i));
	}
	return n;
}

static void hm_exit(struct kunit *test)
{
	unsigned int cpu;

	/* every case must leave no mapping and no unflushed translation behind */
	for (cpu = HOST_NR_CPUS; cpu-- > 0; ) {
		host_set_cpu(cpu);	/* ends on CPU 0 */
		KUNIT_EXPECT_EQ(test, kmap_local_depth(), 0);
	}
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 0);
	KUNIT_EXPECT_EQ(test, hm_nr_stale(), 0);
	kmap_init();
	node_data[HM_NID] = hm.saved;
	host_phys_teardown();
}

/*
 * The fake page table this suite stands on: a cleared or replaced PTE
 * stays reachable (stale TLB entry) until a flush, then faults.
 */
static void hm_host_tlb_model(struct kunit *test)
{
	unsigned long va = PKMAP_ADDR(9);
	struct page *p = hm_high(0), *q = hm_high(1);

	fill_pattern(hm_frame(p), 1);
	fill_pattern(hm_frame(q), 2);
	KUNIT_EXPECT_TRUE(test, host_addr_faults((void *)va));
	arch_set_kernel_pte(va, page_to_pfn(p));	/* nothing cached: seen at once */
	KUNIT_EXPECT_EQ(test, check_pattern((void *)va, 1), -1);
	arch_set_kernel_pte(va, page_to_pfn(q));	/* old translation still cached */
	KUNIT_EXPECT_TRUE(test, host_tlb_stale(va));
	KUNIT_EXPECT_EQ(test, check_pattern((void *)va, 1), -1);
	arch_flush_tlb_one(va);
	KUNIT_EXPECT_EQ(test, check_pattern((void *)va, 2), -1);
	arch_clear_kernel_pte(va);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn(va), -1UL);
	KUNIT_EXPECT_FALSE(test, host_addr_faults((void *)va));	/* stale, not flushed */
	arch_flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_END);
	KUNIT_EXPECT_TRUE(test, host_addr_faults((void *)va));
	KUNIT_EXPECT_FALSE(test, host_tlb_stale(va));
}

/* lowmem: the direct-map address, no slot, nothing to undo */
static void hm_lowmem(struct kunit *test)
{
	struct printk_capture cap;
	struct page *page = hm_low(3);
	void *direct = __va(PFN_PHYS(HM_MAP_PAGES + 3));
	void *a, *l;

	KUNIT_EXPECT_FALSE(test, PageHighMem(page));
	KUNIT_EXPECT_PTR_EQ(test, page_address(page), direct);
	kunit_capture_start(&cap);
	a = kmap(page);
	l = kmap_local_page(page);
	KUNIT_EXPECT_PTR_EQ(test, a, direct);
	KUNIT_EXPECT_PTR_EQ(test, l, direct);
	KUNIT_EXPECT_PTR_EQ(test, kmap_atomic(page), direct);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 0);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 0);
	kunmap_atomic(direct);
	kunmap_local(l);
	kunmap(page);
	kunmap(page);		/* lowmem kunmap is a no-op, even unbalanced */
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_EMPTY(test, &cap);
	KUNIT_EXPECT_PTR_EQ(test, page_address(page), direct);
}

/* write through kmap, unmap and flush, map again elsewhere, read it back */
static void hm_kmap_roundtrip(struct kunit *test)
{
	struct page *page = hm_high(10);
	unsigned long pfn = page_to_pfn(page);
	void *a, *b;

	KUNIT_EXPECT_TRUE(test, PageHighMem(page));
	KUNIT_EXPECT_NULL(test, page_address(page));

	a = kmap(page);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_PTR_EQ(test, a, PKMAP_ADDR(1));	/* the scan starts after slot 0 */
	KUNIT_EXPECT_PTR_EQ(test, page_address(page), a);
	KUNIT_EXPECT_PTR_EQ(test, kmap_to_page(a), page);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)a), pfn);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 1);
	fill_pattern(a, pfn);
	/* the PTE reaches the right frame: the arena's direct view sees the data */
	KUNIT_EXPECT_EQ(test, check_pattern(hm_frame(page), pfn), -1);
	kunmap(page);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 0);

	kmap_flush_unused();
	KUNIT_EXPECT_NULL(test, page_address(page));
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)a), -1UL);
	KUNIT_EXPECT_TRUE(test, host_addr_faults(a));

	b = kmap(page);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_TRUE(test, in_pkmap(b));
	KUNIT_EXPECT_PTR_EQ(test, b, PKMAP_ADDR(2));	/* a new slot */
	KUNIT_EXPECT_FALSE(test, host_addr_faults(b));
	KUNIT_EXPECT_EQ(test, check_pattern(b, pfn), -1);
	kunmap(page);
}

/* one page kmap()ed twice shares one slot; Linux's 0/1/n>1 convention */
static void hm_kmap_sharing_and_counts(struct kunit *test)
{
	struct printk_capture cap;
	struct page *p = hm_high(0), *q = hm_high(1);
	char want[128];
	void *a, *a2, *b;
	unsigned int nr;

	a = kmap(p);
	a2 = kmap(p);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_PTR_EQ(test, a, a2);
	nr = PKMAP_NR((unsigned long)a);
	KUNIT_EXPECT_EQ(test, pkmap_count_of(nr), 3);	/* two users */
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 1);
	b = kmap(q);
	KUNIT_EXPECT_NE(test, (unsigned long)b, (unsigned long)a);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 2);

	kunmap(p);
	KUNIT_EXPECT_EQ(test, pkmap_count_of(nr), 2);
	KUNIT_EXPECT_PTR_EQ(test, page_address(p), a);
	kunmap(p);
	/* unused but not flushed: still mapped, still found, not reusable */
	KUNIT_EXPECT_EQ(test, pkmap_count_of(nr), 1);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 1);
	KUNIT_EXPECT_PTR_EQ(test, page_address(p), a);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)a), page_to_pfn(p));

	/* a kmap of it now revives the same slot */
	KUNIT_EXPECT_PTR_EQ(test, kmap(p), a);
	KUNIT_EXPECT_EQ(test, pkmap_count_of(nr), 2);
	kunmap(p);

	/* one kunmap too many: reported, count unchanged */
	kunit_capture_start(&cap);
	kunmap(p);
	kunit_capture_stop();
	snprintf(want, sizeof(want), "BUG: kunmap: pfn 0x%lx kunmapped more times than kmapped",
		 page_to_pfn(p));
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, want);
	KUNIT_EXPECT_EQ(test, pkmap_count_of(nr), 1);
	KUNIT_EXPECT_PTR_EQ(test, page_address(p), a);

	/* after the flush the page is not kmapped at all */
	kmap_flush_unused();
	KUNIT_EXPECT_EQ(test, pkmap_count_of(nr), 0);
	KUNIT_EXPECT_NULL(test, page_address(p));
	kunit_capture_start(&cap);
	kunmap(p);
	kunit_capture_stop();
	snprintf(want, sizeof(want), "BUG: kunmap: pfn 0x%lx is not kmapped", page_to_pfn(p));
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, want);
	KUNIT_EXPECT_EQ(test, pkmap_count_of(nr), 0);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 1);

	/* q was never touched by any of this */
	KUNIT_EXPECT_PTR_EQ(test, page_address(q), b);
	KUNIT_EXPECT_EQ(test, pkmap_count_of(PKMAP_NR((unsigned long)b)), 2);
	kunmap(q);
}

/* page_address() tracks hundreds of mappings through the hash */
static void hm_page_address_follows(struct kunit *test)
{
	static void *addr[600];
	unsigned long i;
	unsigned int bad = 0;

	for (i = 0; i < 600; i += 2) {
		addr[i] = kmap(hm_high(i));
		KUNIT_ASSERT_NOT_NULL(test, addr[i]);
	}
	for (i = 0; i < 600; i++) {
		void *want = i % 2 ? NULL : addr[i];

		bad += page_address(hm_high(i)) != want;
		if (want)
			bad += kmap_to_page(want) != hm_high(i);
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 300);

	/* unmap every other one, flush: exactly those lose their address */
	for (i = 0; i < 600; i += 4)
		kunmap(hm_high(i));
	kmap_flush_unused();
	for (i = 0; i < 600; i += 2) {
		void *want = i % 4 ? addr[i] : NULL;

		bad += page_address(hm_high(i)) != want;
		bad += arch_kernel_pte_pfn((unsigned long)addr[i]) !=
		       (want ? page_to_pfn(hm_high(i)) : -1UL);
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 150);
	for (i = 2; i < 600; i += 4)
		kunmap(hm_high(i));
}

/* all 1024 slots in use: the 1025th kmap fails cleanly, never hangs */
static void hm_kmap_exhaustion(struct kunit *test)
{
	static void *addr[LAST_PKMAP];
	static unsigned char seen[LAST_PKMAP];
	struct printk_capture cap;
	struct kmap_stats st;
	struct page *extra = hm_high(LAST_PKMAP);
	char want[128];
	unsigned int i, dup = 0;
	void *a;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < LAST_PKMAP; i++) {
		addr[i] = kmap(hm_high(i));
		KUNIT_ASSERT_TRUE(test, in_pkmap(addr[i]));
		dup += seen[PKMAP_NR((unsigned long)addr[i])]++;
	}
	KUNIT_EXPECT_EQ(test, dup, 0);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), LAST_PKMAP);

	kunit_capture_start(&cap);
	a = kmap(extra);
	kunit_capture_stop();
	KUNIT_EXPECT_NULL(test, a);
	snprintf(want, sizeof(want), "BUG: kmap: all 1024 PKMAP slots in use (pfn 0x%lx)",
		 page_to_pfn(extra));
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, want);
	KUNIT_EXPECT_NULL(test, page_address(extra));
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), LAST_PKMAP);
	kmap_get_stats(&st);
	KUNIT_EXPECT_EQ(test, st.pkmap_failures, 1);

	/* a page that already has a slot can still be kmapped: it shares */
	KUNIT_EXPECT_PTR_EQ(test, kmap(hm_high(5)), addr[5]);
	KUNIT_EXPECT_EQ(test, pkmap_count_of(PKMAP_NR((unsigned long)addr[5])), 3);
	kunmap(hm_high(5));

	/* one kunmap frees one slot, reusable after the flush the scan does */
	kunmap(hm_high(7));
	a = kmap(extra);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_PTR_EQ(test, a, addr[7]);
	KUNIT_EXPECT_NULL(test, page_address(hm_high(7)));
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)a), page_to_pfn(extra));
	fill_pattern(a, page_to_pfn(extra));
	KUNIT_EXPECT_EQ(test, check_pattern(hm_frame(extra), page_to_pfn(extra)), -1);

	for (i = 0; i < LAST_PKMAP; i++)
		if (i != 7)
			kunmap(hm_high(i));
	kunmap(extra);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 0);
}

/* lazy flushing: a freed slot keeps its stale PTE until the scan wraps */
static void hm_kmap_wrap_flush(struct kunit *test)
{
	struct page *first = hm_high(0);
	struct kmap_stats st;
	unsigned int i;
	void *a, *z, *r;

	a = kmap(first);
	KUNIT_ASSERT_EQ(test, (unsigned long)a, (unsigned long)PKMAP_ADDR(1));
	fill_pattern(a, page_to_pfn(first));
	kunmap(first);

	/* slots 2..1023: the scan moves on, slot 1 is not reused */
	for (i = 1; i <= LAST_PKMAP - 2; i++)
		KUNIT_ASSERT_EQ(test, (unsigned long)kmap(hm_high(i)), (unsigned long)PKMAP_ADDR(i + 1));
	kmap_get_stats(&st);
	KUNIT_EXPECT_EQ(test, st.pkmap_flushes, 0);
	KUNIT_EXPECT_EQ(test, st.pkmap_unused, 1);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)a), page_to_pfn(first));
	KUNIT_EXPECT_PTR_EQ(test, page_address(first), a);

	/* the next one wraps: one flush clears slot 1, then slot 0 is taken */
	z = kmap(hm_high(LAST_PKMAP - 1));
	KUNIT_EXPECT_PTR_EQ(test, z, PKMAP_ADDR(0));
	kmap_get_stats(&st);
	KUNIT_EXPECT_EQ(test, st.pkmap_flushes, 1);
	KUNIT_EXPECT_EQ(test, st.pkmap_unused, 0);
	KUNIT_EXPECT_NULL(test, page_address(first));
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)a), -1UL);
	KUNIT_EXPECT_TRUE(test, host_addr_faults(a));

	/* and only now does slot 1 map something else */
	r = kmap(hm_high(LAST_PKMAP));
	KUNIT_EXPECT_PTR_EQ(test, r, a);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)r), page_to_pfn(hm_high(LAST_PKMAP)));

	for (i = 1; i <= LAST_PKMAP; i++)
		kunmap(hm_high(i));
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 0);

	/* the data written through the first mapping is still in the frame */
	a = kmap(first);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, check_pattern(a, page_to_pfn(first)), -1);
	kunmap(first);
}

/* kmap_local: a LIFO of fixmap slots, out-of-order unmaps refused */
static void hm_kmap_local_nesting(struct kunit *test)
{
	struct printk_capture cap;
	struct page *pa = hm_high(1), *pb = hm_high(2), *pc = hm_high(3);
	void *a, *b, *c, *low;

	a = kmap_local_page(pa);
	b = kmap_atomic(pb);		/* the same stack */
	low = kmap_local_page(hm_low(0));	/* lowmem: no slot */
	c = kmap_local_page(pc);
	KUNIT_EXPECT_PTR_EQ(test, a, __fix_to_virt(FIX_KMAP_BEGIN));
	KUNIT_EXPECT_PTR_EQ(test, b, __fix_to_virt(FIX_KMAP_BEGIN + 1));
	KUNIT_EXPECT_PTR_EQ(test, c, __fix_to_virt(FIX_KMAP_BEGIN + 2));
	KUNIT_EXPECT_PTR_EQ(test, low, hm_frame(hm_low(0)));
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 3);
	KUNIT_EXPECT_PTR_EQ(test, kmap_to_page(b), pb);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 0);	/* not the PKMAP window */

	fill_pattern(a, page_to_pfn(pa));
	fill_pattern(b, page_to_pfn(pb));
	fill_pattern(c, page_to_pfn(pc));
	KUNIT_EXPECT_EQ(test, check_pattern(hm_frame(pa), page_to_pfn(pa)), -1);
	KUNIT_EXPECT_EQ(test, check_pattern(hm_frame(pb), page_to_pfn(pb)), -1);
	KUNIT_EXPECT_EQ(test, check_pattern(hm_frame(pc), page_to_pfn(pc)), -1);

	/* out of order: reported, nothing unmapped */
	kunit_capture_start(&cap);
	kunmap_local(a);
	kunmap_atomic(b);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: kunmap_local: ");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "is not the top of the kmap_local stack (slot 0");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: kunmap_atomic: ");
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 3);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)a), page_to_pfn(pa));
	KUNIT_EXPECT_EQ(test, check_pattern(a, page_to_pfn(pa)), -1);

	/* in order, through an address inside the page: each one faults at once */
	kunmap_local((char *)c + 123);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 2);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)c), -1UL);
	KUNIT_EXPECT_TRUE(test, host_addr_faults(c));
	kunmap_local(low);		/* lowmem: ignored */
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 2);
	kunmap_atomic(b);
	kunmap_local(a);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 0);
	KUNIT_EXPECT_TRUE(test, host_addr_faults(a));

	/* unmapping again, or a kmap() address: reported, no change */
	kunit_capture_start(&cap);
	kunmap_local(a);
	kunmap_local((void *)PKMAP_ADDR(4));
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "is not mapped (kmap_local slot 0, stack depth 0)");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "is a kmap() address; use kunmap()");
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 0);

	/* a slot is reused for another page after its unmap */
	b = kmap_local_page(pc);
	KUNIT_EXPECT_PTR_EQ(test, b, a);
	KUNIT_EXPECT_EQ(test, check_pattern(b, page_to_pfn(pc)), -1);
	kunmap_local(b);
}

/* 16 nested local mappings is the limit; a leak shows in the depth */
static void hm_kmap_local_overflow(struct kunit *test)
{
	static void *addr[KM_MAX_IDX];
	struct printk_capture cap;
	char want[128];
	unsigned int i;
	void *x;

	for (i = 0; i < KM_MAX_IDX; i++) {
		addr[i] = kmap_local_page(hm_high(i));
		KUNIT_ASSERT_EQ(test, (unsigned long)addr[i], (unsigned long)__fix_to_virt(FIX_KMAP_BEGIN + i));
	}
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), KM_MAX_IDX);
	kunit_capture_start(&cap);
	x = kmap_local_page(hm_high(100));
	kunit_capture_stop();
	KUNIT_EXPECT_NULL(test, x);
	snprintf(want, sizeof(want),
		 "BUG: kmap_local_page: kmap_local stack overflow: all 16 fixmap slots in use (pfn 0x%lx)",
		 page_to_pfn(hm_high(100)));
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, want);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), KM_MAX_IDX);

	for (i = KM_MAX_IDX; i-- > 1; )
		kunmap_local(addr[i]);
	/* a "leaked" mapping: the depth says so */
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 1);
	kunmap_local(addr[0]);
	for (i = 0; i < KM_MAX_IDX; i++)
		KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)addr[i]), -1UL);
}

/* clear_highpage / copy_highpage / memcpy_{to,from}_page */
static void hm_page_helpers(struct kunit *test)
{
	static unsigned char buf[PAGE_SIZE];
	struct printk_capture cap;
	struct page *h1 = hm_high(20), *h2 = hm_high(21), *lo = hm_low(1);
	unsigned int i;

	/* clear_highpage zeroes the frame, HighMem and lowmem */
	memset(hm_frame(h1), 0xAA, PAGE_SIZE);
	memset(hm_frame(lo), 0x55, PAGE_SIZE);
	clear_highpage(h1);
	clear_highpage(lo);
	KUNIT_EXPECT_TRUE(test, all_bytes(hm_frame(h1), 0, PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, all_bytes(hm_frame(lo), 0, PAGE_SIZE));

	/* copy_highpage in every direction */
	fill_pattern(hm_frame(h1), 1234);
	copy_highpage(h2, h1);
	KUNIT_EXPECT_EQ(test, check_pattern(hm_frame(h2), 1234), -1);
	copy_highpage(lo, h2);
	KUNIT_EXPECT_EQ(test, check_pattern(hm_frame(lo), 1234), -1);
	fill_pattern(hm_frame(lo), 99);
	copy_highpage(h1, lo);
	KUNIT_EXPECT_EQ(test, check_pattern(hm_frame(h1), 99), -1);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 0);

	/* memcpy_to_page / memcpy_from_page at an offset */
	memset(hm_frame(h2), 0, PAGE_SIZE);
	for (i = 0; i < 50; i++)
		buf[i] = (unsigned char)(200 + i);
	memcpy_to_page(h2, 100, buf, 50);
	KUNIT_EXPECT_TRUE(test, all_bytes(hm_frame(h2), 0, 100));
	KUNIT_EXPECT_EQ(test, memcmp(hm_frame(h2) + 100, buf, 50), 0);
	KUNIT_EXPECT_TRUE(test, all_bytes(hm_frame(h2) + 150, 0, PAGE_SIZE - 150));
	memset(buf, 0, sizeof(buf));
	memcpy_from_page(buf, h2, 120, 30);
	KUNIT_EXPECT_EQ(test, memcmp(buf, hm_frame(h2) + 120, 30), 0);
	KUNIT_EXPECT_EQ(test, buf[0], 220);
	memcpy_from_page(buf, h1, 0, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, check_pattern(buf, 99), -1);

	/* past the end of the page: reported, nothing copied */
	memset(buf, 0x11, sizeof(buf));
	kunit_capture_start(&cap);
	memcpy_from_page(buf, h1, 4000, 97);
	memcpy_to_page(h2, PAGE_SIZE + 1, buf, 0);
	memcpy_to_page(h2, 8, buf, (size_t)-4);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: memcpy_from_page: offset 0xfa0 + len 0x61 runs past the page");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: memcpy_to_page: offset 0x1001 + len 0x0");
	KUNIT_EXPECT_TRUE(test, all_bytes(buf, 0x11, PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, all_bytes(hm_frame(h2), 0, 100));
	for (i = 0; i < 50; i++)
		KUNIT_EXPECT_EQ(test, hm_frame(h2)[100 + i], 200 + i);
	KUNIT_EXPECT_TRUE(test, all_bytes(hm_frame(h2) + 150, 0, PAGE_SIZE - 150));
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 0);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 0);
}

/* clear_highpage never skips a page, even when the caller holds all 16 slots */
static void hm_clear_highpage_stack_full(struct kunit *test)
{
	static void *addr[KM_MAX_IDX];
	struct printk_capture cap;
	struct page *victim = hm_high(500);
	unsigned int i;

	for (i = 0; i < KM_MAX_IDX; i++)
		addr[i] = kmap_local_page(hm_high(i));
	memset(hm_frame(victim), 0xEE, PAGE_SIZE);
	kunit_capture_start(&cap);
	clear_highpage(victim);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "kmap_local stack overflow");
	KUNIT_EXPECT_TRUE(test, all_bytes(hm_frame(victim), 0, PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), KM_MAX_IDX);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 0);	/* its PKMAP fallback was released */
	for (i = KM_MAX_IDX; i-- > 0; )
		kunmap_local(addr[i]);
}

/* what the page-fault handler prints for an address in the windows */
static void hm_describe_address(struct kunit *test)
{
	struct page *p = hm_high(3);
	char buf[160], want[160];
	void *a, *l;

	KUNIT_EXPECT_TRUE(test, kmap_describe_address(PKMAP_ADDR(3) + 5, buf, sizeof(buf)));
	KUNIT_EXPECT_STREQ(test, buf, "in the PKMAP window (kmap slot 3, free)");

	a = kmap(p);
	kmap(p);
	kmap_describe_address((unsigned long)a, buf, sizeof(buf));
	snprintf(want, sizeof(want), "in the PKMAP window (kmap slot 1, pfn 0x%lx, 2 users)", page_to_pfn(p));
	KUNIT_EXPECT_STREQ(test, buf, want);
	kunmap(p);
	kunmap(p);
	kmap_describe_address((unsigned long)a, buf, sizeof(buf));
	snprintf(want, sizeof(want), "in the PKMAP window (kmap slot 1, pfn 0x%lx, kunmap()ed, flush pending)",
		 page_to_pfn(p));
	KUNIT_EXPECT_STREQ(test, buf, want);

	l = kmap_local_page(p);
	kmap_describe_address((unsigned long)l, buf, sizeof(buf));
	snprintf(want, sizeof(want), "in the fixmap (CPU0's kmap_local slot 0, pfn 0x%lx)", page_to_pfn(p));
	KUNIT_EXPECT_STREQ(test, buf, want);
	kunmap_local(l);
	kmap_describe_address((unsigned long)l, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "in the fixmap (CPU0's kmap_local slot 0, not mapped: stack depth 0)");

	KUNIT_EXPECT_TRUE(test, kmap_describe_address(PKMAP_END, buf, sizeof(buf)));
	KUNIT_EXPECT_STREQ(test, buf, "in the guard gap between the PKMAP window and the fixmap");
	KUNIT_EXPECT_TRUE(test, kmap_describe_address(FIXADDR_TOP + 8, buf, sizeof(buf)));
	KUNIT_EXPECT_STREQ(test, buf, "in the fixmap (entry 0, unused)");

	snprintf(buf, sizeof(buf), "untouched");
	KUNIT_EXPECT_FALSE(test, kmap_describe_address((unsigned long)hm_frame(hm_low(0)), buf, sizeof(buf)));
	KUNIT_EXPECT_FALSE(test, kmap_describe_address(PKMAP_BASE - 1, buf, sizeof(buf)));
	KUNIT_EXPECT_STREQ(test, buf, "untouched");
}

/* kmap_init() forgets everything and clears every PTE it left */
static void hm_kmap_init_resets(struct kunit *test)
{
	struct kmap_stats st;
	void *a, *l;

	a = kmap(hm_high(0));
	kmap(hm_high(1));
	kunmap(hm_high(1));
	l = kmap_local_page(hm_high(2));
	kmap_init();
	kmap_get_stats(&st);
	KUNIT_EXPECT_EQ(test, st.pkmap_in_use, 0);
	KUNIT_EXPECT_EQ(test, st.pkmap_unused, 0);
	KUNIT_EXPECT_EQ(test, st.local_depth, 0);
	KUNIT_EXPECT_EQ(test, st.last_pkmap_nr, 0);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)a), -1UL);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn(PKMAP_ADDR(2)), -1UL);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)l), -1UL);
	KUNIT_EXPECT_NULL(test, page_address(hm_high(0)));
	KUNIT_EXPECT_PTR_EQ(test, kmap(hm_high(5)), PKMAP_ADDR(1));
	kunmap(hm_high(5));
}

/* ------------------------------------------------------- several CPUs */

/*
 * The shootdown: a slot kunmap()ed on CPU 1 is cached by CPU 2 too (it
 * may have touched it); a flush on CPU 1 must take it out of CPU 2's
 * TLB as well, or CPU 2 still reaches the old frame through it.
 */
static void hm_smp_flush_reaches_every_cpu(struct kunit *test)
{
	struct page *p = hm_high(4);
	unsigned long remote0 = host_remote_flushes;
	unsigned int cpu;
	void *a;

	host_set_cpu(1);
	a = kmap(p);
	fill_pattern(a, 4);
	kunmap(p);
	host_set_cpu(2);			/* CPU 2 caches the slot */
	KUNIT_EXPECT_EQ(test, check_pattern(a, 4), -1);
	host_set_cpu(1);
	kmap_flush_unused();
	KUNIT_EXPECT_GT(test, host_remote_flushes, remote0);
	for (cpu = 0; cpu < HOST_NR_CPUS; cpu++) {
		host_set_cpu(cpu);
		KUNIT_EXPECT_FALSE(test, host_tlb_stale(PKMAP_ADDR(1)));
		KUNIT_EXPECT_TRUE(test, host_addr_faults(a));
	}
	host_set_cpu(0);
}

#define HM_STORM_FREE	8	/* PKMAP slots left free: recycled every few kmaps */
#define HM_STORM_PAGES	12	/* pages per CPU, more than the free slots */
#define HM_STORM_ROUNDS	300

static u32 hm_storm_word(unsigned int cpu, u32 seq, unsigned int i)
{
	return (cpu << 28) ^ (seq << 10) ^ i;
}

/*
 * The kmap storm of the kernel's highmem_smp suite, with the CPUs taking
 * turns: each kmap()s one of its pages, checks the (cpu, sequence)
 * pattern it wrote there last, writes a new one, kunmap()s.  Nearly every
 * slot is pinned, so the free ones are recycled for other frames every
 * few kmaps while the other CPUs still cache them; only the shootdown in
 * flush_all_zero_pkmaps() keeps every write in its own frame.
 */
static void hm_smp_kmap_storm(struct kunit *test)
{
	static u32 seq[HOST_NR_CPUS][HM_STORM_PAGES];
	unsigned int pinned = LAST_PKMAP - HM_STORM_FREE, cpu, i, j, r, bad = 0;
	struct kmap_stats st;
	u32 rnd = 1;

	BUILD_BUG_ON(LAST_PKMAP - HM_STORM_FREE + HOST_NR_CPUS * HM_STORM_PAGES > HM_NR_HIGH);
	for (i = 0; i < pinned; i++)
		KUNIT_ASSERT_NOT_NULL(test, kmap(hm_high(i)));
	memset(seq, 0, sizeof(seq));
	for (r = 1; r <= HM_STORM_ROUNDS; r++)
		for (cpu = 0; cpu < HOST_NR_CPUS; cpu++) {
			struct page *p;
			u32 *w;

			rnd = rnd * 1103515245u + 12345u;
			j = (rnd >> 16) % HM_STORM_PAGES;
			p = hm_high(pinned + cpu * HM_STORM_PAGES + j);
			host_set_cpu(cpu);
			w = kmap(p);
			KUNIT_ASSERT_NOT_NULL(test, w);
			for (i = 0; seq[cpu][j] && i < PAGE_SIZE / 4; i++)
				if (w[i] != hm_storm_word(cpu, seq[cpu][j], i)) {
					bad++;
					break;
				}
			seq[cpu][j] = r;
			for (i = 0; i < PAGE_SIZE / 4; i++)
				w[i] = hm_storm_word(cpu, r, i);
			kunmap(p);
		}
	/* and every frame holds its last pattern, seen through the direct map */
	for (cpu = 0; cpu < HOST_NR_CPUS; cpu++)
		for (j = 0; j < HM_STORM_PAGES; j++) {
			const u32 *w = (const u32 *)hm_frame(hm_high(pinned + cpu * HM_STORM_PAGES + j));

			for (i = 0; seq[cpu][j] && i < PAGE_SIZE / 4; i++)
				if (w[i] != hm_storm_word(cpu, seq[cpu][j], i)) {
					bad++;
					break;
				}
		}
	kmap_get_stats(&st);
	KUNIT_EXPECT_EQ(test, bad, 0);
	/* the free slots really were recycled, many times */
	KUNIT_EXPECT_GT(test, st.pkmap_flushes, HM_STORM_ROUNDS / 4);
	host_set_cpu(0);
	for (i = 0; i < pinned; i++)
		kunmap(hm_high(i));
	kmap_flush_unused();
}

/*
 * kmap_local slot arithmetic: CPU n's slot i is fixmap entry
 * FIX_KMAP_BEGIN + KM_MAX_IDX * n + i; each CPU has a stack of its own,
 * and another CPU's address is neither its mapping nor its to unmap.
 */
static void hm_smp_kmap_local_per_cpu(struct kunit *test)
{
	struct printk_capture cap;
	void *addr[HOST_NR_CPUS][2];
	unsigned int cpu, i;
	char want[160], buf[160];

	for (cpu = 0; cpu < HOST_NR_CPUS; cpu++) {
		host_set_cpu(cpu);
		for (i = 0; i < 2; i++) {
			addr[cpu][i] = kmap_local_page(hm_high(10 * cpu + i));
			KUNIT_EXPECT_EQ(test, (unsigned long)addr[cpu][i],
					__fix_to_virt(FIX_KMAP_BEGIN + KM_MAX_IDX * cpu + i));
			fill_pattern(addr[cpu][i], 10 * cpu + i);
		}
		KUNIT_EXPECT_EQ(test, kmap_local_depth(), 2);
	}
	/* each CPU's mappings survive the others' */
	for (cpu = 0; cpu < HOST_NR_CPUS; cpu++) {
		host_set_cpu(cpu);
		for (i = 0; i < 2; i++) {
			KUNIT_EXPECT_EQ(test, check_pattern(addr[cpu][i], 10 * cpu + i), -1);
			KUNIT_EXPECT_PTR_EQ(test, kmap_to_page(addr[cpu][i]), hm_high(10 * cpu + i));
			KUNIT_EXPECT_NULL(test, kmap_to_page(addr[(cpu + 1) % HOST_NR_CPUS][i]));
		}
	}
	/* CPU 3 may not unmap CPU 2's top mapping: reported, nothing changes */
	host_set_cpu(3);
	kunit_capture_start(&cap);
	kunmap_local(addr[2][1]);
	kunit_capture_stop();
	snprintf(want, sizeof(want), "BUG: kunmap_local: 0x%lx is CPU2's kmap_local slot 1, not this CPU's (CPU3)",
		 (unsigned long)addr[2][1]);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, want);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 2);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)addr[2][1]), page_to_pfn(hm_high(21)));
	kmap_describe_address((unsigned long)addr[2][1], buf, sizeof(buf));
	snprintf(want, sizeof(want), "in the fixmap (CPU2's kmap_local slot 1, pfn 0x%lx)", page_to_pfn(hm_high(21)));
	KUNIT_EXPECT_STREQ(test, buf, want);

	for (cpu = 0; cpu < HOST_NR_CPUS; cpu++) {
		host_set_cpu(cpu);
		kunmap_local(addr[cpu][1]);
		kunmap_local(addr[cpu][0]);
		KUNIT_EXPECT_EQ(test, kmap_local_depth(), 0);
		KUNIT_EXPECT_TRUE(test, host_addr_faults(addr[cpu][0]));
	}
	host_set_cpu(0);
}

static struct kunit_case highmem_cases[] = {
	KUNIT_CASE(hm_host_tlb_model),
	KUNIT_CASE(hm_lowmem),
	KUNIT_CASE(hm_kmap_roundtrip),
	KUNIT_CASE(hm_kmap_sharing_and_counts),
	KUNIT_CASE(hm_page_address_follows),
	KUNIT_CASE(hm_kmap_exhaustion),
	KUNIT_CASE(hm_kmap_wrap_flush),
	KUNIT_CASE(hm_kmap_local_nesting),
	KUNIT_CASE(hm_kmap_local_overflow),
	KUNIT_CASE(hm_page_helpers),
	KUNIT_CASE(hm_clear_highpage_stack_full),
	KUNIT_CASE(hm_describe_address),
	KUNIT_CASE(hm_kmap_init_resets),
	KUNIT_CASE(hm_smp_flush_reaches_every_cpu),
	KUNIT_CASE(hm_smp_kmap_storm),
	KUNIT_CASE(hm_smp_kmap_local_per_cpu),
	{}
};

static struct kunit_suite highmem_suite = {
	.name = "highmem",
	.init = hm_init,
	.exit = hm_exit,
	.test_cases = highmem_cases,
	.flags = KUNIT_SUITE_HOST_ONLY,
};
kunit_test_suite(highmem_suite);
