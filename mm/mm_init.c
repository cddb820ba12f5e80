// SPDX-License-Identifier: GPL-2.0
/*
 * From "these pfns are RAM" to a working allocator instance.
 *
 * 1. free_area_init_node(): the arch gives a plain array max_zone_pfn[]
 *    (DMA ends at 16 MiB, Normal at the end of the direct map, HighMem at
 *    max_pfn - Linux's zone_sizes_init()); zone j spans
 *    [max_zone_pfn[j-1], max_zone_pfn[j]) clipped to the node, which makes
 *    every zone whose limits lie outside the node empty (spanned 0) rather
 *    than negative: 8 MiB of RAM has no Normal and no HighMem zone.
 *    present_pages counts RAM in each span, so a hole straddling a
 *    boundary is charged to both zones exactly.  Every struct page starts
 *    as PG_reserved, refcount 1, with its node and zone in page->flags;
 *    the free lists are empty.
 * 2. __free_pages_memory() (page_alloc.c), called by memblock_free_all()
 *    for every free range: pages become managed and enter the free lists
 *    in the largest aligned blocks.  What never reaches it (holes,
 *    firmware, the kernel, mem_map itself) stays PG_reserved, so for each
 *    zone: managed + reserved + holes = spanned.
 * 3. init_per_zone_wmark_min(): watermarks and lowmem_reserve, computed as
 *    Linux 4.4 does (the last version with the classic formulas):
 *
 *      min_free_kbytes = int_sqrt(lowmem_kbytes * 16), clamped [128, 65536]
 *      pages_min       = min_free_kbytes / 4 (pages)
 *      tmp             = pages_min * zone.managed / lowmem managed
 *      min             = tmp, or for HighMem managed/1024 clamped [32, 128]
 *                        (__GFP_HIGH callers rarely need HighMem)
 *      low, high       = min + tmp/4, min + tmp/2
 *      lowmem_reserve[j] of zone i < j = managed(i+1..j) / ratio[i],
 *                        ratio = { DMA 256, Normal 32 }
 *
 * The kernel's instance is contig_page_data (node 0), built by
 * free_area_init() and mem_init(); tests build private ones (nid 1..7)
 * with the same three steps.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/memblock.h>
#include <linux/page_owner.h>
#include <linux/boottime.h>
#include <linux/params.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <asm/setup.h>
#include "internal.h"

const char * const zone_names[MAX_NR_ZONES] = { "DMA", "Normal", "HighMem" };

struct pglist_data contig_page_data;
struct pglist_data *node_data[MAX_NUMNODES] = { [0] = &contig_page_data };

int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES] = { 256, 32, 0 };

#define SWAP_CLUSTER_MAX	32UL

/* RAM pages of @memory inside [@start, @end); NULL means "all RAM" */
static unsigned long count_present(const struct memblock_type *memory,
				   unsigned long start, unsigned long end)
{
	unsigned long i, n = 0;

	if (!memory)
		return end - start;
	for (i = 0; i < memory->cnt; i++) {
		const struct memblock_region *r = &memory->regions[i];
		u64 rs = PFN_UP(r->base), re = PFN_DOWN(r->base + r->size);

		if (rs < start)
			rs = start;
		if (re > end)
			re = end;
		if (re > rs)
			n += (unsigned long)(re - rs);
	}
	return n;
}

void build_zonelists(struct pglist_data *pgdat)
{
	int j, n = 0;

	pgdat->nr_zones = 0;
	for (j = MAX_NR_ZONES - 1; j >= 0; j--) {
		struct zone *zone = &pgdat->node_zones[j];

		if (!populated_zone(zone))
			continue;
		pgdat->node_zonelist[n++] = zone;
		if (!pgdat->nr_zones)
			pgdat->nr_zones = j + 1;
	}
	pgdat->node_zonelist[n] = NULL;

	for (j = 0; j < (int)ARRAY_SIZE(pgdat->zonelist_for_gfp); j++) {
		struct zonelist_start *start = &pgdat->zonelist_for_gfp[j];
		struct zone **zp = pgdat->node_zonelist;
		struct zone *high;

		if (gfp_zone_bad((gfp_t)j)) {
			*start = (struct zonelist_start){ NULL, NULL, 0 };
			continue;
		}
		/* the first zone of the (descending) list at or below gfp_zone() */
		high = &pgdat->node_zones[gfp_zone((gfp_t)j)];
		while (*zp && *zp > high)
			zp++;
		start->zone = *zp;
		start->zonelist = zp;
		start->classzone_idx = *zp ? (int)zone_idx(*zp) : 0;
	}
}

static void zone_init_free_lists(struct zone *zone)
{
	unsigned int order;
	int t;

	for (order = 0; order < MAX_ORDER; order++) {
		for (t = 0; t < MIGRATE_TYPES; t++)
			INIT_LIST_HEAD(&zone->free_area[order].free_list[t]);
		zone->free_area[order].nr_free = 0;
	}
}

/*
 * Every pageblock of a new zone starts MIGRATE_MOVABLE, as in Linux's
 * memmap_init_zone(): most memory will hold movable pages, and the first
 * unmovable requests claim whole blocks from it (UNMOVABLE if grouping is
 * already off, as for memory Linux adds later; the boot node is built
 * before the decision, as in Linux).  Linux writes the
 * pageblock from the struct page loop; the zone's flags are cheaper to
 * fill in one go.
 */
static void zone_init_pageblocks(struct zone *zone)
{
	unsigned long first = zone->zone_start_pfn >> pageblock_order;
	unsigned long nr = ((zone_end_pfn(zone) - 1) >> pageblock_order) - first + 1;
	unsigned char *flags = zone->zone_pgdat->pageblock_flags[zone_idx(zone)];

	BUG_ON(nr > MAX_ZONE_PAGEBLOCKS);
	/* set_pageblock_migratetype()'s rule: no mobility types without grouping */
	memset(flags, page_group_by_mobility_disabled ? MIGRATE_UNMOVABLE : MIGRATE_MOVABLE, nr);
	zone->pageblock_flags_pfn = flags - first;
}

/*
 * init_reserved_pages - write @tmpl (PG_reserved, refcount 1, node and
 * zone links, everything else 0) into @nr struct pages.  Field by field
 * rather than as a struct copy, which GCC turns into a loop of word
 * moves or a memcpy call: this is the one per-page cost of booting that
 * every page pays, so it is a handful of stores.  Every field is written,
 * so mem_map need not be zeroed first (memblock_alloc_raw()).
 */
/* _pad_pow2 is the last field: nothing but alignment padding follows it */
#define PAGE_LAST_FIELD_END	(offsetof(struct page, _pad_pow2) + sizeof(((struct page *)0)->_pad_pow2))
_Static_assert(sizeof(struct page) - PAGE_LAST_FIELD_END < __alignof__(struct page),
	       "init_reserved_pages() writes every field of struct page: add a new one there too");

static void init_reserved_pages(struct page *page, unsigned long nr, const struct page *tmpl)
{
	unsigned long flags = tmpl->flags;
	int refcount = tmpl->_refcount;
	struct page *end = page + nr;

	for (; page < end; page++) {
		page->flags = flags;
		page->_refcount = refcount;
		page->private = 0;
		page->lru.next = NULL;
		page->lru.prev = NULL;
		page->compound_head = 0;
		page->alloc_order = 0;
		page->compound_order = 0;
		page->_pad = 0;
		page->_pad_pow2 = 0;
	}
}

void free_area_init_node(struct pglist_data *pgdat, int nid,
			 const unsigned long max_zone_pfn[MAX_NR_ZONES],
			 unsigned long start_pfn, unsigned long end_pfn,
			 const struct memblock_type *memory, struct page *mem_map)
{
	unsigned int debug_flags = pgdat->debug_flags;
	unsigned long lo = 0;
	int j;

	BUG_ON(nid < 0 || nid >= MAX_NUMNODES);
	BUG_ON(end_pfn < start_pfn);
	BUG_ON(!mem_map && end_pfn > start_pfn);

	memset(pgdat, 0, sizeof(*pgdat));
	pgdat->debug_flags = debug_flags;
	pgdat->node_id = nid;
	pgdat->node_start_pfn = start_pfn;
	pgdat->node_mem_map = mem_map;
	if (end_pfn > max_zone_pfn[MAX_NR_ZONES - 1]) {
		unsigned long top = max(start_pfn, max_zone_pfn[MAX_NR_ZONES - 1]);

		printk(KERN_WARNING "node %d: pfns [0x%lx, 0x%lx) lie above every zone; not managed\n",
		       nid, top, end_pfn);
		end_pfn = top;
	}
	pgdat->node_spanned_pages = end_pfn - start_pfn;

	for (j = 0; j < MAX_NR_ZONES; j++) {
		struct zone *zone = &pgdat->node_zones[j];
		unsigned long hi = max(max_zone_pfn[j], lo);
		unsigned long s = clamp(lo, start_pfn, end_pfn);
		unsigned long e = clamp(hi, start_pfn, end_pfn);
		struct page tmpl;
		int o, cpu;

		zone->zone_pgdat = pgdat;
		zone->name = zone_names[j];
		spin_lock_init(&zone->lock);
		zone_init_free_lists(zone);
		for (cpu = 0; cpu < NR_CPUS; cpu++)
			for (o = 0; o < NR_PCP_LISTS; o++)
				INIT_LIST_HEAD(&zone->pcp[cpu].lists[o]);
		lo = hi;
		if (e <= s)
			continue;	/* empty: start_pfn 0, spanned 0, as Linux shows it */
		zone->zone_start_pfn = s;
		zone->spanned_pages = e - s;
		zone->present_pages = count_present(memory, s, e);
		pgdat->node_present_pages += zone->present_pages;
		zone_init_pageblocks(zone);

		memset(&tmpl, 0, sizeof(tmpl));
		set_page_links(&tmpl, j, nid);
		__SetPageReserved(&tmpl);
		init_page_count(&tmpl);
		init_reserved_pages(mem_map + (s - start_pfn), e - s, &tmpl);
	}
	node_data[nid] = pgdat;
	build_zonelists(pgdat);
}

/* Linux's lib/math/int_sqrt.c: bit by bit, floor(sqrt(x)) */
static unsigned long isqrt_ul(unsigned long x)
{
	unsigned long b, m, y = 0;

	if (x <= 1)
		return x;
	m = 1UL << ((BITS_PER_LONG - 2) & ~1UL);
	while (m > x)
		m >>= 2;
	while (m) {
		b = y + m;
		y >>= 1;
		if (x >= b) {
			x -= b;
			y += m;
		}
		m >>= 2;
	}
	return y;
}

static unsigned long lowmem_managed_pages(const struct pglist_data *pgdat)
{
	unsigned long n = 0;
	int j;

	for (j = 0; j < MAX_NR_ZONES; j++)
		if (!is_highmem_idx(j))
			n += pgdat->node_zones[j].managed_pages;
	return n;
}

static void calculate_totalreserve_pages(struct pglist_data *pgdat)
{
	unsigned long reserve = 0;
	int i, j;

	for (i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = &pgdat->node_zones[i];
		long max = 0;

		for (j = i; j < MAX_NR_ZONES; j++)
			if (zone->lowmem_reserve[j] > max)
				max = zone->lowmem_reserve[j];
		max += (long)high_wmark_pages(zone);
		if (max > (long)zone->managed_pages)
			max = (long)zone->managed_pages;
		reserve += (unsigned long)max;
	}
	pgdat->totalreserve_pages = reserve;
}

void setup_per_zone_wmarks(struct pglist_data *pgdat)
{
	unsigned long pages_min = pgdat->min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = lowmem_managed_pages(pgdat);
	int j;

	for (j = 0; j < MAX_NR_ZONES; j++) {
		struct zone *zone = &pgdat->node_zones[j];
		unsigned long tmp = 0, flags;

		if (lowmem_pages)
			tmp = (unsigned long)((unsigned long long)pages_min * zone->managed_pages /
					      lowmem_pages);
		spin_lock_irqsave(&zone->lock, flags);
		if (is_highmem_idx(j)) {
			unsigned long min_pages = zone->managed_pages / 1024;

			zone->_watermark[WMARK_MIN] = clamp(min_pages, SWAP_CLUSTER_MAX, 128UL);
		} else {
			zone->_watermark[WMARK_MIN] = tmp;
		}
		zone->_watermark[WMARK_LOW] = min_wmark_pages(zone) + (tmp >> 2);
		zone->_watermark[WMARK_HIGH] = min_wmark_pages(zone) + (tmp >> 1);
		spin_unlock_irqrestore(&zone->lock, flags);
	}
	calculate_totalreserve_pages(pgdat);
}

void setup_per_zone_lowmem_reserve(struct pglist_data *pgdat)
{
	int j, idx;

	for (j = 0; j < MAX_NR_ZONES; j++) {
		struct zone *zone = &pgdat->node_zones[j];
		unsigned long managed_pages = zone->managed_pages;

		zone->lowmem_reserve[j] = 0;
		for (idx = j - 1; idx >= 0; idx--) {
			struct zone *lower_zone = &pgdat->node_zones[idx];

			if (sysctl_lowmem_reserve_ratio[idx] < 1)
				sysctl_lowmem_reserve_ratio[idx] = 1;
			lower_zone->lowmem_reserve[j] =
				(long)(managed_pages / (unsigned long)sysctl_lowmem_reserve_ratio[idx]);
			managed_pages += lower_zone->managed_pages;
		}
	}
	calculate_totalreserve_pages(pgdat);
}

/*
 * batch: Linux 4.4's zone_batchsize().  high: Linux 5.14's zone_highsize()
 * (mm/page_alloc.c), the zone's low watermark split over the node's CPUs
 * (one here), at least 4 * batch; 4.4's 6 * batch (186 pages) made the
 * lists, shared by orders 0-3 since 5.13, overflow and run dry so often
 * (1.4% of the churn workload's operations) that a batch refill or drain
 * set the churn's p99.9.  A zone too small for a batch (under 32 MiB
 * managed, where 4.4's formula gives 0 - every ZONE_DMA) keeps high 0:
 * every free goes straight through.
 */
void zone_pcp_init(struct zone *zone)
{
	unsigned long batch = zone->managed_pages / 1024;
	unsigned int cpu;
	int high;

	if (batch * PAGE_SIZE > 512 * 1024)
		batch = (512 * 1024) / PAGE_SIZE;
	batch /= 4;
	if (batch < 1)
		batch = 1;
	batch += batch / 2;
	while (batch & (batch - 1))		/* rounddown_pow_of_two */
		batch &= batch - 1;
	batch -= 1;
	/* Linux 5.14's zone_highsize() shares the low mark among the node's CPUs */
	high = batch ? (int)max(low_wmark_pages(zone) / nr_cpu_ids, 4 * batch) : 0;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		zone->pcp[cpu].high = high;
		zone->pcp[cpu].batch = (int)max(1UL, batch);
	}
}

void init_per_zone_wmark_min(struct pglist_data *pgdat)
{
	unsigned long lowmem_kbytes = lowmem_managed_pages(pgdat) * (PAGE_SIZE >> 10);
	unsigned long kb = isqrt_ul(lowmem_kbytes * 16);
	int j;

	pgdat->min_free_kbytes = clamp(kb, 128UL, 65536UL);
	setup_per_zone_wmarks(pgdat);
	setup_per_zone_lowmem_reserve(pgdat);
	for (j = 0; j < MAX_NR_ZONES; j++)
		zone_pcp_init(&pgdat->node_zones[j]);
}

/* ------------------------------------------------------------ the kernel's node */

phys_addr_t mem_map_hold_base, mem_map_hold_size;

/*
 * Linux's nr_free_zone_pages(gfp_zone(GFP_HIGHUSER_MOVABLE)): the pages a
 * user allocation could get, managed above the HIGH mark, in every zone.
 */
static unsigned long nr_free_pagecache_pages(const struct pglist_data *pgdat)
{
	unsigned long sum = 0;
	int j;

	for (j = 0; j < MAX_NR_ZONES; j++) {
		const struct zone *zone = &pgdat->node_zones[j];

		if (zone->managed_pages > high_wmark_pages(zone))
			sum += zone->managed_pages - high_wmark_pages(zone);
	}
	return sum;
}

/*
 * Linux's build_all_zonelists() decides on grouping by mobility and says
 * so: with fewer pages than pageblock_nr_pages * MIGRATE_TYPES (20 MiB)
 * grouping cannot pay, and is off; page_group_by_mobility=off turns it
 * off anywhere (Orderly's parameter: Linux has none, the experiment
 * needs one).  Linux prints the line before the pages reach the buddy
 * lists, with an estimate of them; here it follows, with the count.
 */
static void build_all_zonelists_mobility(struct pglist_data *pgdat)
{
	unsigned long vm_total_pages = nr_free_pagecache_pages(pgdat);

	page_group_by_mobility_disabled = kernel_params.no_mobility_grouping ||
					  vm_total_pages < pageblock_nr_pages * MIGRATE_TYPES;
	printk(KERN_INFO "Built 1 zonelists, mobility grouping %s.  Total pages: %lu\n",
	       page_group_by_mobility_disabled ? "off" : "on", vm_total_pages);
}

void free_area_init(const unsigned long *max_zone_pfn)
{
	struct pglist_data *pgdat = &contig_page_data;
	unsigned long start_pfn = PFN_UP(memblock_start_of_DRAM());
	unsigned long end_pfn = max_pfn, i, nr;
	struct page *mem_map;

	if (start_pfn > end_pfn)
		start_pfn = end_pfn;
	nr = end_pfn - start_pfn;
	/* the room setup_arch() held for mem_map (asm/setup.h) */
	if (mem_map_hold_size) {
		memblock_phys_free(mem_map_hold_base, mem_map_hold_size);
		mem_map_hold_size = 0;
	}
	/* not zeroed: free_area_init_node() writes every struct page it spans */
	mem_map = memblock_alloc_raw((phys_addr_t)nr * sizeof(struct page), PAGE_SIZE);
	free_area_init_node(pgdat, 0, max_zone_pfn, start_pfn, end_pfn, &memblock.memory, mem_map);
	/*
	 * The per-page work ends here; what follows is printk, which on a
	 * framebuffer console costs more than all of it (a scroll moves
	 * megabytes).  start_kernel() marks the end of the printing.
	 */
	boot_mark("mm: mem_map init");

	show_zone_ranges(pgdat);
	printk(KERN_INFO "Early memory node ranges\n");
	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		u64 rs = PFN_UP(r->base), re = PFN_DOWN(r->base + r->size);

		if (re > end_pfn)
			re = end_pfn;
		if (re <= rs)
			continue;
		printk(KERN_INFO "  node   0: [mem 0x%016llx-0x%016llx]\n",
		       (unsigned long long)PFN_PHYS(rs), (unsigned long long)PFN_PHYS(re) - 1);
	}
	printk(KERN_INFO "Initmem setup node 0 [mem 0x%016llx-0x%016llx]\n",
	       (unsigned long long)PFN_PHYS(start_pfn), (unsigned long long)PFN_PHYS(end_pfn) - 1);
	/* what the lowmem squeeze costs: mem_map lives in the direct map */
	printk(KERN_INFO "mem_map: %lu pages, %lu KiB (%u bytes per struct page), %lu%% of %lu MiB lowmem\n", nr,
	       (unsigned long)DIV_ROUND_UP((unsigned long long)nr * sizeof(struct page), 1024),
	       (unsigned int)sizeof(struct page),
	       max_low_pfn ? (unsigned long)((unsigned long long)nr * sizeof(struct page) * 100 /
					     PFN_PHYS(max_low_pfn)) : 0UL,
	       max_low_pfn >> (20 - PAGE_SHIFT));
}

#ifndef __ORDERLY_HOST__
/* linker.ld; weak so that a missing symbol reads as 0 instead of failing */
extern char _text[] __attribute__((weak)), _etext[] __attribute__((weak));
extern char _edata[] __attribute__((weak)), __bss_start[] __attribute__((weak));
extern char _end[] __attribute__((weak));
#define KSIZE(a, b)	((unsigned long)((b) && (a) ? ((b) - (a)) : 0))
#else
#define KSIZE(a, b)	0UL
#endif

void mem_init(void)
{
	struct pglist_data *pgdat = &contig_page_data;
	unsigned long physpages = pgdat->node_present_pages, managed;

	if (kernel_params.debug_pagealloc)
		pgdat->debug_flags |= PGDAT_DEBUG_PAGEALLOC;
	if (kernel_params.page_poison)
		pgdat->debug_flags |= PGDAT_PAGE_POISON;
	if (kernel_params.page_owner)
		page_ext_init(pgdat);	/* from memblock, so before it is handed over */
	memblock_free_all(pgdat);
	init_per_zone_wmark_min(pgdat);
	boot_mark("mm: free to buddy");	/* the rest is printk, as above */
	managed = pgdat_managed_pages(pgdat);
	build_all_zonelists_mobility(pgdat);

	printk(KERN_INFO "Memory: %luK/%luK available (%luK kernel code, %luK data, %luK bss, %luK reserved, %luK highmem)\n",
	       pgdat_free_pages(pgdat) << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
	       KSIZE(_text, _etext) >> 10, KSIZE(_etext, _edata) >> 10,
	       KSIZE(__bss_start, _end) >> 10, (physpages - managed) << (PAGE_SHIFT - 10),
	       pgdat_high_managed_pages(pgdat) << (PAGE_SHIFT - 10));
	if (pgdat->debug_flags & PGDAT_DEBUG_PAGEALLOC)
		printk(KERN_INFO "debug_pagealloc: free lowmem pages are unmapped from the direct map\n");
	if (pgdat->debug_flags & PGDAT_PAGE_POISON)
		printk(KERN_INFO "page_poison: free pages are filled with 0x%02x and checked on allocation\n",
		       PAGE_POISON);
	printk(KERN_INFO "min_free_kbytes: %lu\n", pgdat->min_free_kbytes);
	if (console_loglevel >= 7) {
		show_meminfo(pgdat);
		show_zoneinfo(pgdat);
	}
}
