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
#include <linux/pageblock-flags.h>

/* Orders 0..MAX_ORDER-1: the largest block is 2^10 pages = 4 MiB (Linux/i386). */
#define MAX_ORDER		11
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))
_Static_assert(pageblock_order == MAX_ORDER - 1,
	       "a free block is at most one pageblock: merging never mixes two migrate types");

#define MAX_NUMNODES	(1 << NODES_SHIFT)
/* CPUs the per-CPU page lists are sized for: the kernel's CONFIG_NR_CPUS */
#define NR_CPUS		32

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

/*
 * Migrate types (grouping pages by mobility, mm/page_alloc.c): every
 * pageblock has one, kept in zone->pageblock_flags, and every free block
 * sits on the list of its pageblock's type.  The first MIGRATE_PCPTYPES
 * are what requests ask for (gfp_migratetype()) and have per-CPU lists.
 */
enum migratetype {
	MIGRATE_UNMOVABLE,	/* kernel data that stays where it is */
	MIGRATE_MOVABLE,	/* user pages, the shell's blocks: can be moved */
	MIGRATE_RECLAIMABLE,	/* caches a shrinker can free */
	MIGRATE_PCPTYPES,	/* the number of types on the per-cpu lists */
	MIGRATE_HIGHATOMIC = MIGRATE_PCPTYPES,	/* reserve for high-order atomic requests */
	MIGRATE_ISOLATE,	/* can't allocate from here (contiguous allocation) */
	MIGRATE_TYPES
};

_Static_assert(MIGRATE_TYPES <= (1 << PB_migratetype_bits), "a migrate type fits its pageblock bits");

/* "Unmovable", "Movable", ...: /proc/pagetypeinfo's names */
extern const char * const migratetype_names[MIGRATE_TYPES];

/* show_free_areas()'s letter for a type (Linux's show_migration_types()) */
static inline char migratetype_letter(int migratetype)
{
	return "UMEHI"[migratetype];
}

static inline bool is_migrate_isolate(int migratetype)
{
	return migratetype == MIGRATE_ISOLATE;
}

static inline bool is_migrate_highatomic(int migratetype)
{
	return migratetype == MIGRATE_HIGHATOMIC;
}

/*
 * 1: every request is MIGRATE_UNMOVABLE (gfp_migratetype()).  Linux sets
 * it on machines too small for grouping to pay; the kernel also on the
 * command line page_group_by_mobility=off.
 */
extern int page_group_by_mobility_disabled;

struct free_area {
	/*
	 * heads of free blocks of this order, by the migrate type of their
	 * pageblock: PageBuddy, page->private == order
	 */
	struct list_head free_list[MIGRATE_TYPES];
	/* number of blocks (not pages) on all free_list[] */
	unsigned long nr_free;
};

static inline bool free_area_empty(const struct free_area *area, int migratetype)
{
	return list_empty(area->free_list + migratetype);
}

/*
 * The highest order still cheap to satisfy; orders 0..3 are cached per CPU
 * (Linux 5.13, commit 44042b449872).
 */
#define PAGE_ALLOC_COSTLY_ORDER	3
#define NR_PCP_LISTS		(MIGRATE_PCPTYPES * (PAGE_ALLOC_COSTLY_ORDER + 1))

/* the per-cpu list of @migratetype and @order (Linux's order_to_pindex()) */
static inline unsigned int order_to_pindex(int migratetype, unsigned int order)
{
	return MIGRATE_PCPTYPES * order + (unsigned int)migratetype;
}

static inline unsigned int pindex_to_order(unsigned int pindex)
{
	return pindex / MIGRATE_PCPTYPES;
}

/*
 * Blocks of order 0..PAGE_ALLOC_COSTLY_ORDER cached per CPU (Linux's struct
 * per_cpu_pages), one cache line apart so two CPUs never share one.
 */
struct per_cpu_pages {
	unsigned int lock;	/* pcp_spin_trylock() (mm/internal.h): 1 while a CPU uses the lists */
	int count;		/* pages (not blocks) on the lists; heads all PagePcp() */
	int high;		/* drain a batch to the buddy lists above this many pages */
	int batch;		/* pages moved to/from the buddy lists at a time */
	/*
	 * lists[order_to_pindex(mt, order)]: blocks of that order for
	 * requests of migrate type mt, hot at the head, cold at the tail
	 */
	struct list_head lists[NR_PCP_LISTS];
} __aligned(64);

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
	/* pages on free_area (not the pcp lists, as NR_FREE_PAGES): sum(nr_free[o] << o) */
	unsigned long free_pages;
	/* pages in MIGRATE_HIGHATOMIC pageblocks: kept from ordinary requests */
	unsigned long nr_reserved_highatomic;
	/*
	 * The flags of each pageblock (include/linux/pageblock-flags.h):
	 * pgdat->pageblock_flags[zone index], from the pageblock holding
	 * zone_start_pfn, indexed by pfn >> pageblock_order (so it points
	 * before that array when the zone does not start at pfn 0): the
	 * lookup on every free is one load.
	 */
	unsigned char *pageblock_flags_pfn;
	/*
	 * Compaction's deferral after failures (mm/compaction.c, Linux's
	 * names): requests of order >= compact_order_failed skip compaction
	 * for 1 << compact_defer_shift attempts, counted in compact_considered.
	 */
	unsigned int compact_considered;
	unsigned int compact_defer_shift;
	int compact_order_failed;
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
#define PGDAT_PAGE_OWNER	0x8	/* record who allocated each page (mm/page_owner.c) */
/* the options that hook every allocation and free (the cold path of both) */
#define PGDAT_ALLOC_FREE_HOOKS	(PGDAT_DEBUG_PAGEALLOC | PGDAT_PAGE_POISON | PGDAT_PAGE_OWNER)

struct page_ext_node;

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
	/* page_owner's records, one per spanned pfn; NULL unless PGDAT_PAGE_OWNER */
	struct page_ext_node *node_page_ext;
	unsigned long totalreserve_pages;
	/* int_sqrt(lowmem KiB * 16) clamped to [128, 65536]: init_per_zone_wmark_min() */
	unsigned long min_free_kbytes;
	/*
	 * Each zone's pageblock flags (zone->pageblock_flags_pfn), apart from
	 * the zones to keep those small.  Arrays, not pointers to allocated
	 * memory: a zone spans at most 4 GiB of pfns without PAE, 1024
	 * pageblocks (plus one for a start inside a block); 64 GiB, 16384
	 * pageblocks, with PAE.
	 */
	unsigned char pageblock_flags[MAX_NR_ZONES][MAX_ZONE_PAGEBLOCKS];
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

/* the migrate type of the pageblock holding @page (at @pfn): Linux's names */
int get_pfnblock_migratetype(const struct page *page, unsigned long pfn);
#define get_pageblock_migratetype(page)	get_pfnblock_migratetype(page, page_to_pfn(page))

#define for_each_zone_pgdat(zone, pgdat) \
	for (zone = (pgdat)->node_zones; zone < (pgdat)->node_zones + MAX_NR_ZONES; zone++)

#endif /* _LINUX_MMZONE_H */
