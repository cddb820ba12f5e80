// SPDX-License-Identifier: GPL-2.0
/*
 * PAE (the orderly-pae.elf configuration, Linux's HIGHMEM64G):
 *
 *  - "pae_pte": the 64-bit entries of <asm/pgtable-3level.h>: a frame
 *    above 4 GiB puts bits in the entry's upper half and comes back out
 *    unchanged, NX (bit 63) is not part of the frame, a PDPT entry
 *    carries no bit the CPU reserves there, a virtual address splits
 *    2+9+9+12, and the two-halves store leaves the right value.
 *  - "pae_setup": setup_memory_map() as the PAE kernel runs it
 *    (max_arch_pfn = 64 GiB): RAM above 4 GiB kept, holes above 4 GiB,
 *    exactly 64 GiB, more than 64 GiB (dropped and reported), mem_map that
 *    does not fit in lowmem (clipped and reported), mem=, memmap= and
 *    highmem= above 4 GiB.  The host build is the non-PAE one, so each
 *    case switches max_arch_pfn and restores it.
 */
#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/e820.h>
#include <linux/memblock.h>
#include <linux/params.h>
#include <asm/setup.h>
#include <asm/pgtable-3level.h>
#include <asm/pgtable_32_areas.h>
#include "memblock_save.h"

#define RAM	E820_TYPE_RAM
#define RES	E820_TYPE_RESERVED
#define M	(1ULL << 20)
#define G	(1ULL << 30)

#define KSTART	0x100000ULL
#define KEND	0x400000ULL
#define EBDA	0x9fc00ULL

/* ------------------------------------------------------------ entries */

static void pae_pte_frame_above_4g(struct kunit *test)
{
	unsigned long pfn = 0x123456;			/* 0x1_23456_000: above 4 GiB */
	pae_pteval_t pte = pae_pfn_pte(pfn, 0x063);

	KUNIT_EXPECT_EQ(test, sizeof(pte), 8);
	KUNIT_EXPECT_EQ(test, pte, 0x123456063ULL);
	KUNIT_EXPECT_EQ(test, (u32)(pte >> 32), 1);	/* the upper half */
	KUNIT_EXPECT_EQ(test, pae_pte_pfn(pte), pfn);
	/* the last frame of 64 GiB, and NX beside it */
	pte = pae_pfn_pte(PAE_MAX_PFN - 1, 0x003) | _PAGE_NX;
	KUNIT_EXPECT_EQ(test, pte, 0x8000000ffffff003ULL);
	KUNIT_EXPECT_EQ(test, pae_pte_pfn(pte), PAE_MAX_PFN - 1);
	KUNIT_EXPECT_EQ(test, PAE_MAX_PFN, 1UL << 24);
}

static void pae_pte_pdpt_entry_has_no_reserved_bits(struct kunit *test)
{
	/* RW, U/S, A, D, PS (bits 1, 2, 5-8) are reserved in a PDPT entry */
	pae_pteval_t e = pae_pdpt_entry(0x1234f000ULL | 0xfff);

	KUNIT_EXPECT_EQ(test, e, 0x1234f001ULL);
	KUNIT_EXPECT_EQ(test, e & 0x1e6, 0);
}

static void pae_pte_address_split(struct kunit *test)
{
	/* 2 + 9 + 9 + 12 bits */
	KUNIT_EXPECT_EQ(test, pae_pgd_index(0xC0000000UL), 3);
	KUNIT_EXPECT_EQ(test, pae_pmd_index(0xC0000000UL), 0);
	KUNIT_EXPECT_EQ(test, pae_pgd_index(0xFF800000UL), 3);
	KUNIT_EXPECT_EQ(test, pae_pmd_index(0xFF800000UL), 508);
	KUNIT_EXPECT_EQ(test, pae_pte_index(0xFF9FF000UL), 511);
	KUNIT_EXPECT_EQ(test, pae_pgd_index(0x7FFFFFFFUL), 1);
	KUNIT_EXPECT_EQ(test, pae_pmd_index(0x7FFFFFFFUL), 511);
	KUNIT_EXPECT_EQ(test, pae_pte_index(0x7FFFFFFFUL), 511);
	KUNIT_EXPECT_EQ(test, pae_pte_index(0x00201000UL), 1);
	/* one page table of 512 entries is one page; 4 x 512 x 2 MiB = 4 GiB */
	KUNIT_EXPECT_EQ(test, PAE_PTRS_PER_PTE * sizeof(pae_pteval_t), 4096);
	KUNIT_EXPECT_EQ(test, (u64)PAE_PTRS_PER_PGD * PAE_PTRS_PER_PMD << PAE_PMD_SHIFT, 1ULL << 32);
}

static void pae_pte_set_and_clear_halves(struct kunit *test)
{
	pae_pteval_t pte = pae_pfn_pte(0x12345, 0x003);

	/* replacing a present entry for a frame below 4 GiB with one above */
	pae_set_pte(&pte, pae_pfn_pte(0xfedcba, 0x063));
	KUNIT_EXPECT_EQ(test, pte, 0xfedcba063ULL);
	KUNIT_EXPECT_EQ(test, pae_pte_pfn(pte), 0xfedcba);
	pae_pte_clear(&pte);
	KUNIT_EXPECT_EQ(test, pte, 0);
	pae_set_pte(&pte, pae_pfn_pte(0x100000, 0x001));	/* exactly 4 GiB */
	KUNIT_EXPECT_EQ(test, pte, 0x100000001ULL);
}

static struct kunit_case pae_pte_cases[] = {
	KUNIT_CASE(pae_pte_frame_above_4g),
	KUNIT_CASE(pae_pte_pdpt_entry_has_no_reserved_bits),
	KUNIT_CASE(pae_pte_address_split),
	KUNIT_CASE(pae_pte_set_and_clear_halves),
	{}
};

static struct kunit_suite pae_pte_suite = {
	.name = "pae_pte",
	.test_cases = pae_pte_cases,
};
kunit_test_suite(pae_pte_suite);

/* ------------------------------------------------------------ memory model */

struct rng { u64 start, end; u32 type; };

/* QEMU i440fx / SeaBIOS below 4 GiB for -m >= 3G: 3 GiB, then the PCI hole */
#define QEMU_LOW						\
	{ 0x0, 0x9fc00, RAM }, { 0x9fc00, 0xa0000, RES },	\
	{ 0xf0000, 0x100000, RES }, { 0x100000, 3 * G - 0x20000, RAM }, \
	{ 3 * G - 0x20000, 3 * G, RES }, { 0xfffc0000, 4 * G, RES }

/* -m 6G: QEMU puts 3 GiB above 4 GiB (and a reserved range at 1 TiB - 12 GiB) */
static const struct rng qemu_6g[] = { QEMU_LOW, { 4 * G, 7 * G, RAM },
				      { 0xfd00000000ULL, 0x10000000000ULL, RES } };

static struct e820_table raw;
static struct kernel_params kp;
static struct mem_layout lay;
static struct printk_capture cap;
static struct memblock_saved saved;
static unsigned long saved_max_arch_pfn;

static int pae_setup_init(struct kunit_suite *suite)
{
	memblock_save(&saved);
	saved_max_arch_pfn = max_arch_pfn;
	return 0;
}

static void pae_setup_exit(struct kunit_suite *suite)
{
	max_arch_pfn = saved_max_arch_pfn;
	memblock_restore(&saved);
}

static u64 mem_in(u64 base, u64 end)
{
	const struct memblock_region *r;
	u64 n = 0;

	for_each_mem_region(r) {
		u64 lo = max(base, r->base), hi = min(end, r->base + r->size);

		if (lo < hi)
			n += hi - lo;
	}
	return n;
}

/* setup_memory_map() as the PAE kernel (@pae) or the non-PAE one */
static int run(struct kunit *test, bool pae, const struct rng *r, unsigned int n, const char *cmdline)
{
	unsigned int i;
	int ret;

	raw.nr_entries = n;
	for (i = 0; i < n; i++)
		raw.entries[i] = (struct e820_entry){ r[i].start, r[i].end - r[i].start, r[i].type };
	max_arch_pfn = pae ? MAX_PAE_PFN : MAX_NONPAE_PFN;
	kunit_capture_start(&cap);
	parse_kernel_params(cmdline, &kp);
	ret = setup_memory_map(&raw, &kp, KSTART, KEND, EBDA, &lay);
	kunit_capture_stop();
	max_arch_pfn = saved_max_arch_pfn;
	if (ret)
		return ret;
	KUNIT_EXPECT_EQ(test, lay.ram_firmware,
			lay.ram + lay.ram_bios + lay.ram_above_limit + lay.ram_user_removed +
			lay.ram_trimmed + lay.ram_no_memblock_slot + lay.ram_above_max_pfn +
			lay.ram_no_mem_map);
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), lay.ram);
	KUNIT_EXPECT_EQ(test, lay.max_zone_pfn[ZONE_HIGHMEM], lay.max_pfn);
	KUNIT_EXPECT_LE(test, lay.max_pfn, pae ? MAX_PAE_PFN : MAX_NONPAE_PFN);
	KUNIT_EXPECT_LE(test, memblock_end_of_DRAM(), PFN_PHYS(lay.max_pfn));
	/* memblock hands out lowmem only: mem_map and page tables need __va() */
	KUNIT_EXPECT_EQ(test, memblock.current_limit, PFN_PHYS(lay.max_low_pfn));
	KUNIT_EXPECT_EQ(test, lay.mem_map_bytes, (u64)lay.max_pfn * sizeof(struct page));
	return 0;
}

static void pae_setup_qemu_6g_keeps_ram_above_4g(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, run(test, true, qemu_6g, ARRAY_SIZE(qemu_6g), ""), 0);
	KUNIT_EXPECT_EQ(test, lay.ram_above_limit, 0);
	KUNIT_EXPECT_FALSE(test, strstr(cap.buf, "RAM above"));
	KUNIT_EXPECT_EQ(test, lay.max_pfn, 0x1c0000);
	KUNIT_EXPECT_EQ(test, lay.max_low_pfn, MAXMEM_PFN);
	KUNIT_EXPECT_EQ(test, mem_in(4 * G, 7 * G), 3 * G);
	KUNIT_EXPECT_EQ(test, mem_in(3 * G, 4 * G), 0);		/* the PCI hole */
	KUNIT_EXPECT_EQ(test, lay.ram_no_mem_map, 0);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "6272MB HIGHMEM available.\n896MB LOWMEM available.\n");
	/* the same map, non-PAE kernel: 3 GiB dropped and said so */
	KUNIT_ASSERT_EQ(test, run(test, false, qemu_6g, ARRAY_SIZE(qemu_6g), ""), 0);
	KUNIT_EXPECT_EQ(test, lay.ram_above_limit, 3 * G);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, (3 * G - 0x20000) >> PAGE_SHIFT);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"e820: 3072 MiB of RAM above 4 GiB ignored (no PAE): 3221225472 bytes");
}

static void pae_setup_holes_above_4g(struct kunit *test)
{
	static const struct rng holes[] = { QEMU_LOW, { 4 * G, 5 * G, RAM },
		{ 5 * G, 6 * G, RES }, { 6 * G, 8 * G, RAM }, { 10 * G, 10 * G + M, RAM } };

	KUNIT_ASSERT_EQ(test, run(test, true, holes, ARRAY_SIZE(holes), ""), 0);
	KUNIT_EXPECT_EQ(test, mem_in(4 * G, 5 * G), G);
	KUNIT_EXPECT_EQ(test, mem_in(5 * G, 6 * G), 0);
	KUNIT_EXPECT_EQ(test, mem_in(6 * G, 8 * G), 2 * G);
	KUNIT_EXPECT_EQ(test, mem_in(8 * G, 10 * G), 0);
	KUNIT_EXPECT_EQ(test, mem_in(10 * G, 11 * G), M);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, (10 * G + M) >> PAGE_SHIFT);
	/* memmap= and mem= above 4 GiB */
	KUNIT_ASSERT_EQ(test, run(test, true, qemu_6g, ARRAY_SIZE(qemu_6g), "memmap=1G$5G"), 0);
	KUNIT_EXPECT_EQ(test, mem_in(5 * G, 6 * G), 0);
	KUNIT_EXPECT_EQ(test, mem_in(4 * G, 7 * G), 2 * G);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "user: [mem 0x0000000140000000-0x000000017fffffff] reserved");
	KUNIT_ASSERT_EQ(test, run(test, true, qemu_6g, ARRAY_SIZE(qemu_6g), "mem=5G"), 0);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, (5 * G) >> PAGE_SHIFT);
	KUNIT_EXPECT_EQ(test, lay.ram_user_removed, 2 * G);
}

static void pae_setup_highmem_option(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, run(test, true, qemu_6g, ARRAY_SIZE(qemu_6g), "highmem=4G"), 0);
	KUNIT_EXPECT_EQ(test, lay.max_low_pfn, MAXMEM_PFN);
	KUNIT_EXPECT_EQ(test, lay.highmem_pages, (4 * G) >> PAGE_SHIFT);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, MAXMEM_PFN + ((4 * G) >> PAGE_SHIFT));
	/* RAM up to 896 MiB + 4 GiB = 0x1_3800_0000 stays, the rest goes */
	KUNIT_EXPECT_EQ(test, mem_in(4 * G, 7 * G), 896 * M);
	KUNIT_EXPECT_EQ(test, lay.ram_above_max_pfn, 3 * G - 896 * M);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "4096MB HIGHMEM available.\n");
}

static void pae_setup_64g_and_more(struct kunit *test)
{
	static const struct rng g65[] = { QEMU_LOW, { 4 * G, 65 * G, RAM } };
	static const struct rng g80[] = { QEMU_LOW, { 4 * G, 80 * G, RAM } };
	u64 low, budget;

	/* RAM up to 65 GiB: the GiB above 64 goes, as Linux's MAX_ARCH_PFN cut */
	KUNIT_ASSERT_EQ(test, run(test, true, g65, ARRAY_SIZE(g65), ""), 0);
	KUNIT_EXPECT_EQ(test, lay.ram_above_limit, G);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"e820: 1024 MiB of RAM above 64 GiB ignored (PAE: 36-bit physical addresses): 1073741824 bytes");
	/* the firmware's table as printed keeps it */
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BIOS-e820: [mem 0x0000000100000000-0x000000103fffffff] usable");
	/* 16M struct pages: 512 MiB at 32 bytes fit in lowmem; 64-byte host pages do not */
	low = mem_in(0, MAXMEM);
	budget = low - (KEND - KSTART) - MEM_MAP_LOWMEM_RESERVE;
	if ((u64)MAX_PAE_PFN * sizeof(struct page) <= budget) {
		KUNIT_EXPECT_EQ(test, lay.max_pfn, MAX_PAE_PFN);
		KUNIT_EXPECT_EQ(test, lay.ram_no_mem_map, 0);
		KUNIT_EXPECT_EQ(test, mem_in(4 * G, 64 * G), 60 * G);
	} else {
		KUNIT_EXPECT_EQ(test, lay.max_pfn, (unsigned long)(budget / sizeof(struct page)));
		KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "does not fit in");
	}
	KUNIT_EXPECT_LE(test, lay.mem_map_bytes, budget);

	KUNIT_ASSERT_EQ(test, run(test, true, g80, ARRAY_SIZE(g80), ""), 0);
	KUNIT_EXPECT_EQ(test, lay.ram_above_limit, 16 * G);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "e820: 16384 MiB of RAM above 64 GiB ignored");
	KUNIT_EXPECT_EQ(test, mem_in(64 * G, 80 * G), 0);
}

static void pae_setup_mem_map_does_not_fit(struct kunit *test)
{
	/* 200 MiB below 4 GiB, 60 GiB above: mem_map needs more than lowmem has */
	static const struct rng small_low[] = { { 0x0, 0x9fc00, RAM }, { 0xf0000, 0x100000, RES },
		{ 0x100000, 200 * M, RAM }, { 4 * G, 64 * G, RAM } };
	u64 low, budget;
	unsigned long fit;

	KUNIT_ASSERT_EQ(test, run(test, true, small_low, ARRAY_SIZE(small_low), ""), 0);
	low = mem_in(0, MAXMEM);
	budget = low - (KEND - KSTART) - MEM_MAP_LOWMEM_RESERVE;
	fit = (unsigned long)(budget / sizeof(struct page));
	KUNIT_EXPECT_EQ(test, lay.max_pfn, fit);
	KUNIT_EXPECT_LE(test, lay.mem_map_bytes, budget);
	KUNIT_EXPECT_EQ(test, lay.ram_no_mem_map, 64 * G - PFN_PHYS(fit));
	KUNIT_EXPECT_EQ(test, mem_in(PFN_PHYS(fit), 64 * G), 0);
	KUNIT_EXPECT_EQ(test, mem_in(4 * G, PFN_PHYS(fit)), PFN_PHYS(fit) - 4 * G);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "does not fit in 199 MiB of lowmem (64 MiB kept free): RAM above 0x");
	/* the HIGHMEM line reports what is left */
	KUNIT_EXPECT_EQ(test, lay.highmem_pages, fit - lay.max_low_pfn);
}

static struct kunit_case pae_setup_cases[] = {
	KUNIT_CASE(pae_setup_qemu_6g_keeps_ram_above_4g),
	KUNIT_CASE(pae_setup_holes_above_4g),
	KUNIT_CASE(pae_setup_highmem_option),
	KUNIT_CASE(pae_setup_64g_and_more),
	KUNIT_CASE(pae_setup_mem_map_does_not_fit),
	{}
};

static struct kunit_suite pae_setup_suite = {
	.name = "pae_setup",
	.suite_init = pae_setup_init,
	.suite_exit = pae_setup_exit,
	.test_cases = pae_setup_cases,
};
kunit_test_suite(pae_setup_suite);

/* ------------------------------------------------------------ HighMem above 4 GiB, host only */
#ifdef __ORDERLY_HOST__
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <asm/mmu_hooks.h>
#include "mm_fixture.h"
#include "../../mm/internal.h"

#define PFN_4G	(1UL << (32 - PAGE_SHIFT))

/*
 * A node straddling 4 GiB: Normal [4 GiB - 4 MiB, 4 GiB), HighMem
 * [4 GiB, 4 GiB + 4 MiB).  The host's "physical memory" is a sparse memfd
 * of 4 GiB + 4 MiB; the simulated PKMAP window and fixmap map frames of it
 * at offsets above 4 GiB, so every HighMem page here goes through the real
 * kmap code with a pfn that needs more than 20 bits.
 */
static const struct mm_layout above4g = {
	.name = "above4g", .nr_pages = 2048, .zone_end = { 0, 1024, 2048 },
	.host_base_pfn = PFN_4G - 1024,
};

static struct mm_fixture hfx;

static bool all_bytes_are(const void *kaddr, unsigned char c, size_t n)
{
	const unsigned char *p = kaddr;
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != c)
			return false;
	return true;
}

static struct pglist_data *above4g_node(struct kunit *test, unsigned int debug_flags)
{
	struct pglist_data *pgdat;

	if (sizeof(unsigned long) < 8)
		kunit_skip(test, "a 32-bit host process cannot map 4 GiB of simulated RAM");
	pgdat = mm_fixture_setup(test, &hfx, &above4g, 1, debug_flags);
	mm_fixture_no_watermarks(&hfx);
	return pgdat;
}

/* kmap, kmap_local_page, page_address, clear_highpage, copy_highpage above 4 GiB */
static void pae_highmem_kmap_frames_above_4g(struct kunit *test)
{
	struct pglist_data *pgdat = above4g_node(test, 0);
	struct page *a = __alloc_pages_node(pgdat, GFP_HIGHUSER, 0);
	struct page *b = __alloc_pages_node(pgdat, GFP_HIGHUSER, 0);
	unsigned char *va, *frame_a, *frame_b, *below;
	u32 *local;

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_GE(test, page_to_pfn(a), PFN_4G);
	KUNIT_EXPECT_GE(test, page_to_phys(a), 1ULL << 32);
	KUNIT_EXPECT_NULL(test, page_address(a));
	frame_a = __va(page_to_phys(a));
	frame_b = __va(page_to_phys(b));
	below = __va(page_to_phys(a) - (1ULL << 32));	/* where a 32-bit PTE would land */
	memset(below, 0x11, PAGE_SIZE);

	va = kmap(a);
	KUNIT_ASSERT_NOT_NULL(test, va);
	KUNIT_EXPECT_EQ(test, arch_kernel_pte_pfn((unsigned long)va), page_to_pfn(a));
	KUNIT_EXPECT_PTR_EQ(test, page_address(a), (void *)va);
	memset(va, 0xa5, PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, all_bytes_are(frame_a, 0xa5, PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, all_bytes_are(below, 0x11, PAGE_SIZE));
	kunmap(a);

	local = kmap_local_page(a);
	KUNIT_EXPECT_EQ(test, local[17], 0xa5a5a5a5u);
	kunmap_local(local);

	copy_highpage(b, a);
	KUNIT_EXPECT_TRUE(test, all_bytes_are(frame_b, 0xa5, PAGE_SIZE));
	clear_highpage(a);
	KUNIT_EXPECT_TRUE(test, all_bytes_are(frame_a, 0, PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, all_bytes_are(below, 0x11, PAGE_SIZE));

	/* __GFP_ZERO: b's 0xa5 is gone when it comes back zeroed */
	__free_pages(b, 0);
	b = __alloc_pages_node(pgdat, GFP_HIGHUSER | __GFP_ZERO, 0);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_GE(test, page_to_pfn(b), PFN_4G);
	KUNIT_EXPECT_TRUE(test, all_bytes_are(__va(page_to_phys(b)), 0, PAGE_SIZE));
	__free_pages(a, 0);
	__free_pages(b, 0);
	kmap_flush_unused();
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 0);
	mm_fixture_destroy(&hfx);
}

/* page_poison on frames above 4 GiB: filled through a kmap when freed, checked when allocated */
static void pae_highmem_page_poison_above_4g(struct kunit *test)
{
	struct pglist_data *pgdat = above4g_node(test, PGDAT_PAGE_POISON);
	struct page *p = __alloc_pages_node(pgdat, GFP_HIGHUSER, 0);
	unsigned long pfn;

	KUNIT_ASSERT_NOT_NULL(test, p);
	pfn = page_to_pfn(p);
	KUNIT_EXPECT_GE(test, pfn, PFN_4G);
	memset(__va(page_to_phys(p)), 0x3c, PAGE_SIZE);
	__free_pages(p, 0);
	KUNIT_EXPECT_TRUE(test, all_bytes_are(__va(PFN_PHYS(pfn)), PAGE_POISON, PAGE_SIZE));
	p = __alloc_pages_node(pgdat, GFP_HIGHUSER, 0);
	KUNIT_EXPECT_EQ(test, page_to_pfn(p), pfn);
	__free_pages(p, 0);
	kmap_flush_unused();
	mm_fixture_destroy(&hfx);
}

static struct kunit_case pae_highmem_cases[] = {
	KUNIT_CASE(pae_highmem_kmap_frames_above_4g),
	KUNIT_CASE(pae_highmem_page_poison_above_4g),
	{}
};

static struct kunit_suite pae_highmem_suite = {
	.name = "pae_highmem",
	.test_cases = pae_highmem_cases,
};
kunit_test_suite(pae_highmem_suite);
#endif
