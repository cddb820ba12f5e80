// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's page tables and fault reports (kernel/paging.c,
 * kernel/traps.c), on the real MMU.  Faults are provoked through the
 * self-test probes (include/linux/selftest.h), with printk captured, so
 * each case checks both that the access faulted and that the report says
 * the right thing about the address.
 */
#include <kunit/test.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/selftest.h>
#include <asm/pgtable.h>
#include <asm/mmu_hooks.h>
#include <asm/setup.h>
#include <linux/memblock.h>

extern char boot_stack_guard[];		/* boot/entry.asm */
extern char _text[];			/* linker.ld */

static struct printk_capture cap;

/* probe a read at @addr with printk captured; true if it faulted */
static bool read_faults(const void *addr)
{
	u32 v;
	int ret;

	kunit_capture_start(&cap);
	ret = probe_read_u32(addr, &v, NULL);
	kunit_capture_stop();
	return ret == -EFAULT;
}

static void paging_null_faults(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, kernel_page_present(0));
	KUNIT_ASSERT_TRUE(test, read_faults(NULL));
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap.buf, "Oops: page fault (#PF)"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap.buf, "CR2: 00000000 -- NULL pointer dereference"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap.buf, "probe_read_u32+"));	/* EIP by name */
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap.buf, "Call Trace:"));
}

static void paging_no_identity_map(struct kunit *test)
{
	/* the boot identity map of [0, 8 MiB) is gone; the kernel is reachable high */
	KUNIT_EXPECT_FALSE(test, kernel_page_present(0x100000));
	KUNIT_EXPECT_TRUE(test, kernel_page_present((unsigned long)_text));
	KUNIT_ASSERT_TRUE(test, read_faults((void *)0x100000));
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap.buf, "below PAGE_OFFSET"));
}

static void paging_stack_guard_unmapped(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, kernel_page_present((unsigned long)boot_stack_guard));
	KUNIT_ASSERT_TRUE(test, read_faults(boot_stack_guard + 64));
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap.buf, "kernel stack overflow"));
}

static void paging_text_read_only(struct kunit *test)
{
	u32 *p = (u32 *)_text;
	int ret;

	/* write back what is there: harmless even if the write went through */
	kunit_capture_start(&cap);
	ret = probe_write_u32(p, *p, NULL);
	kunit_capture_stop();
	KUNIT_ASSERT_EQ(test, ret, -EFAULT);
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap.buf, "[write, protection violation]"));
	/* text executes; data does not, where the PAE kernel turned NX on */
	KUNIT_EXPECT_FALSE(test, kernel_page_nx((unsigned long)_text));
	KUNIT_EXPECT_FALSE(test, kernel_page_nx((unsigned long)paging_text_read_only));
	KUNIT_EXPECT_EQ(test, kernel_page_nx((unsigned long)&cap), paging_nx_enabled != 0);
	KUNIT_EXPECT_EQ(test, kernel_page_nx((unsigned long)&ret), paging_nx_enabled != 0);
}

/* debug_pagealloc's mechanism: a direct-map page taken out and put back */
static void paging_unmapped_lowmem_page(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long pfn;
	u32 *va;
	char want[64];

	KUNIT_ASSERT_NOT_NULL(test, page);
	pfn = page_to_pfn(page);
	va = page_address(page);
	*va = 0x5a5a5a5a;
	arch_kernel_map_pages(pfn, 1, false);
	KUNIT_EXPECT_FALSE(test, kernel_page_present((unsigned long)va));
	KUNIT_EXPECT_TRUE(test, read_faults(va));
	snprintf(want, sizeof(want), "pfn %lu unmapped: use-after-free?", pfn);
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap.buf, want));
	arch_kernel_map_pages(pfn, 1, true);
	KUNIT_EXPECT_TRUE(test, kernel_page_present((unsigned long)va));
	KUNIT_EXPECT_EQ(test, *va, 0x5a5a5a5au);	/* same frame, contents kept */
	__free_pages(page, 0);
}

static unsigned long free_slot(unsigned long base, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (arch_kernel_pte_pfn(base + i * PAGE_SIZE) == -1UL)
			return base + i * PAGE_SIZE;
	return 0;
}

static void paging_kmap_windows_explained(struct kunit *test)
{
	unsigned long pk, fx;

	/* kunmap() is lazy: slots stay mapped until a flush (mm/highmem.c) */
	kmap_flush_unused();
	pk = free_slot(PKMAP_BASE, LAST_PKMAP);
	fx = free_slot(FIXADDR_START, __end_of_fixed_addresses - 1);

	KUNIT_ASSERT_NE(test, pk, 0UL);
	KUNIT_ASSERT_TRUE(test, read_faults((void *)pk));
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap.buf, "stale kmap address"));
	KUNIT_ASSERT_NE(test, fx, 0UL);
	KUNIT_ASSERT_TRUE(test, read_faults((void *)fx));
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap.buf, "stale kmap_atomic/kmap_local address"));
}

/* the mmu hooks on a fixmap slot: set, read back, use, clear, flush */
static void paging_hooks_round_trip(struct kunit *test)
{
	unsigned long slot = free_slot(FIXADDR_START, __end_of_fixed_addresses - 1);
	struct page *page = alloc_page(GFP_KERNEL);
	u32 *lowmem;

	KUNIT_ASSERT_NE(test, slot, 0UL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	lowmem = page_address(page);
	arch_set_kernel_pte(slot, page_to_pfn(page));
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn(slot), page_to_pfn(page));
	*(volatile u32 *)slot = 0x12345678;
	KUNIT_EXPECT_EQ(test, *lowmem, 0x12345678u);	/* two addresses, one frame */
	arch_clear_kernel_pte(slot);
	arch_flush_tlb_one(slot);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn(slot), -1UL);
	KUNIT_EXPECT_TRUE(test, read_faults((void *)slot));
	__free_pages(page, 0);
}

static void paging_ioremap_maps_the_frame(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	u32 *lowmem, *io;

	KUNIT_ASSERT_NOT_NULL(test, page);
	lowmem = page_address(page);
	io = ioremap_cache(page_to_phys(page) + 8, 4);
	KUNIT_ASSERT_NOT_NULL(test, io);
	KUNIT_EXPECT_GE(test, (unsigned long)io, VMALLOC_START);
	KUNIT_EXPECT_LT(test, (unsigned long)io, VMALLOC_END);
	KUNIT_EXPECT_EQ(test, (unsigned long)io & ~PAGE_MASK, 8UL);
	*io = 0xfeedf00d;
	KUNIT_EXPECT_EQ(test, lowmem[2], 0xfeedf00du);
	/* beyond what the PTEs reach: 4 GiB, or 64 GiB with PAE */
	KUNIT_EXPECT_NULL(test, ioremap(PFN_PHYS(MAX_ARCH_PFN), 4096));
	__free_pages(page, 0);
}

#define PFN_4G	(1UL << (32 - PAGE_SHIFT))
#define SAMPLES_ABOVE_4G	16

/*
 * PAE: frames above 4 GiB through fixmap slots, sampled across the RAM
 * there (a test that wrote every page of a 16 GiB guest would make QEMU
 * allocate all of it on the host).  A word written through one slot is
 * read back through a second slot mapping the same frame; the frame
 * 4 GiB lower - where a PTE that lost its upper half would point - does
 * not change; kmap_local_page() of the frame's struct page sees the word
 * too.  Every touched word is restored.
 */
static bool pfn_is_ram(unsigned long pfn)
{
	const struct memblock_region *r;

	for_each_mem_region(r)
		if (pfn >= PFN_UP(r->base) && pfn < PFN_DOWN(r->base + r->size))
			return true;
	return false;
}

static void paging_frames_above_4g(struct kunit *test)
{
	const struct memblock_region *r;
	unsigned long a, b, pfn, spfn, epfn, above = 0, seen = 0, stride, k;
	unsigned int samples = 0, low_checked = 0;
	bool low_ram;

	for_each_mem_region(r) {
		spfn = max(PFN_UP(r->base), PFN_4G);
		epfn = min(PFN_DOWN(r->base + r->size), max_pfn);
		if (epfn > spfn)
			above += epfn - spfn;
	}
	if (!above)
		kunit_skip(test, "no RAM above 4 GiB");
	a = free_slot(FIXADDR_START, __end_of_fixed_addresses - 1);
	KUNIT_ASSERT_NE(test, a, 0UL);
	arch_set_kernel_pte(a, 0);		/* hold it while looking for the second */
	b = free_slot(FIXADDR_START, __end_of_fixed_addresses - 1);
	KUNIT_ASSERT_NE(test, b, 0UL);
	stride = above / SAMPLES_ABOVE_4G + 1;
	for_each_mem_region(r) {
		spfn = max(PFN_UP(r->base), PFN_4G);
		epfn = min(PFN_DOWN(r->base + r->size), max_pfn);
		for (pfn = spfn; pfn < epfn; pfn++, seen++) {
			volatile u32 *va = (volatile u32 *)a, *vb = (volatile u32 *)b;
			u32 orig, low, word = 0x5a000000u ^ (u32)pfn;
			u32 *local;

			if (seen % stride && pfn != epfn - 1)
				continue;
			/* the frame 4 GiB below, if RAM (not device registers) */
			k = pfn - PFN_4G;
			low_ram = pfn_is_ram(k);
			arch_set_kernel_pte(a, pfn);
			arch_flush_tlb_one(a);
			arch_set_kernel_pte(b, low_ram ? k : pfn);
			arch_flush_tlb_one(b);
			KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn(a), pfn);
			orig = va[1];
			low = vb[1];
			va[1] = word;
			if (low_ram) {
				KUNIT_EXPECT_EQ(test, vb[1], low);
				low_checked++;
			}
			arch_set_kernel_pte(b, pfn);
			arch_flush_tlb_one(b);
			KUNIT_EXPECT_EQ(test, vb[1], word);	/* two slots, one frame */
			local = kmap_local_page(pfn_to_page(pfn));
			KUNIT_EXPECT_EQ(test, local[1], word);
			kunmap_local(local);
			va[1] = orig;
			samples++;
		}
	}
	arch_clear_kernel_pte(a);
	arch_clear_kernel_pte(b);
	arch_flush_tlb_one(a);
	arch_flush_tlb_one(b);
	KUNIT_EXPECT_GE(test, samples, 2u);
	KUNIT_EXPECT_GE(test, low_checked, 1u);
	KUNIT_EXPECT_LE(test, samples, 2u * SAMPLES_ABOVE_4G + 64);
}

static struct kunit_case paging_cases[] = {
	KUNIT_CASE(paging_null_faults),
	KUNIT_CASE(paging_no_identity_map),
	KUNIT_CASE(paging_stack_guard_unmapped),
	KUNIT_CASE(paging_text_read_only),
	KUNIT_CASE(paging_unmapped_lowmem_page),
	KUNIT_CASE(paging_kmap_windows_explained),
	KUNIT_CASE(paging_hooks_round_trip),
	KUNIT_CASE(paging_ioremap_maps_the_frame),
	KUNIT_CASE(paging_frames_above_4g),
	{}
};

static struct kunit_suite paging_suite = {
	.name = "paging",
	.test_cases = paging_cases,
	.flags = KUNIT_SUITE_KERNEL_ONLY,
};
kunit_test_suite(paging_suite);
