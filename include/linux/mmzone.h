/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Nodes and zones.  A pglist_data is one allocator instance: the kernel has
 * exactly one (contig_page_data, node 0); a test builds private ones over a
 * scratch arena and registers them in node_data[] under another node id,
 * so page_zone(page) finds the right instance from page->flags alone.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/page-flags.h>

/* Orders 0..MAX_ORDER-1: the largest block is 2^10 pages = 4 MiB (Linux/i386). */
#define MAX_ORDER		11
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))

#define MAX_NUMNODES	(1 << NODES_SHIFT)
#define NR_CPUS		1

enum zone_type {
	ZONE_DMA,	/* [0, 16 MiB): ISA DMA can reach it */
	ZONE_NORMAL,	/* [16 MiB, lowmem limit): in the direct map */
	ZONE_HIGHMEM,	/* above the lowmem limit: mapped on demand by kmap */
	MAX_NR_ZONES
};
_Static_assert(MAX_NR_ZONES <= (1 << ZONES_SHIFT), "zone index does not fit page->flags");

extern const char * const zone_names[MAX_NR_ZONES];

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

struct free_area {
	/* heads of free blocks of this order: PageBuddy, page->private == order */
	struct list_head free_list;
	/* number of blocks (not pages) on free_list */
	unsigned long nr_free;
};

/*
 * The highest order still cheap to satisfy; orders 0..3 are cached per CPU
 * (Linux 5.13, commit 44042b449872).
 */
#define PAGE_ALLOC_COSTLY_ORDER	3
#define NR_PCP_LISTS		(PAGE_ALLOC_COSTLY_ORDER + 1)

/* Blocks of order 0..PAGE_ALLOC_COSTLY_ORDER cached per CPU (Linux's struct per_cpu_pages). */
struct per_cpu_pages {
	int count;		/* pages (not blocks) on the lists; heads all PagePcp() */
	int high;		/* drain a batch to the buddy lists above this many pages */
	int batch;		/* pages moved to/from the buddy lists at a time */
	/* lists[order]: blocks of that order, hot at the head, cold at the tail */
	struct list_head lists[NR_PCP_LISTS];
};

struct zone {
	/* pages below which an allocation without ALLOC_HIGH/HARDER fails */
	unsigned long _watermark[NR_WMARK];
	/*
	 * lowmem_reserve[j]: pages this zone keeps back from an allocation
	 * whose preferred zone is j (j > this zone), so that requests that
	 * could have used HighMem/Normal do not eat DMA/Normal.
	 */
	long lowmem_reserve[MAX_NR_ZONES];

	struct pglist_data *zone_pgdat;
	struct per_cpu_pages pcp[NR_CPUS];

	/* zone_start_pfn <= pfn < zone_start_pfn + spanned_pages */
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* span including holes */
	unsigned long present_pages;	/* RAM pages in the span (spanned - holes) */
	unsigned long managed_pages;	/* pages handed to the buddy allocator */

	const char *name;
	spinlock_t lock;		/* protects free_area and the counters below */
	struct free_area free_area[MAX_ORDER];
	/* pages in free_area + pcp lists; == sum(nr_free[o] << o) + pcp.count */
	unsigned long free_pages;
};

#define zone_idx(zone)		((enum zone_type)((zone) - (zone)->zone_pgdat->node_zones))
#define min_wmark_pages(z)	((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z)	((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z)	((z)->_watermark[WMARK_HIGH])

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline bool is_highmem_idx(enum zone_type idx)
{
	return idx == ZONE_HIGHMEM;
}

/* Debug options of one allocator instance (kernel: from the command line). */
#define PGDAT_DEBUG_PAGEALLOC	0x1	/* unmap free lowmem pages from the direct map */
#define PGDAT_PAGE_POISON	0x2	/* fill free pages with PAGE_POISON, check on alloc */
#define PGDAT_TRACE		0x4	/* printk every split, merge and fallback */

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	/* zones to try, best first: HighMem -> Normal -> DMA, NULL-terminated */
	struct zone *node_zonelist[MAX_NR_ZONES + 1];
	/*
	 * Where the walk starts for each value of the gfp zone modifiers
	 * (gfp & GFP_ZONEMASK: none, __GFP_DMA, __GFP_HIGHMEM, both):
	 * the preferred zone, its slot in node_zonelist (the terminator if
	 * no zone is allowed; NULL for the invalid __GFP_DMA|__GFP_HIGHMEM)
	 * and its index, the lowmem_reserve column.  build_zonelists() fills
	 * it, so an allocation finds its zone with one load, not a walk.
	 */
	struct zonelist_start {
		struct zone *zone;	/* *zonelist (NULL: none, or invalid), one load less */
		struct zone **zonelist;
		int classzone_idx;
	} zonelist_for_gfp[4];
	int nr_zones;			/* highest populated zone index + 1 */

	struct page *node_mem_map;	/* struct page of node_start_pfn */
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	int node_id;
	unsigned int debug_flags;	/* PGDAT_* */
	unsigned long totalreserve_pages;
	/* int_sqrt(lowmem KiB * 16) clamped to [128, 65536]: init_per_zone_wmark_min() */
	unsigned long min_free_kbytes;
} pg_data_t;

extern struct pglist_data *node_data[MAX_NUMNODES];
#define NODE_DATA(nid)		(node_data[(nid)])

/* The kernel's one node (Linux's name for the !NUMA pglist_data). */
extern struct pglist_data contig_page_data;

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(page_to_nid(page))->node_zones[page_zonenum(page)];
}

static inline struct pglist_data *page_pgdat(const struct page *page)
{
	return NODE_DATA(page_to_nid(page));
}

static inline bool is_highmem(const struct zone *zone)
{
	return is_highmem_idx(zone_idx(zone));
}

#define for_each_zone_pgdat(zone, pgdat) \
	for (zone = (pgdat)->node_zones; zone < (pgdat)->node_zones + MAX_NR_ZONES; zone++)

#endif /* _LINUX_MMZONE_H */
