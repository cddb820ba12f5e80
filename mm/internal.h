/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private interfaces of the page allocator: between mm_init.c,
 * page_alloc.c, debug.c, page_poison.c and show_mem.c, and for the tests'
 * fixture (tests/kunit/mm_fixture.c), which builds private nodes.
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/mmdebug.h>
#include <linux/spinlock.h>

/*
 * __free_pages_memory - hand pfns [@start_pfn, @end_pfn) of @pgdat, all
 * PG_reserved, to the buddy allocator: clipped to the node and split at
 * zone boundaries, freed in the largest naturally aligned blocks (never
 * page by page), merging with free neighbours.  Adds them to
 * managed_pages.  Called by memblock_free_all() for each free range.
 */
void __free_pages_memory(struct pglist_data *pgdat, unsigned long start_pfn,
			 unsigned long end_pfn);

/*
 * init_per_zone_wmark_min - once all memory is handed over: Linux's
 * min_free_kbytes = int_sqrt(lowmem KiB * 16) clamped to [128, 65536],
 * then setup_per_zone_wmarks(), setup_per_zone_lowmem_reserve() and the
 * pcp batch sizes.  The two steps are exported so tests can recompute
 * after changing pgdat->min_free_kbytes.
 */
void init_per_zone_wmark_min(struct pglist_data *pgdat);
void setup_per_zone_wmarks(struct pglist_data *pgdat);
void setup_per_zone_lowmem_reserve(struct pglist_data *pgdat);
/* Linux's sysctl_lowmem_reserve_ratio (the HighMem entry is unused) */
extern int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES];
/* HighMem, Normal, DMA: the populated ones, NULL-terminated */
void build_zonelists(struct pglist_data *pgdat);

/* The alloc_flags of Linux 4.4 (mm/internal.h) */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_HIGH	WMARK_HIGH
#define ALLOC_NO_WATERMARKS	0x04	/* don't check watermarks at all */
#define ALLOC_WMARK_MASK	(ALLOC_NO_WATERMARKS - 1)
#define ALLOC_HARDER		0x10	/* try to alloc harder (caller cannot sleep) */
#define ALLOC_HIGH		0x20	/* __GFP_HIGH set */

/*
 * zone_watermark_ok - may an order-@order allocation whose preferred zone
 * has index @classzone_idx take pages from @z, given watermark @mark?
 * Linux 4.5+'s __zone_watermark_ok() (commit 97a16fc82a7c): ALLOC_HIGH
 * halves the mark, ALLOC_HARDER takes another quarter off; free pages
 * beyond the block must exceed mark + lowmem_reserve[classzone_idx]; and
 * an order >= 1 needs a free block of that order or larger on the buddy
 * lists (4.4 instead halved the mark for each order below @order).
 */
bool zone_watermark_ok(const struct zone *z, unsigned int order,
		       unsigned long mark, int classzone_idx, unsigned int alloc_flags);

/*
 * The pageblock flags (include/linux/pageblock-flags.h): the migrate type
 * of the pageblock holding @pfn of @zone.  Linux's get_pfnblock_flags_mask()
 * with the zone at hand, for the hot paths.
 */
static __always_inline int zone_pfnblock_migratetype(const struct zone *zone, unsigned long pfn)
{
	return zone->pageblock_flags_pfn[pfn >> pageblock_order] & MIGRATETYPE_MASK;
}

/*
 * set_pageblock_migratetype - the pageblock of @page becomes @migratetype
 * (Linux: with grouping disabled, a mobility type becomes UNMOVABLE).
 * The free pages on it are not moved: callers that change the type of a
 * block holding free pages use move_freepages_block().  zone->lock held.
 */
void set_pageblock_migratetype(struct page *page, int migratetype);
/*
 * move_freepages_block - every free buddy block in @page's pageblock goes
 * from the @old_mt lists to the @new_mt ones, and the pageblock becomes
 * @new_mt.  Returns the pages moved, or -1 if the pageblock is not wholly
 * inside the zone (nothing changes).  zone->lock held.
 */
int move_freepages_block(struct zone *zone, struct page *page, int old_mt, int new_mt);
/*
 * Fallback order when a request's own lists are empty (Linux's
 * fallbacks[]): for each type, the types whose pageblocks it may steal
 * from, best first.
 */
extern const int fallbacks[MIGRATE_PCPTYPES][MIGRATE_PCPTYPES - 1];
/*
 * find_suitable_fallback - the first type of fallbacks[@migratetype] with
 * a free block on @area (free_area[@order]), or -1; *@can_steal says
 * whether taking one may claim its whole pageblock (can_steal_fallback()).
 * With @only_stealable, only such a type.
 */
int find_suitable_fallback(const struct free_area *area, unsigned int order, int migratetype,
			   bool only_stealable, bool *can_steal);

/*
 * For compaction and contiguous allocation (Linux's names): take a free
 * buddy block off its list (zone->lock held; 0 if the MIN watermark
 * forbids it, else its pages), and make such a block an allocated one.
 */
unsigned long __isolate_free_page(struct zone *zone, struct page *page, unsigned int order);
void post_alloc_hook(struct page *page, unsigned int order, gfp_t gfp_mask);

/* The lowest common denominator of the free paths (under zone->lock) */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order, int migratetype);
/*
 * __rmqueue - one block of @order for @migratetype off the buddy lists,
 * split as needed: from its own lists, else stolen from another type's
 * (__rmqueue_fallback).  zone->lock held.
 */
struct page *__rmqueue(struct zone *zone, unsigned int order, int migratetype);

/*
 * Per-CPU page lists (the algorithm and invariants: mm/page_pcp.c).
 * rmqueue_bulk / free_pcppages_bulk: the batch moves between the buddy
 * lists and a pcp list, zone->lock held.  drain_zone_pages /
 * drain_node_pages: every pcp page of the zone / node back to the buddy
 * lists (merging); return how many pages moved.
 */
int rmqueue_bulk(struct zone *zone, unsigned int order, int count, struct per_cpu_pages *pcp,
		 int migratetype);
/*
 * rmqueue_pcplist_refill - @pcp's empty list for @order and @migratetype
 * gets a batch from the buddy lists (pcp->lock held, takes zone->lock);
 * false if none came.
 */
bool rmqueue_pcplist_refill(struct zone *zone, unsigned int order, struct per_cpu_pages *pcp,
			    int migratetype);
/*
 * free_pcp_over_high - @pcp went above high: give a batch back to the
 * buddy lists under zone->lock, then release pcp->lock (so that the
 * free fast path ends in a tail call).
 */
void free_pcp_over_high(struct zone *zone, struct per_cpu_pages *pcp);
void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp);
int drain_zone_pages(struct zone *zone);
void zone_pcp_disable(struct zone *zone);
void zone_pcp_enable(struct zone *zone);
/* mm_init.c: the pcp sizes of every CPU's lists of @zone (batch from its size, high from its low mark) */
void zone_pcp_init(struct zone *zone);
unsigned long drain_node_pages(struct pglist_data *pgdat);
/*
 * free_one_page_isolated - a block of an isolated pageblock (or freed
 * while this CPU's lists are busy): it skips the per-cpu lists (Linux:
 * free_one_page()), pfn worked out here.
 */
void free_one_page_isolated(struct zone *zone, struct page *page, unsigned int order);

/*
 * del_page_from_free_list - take @page off the buddy or per-CPU free list
 * it is on.  Poisoning its links (list_del()) is a debugging aid, done
 * with CONFIG_DEBUG_VM; without it the links are left for the page's
 * next user, who initialises them, and the hot paths save two stores.
 */
static inline void del_page_from_free_list(struct page *page)
{
#ifdef CONFIG_DEBUG_VM
	list_del(&page->lru);
#else
	__list_del_entry(&page->lru);
#endif
}

/*
 * zone->free_pages counts the pages on the buddy lists, as Linux's
 * NR_FREE_PAGES does: not those on the per-CPU lists.  Pages moving
 * between the two are counted when they move, by rmqueue_bulk() and
 * free_pcppages_bulk(), so a pcp hit touches no shared cache line.  Every
 * writer holds zone->lock; the watermark checks read it without the lock
 * (one relaxed atomic load, a plain "mov").  The writes stay one relaxed
 * atomic read-modify-write ("lock add"/"lock sub", one instruction, on a
 * line the lock holder has to itself): the plain add a lock holder could
 * make, written TSan-clean as a relaxed load and store, is three
 * instructions, and the held-order pairs count every one.  Linux keeps a
 * per-CPU delta folded in past a threshold (vm_stat_diff); an exact
 * counter keeps check_zone()'s sum exact.
 */
static __always_inline void zone_free_pages_add(struct zone *zone, long nr)
{
	__atomic_fetch_add(&zone->free_pages, (unsigned long)nr, __ATOMIC_RELAXED);
}

/* zone_free_pages_add(zone, -nr) as one "lock sub": no negation first */
static __always_inline void zone_free_pages_sub(struct zone *zone, unsigned long nr)
{
	__atomic_fetch_sub(&zone->free_pages, nr, __ATOMIC_RELAXED);
}

static __always_inline unsigned long zone_free_pages(const struct zone *zone)
{
	return __atomic_load_n(&zone->free_pages, __ATOMIC_RELAXED);
}

/* This CPU's lists for @zone: smp_processor_id() is the kernel's %fs per-CPU area, the host thread's number */
static __always_inline struct per_cpu_pages *this_cpu_pcp(struct zone *zone)
{
	return zone->pcp + smp_processor_id();
}

/*
 * Exclusion on the per-CPU lists: Linux 6.2's pcp->lock taken with
 * pcp_spin_trylock() (commit 4b23a68f9536, "mm/page_alloc: protect PCP
 * lists with a spinlock", and 5749077415994, "leave IRQs enabled for
 * per-cpu page allocations"), not interrupts off.  Why a lock on a list
 * only its CPU uses: drain_all_pages() empties other CPUs' lists from
 * the CPU that needs the pages (remotely, under this lock), instead of
 * sending each CPU an IPI and waiting -- CPU 0 runs the shell with
 * interrupts off and would never answer.  The owner takes it with one
 * "lock bts" (never contended but by a drainer); should it ever be busy
 * (a drainer holds it, or an interrupt came in the middle), the
 * allocation goes to the buddy lists under zone->lock and the free goes
 * straight to them, as Linux does.  Lock order: pcp->lock, then
 * zone->lock (taken with interrupts off).
 */
static __always_inline bool pcp_spin_trylock(struct per_cpu_pages *pcp)
{
	/* "lock bts" + a branch on the carry: two instructions */
	return !(__atomic_fetch_or(&pcp->lock, 1, __ATOMIC_ACQUIRE) & 1);
}

static __always_inline void pcp_spin_unlock(struct per_cpu_pages *pcp)
{
	__atomic_store_n(&pcp->lock, 0, __ATOMIC_RELEASE);
}

/*
 * The two fast paths are inline here, not in page_pcp.c, because they are
 * the whole cost of an alloc/free pair of order <= PAGE_ALLOC_COSTLY_ORDER:
 * a call into another file costs as much as the list operation itself.
 * A list is addressed as base + index (pcp->lists + pindex, likewise
 * area->free_list + migratetype in page_alloc.c), not &base[index]: with
 * the index read from a byte, GCC 12 -O2 then works the address out once
 * rather than twice (callgrind: 10 instructions off the order-0 pair).
 *
 * rmqueue_pcplist: a block of @order (<= PAGE_ALLOC_COSTLY_ORDER) of @zone
 * for @migratetype (< MIGRATE_PCPTYPES) from this CPU's list for both (refilled when empty with
 * max(batch >> order, 2) blocks, as Linux 5.13's rmqueue_pcplist();
 * __GFP_COLD takes the cold end), or NULL if the zone has none or the
 * lists are busy (pcp_spin_trylock()); zone->free_pages does not change
 * (pcp pages are not counted in it).  Without @refill (the allocation
 * fast path) an empty list is NULL at once: the caller's general path
 * refills, so the common case calls nothing.
 */
static __always_inline struct page *rmqueue_pcplist(struct zone *zone, unsigned int order,
						     gfp_t gfp_mask, int migratetype, bool refill)
{
	struct per_cpu_pages *pcp = this_cpu_pcp(zone);
	struct list_head *list;
	struct page *page;

	if (unlikely(!pcp_spin_trylock(pcp)))
		return NULL;
	list = pcp->lists + order_to_pindex(migratetype, order);
	if (unlikely(list_empty(list)) &&
	    (!refill || !rmqueue_pcplist_refill(zone, order, pcp, migratetype))) {
		pcp_spin_unlock(pcp);
		return NULL;
	}
	if (unlikely(gfp_mask & __GFP_COLD))
		page = list_last_entry(list, struct page, lru);
	else
		page = list_first_entry(list, struct page, lru);
	VM_BUG_ON_PAGE(!PagePcp(page) || page->private != order, page);
	del_page_from_free_list(page);
	__ClearPagePcp(page);
	if (order)	/* order 0's private is 0 already */
		page->private = 0;
	pcp->count -= 1 << order;
	pcp_spin_unlock(pcp);
	return page;
}

/*
 * free_unref_page: a block of @order (<= PAGE_ALLOC_COSTLY_ORDER) of
 * @zone (at @pfn) whose last reference is gone and which
 * free_pages_prepare() has seen, to the hot end of this CPU's list for
 * @order and its pageblock's migrate type, its order recorded in
 * page->private; @batch pages go back to the buddy lists above
 * zone->pcp.high.  As Linux: a HIGHATOMIC block's pages wait on the
 * MOVABLE list (the buddy lists, where they return, take the pageblock's
 * type again), an isolated block's skip the lists, and so does any block
 * while the lists are busy (pcp_spin_trylock()).
 */
/*
 * free_list_add - list_add() for the pcp and buddy free lists, with the
 * new entry's two links stored apart: GCC's SLP vectoriser packs
 * list_add()'s adjacent n->next, n->prev stores into one SSE store on
 * x86-64, which takes four instructions to build where two stores would
 * do (callgrind: 2 off the order-0 pair and each held-order pair).  The
 * store through next in between may alias n->prev, so they stay two.
 */
static __always_inline void free_list_add(struct list_head *n, struct list_head *head)
{
	struct list_head *next = head->next;

	n->next = next;
	next->prev = n;
	n->prev = head;
	head->next = n;
}

static __always_inline void __free_unref_page(struct zone *zone, struct page *page,
					      unsigned int order, unsigned long migratetype)
{
	struct per_cpu_pages *pcp = this_cpu_pcp(zone);
	struct list_head *list = pcp->lists + order_to_pindex((int)migratetype, order);

	VM_BUG_ON_PAGE(page_zone(page) != zone, page);
	if (unlikely(!pcp_spin_trylock(pcp))) {
		free_one_page_isolated(zone, page, order);
		return;
	}
	__SetPagePcp(page);
	page->private = order;
	free_list_add(&page->lru, list);
	pcp->count += 1 << order;
	if (unlikely(pcp->count > pcp->high)) {
		free_pcp_over_high(zone, pcp);
		return;
	}
	pcp_spin_unlock(pcp);
}

/* the pageblock is HIGHATOMIC or ISOLATE: apart, so the common case stays short */
void free_unref_page_other(struct zone *zone, struct page *page, unsigned int order,
			   int migratetype);

static __always_inline void free_unref_page(struct zone *zone, struct page *page,
					    unsigned long pfn, unsigned int order)
{
	unsigned int migratetype = zone->pageblock_flags_pfn[pfn >> pageblock_order] & MIGRATETYPE_MASK;

	if (unlikely(migratetype >= MIGRATE_PCPTYPES)) {
		free_unref_page_other(zone, page, order, (int)migratetype);
		return;
	}
	__free_unref_page(zone, page, order, migratetype);
}

/* pages of @zone on per-CPU lists: free, but only for their own order */
static inline long zone_pcp_pages(const struct zone *zone)
{
	long n = 0;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		n += __atomic_load_n(&zone->pcp[cpu].count, __ATOMIC_RELAXED);
	return n;
}

/* struct page <-> pfn inside one instance, without NODE_DATA() */
static inline struct page *pgdat_pfn_to_page(const struct pglist_data *pgdat,
					     unsigned long pfn)
{
	return pgdat->node_mem_map + (pfn - pgdat->node_start_pfn);
}

static inline bool pgdat_spans_pfn(const struct pglist_data *pgdat, unsigned long pfn)
{
	return pfn >= pgdat->node_start_pfn &&
	       pfn - pgdat->node_start_pfn < pgdat->node_spanned_pages;
}

static inline void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	__SetPageBuddy(page);
}

static inline unsigned int buddy_order(const struct page *page)
{
	return (unsigned int)page->private;
}

/*
 * The state of the allocation around a page, found in O(MAX_ORDER) by
 * looking at the heads its enclosing naturally aligned blocks would have
 * (mm/debug.c).  Used to explain a bad free and by dump_page().
 */
enum page_block_state {
	PB_RESERVED,		/* PG_reserved: hole, firmware, kernel */
	PB_FREE_HEAD,		/* heads a free block */
	PB_FREE_INSIDE,		/* inside a free block headed elsewhere */
	PB_PCP,			/* free, on a per-cpu list */
	PB_ALLOC_HEAD,		/* heads an allocated block */
	PB_ALLOC_INSIDE,	/* inside an allocated block headed elsewhere */
	PB_UNKNOWN,		/* none of these: the state is corrupt */
};
struct page_block {
	enum page_block_state state;
	unsigned long head_pfn;		/* the block's first pfn */
	unsigned int order;		/* the block's order */
};
void page_block_of(const struct page *page, struct page_block *pb);

/*
 * bad_page - report a caller's misuse of @page and change nothing:
 *   BUG: Bad page state in process <comm>  pfn:0x01234
 *   <dump_page() lines, ending "page dumped because: <reason>">
 */
void bad_page(const struct page *page, const char *reason);

/* page_poison.c: PGDAT_PAGE_POISON */
#define PAGE_POISON	0xaa
void kernel_poison_pages(struct page *page, unsigned int nr);
/* verify and clear PG_poisoned; reports write-after-free, returns bad pages */
unsigned int kernel_unpoison_pages(struct page *page, unsigned int nr);

/* the instance the caller's struct page pointer belongs to, or NULL */
struct pglist_data *page_pgdat_checked(const struct page *page);

/*
 * mm_bufcat - scnprintf(@buf + @len, @size - @len, ...) and return the new
 * length (never beyond @size - 1).  The host C library has no scnprintf.
 */
static inline __printf(4, 5) size_t mm_bufcat(char *buf, size_t size, size_t len,
					      const char *fmt, ...)
{
	va_list ap;
	int n;

	if (len + 1 >= size)
		return len;
	va_start(ap, fmt);
	n = vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return len;
	return min(len + (size_t)n, size - 1);
}

/* __get_free_pages() warns once per boot about __GFP_HIGHMEM; tests reset it */
extern bool gfp_highmem_warned;

#endif /* _MM_INTERNAL_H */
