// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator: physical page frames, in blocks of 2^order pages.
 *
 * Every zone keeps free_area[0..MAX_ORDER-1]; free_area[k] lists the free
 * blocks of exactly 2^k pages.  A block is always naturally aligned: its
 * first pfn is a multiple of 2^k.  Its first page (the head) carries
 * PG_buddy and page->private = k; the other pages carry nothing, so a
 * free block costs one list link however large it is.
 *
 * Two blocks of order k are "buddies" when they are the two halves of one
 * aligned block of order k+1; their pfns differ only in bit k:
 *
 *	buddy_pfn = pfn ^ (1 << k)		combined_pfn = pfn & buddy_pfn
 *
 * Allocating order k (__rmqueue_smallest) takes the first block of the
 * smallest order j >= k that has one, and if j > k splits it (expand): the
 * upper half of each split goes back on the list one order down, the
 * lower half is split further, until a block of order k is left.  E.g.
 * order 0 from a free order-2 block at pfn 0x400:
 *
 *	[0x400 .. 0x403] order 2
 *	  -> 0x402 (order 1) to free_area[1],  0x400 (order 1) split again
 *	  -> 0x401 (order 0) to free_area[0],  0x400 (order 0) returned
 *
 * Freeing order k (__free_one_page) is the reverse: while the buddy is a
 * free block of the same order in the same zone, take it off its list and
 * merge; the merged block is aligned to order k+1 by construction.  So
 * freeing 0x400 above finds 0x401 free (order 0), merges to 0x400 order 1,
 * finds 0x402 free (order 1), merges to 0x400 order 2, and stops where the
 * buddy is allocated, of another order, or outside the zone.  Both paths
 * are O(MAX_ORDER) and touch only heads; nothing is ever searched.
 *
 * Which zone: gfp_zone() maps the zone modifiers to the highest zone the
 * caller accepts, the node's zonelist (HighMem -> Normal -> DMA) is
 * walked from there, and a zone is used only while its free pages stay
 * above a watermark plus the lowmem_reserve it keeps against requests
 * that could have gone higher (zone_watermark_ok).  Callers that cannot
 * wait (GFP_ATOMIC) may go further below the MIN mark than those that can:
 * that reserve is what keeps interrupt-time allocations alive when memory
 * runs low.  The watermark formulas are Linux 4.4's (the last with the
 * classic ones); the order >= 1 check is 4.5's (a free block of the order
 * is enough once order 0 passes); where this file differs, it says why.
 *
 * Misuse by a caller - freeing a free, reserved or never-allocated page,
 * an address outside RAM, a tail page, the wrong order - is caught before
 * anything is touched: bad_page() reports it and the free is dropped, so
 * every list, counter and page stays exactly as it was.  To tell a wrong
 * order from a right one without Linux's debug options, the head of an
 * allocated block records its order (page->alloc_order).
 *
 * States of a struct page (the invariants check_zone() verifies):
 *	reserved	PG_reserved, refcount 1, never in a free list
 *	free head	PG_buddy, private = order, refcount 0, on free_area[order]
 *	allocated head	refcount >= 1, alloc_order = order, no PG_buddy
 *	inside a block	no PG_buddy/PG_reserved, refcount 0 (PG_tail if compound)
 *
 * Grouping by mobility (Mel Gorman, Linux 2.6.24; the rules of Linux
 * 6.10's "freelist hygiene").  Memory is cut into pageblocks of
 * 2^pageblock_order pages (= MAX_ORDER - 1: one largest block), each with
 * a migrate type in its zone's pageblock flags.  Every free buddy block sits
 * on free_area[order].free_list[type of its pageblock] - check_zone()
 * treats anything else as a bug - and a request asks for a type
 * (gfp_migratetype(): __GFP_MOVABLE, __GFP_RECLAIMABLE or neither).  The
 * point: one unmovable page in a pageblock of movable ones stops that
 * block from ever merging to order 10, so unmovable allocations are
 * packed into as few pageblocks as possible.
 *  - __rmqueue_smallest() serves a request from its own type's lists.
 *  - If they are empty, __rmqueue_fallback() takes the *largest* free
 *    block of another type, in the order of fallbacks[] - a large block
 *    means a mostly free pageblock, the cheapest to convert.  If
 *    can_steal_fallback() allows it and more than half of that pageblock
 *    is free or of a compatible kind, the whole pageblock changes type
 *    and its free blocks move lists (move_freepages_block()); otherwise
 *    only the block taken is used and its split remainder stays on the
 *    old type's lists.
 *  - MIGRATE_HIGHATOMIC: a high-order request that cannot wait and had to
 *    go below the LOW mark reserves the pageblock it got (up to 1% of
 *    the zone), so the next such request finds a free block there;
 *    ordinary requests count the reserve as used.  Before a request
 *    fails, the reserve goes back (unreserve_highatomic_pageblock()).
 *  - MIGRATE_ISOLATE: a pageblock nothing is allocated from (contiguous
 *    allocation builds on it); its freed pages skip the per-CPU lists.
 *  - page_group_by_mobility_disabled: every request is UNMOVABLE and
 *    steals whole pageblocks at once, which is the plain buddy allocator.
 *
 * Requests and frees of order <= PAGE_ALLOC_COSTLY_ORDER go through per-CPU
 * page lists first (mm/page_pcp.c, Linux 5.13's per_cpu_pages): rmqueue()
 * and free_to_lists() are the two places where they plug in; a failing
 * request drains them.
 *
 * Fast paths.  alloc_pages() and __free_pages() first try the common case
 * in code that calls nothing, so that it needs no registers saved and no
 * set-up: the preferred zone comes from a table built with the zonelist
 * (pgdat->zonelist_for_gfp), passes its LOW mark with one compare, and
 * has the block on this CPU's list (orders 0..3) or exactly that order on
 * its buddy lists (no split); a free whose head page passes every misuse
 * check in one test per field goes to this CPU's list, or to the buddy
 * list of its order when its buddy is not free (no merge).  Everything
 * else - refilling or draining a list, splitting, merging, debug
 * options, another zone, the slow path, a misuse report - is out of line
 * and starts over from the top (__alloc_pages_general(),
 * __free_pages_general(): Linux's paths), so the two never disagree.
 * These are hand-tuned copies of the first step of the general paths,
 * kept because make bench-gate (callgrind, 1 GiB) shows each saving far
 * more than 10%: without alloc_pages_fast()/free_pages_fast() the order-0
 * pair costs 205 instructions instead of 111, orders 1-3 266 instead of
 * 144, order 10 320 instead of 157; without rmqueue_buddy_nosplit() a
 * pair of orders 4-10 with a block held costs 322 instead of 168, and
 * without free_one_page_nomerge() 200 (order 10: 178 instead of 157).
 * They share take_free_block(), page_is_buddy(), add_to_free_list(),
 * rmqueue_pcplist(), free_unref_page() and prep_new_page() with the
 * general paths, and every free, fast or not, is judged valid by
 * free_page_is_valid().
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/mmdebug.h>
#include <linux/page_owner.h>
#include <linux/highmem.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <asm/mmu_hooks.h>
#include <linux/compaction.h>
#include "internal.h"

bool gfp_highmem_warned;

int page_group_by_mobility_disabled;

const char * const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Movable", "Reclaimable", "HighAtomic", "Isolate",
};

const int fallbacks[MIGRATE_PCPTYPES][MIGRATE_PCPTYPES - 1] = {
	[MIGRATE_UNMOVABLE]	= { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE },
	[MIGRATE_MOVABLE]	= { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE },
	[MIGRATE_RECLAIMABLE]	= { MIGRATE_UNMOVABLE, MIGRATE_MOVABLE },
};

_Static_assert(GFP_ZONEMASK + 1 == ARRAY_SIZE(((struct pglist_data *)0)->zonelist_for_gfp),
	       "zonelist_for_gfp[] has one slot per value of the zone modifiers");

static inline bool pgdat_trace(const struct pglist_data *pgdat)
{
	return unlikely(pgdat->debug_flags & PGDAT_TRACE);
}

static inline unsigned long zone_page_to_pfn(const struct zone *zone,
					     const struct page *page)
{
	const struct pglist_data *pgdat = zone->zone_pgdat;

	return pgdat->node_start_pfn + (unsigned long)(page - pgdat->node_mem_map);
}

/* @page heads a free block of @order: onto @zone's list of @migratetype */
static __always_inline void add_to_free_list(struct page *page, struct zone *zone,
					     unsigned int order, int migratetype)
{
	struct free_area *area = zone->free_area + order;

	set_buddy_order(page, order);
	free_list_add(&page->lru, area->free_list + migratetype);
	area->nr_free++;
}

/* ------------------------------------------------------------ pageblocks */

int get_pfnblock_migratetype(const struct page *page, unsigned long pfn)
{
	return zone_pfnblock_migratetype(page_zone(page), pfn);
}

static void set_pfnblock_migratetype(struct zone *zone, unsigned long pfn, int migratetype)
{
	unsigned char *flags = &zone->pageblock_flags_pfn[pfn >> pageblock_order];

	VM_BUG_ON(!zone_spans_pfn(zone, pfn));
	*flags = (unsigned char)((*flags & ~MIGRATETYPE_MASK) | (unsigned int)migratetype);
}

void set_pageblock_migratetype(struct page *page, int migratetype)
{
	if (unlikely(page_group_by_mobility_disabled && migratetype < MIGRATE_PCPTYPES))
		migratetype = MIGRATE_UNMOVABLE;
	set_pfnblock_migratetype(page_zone(page), page_to_pfn(page), migratetype);
}

/*
 * prep_move_freepages_block - can the pageblock of @page move as a whole
 * (it lies inside the zone)?  If so, its first pfn, and how many of its
 * pages are free buddy pages and how many are allocated as movable
 * (Linux counts LRU and __PageMovable pages; here the blocks allocated
 * with __GFP_MOVABLE).  Pages on the per-cpu lists count as neither.
 */
static bool prep_move_freepages_block(struct zone *zone, struct page *page,
				      unsigned long *start_pfn, int *num_free, int *num_movable)
{
	const struct pglist_data *pgdat = zone->zone_pgdat;
	unsigned long pfn = zone_page_to_pfn(zone, page);
	unsigned long start = pageblock_start_pfn(pfn), end = start + pageblock_nr_pages;

	*start_pfn = start;
	if (!zone_spans_pfn(zone, start) || !zone_spans_pfn(zone, end - 1))
		return false;
	*num_free = 0;
	if (num_movable)
		*num_movable = 0;
	for (pfn = start; pfn < end; ) {
		const struct page *p = pgdat_pfn_to_page(pgdat, pfn);

		if (PageBuddy(p)) {
			*num_free += 1 << buddy_order(p);
			pfn += 1UL << buddy_order(p);
		} else if (PagePcp(p)) {
			pfn += 1UL << p->private;
		} else if (!PageReserved(p) && page_count(p) > 0) {
			if (num_movable && page_alloc_migratetype(p) == MIGRATE_MOVABLE)
				*num_movable += 1 << p->alloc_order;
			pfn += 1UL << p->alloc_order;
		} else {
			pfn++;
		}
	}
	return true;
}

/* the free blocks of the pageblock at @start_pfn to @new_mt's lists, and its type */
static int __move_freepages_block(struct zone *zone, unsigned long start_pfn,
				  int old_mt, int new_mt)
{
	const struct pglist_data *pgdat = zone->zone_pgdat;
	unsigned long pfn, end = start_pfn + pageblock_nr_pages;
	int moved = 0;

	for (pfn = start_pfn; pfn < end; ) {
		struct page *page = pgdat_pfn_to_page(pgdat, pfn);
		unsigned int order;

		if (!PageBuddy(page)) {
			pfn++;
			continue;
		}
		order = buddy_order(page);
		VM_BUG_ON_PAGE(zone_pfnblock_migratetype(zone, pfn) != old_mt, page);
		list_move(&page->lru, &zone->free_area[order].free_list[new_mt]);
		pfn += 1UL << order;
		moved += 1 << order;
	}
	set_pfnblock_migratetype(zone, start_pfn, new_mt);
	return moved;
}

int move_freepages_block(struct zone *zone, struct page *page, int old_mt, int new_mt)
{
	unsigned long start_pfn;
	int num_free;

	if (!prep_move_freepages_block(zone, page, &start_pfn, &num_free, NULL))
		return -1;
	return __move_freepages_block(zone, start_pfn, old_mt, new_mt);
}

/*
 * page_is_buddy - may the free block at @page (order @order) merge with
 * the block at @buddy (pfn @buddy_pfn)?  All of:
 *  (a) @buddy_pfn lies in the zone's span (@zone_start, @zone_pages
 *      pages: one unsigned compare), so its struct page exists and
 *      belongs to this zone (zones of a node do not overlap, and holes
 *      inside a span have struct pages that are PG_reserved);
 *  (b) the buddy is a free block head (PG_buddy);
 *  (c) it has the same order (a free page inside a larger or a smaller
 *      free block is not this block's buddy);
 *  (d) it is in the same zone and node - implied by (a), asserted here -
 *      since a block never straddles a zone boundary.
 */
static inline bool page_is_buddy(const struct zone *zone, unsigned long zone_start,
				 unsigned long zone_pages, const struct page *buddy,
				 unsigned long buddy_pfn, unsigned int order)
{
	if (buddy_pfn - zone_start >= zone_pages)		/* (a) */
		return false;
	if (!PageBuddy(buddy) || buddy_order(buddy) != order)	/* (b), (c) */
		return false;
	VM_BUG_ON_PAGE(page_zone(buddy) != zone, buddy);	/* (d) */
	return true;
}

/*
 * __free_one_page - put the block of 2^@order pages at @page (pfn @pfn)
 * on @zone's free lists of @migratetype (its pageblock's), merging it
 * with its buddies as far as they go.  A buddy is in the same pageblock
 * (pageblock_order == MAX_ORDER - 1), so on the same type's list.
 * zone->lock must be held; the caller accounts zone->free_pages.
 * Inlined into this file's callers, out of line for mm/page_pcp.c.
 */
__always_inline void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
				     unsigned int order, int migratetype)
{
	/* read once: the loop's stores could alias them for the compiler */
	const unsigned long zone_start = zone->zone_start_pfn, zone_pages = zone->spanned_pages;
	const bool trace = pgdat_trace(zone->zone_pgdat);

	VM_BUG_ON_PAGE(pfn & ((1UL << order) - 1), page);
	VM_BUG_ON_PAGE(!zone_spans_pfn(zone, pfn + (1UL << order) - 1), page);
	VM_BUG_ON_PAGE(migratetype != zone_pfnblock_migratetype(zone, pfn), page);

	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = page + ((long)buddy_pfn - (long)pfn);

		if (!page_is_buddy(zone, zone_start, zone_pages, buddy, buddy_pfn, order))
			break;
		del_page_from_free_list(buddy);
		zone->free_area[order].nr_free--;
		__ClearPageBuddy(buddy);
		buddy->private = 0;
		if (unlikely(trace))
			printk(KERN_INFO "merge: pfn 0x%05lx + pfn 0x%05lx -> order %u\n",
			       buddy_pfn & pfn, (buddy_pfn & pfn) + (1UL << order), order + 1);
		/* the merged block starts at the lower of the two */
		if (buddy_pfn < pfn) {
			page = buddy;
			pfn = buddy_pfn;
		}
		order++;
	}
	add_to_free_list(page, zone, order, migratetype);
}

/*
 * expand - @page heads a block of order @high just taken off the lists;
 * keep its first 2^@low pages and give the upper halves back to the
 * @migratetype lists, one per order from @high - 1 down to @low.
 */
static __always_inline void expand(struct zone *zone, struct page *page, unsigned int low,
				   unsigned int high, int migratetype, const bool trace)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		struct page *upper;

		high--;
		size >>= 1;
		upper = page + size;
		if (unlikely(trace))
			printk(KERN_INFO "split: order %u pfn 0x%05lx -> 2 x order %u\n",
			       high + 1, zone_page_to_pfn(zone, page), high);
		VM_BUG_ON_PAGE(PageBuddy(upper), upper);
		add_to_free_list(upper, zone, high, migratetype);
	}
}

/*
 * take_free_block - the first block on @area's (free_area[@order])
 * non-empty list of @migratetype, off its list and no longer a free buddy
 * block.  The caller accounts zone->free_pages.
 */
static __always_inline struct page *take_free_block(struct free_area *area, unsigned int order,
						    int migratetype)
{
	struct page *page = list_first_entry(area->free_list + migratetype, struct page, lru);

	VM_BUG_ON_PAGE(!PageBuddy(page) || buddy_order(page) != order, page);
	area->nr_free--;
	del_page_from_free_list(page);
	__ClearPageBuddy(page);
	page->private = 0;
	return page;
}

/* The smallest free block of @migratetype and order >= @order, split down to @order. */
static __always_inline struct page *__rmqueue_smallest(struct zone *zone, unsigned int order,
						       int migratetype)
{
	const bool trace = pgdat_trace(zone->zone_pgdat);
	unsigned int current_order;

	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		if (free_area_empty(area, migratetype))
			continue;
		page = take_free_block(area, current_order, migratetype);
		expand(zone, page, order, current_order, migratetype, trace);
		return page;
	}
	return NULL;
}

/*
 * can_steal_fallback - may a request of @start_mt that found a free block
 * of @order on another type's list claim that block's whole pageblock?
 * Linux's rule: a block of at least half a pageblock (it is mostly free
 * already), or an unmovable/reclaimable request (they would pollute
 * another pageblock next time anyway: better to own this one), or no
 * grouping at all.  A movable request taking a small block does not:
 * movable pages can be moved away later.
 */
static bool can_steal_fallback(unsigned int order, int start_mt)
{
	if (order >= pageblock_order)
		return true;
	return order >= pageblock_order / 2 || start_mt == MIGRATE_RECLAIMABLE ||
	       start_mt == MIGRATE_UNMOVABLE || page_group_by_mobility_disabled;
}

int find_suitable_fallback(const struct free_area *area, unsigned int order, int migratetype,
			   bool only_stealable, bool *can_steal)
{
	int i;

	*can_steal = false;
	if (area->nr_free == 0)
		return -1;
	for (i = 0; i < MIGRATE_PCPTYPES - 1; i++) {
		int fallback_mt = fallbacks[migratetype][i];

		if (free_area_empty(area, fallback_mt))
			continue;
		if (can_steal_fallback(order, migratetype))
			*can_steal = true;
		if (!only_stealable || *can_steal)
			return fallback_mt;
	}
	return -1;
}

/*
 * steal_suitable_fallback - a request of @start_type and @order falls back
 * to the free block @page of @current_order on its pageblock's @block_type
 * list.  A whole pageblock (current_order >= pageblock_order) simply
 * changes type.  Otherwise, if @whole_block is allowed and at least half
 * of the pageblock is free or "alike" - allocated as movable for a
 * movable request; for another request in a MOVABLE block, neither free
 * nor movable (Linux assumes those are of the requester's kind) - the
 * pageblock becomes @start_type with all its free blocks and the request
 * is served from it.  Else just @page is used, its remainder staying on
 * @block_type's lists.  zone->lock held.
 */
static struct page *steal_suitable_fallback(struct zone *zone, struct page *page,
					    unsigned int current_order, unsigned int order,
					    int start_type, bool whole_block)
{
	struct free_area *area = &zone->free_area[current_order];
	int block_type = zone_pfnblock_migratetype(zone, zone_page_to_pfn(zone, page));
	int free_pages, movable_pages, alike_pages;
	unsigned long start_pfn;

	/* a reserve is given back only by unreserve_highatomic_pageblock() */
	if (is_migrate_highatomic(block_type))
		goto single_page;

	if (current_order >= pageblock_order) {
		take_free_block(area, current_order, block_type);
		set_pfnblock_migratetype(zone, zone_page_to_pfn(zone, page), start_type);
		expand(zone, page, order, current_order, start_type, pgdat_trace(zone->zone_pgdat));
		return page;
	}

	if (!whole_block ||
	    !prep_move_freepages_block(zone, page, &start_pfn, &free_pages, &movable_pages))
		goto single_page;

	if (start_type == MIGRATE_MOVABLE)
		alike_pages = movable_pages;
	else if (block_type == MIGRATE_MOVABLE)
		alike_pages = (int)pageblock_nr_pages - (free_pages + movable_pages);
	else
		alike_pages = 0;

	if (free_pages + alike_pages >= (int)(pageblock_nr_pages / 2) ||
	    page_group_by_mobility_disabled) {
		__move_freepages_block(zone, start_pfn, block_type, start_type);
		if (pgdat_trace(zone->zone_pgdat))
			printk(KERN_INFO "steal: pageblock pfn 0x%05lx %s -> %s (%d free, %d alike)\n",
			       start_pfn, migratetype_names[block_type], migratetype_names[start_type],
			       free_pages, alike_pages);
		return __rmqueue_smallest(zone, order, start_type);
	}

single_page:
	take_free_block(area, current_order, block_type);
	expand(zone, page, order, current_order, block_type, pgdat_trace(zone->zone_pgdat));
	return page;
}

/*
 * __rmqueue_fallback - no block of @start_mt: take the largest free block
 * of a fallback type (a large block means a mostly free pageblock, the
 * best one to convert), or, for a movable request that may not claim the
 * pageblock, the smallest one (it will not pollute anything for long).
 */
static noinline struct page *__rmqueue_fallback(struct zone *zone, unsigned int order,
						int start_mt)
{
	struct free_area *area;
	int current_order, fallback_mt;
	bool can_steal;

	for (current_order = MAX_ORDER - 1; current_order >= (int)order; current_order--) {
		area = &zone->free_area[current_order];
		fallback_mt = find_suitable_fallback(area, current_order, start_mt, false, &can_steal);
		if (fallback_mt == -1)
			continue;
		if (!can_steal && start_mt == MIGRATE_MOVABLE && current_order > (int)order)
			goto find_smallest;
		goto do_steal;
	}
	return NULL;

find_smallest:
	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		area = &zone->free_area[current_order];
		fallback_mt = find_suitable_fallback(area, current_order, start_mt, false, &can_steal);
		if (fallback_mt != -1)
			break;
	}
	VM_BUG_ON(current_order == MAX_ORDER);
do_steal:
	return steal_suitable_fallback(zone,
				       list_first_entry(&area->free_list[fallback_mt], struct page, lru),
				       current_order, order, start_mt, can_steal);
}

struct page *__rmqueue(struct zone *zone, unsigned int order, int migratetype)
{
	struct page *page = __rmqueue_smallest(zone, order, migratetype);

	if (unlikely(!page))
		page = __rmqueue_fallback(zone, order, migratetype);
	return page;
}

/*
 * rmqueue_buddy - a block of @order for @migratetype from @zone's buddy
 * lists, or NULL: a high-order request that may dig into the reserves
 * (ALLOC_HARDER) tries the HIGHATOMIC reserve first.
 */
static struct page *rmqueue_buddy(struct zone *zone, unsigned int order, int migratetype,
				  unsigned int alloc_flags)
{
	unsigned long flags;
	struct page *page = NULL;

	spin_lock_irqsave(&zone->lock, flags);
	if (order && (alloc_flags & ALLOC_HARDER))
		page = __rmqueue_smallest(zone, order, MIGRATE_HIGHATOMIC);
	if (!page)
		page = __rmqueue(zone, order, migratetype);
	if (page)
		zone_free_pages_sub(zone, 1UL << order);
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

/*
 * rmqueue - take a block of @order for @migratetype from @zone, or NULL.
 * Orders up to PAGE_ALLOC_COSTLY_ORDER come from this CPU's per-CPU list
 * for that order and type (mm/page_pcp.c, Linux 5.13), refilled in
 * batches; if that fails, the buddy lists are tried as for any order.
 */
static __always_inline struct page *rmqueue(struct zone *zone, unsigned int order,
					    gfp_t gfp_mask, int migratetype,
					    unsigned int alloc_flags)
{
	struct page *page;

	if (likely(order <= PAGE_ALLOC_COSTLY_ORDER)) {
		page = rmqueue_pcplist(zone, order, gfp_mask, migratetype, true);
		if (likely(page))
			return page;
	}
	return rmqueue_buddy(zone, order, migratetype, alloc_flags);
}

/*
 * free_one_page - the locked counterpart of rmqueue_buddy(): the block
 * goes to the lists of its pageblock's migrate type.
 */
static __always_inline void free_one_page(struct zone *zone, struct page *page,
					  unsigned long pfn, unsigned int order)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	__free_one_page(page, pfn, zone, order, zone_pfnblock_migratetype(zone, pfn));
	zone_free_pages_add(zone, 1L << order);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/*
 * The O(1) cases of the buddy lists, for the fast paths: a block of
 * exactly @order is on its list, so nothing splits (rmqueue_buddy_nosplit
 * returns it, or NULL), or a freed block's buddy is not free, so nothing
 * merges (free_one_page_nomerge puts it on its list, or returns false
 * and leaves it to __free_one_page()).  Neither calls anything, so the
 * fast paths that inline them save no registers.
 */
static __always_inline struct page *rmqueue_buddy_nosplit(struct zone *zone, unsigned int order,
							  int migratetype)
{
	struct free_area *area = &zone->free_area[order];
	unsigned long flags;
	struct page *page = NULL;

	spin_lock_irqsave(&zone->lock, flags);
	if (likely(!free_area_empty(area, migratetype))) {
		zone_free_pages_sub(zone, 1UL << order);
		page = take_free_block(area, order, migratetype);
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

static __always_inline bool free_one_page_nomerge(struct zone *zone, struct page *page,
						  unsigned long pfn, unsigned int order)
{
	unsigned long buddy_pfn = pfn ^ (1UL << order);
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	if (order < MAX_ORDER - 1 &&
	    page_is_buddy(zone, zone->zone_start_pfn, zone->spanned_pages,
			  page + ((long)buddy_pfn - (long)pfn), buddy_pfn, order)) {
		spin_unlock_irqrestore(&zone->lock, flags);
		return false;
	}
	add_to_free_list(page, zone, order, zone_pfnblock_migratetype(zone, pfn));
	zone_free_pages_add(zone, 1L << order);
	spin_unlock_irqrestore(&zone->lock, flags);
	return true;
}

/* free_one_page() out of line: a tail call for __free_pages() */
static noinline void free_one_page_out(struct zone *zone, struct page *page,
				       unsigned long pfn, unsigned int order)
{
	free_one_page(zone, page, pfn, order);
}

void free_one_page_isolated(struct zone *zone, struct page *page, unsigned int order)
{
	free_one_page_out(zone, page, zone_page_to_pfn(zone, page), order);
}

/*
 * __free_pages() above order 0, apart so that order 0 saves no registers:
 * this CPU's list up to PAGE_ALLOC_COSTLY_ORDER, else the buddy lists,
 * the no-merge case first.  @order is an unsigned long: the caller's
 * 32-bit move already zero-extends it, so the list index needs no
 * second one (callgrind: one instruction per held-order free).
 */
static noinline void free_pages_order(struct zone *zone, struct page *page,
				      unsigned long pfn, unsigned long order)
{
	/* what the caller has made sure of, for the compiler to know */
	if (order <= PAGE_ALLOC_COSTLY_ORDER || order >= MAX_ORDER)
		__builtin_unreachable();
	if (!free_one_page_nomerge(zone, page, pfn, order))
		free_one_page_out(zone, page, pfn, order);
}

/*
 * free_to_lists - a block whose last reference is gone and which every
 * check has passed goes to this CPU's list or the buddy lists; order 0
 * inline with the order folded in, the rest apart.  Both free paths end
 * here.
 */
static __always_inline void free_to_lists(struct zone *zone, struct page *page,
					  unsigned long pfn, unsigned int order)
{
	if (likely(order == 0))
		free_unref_page(zone, page, pfn, 0);
	else if (order <= PAGE_ALLOC_COSTLY_ORDER)
		free_unref_page(zone, page, pfn, order);
	else
		free_pages_order(zone, page, pfn, order);
}

bool zone_watermark_ok(const struct zone *z, unsigned int order, unsigned long mark,
		       int classzone_idx, unsigned int alloc_flags)
{
	long min = (long)mark;
	long free_pages = (long)zone_free_pages(z) - (1L << order) + 1;
	unsigned int o;
	int mt;

	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	/* the HIGHATOMIC reserve is there only for requests that may dig deep */
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	else
		free_pages -= (long)z->nr_reserved_highatomic;

	/* the order-0 watermark: free pages beyond the block, plus the reserve */
	if (free_pages <= min + z->lowmem_reserve[classzone_idx])
		return false;
	if (!order)
		return true;
	/*
	 * Linux 4.5+ (commit 97a16fc82a7c, "mm, page_alloc: only enforce
	 * watermarks for order-0 allocations"): a higher order needs only a
	 * free block of its order or larger on the buddy lists - not 4.4's
	 * halving mark per order, an O(order) loop that also refused
	 * requests a free block could serve.  Here blocks on the per-CPU
	 * lists do not count: a request they could serve is tried after a
	 * drain.  (The fast path, which takes a block from this CPU's list of
	 * the order, lets the block's presence stand for this test.)
	 */
	for (o = order; o < MAX_ORDER; o++) {
		const struct free_area *area = &z->free_area[o];

		if (!area->nr_free)
			continue;
		for (mt = 0; mt < MIGRATE_PCPTYPES; mt++)
			if (!free_area_empty(area, mt))
				return true;
		if ((alloc_flags & ALLOC_HARDER) && !free_area_empty(area, MIGRATE_HIGHATOMIC))
			return true;
	}
	return false;
}

/*
 * zone_watermark_fast - zone_watermark_ok() with Linux 4.8's shortcut for
 * order 0: free_pages > mark + lowmem_reserve passes in one compare,
 * whatever the alloc_flags; else the full check.  The HIGHATOMIC reserve
 * is not subtracted in the shortcut (Linux: "There is a corner case where
 * the check passes but only the high-order atomic reserve are free. If
 * the caller is !atomic then it'll uselessly search the free list. That
 * corner case is then slower but it is harmless."): an order-0 request
 * never takes from the reserve's lists, it fails at rmqueue() instead.
 */
static inline bool zone_watermark_fast(const struct zone *z, unsigned int order,
				       unsigned long mark, int classzone_idx,
				       unsigned int alloc_flags)
{
	if (!order && (long)zone_free_pages(z) > (long)mark + z->lowmem_reserve[classzone_idx])
		return true;
	return zone_watermark_ok(z, order, mark, classzone_idx, alloc_flags);
}

/* What one allocation request has fixed before walking the zonelist. */
struct alloc_context {
	enum zone_type high_zoneidx;	/* gfp_zone(): the highest zone allowed */
	struct zone *preferred_zone;	/* first zone of the zonelist allowed */
	/*
	 * where preferred_zone sits in the zonelist: the walk starts there,
	 * and every zone after it has a lower index (the list descends), so
	 * it needs no per-zone high_zoneidx test
	 */
	struct zone **zonelist;
	int classzone_idx;		/* zone_idx(preferred_zone): lowmem_reserve index */
	int migratetype;		/* gfp_migratetype() */
};

#ifdef CONFIG_DEBUG_VM
bool check_pages_enabled = true;

/*
 * A block taken off the free lists must hold nothing but clean pages.
 * Linux 4.4 checked every page of every block unconditionally; since 6.3
 * (commit 700d2e9a36b9, "mm, page_alloc: reduce page alloc/free sanity
 * checks") only with CONFIG_DEBUG_VM or a debug option, because it makes
 * a high-order allocation linear in its size.  Orderly follows 6.3.  The
 * free path needs no such walk: free_page_misused() decides from the
 * head page alone.
 */
static void check_new_pages(struct page *page, unsigned int order)
{
	unsigned long i;

	if (!check_pages_enabled)
		return;
	for (i = 0; i < (1UL << order); i++) {
		struct page *p = page + i;

		VM_BUG_ON_PAGE(PageBuddy(p) || PageReserved(p) || PagePcp(p) ||
			       PageHead(p) || PageTail(p) || page_count(p) != 0, p);
	}
}
#else
bool check_pages_enabled;
static inline void check_new_pages(struct page *page, unsigned int order) { }
#endif

static void prep_compound_page(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;

	__SetPageHead(page);
	for (i = 1; i < nr; i++) {
		__SetPageTail(page + i);
		WRITE_ONCE(page[i].compound_head, (unsigned long)page + 1);
	}
	page[1].compound_order = (unsigned char)order;
}

static void zero_pages(struct page *page, unsigned int order)
{
	unsigned long i, nr = 1UL << order;

	if (!PageHighMem(page)) {
		char *addr = lowmem_page_address(page);

		for (i = 0; i < nr; i++)
			clear_page(addr + (i << PAGE_SHIFT));
		return;
	}
	for (i = 0; i < nr; i++)
		clear_highpage(page + i);
}

/* prep_new_page()'s rare part: debug options, __GFP_ZERO, __GFP_COMP */
static noinline struct page *prep_new_page_extra(struct zone *zone, struct page *page,
						 unsigned int order, gfp_t gfp_mask)
{
	struct pglist_data *pgdat = zone->zone_pgdat;
	unsigned long nr = 1UL << order;

	if ((pgdat->debug_flags & PGDAT_DEBUG_PAGEALLOC) && !is_highmem(zone))
		arch_kernel_map_pages(zone_page_to_pfn(zone, page), nr, true);
	if (pgdat->debug_flags & PGDAT_PAGE_POISON)
		kernel_unpoison_pages(page, nr);
	if (gfp_mask & __GFP_ZERO)
		zero_pages(page, order);
	if ((gfp_mask & __GFP_COMP) && order)
		prep_compound_page(page, order);
	if (pgdat->debug_flags & PGDAT_PAGE_OWNER)
		set_page_owner(page, order, gfp_mask);
	return page;
}

/*
 * Turn a block just taken off the free lists (private already 0) into an
 * allocated one, and return it.  The common case is two stores and one
 * test.
 */
static __always_inline struct page *prep_new_page(const struct pglist_data *pgdat,
						  struct zone *zone, struct page *page,
						  unsigned int order, gfp_t gfp_mask,
						  int migratetype)
{
	check_new_pages(page, order);
	set_page_count(page, 1);
	page->alloc_order = (unsigned char)order;
	set_page_alloc_migratetype(page, (unsigned int)migratetype);
	if (unlikely((gfp_mask & (__GFP_ZERO | __GFP_COMP)) |
		     (pgdat->debug_flags & PGDAT_ALLOC_FREE_HOOKS)))
		return prep_new_page_extra(zone, page, order, gfp_mask);
	return page;
}

/*
 * reserve_highatomic_pageblock - @page, just allocated for a high-order
 * request that cannot wait, turns its pageblock MIGRATE_HIGHATOMIC, free
 * pages and all, while the zone's reserve stays within 1% of it (at
 * least a pageblock).  Only a pageblock of a mobility type is taken.
 */
static noinline void reserve_highatomic_pageblock(struct page *page, struct zone *zone)
{
	unsigned long max_managed = ALIGN(zone->managed_pages / 100, pageblock_nr_pages);
	unsigned long flags;
	int mt;

	if (zone->nr_reserved_highatomic >= max_managed)
		return;
	spin_lock_irqsave(&zone->lock, flags);
	mt = zone_pfnblock_migratetype(zone, zone_page_to_pfn(zone, page));
	if (mt < MIGRATE_PCPTYPES && move_freepages_block(zone, page, mt, MIGRATE_HIGHATOMIC) != -1) {
		zone->nr_reserved_highatomic += pageblock_nr_pages;
		if (pgdat_trace(zone->zone_pgdat))
			printk(KERN_INFO "highatomic: reserve pageblock pfn 0x%05lx (%s), %lu pages reserved\n",
			       pageblock_start_pfn(zone_page_to_pfn(zone, page)),
			       migratetype_names[mt], zone->nr_reserved_highatomic);
	}
	spin_unlock_irqrestore(&zone->lock, flags);
}

/*
 * unreserve_highatomic_pageblock - under pressure, give one HIGHATOMIC
 * pageblock of a zone of the request's zonelist back to the request's
 * migrate type, free pages and all; unless @force, each zone keeps one.
 * Returns whether a pageblock was released.
 */
static bool unreserve_highatomic_pageblock(const struct alloc_context *ac, bool force)
{
	struct zone **zp, *zone;

	for (zp = ac->zonelist; (zone = *zp) != NULL; zp++) {
		unsigned long flags;
		unsigned int order;

		if (!force && zone->nr_reserved_highatomic <= pageblock_nr_pages)
			continue;
		spin_lock_irqsave(&zone->lock, flags);
		for (order = 0; order < MAX_ORDER; order++) {
			struct free_area *area = &zone->free_area[order];
			struct page *page;
			int mt;

			if (free_area_empty(area, MIGRATE_HIGHATOMIC))
				continue;
			page = list_first_entry(&area->free_list[MIGRATE_HIGHATOMIC], struct page, lru);
			mt = zone_pfnblock_migratetype(zone, zone_page_to_pfn(zone, page));
			VM_BUG_ON_PAGE(!is_migrate_highatomic(mt), page);
			zone->nr_reserved_highatomic -= min(pageblock_nr_pages,
							    zone->nr_reserved_highatomic);
			if (move_freepages_block(zone, page, mt, ac->migratetype) > 0) {
				spin_unlock_irqrestore(&zone->lock, flags);
				return true;
			}
		}
		spin_unlock_irqrestore(&zone->lock, flags);
	}
	return false;
}

/*
 * One pass over the zonelist from the preferred zone.  Inlined into the
 * fast path (where alloc_flags is the constant ALLOC_WMARK_LOW) and the
 * slow path.
 */
static __always_inline struct page *
get_page_from_freelist(struct pglist_data *pgdat, gfp_t gfp_mask, unsigned int order,
		       unsigned int alloc_flags, const struct alloc_context *ac)
{
	struct zone **zp, *zone;

	for (zp = ac->zonelist; (zone = *zp) != NULL; zp++) {
		struct page *page;

		VM_BUG_ON(zone_idx(zone) > ac->high_zoneidx);
		if (!(alloc_flags & ALLOC_NO_WATERMARKS)) {
			unsigned long mark = zone->_watermark[alloc_flags & ALLOC_WMARK_MASK];

			if (!zone_watermark_fast(zone, order, mark, ac->classzone_idx, alloc_flags))
				continue;
		}
		page = rmqueue(zone, order, gfp_mask, ac->migratetype, alloc_flags);
		if (!page)
			continue;
		if (zone != ac->preferred_zone && pgdat_trace(pgdat))
			printk(KERN_INFO "fallback: order %u from %s (preferred %s)\n",
			       order, zone->name, ac->preferred_zone->name);
		/*
		 * A high-order request that cannot wait got its block at or
		 * below the LOW mark: keep that pageblock for the next one.
		 */
		if (unlikely(order && (alloc_flags & ALLOC_HARDER)))
			reserve_highatomic_pageblock(page, zone);
		return prep_new_page(pgdat, zone, page, order, gfp_mask, ac->migratetype);
	}
	return NULL;
}

/* Linux 2.6-4.4's gfp_to_alloc_flags(), without cpusets and OOM victims. */
static unsigned int gfp_to_alloc_flags(gfp_t gfp_mask)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN;

	if (gfp_mask & __GFP_HIGH)
		alloc_flags |= ALLOC_HIGH;
	if (!(gfp_mask & __GFP_WAIT))
		alloc_flags |= ALLOC_HARDER;
	return alloc_flags;
}

/*
 * warn_alloc - Linux's allocation failure report:
 *   <comm>: page allocation failure: order:N, mode:0x...(GFP_KERNEL|...)
 * then show_free_areas().
 */
static void warn_alloc(struct pglist_data *pgdat, gfp_t gfp_mask, unsigned int order,
		       const char *level, const char *what)
{
	char names[160];

	format_gfp_flags(names, sizeof(names), gfp_mask);
	printk("%s%s: page allocation failure: order:%u, mode:0x%x(%s)%s\n",
	       level, current_comm, order, gfp_mask, names, what);
	show_free_areas(pgdat);
}

/* A request no zone can serve: report it (unless __GFP_NOWARN), NULL. */
static noinline struct page *alloc_bad_request(gfp_t gfp_mask, unsigned int order)
{
	if (order >= MAX_ORDER) {
		if (!(gfp_mask & __GFP_NOWARN))
			printk(KERN_WARNING "WARNING: %s: order %u >= MAX_ORDER (%d): no such block size\n",
			       current_comm, order, MAX_ORDER);
	} else if ((gfp_mask & GFP_MOVABLE_MASK) == GFP_MOVABLE_MASK) {
		char names[160];

		format_gfp_flags(names, sizeof(names), gfp_mask);
		printk(KERN_WARNING "WARNING: %s: mode:0x%x(%s): __GFP_MOVABLE and __GFP_RECLAIMABLE exclude each other\n",
		       current_comm, gfp_mask, names);
	} else {
		char names[160];

		format_gfp_flags(names, sizeof(names), gfp_mask);
		printk(KERN_WARNING "WARNING: %s: invalid zone modifiers in mode:0x%x(%s): __GFP_DMA and __GFP_HIGHMEM exclude each other\n",
		       current_comm, gfp_mask, names);
	}
	return NULL;
}

/*
 * __alloc_pages_direct_compact - compact each zone of the request's
 * zonelist that try_to_compact_pages() finds suitable (and not deferred),
 * then allocate; the outcome feeds the deferral and compact_success /
 * compact_fail (Linux's names).
 */
static noinline struct page *__alloc_pages_direct_compact(struct pglist_data *pgdat,
							  gfp_t gfp_mask, unsigned int order,
							  unsigned int alloc_flags,
							  const struct alloc_context *ac)
{
	struct zone *compacted;
	struct page *page;

	if (try_to_compact_pages(ac->zonelist, gfp_mask, order, alloc_flags, ac->classzone_idx,
				 &compacted) == COMPACT_SKIPPED)
		return NULL;
	count_vm_event(COMPACTSTALL);
	page = get_page_from_freelist(pgdat, gfp_mask, order, alloc_flags, ac);
	if (page) {
		compaction_defer_reset(page_zone(page), order, true);
		count_vm_event(COMPACTSUCCESS);
		return page;
	}
	if (compacted)
		defer_compaction(compacted, order);
	count_vm_event(COMPACTFAIL);
	return NULL;
}

/* Everything after the LOW-watermark pass failed (Linux's slow path). */
static noinline struct page *__alloc_pages_slowpath(struct pglist_data *pgdat, gfp_t gfp_mask,
						    unsigned int order,
						    const struct alloc_context *ac)
{
	unsigned int alloc_flags;
	struct page *page;

	/*
	 * Linux would wake kswapd and reclaim; there is nothing to reclaim
	 * here, so go straight to the MIN watermark, lowered for __GFP_HIGH
	 * and for callers that cannot sleep.
	 */
	alloc_flags = gfp_to_alloc_flags(gfp_mask);
	page = get_page_from_freelist(pgdat, gfp_mask, order, alloc_flags, ac);
	if (page)
		return page;

	/*
	 * Pages on the per-CPU lists serve only their order and cannot
	 * merge, and the HIGHATOMIC reserve is closed to this request: give
	 * them back to the buddy lists (keeping one reserved pageblock per
	 * zone) and try once more, as Linux does after direct reclaim fails.
	 * Nothing released: nothing changed.  Then, as Linux's last resort
	 * before giving up, every reserved pageblock, one at a time.
	 */
	if (unreserve_highatomic_pageblock(ac, false) | (drain_node_pages(pgdat) != 0)) {
		page = get_page_from_freelist(pgdat, gfp_mask, order, alloc_flags, ac);
		if (page)
			return page;
	}
	while (unreserve_highatomic_pageblock(ac, true)) {
		page = get_page_from_freelist(pgdat, gfp_mask, order, alloc_flags, ac);
		if (page)
			return page;
	}

	/*
	 * Direct compaction (mm/compaction.c): a request of order > 0 that
	 * may sleep and failed although the zone has the pages (the failure
	 * is fragmentation) moves movable pages out of the way and tries
	 * again; deferred after failures.  Never on the fast path.
	 */
	if (order && (gfp_mask & __GFP_WAIT)) {
		page = __alloc_pages_direct_compact(pgdat, gfp_mask, order, alloc_flags, ac);
		if (page)
			return page;
	}

	if (gfp_mask & __GFP_NOFAIL) {
		page = get_page_from_freelist(pgdat, gfp_mask, order,
					      alloc_flags | ALLOC_NO_WATERMARKS, ac);
		if (page)
			return page;
		warn_alloc(pgdat, gfp_mask, order, KERN_EMERG,
			   " - __GFP_NOFAIL, and every reserve is empty");
		BUG();
	}
	if (!(gfp_mask & __GFP_NOWARN))
		warn_alloc(pgdat, gfp_mask, order, KERN_WARNING, "");
	return NULL;
}

/*
 * Everything the fast path below does not finish: bad requests, a
 * preferred zone under its LOW mark or out of blocks, every fallback
 * zone, the slow path.  Linux's __alloc_pages() from the top: nothing
 * was changed by the fast path's attempt.
 */
static noinline struct page *__alloc_pages_general(struct pglist_data *pgdat, gfp_t gfp_mask,
						   unsigned int order)
{
	const struct zonelist_start *start;
	struct alloc_context ac;
	struct page *page;

	if (unlikely(order >= MAX_ORDER || gfp_zone_bad(gfp_mask) ||
		     (gfp_mask & GFP_MOVABLE_MASK) == GFP_MOVABLE_MASK))
		return alloc_bad_request(gfp_mask, order);
	gfp_mask &= __GFP_BITS_MASK;
	start = &pgdat->zonelist_for_gfp[gfp_mask & GFP_ZONEMASK];
	ac.high_zoneidx = gfp_zone(gfp_mask);
	ac.zonelist = start->zonelist;
	ac.preferred_zone = start->zone;
	ac.classzone_idx = start->classzone_idx;
	ac.migratetype = gfp_migratetype(gfp_mask);
	if (unlikely(!ac.preferred_zone)) {
		if (!(gfp_mask & __GFP_NOWARN))
			warn_alloc(pgdat, gfp_mask, order, KERN_WARNING, "");
		return NULL;
	}

	/* stay above the LOW watermark, in any zone of the list */
	page = get_page_from_freelist(pgdat, gfp_mask, order, ALLOC_WMARK_LOW, &ac);
	if (likely(page))
		return page;
	return __alloc_pages_slowpath(pgdat, gfp_mask, order, &ac);
}

/*
 * The fast path's second half for orders above PAGE_ALLOC_COSTLY_ORDER:
 * a block of exactly the order and type, nothing to split.  Anything
 * else (a split, a fallback) is the general path's.
 */
static __always_inline struct page *alloc_pages_buddy(struct zone *zone, unsigned int order,
						    gfp_t gfp_mask, struct pglist_data *pgdat,
						    int migratetype)
{
	struct page *page = rmqueue_buddy_nosplit(zone, order, migratetype);

	if (!page)
		return __alloc_pages_general(pgdat, gfp_mask, order);
	return prep_new_page(pgdat, zone, page, order, gfp_mask, migratetype);
}

/*
 * zone_watermark_fast()'s test at the LOW mark, for a block of 2^@order
 * pages of the preferred zone itself: its lowmem_reserve[] entry for its
 * own index is 0 (setup_per_zone_lowmem_reserve()), so that term drops
 * out.  Order 0 is the shortcut (no HIGHATOMIC term); above, the
 * order-0 part of zone_watermark_ok(), the block's presence on the list
 * standing for its "a free block of the order" part.
 */
static __always_inline bool fast_wmark_ok(const struct zone *zone, unsigned int order,
					  const struct zonelist_start *start)
{
	VM_BUG_ON(zone->lowmem_reserve[start->classzone_idx] != 0);
	if (!order)
		return zone_free_pages(zone) > low_wmark_pages(zone);
	return (long)(zone_free_pages(zone) - zone->nr_reserved_highatomic) - (1L << order) + 1 >
	       (long)low_wmark_pages(zone);
}

/*
 * The fast path: the preferred zone (one load from zonelist_for_gfp) is
 * above its LOW mark and has the block - on this CPU's list for the order
 * up to PAGE_ALLOC_COSTLY_ORDER, on its buddy lists above.  That is the
 * first step of get_page_from_freelist() with nothing to set up first;
 * the block's presence stands for 4.5's "a free block of the order"
 * test.  Any other case - refilling an empty pcp list included - starts
 * over in __alloc_pages_general().  The common case calls nothing (or
 * tail-calls), so it saves no registers.
 */
static noinline struct page *alloc_pages_fast_order(struct pglist_data *pgdat,
						    gfp_t gfp_mask, unsigned int order);
static noinline struct page *alloc_pages_fast_buddy(struct pglist_data *pgdat,
						    gfp_t gfp_mask, unsigned int order);

/*
 * fast_request - the tests every fast path makes first: the preferred
 * zone exists (*@startp, one load from zonelist_for_gfp), neither both
 * mobility bits (a misuse, reported by the general path) nor grouping
 * disabled (every request UNMOVABLE there: gfp_migratetype()) - one
 * compare for both - and none of __GFP_ZERO/__GFP_COMP (prep_new_page()
 * has work), __GFP_COLD (the cold end of a pcp list) or a bit outside
 * __GFP_BITS_MASK (the general path drops those) - one test.
 */
#define GFP_NOT_FAST	(__GFP_ZERO | __GFP_COMP | __GFP_COLD | ~__GFP_BITS_MASK)
static __always_inline bool fast_request(struct pglist_data *pgdat, gfp_t gfp_mask,
					 const struct zonelist_start **startp,
					 unsigned int *migratetypep)
{
	const struct zonelist_start *start = pgdat->zonelist_for_gfp + (gfp_mask & GFP_ZONEMASK);
	/*
	 * gfp_migratetype_bits() for a mask within __GFP_BITS_MASK, whose
	 * top bit is __GFP_RECLAIMABLE: its shift needs no mask
	 */
	unsigned int migratetype = ((gfp_mask & __GFP_MOVABLE) >> 3) | (gfp_mask >> 18);

	BUILD_BUG_ON((__GFP_BITS_MASK >> 18) != MIGRATE_RECLAIMABLE ||
		     (__GFP_RECLAIMABLE >> 18) != MIGRATE_RECLAIMABLE);
	*startp = start;
	*migratetypep = migratetype;
	return start->zone &&
	       migratetype + 4 * (unsigned int)page_group_by_mobility_disabled <= MIGRATE_RECLAIMABLE &&
	       !(gfp_mask & GFP_NOT_FAST);
}

static __always_inline struct page *alloc_pages_fast(struct pglist_data *pgdat,
						     gfp_t gfp_mask, unsigned int order)
{
	const struct zonelist_start *start;
	unsigned int migratetype;
	struct zone *zone;
	struct page *page;
	gfp_t plain;

	if (unlikely(order)) {	/* apart, so that order 0 saves no registers */
		if (order <= PAGE_ALLOC_COSTLY_ORDER)
			return alloc_pages_fast_order(pgdat, gfp_mask, order);
		return alloc_pages_fast_buddy(pgdat, gfp_mask, order);
	}
	if (unlikely(!fast_request(pgdat, gfp_mask, &start, &migratetype)))
		goto general;
	zone = start->zone;
	/* the mask from here on: what rmqueue_pcplist() and prep_new_page() test, none */
	plain = gfp_mask & ~GFP_NOT_FAST;
	if (unlikely(!fast_wmark_ok(zone, 0, start)))
		goto general;
	page = rmqueue_pcplist(zone, 0, plain, migratetype, false);
	if (unlikely(!page))
		goto general;
	return prep_new_page(pgdat, zone, page, 0, plain, migratetype);
general:
	return __alloc_pages_general(pgdat, gfp_mask, 0);
}

/* alloc_pages_fast() above PAGE_ALLOC_COSTLY_ORDER: the buddy lists */
static noinline struct page *alloc_pages_fast_buddy(struct pglist_data *pgdat,
						    gfp_t gfp_mask, unsigned int order)
{
	const struct zonelist_start *start;
	unsigned int migratetype;
	struct zone *zone;

	/* what the caller has made sure of, for the compiler to know */
	if (order <= PAGE_ALLOC_COSTLY_ORDER)
		__builtin_unreachable();
	if (unlikely(!fast_request(pgdat, gfp_mask, &start, &migratetype)))
		goto general;
	zone = start->zone;
	gfp_mask &= ~GFP_NOT_FAST;
	if (unlikely(order >= MAX_ORDER || !fast_wmark_ok(zone, order, start)))
		goto general;
	return alloc_pages_buddy(zone, order, gfp_mask, pgdat, (int)migratetype);
general:
	return __alloc_pages_general(pgdat, gfp_mask, order);
}

/* alloc_pages_fast() for orders 1..PAGE_ALLOC_COSTLY_ORDER: this CPU's lists */
static noinline struct page *alloc_pages_fast_order(struct pglist_data *pgdat,
						    gfp_t gfp_mask, unsigned int order)
{
	const struct zonelist_start *start;
	unsigned int migratetype;
	struct zone *zone;
	struct page *page;

	/* what the caller has made sure of, for the compiler to know */
	if (order == 0 || order > PAGE_ALLOC_COSTLY_ORDER)
		__builtin_unreachable();
	if (unlikely(!fast_request(pgdat, gfp_mask, &start, &migratetype)))
		goto general;
	zone = start->zone;
	gfp_mask &= ~GFP_NOT_FAST;
	if (unlikely(!fast_wmark_ok(zone, order, start)))
		goto general;
	page = rmqueue_pcplist(zone, order, gfp_mask, (int)migratetype, false);
	if (unlikely(!page))
		goto general;
	return prep_new_page(pgdat, zone, page, order, gfp_mask, (int)migratetype);
general:
	return __alloc_pages_general(pgdat, gfp_mask, order);
}

struct page *__alloc_pages_node(struct pglist_data *pgdat, gfp_t gfp_mask,
				unsigned int order)
{
	return alloc_pages_fast(pgdat, gfp_mask, order);
}

struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	might_sleep_if(gfp_mask & __GFP_WAIT);
	return alloc_pages_fast(&contig_page_data, gfp_mask, order);
}

/* __get_free_pages() asked for HighMem: say so once, serve lowmem */
static noinline gfp_t gfp_no_highmem(gfp_t gfp_mask)
{
	if (!gfp_highmem_warned) {
		gfp_highmem_warned = true;
		printk(KERN_WARNING "WARNING: %s: __get_free_pages() with __GFP_HIGHMEM: a HighMem page has no address; serving lowmem\n",
		       current_comm);
	}
	return gfp_mask & ~__GFP_HIGHMEM;
}

/* the direct-map address of a lowmem @page of @pgdat, without page_pgdat() */
static __always_inline void *pgdat_page_address(const struct pglist_data *pgdat,
						const struct page *page)
{
	return __va(PFN_PHYS(pgdat->node_start_pfn + (unsigned long)(page - pgdat->node_mem_map)));
}

static __always_inline unsigned long get_free_pages_fast(gfp_t gfp_mask, unsigned int order)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	struct page *page;

	if (unlikely(gfp_mask & __GFP_HIGHMEM))
		gfp_mask = gfp_no_highmem(gfp_mask);
	page = alloc_pages_fast(pgdat, gfp_mask, order);
	if (!page)
		return 0;
	return (unsigned long)pgdat_page_address(pgdat, page);
}

unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	might_sleep_if(gfp_mask & __GFP_WAIT);
	return get_free_pages_fast(gfp_mask, order);
}

/*
 * A lowmem page, cleared here with clear_page() rather than through
 * __GFP_ZERO: the same order of events (debug checks on allocation,
 * then zeroes) without prep_new_page()'s general path.
 */
unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	unsigned long addr;

	might_sleep_if(gfp_mask & __GFP_WAIT);
	addr = get_free_pages_fast(gfp_mask & ~__GFP_ZERO, 0);

	if (addr)
		clear_page((void *)addr);
	return addr;
}

/*
 * pgdat_holds_page - does @page point into @pgdat's mem_map, at a
 * struct page boundary?  Pointer arithmetic only: @page is not read.
 * One unsigned compare covers both ends (below the array wraps round).
 */
static inline bool pgdat_holds_page(const struct pglist_data *pgdat, const struct page *page,
				    bool *misaligned)
{
	uintptr_t off = (uintptr_t)page - (uintptr_t)pgdat->node_mem_map;

	if (off >= (uintptr_t)pgdat->node_spanned_pages * sizeof(struct page))
		return false;
	*misaligned = off % sizeof(struct page) != 0;
	return true;
}

/*
 * page_pgdat_checked - the node whose mem_map holds @page, without
 * dereferencing @page; NULL (reported) if it is no struct page at all.
 * Node 0, the kernel's, is tried first and inline: the common case costs
 * a subtraction and a compare, whatever MAX_NUMNODES is.  The other slots
 * (the tests' private nodes) are only scanned for a page outside node 0.
 */
static struct pglist_data *page_pgdat_checked_slow(const struct page *page)
{
	bool misaligned = false;
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		struct pglist_data *pgdat = node_data[nid];

		if (!pgdat || !pgdat->node_mem_map || !pgdat_holds_page(pgdat, page, &misaligned))
			continue;
		if (misaligned)
			break;
		VM_BUG_ON_PAGE(page_to_nid(page) != nid, page);
		return pgdat;
	}
	printk(KERN_ALERT "BUG: Bad page pointer in process %s  page:%p is not a struct page of any node\n",
	       current_comm, page);
	return NULL;
}

/*
 * pgdat_page_index - the index of @page in @pgdat's mem_map if it is one
 * of its struct pages, else a value >= node_spanned_pages: the offset
 * rotated right by log2(sizeof(struct page)) (a power of two) is the
 * index when the offset is a multiple of the size, and has a high bit set
 * when it is not, so one unsigned compare judges both ends and the
 * alignment.  Pointer arithmetic only: @page is not read.
 */
static __always_inline unsigned long pgdat_page_index(const struct pglist_data *pgdat,
						      const struct page *page)
{
	const unsigned int shift = (unsigned int)__builtin_ctzl(sizeof(struct page));
	uintptr_t off = (uintptr_t)page - (uintptr_t)pgdat->node_mem_map;

	BUILD_BUG_ON(sizeof(struct page) & (sizeof(struct page) - 1));
	return (unsigned long)((off >> shift) | (off << (sizeof(off) * 8 - shift)));
}

static inline struct pglist_data *__page_pgdat_checked(const struct page *page)
{
	struct pglist_data *pgdat = node_data[0];
	bool misaligned;

	if (likely(pgdat && pgdat_holds_page(pgdat, page, &misaligned) && !misaligned)) {
		VM_BUG_ON_PAGE(page_to_nid(page) != 0, page);
		return pgdat;
	}
	return page_pgdat_checked_slow(page);
}

struct pglist_data *page_pgdat_checked(const struct page *page)
{
	return __page_pgdat_checked(page);
}

/*
 * The flags no allocated block's head has: a page with one of them is
 * reserved, free (buddy or per-cpu list) or inside a compound page.
 */
#define PAGE_FLAGS_NOT_ALLOCATED_HEAD						\
	((1UL << PG_reserved) | (1UL << PG_buddy) | (1UL << PG_pcp) | (1UL << PG_tail))

/*
 * free_page_is_allocated_head - is @page the head of an allocated block
 * (refcount > 0, none of PAGE_FLAGS_NOT_ALLOCATED_HEAD)?  With @order
 * (< MAX_ORDER), also allocated with that order.  The one definition of
 * a valid free: every free path, fast or not, decides with it.
 */
static __always_inline bool free_page_is_allocated_head(const struct page *page)
{
	return page_count(page) > 0 && !(page->flags & PAGE_FLAGS_NOT_ALLOCATED_HEAD);
}

static __always_inline bool free_page_is_valid(const struct page *page, unsigned int order)
{
	return page->alloc_order == order && free_page_is_allocated_head(page);
}

/*
 * free_page_is_valid() for the fast path's case, in one test of each
 * field: referenced once (so > 0) and not compound (PG_head joins the
 * flags no allocated head has).
 */
static __always_inline bool free_page_is_last_plain(const struct page *page, unsigned int order)
{
	return page->alloc_order == order && page->_refcount == 1 &&
	       !(page->flags & (PAGE_FLAGS_NOT_ALLOCATED_HEAD | (1UL << PG_head)));
}

/*
 * free_page_misused - is freeing @page with @order a caller's mistake?
 * If so, report it with bad_page() and return true; the caller must
 * then drop the request without touching anything.
 */
static noinline bool free_page_misused_report(struct page *page, unsigned int order)
{
	struct page_block pb;
	char why[128];

	if (unlikely(order >= MAX_ORDER)) {
		snprintf(why, sizeof(why), "bad order: freed with order %u >= MAX_ORDER", order);
		goto bad;
	}
	if (free_page_is_allocated_head(page)) {
		if (free_page_is_valid(page, order))
			return false;
		snprintf(why, sizeof(why), "wrong order: allocated with order %u, freed with order %u",
			 page->alloc_order, order);
		goto bad;
	}
	page_block_of(page, &pb);
	switch (pb.state) {
	case PB_RESERVED:
		snprintf(why, sizeof(why), "freeing a reserved page (hole, firmware or kernel)");
		break;
	case PB_FREE_HEAD:
		snprintf(why, sizeof(why), "double free: already free (order %u block)", pb.order);
		break;
	case PB_FREE_INSIDE:
		snprintf(why, sizeof(why), "double free: inside the free order %u block at pfn:0x%05lx",
			 pb.order, pb.head_pfn);
		break;
	case PB_PCP:
		if (pb.head_pfn == page_to_pfn(page))
			snprintf(why, sizeof(why), "double free: page is on a per-cpu list (order %u block)",
				 pb.order);
		else
			snprintf(why, sizeof(why), "double free: inside the order %u block at pfn:0x%05lx on a per-cpu list",
				 pb.order, pb.head_pfn);
		break;
	case PB_ALLOC_INSIDE:
		snprintf(why, sizeof(why), "%s: not the first page of the order %u block at pfn:0x%05lx",
			 PageTail(page) ? "freeing a tail page of a compound page" :
					  "freeing a tail page", pb.order, pb.head_pfn);
		break;
	default:
		snprintf(why, sizeof(why), "freeing a page that is not allocated (refcount %d)",
			 page_count(page));
		break;
	}
bad:
	bad_page(page, why);
	return true;
}

/*
 * The valid case in a few instructions: an allocated head (refcount > 0,
 * none of reserved/buddy/pcp/tail) freed with the order it was allocated
 * with - which also bounds @order below MAX_ORDER.  Anything else goes to
 * the report, which finds out what exactly is wrong.
 */
static inline bool free_page_misused(struct page *page, unsigned int order)
{
	if (likely(free_page_is_valid(page, order)))
		return false;
	return free_page_misused_report(page, order);
}

/*
 * Prepare an allocated block for the free lists: the debug options.
 * Callers test pgdat->debug_flags first, so the common case is one test.
 */
static noinline void free_pages_prepare(struct zone *zone, struct page *page,
					unsigned long pfn, unsigned int order)
{
	struct pglist_data *pgdat = zone->zone_pgdat;
	unsigned long nr = 1UL << order;

	if (pgdat->debug_flags & PGDAT_PAGE_OWNER)
		reset_page_owner(page, order);
	if (pgdat->debug_flags & PGDAT_PAGE_POISON)
		kernel_poison_pages(page, nr);
	if ((pgdat->debug_flags & PGDAT_DEBUG_PAGEALLOC) && !is_highmem(zone))
		arch_kernel_map_pages(pfn, nr, false);
}

/* A compound block goes back as a plain one: clear its head and tails. */
static noinline void destroy_compound_page(struct page *page, unsigned int order)
{
	unsigned long i;

	VM_BUG_ON_PAGE(compound_order(page) != order, page);
	for (i = 1; i < (1UL << order); i++) {
		__ClearPageTail(page + i);
		page[i].compound_head = 0;
	}
	page[1].compound_order = 0;
	__ClearPageHead(page);
}

/*
 * @page heads an allocated block of @pgdat whose last reference is gone.
 * Orders 0..3 go to this CPU's pcp lists; the pfn (a division by
 * sizeof(struct page)) is only worked out for the buddy lists and the
 * debug options, which need it.
 */
static __always_inline void __free_pages_ok(struct pglist_data *pgdat, struct page *page,
					    unsigned int order)
{
	struct zone *zone = &pgdat->node_zones[page_zonenum(page)];

	if (unlikely(PageHead(page)))
		destroy_compound_page(page, order);
	set_page_count(page, 0);
	if (unlikely(pgdat->debug_flags & PGDAT_ALLOC_FREE_HOOKS))
		free_pages_prepare(zone, page, zone_page_to_pfn(zone, page), order);
	free_to_lists(zone, page, zone_page_to_pfn(zone, page), order);
}

/* __free_pages() from the top, for everything its fast path leaves */
static noinline void __free_pages_general(struct page *page, unsigned int order)
{
	struct pglist_data *pgdat = __page_pgdat_checked(page);

	if (unlikely(!pgdat))
		return;
	if (unlikely(free_page_misused(page, order)))
		return;
	if (page->_refcount > 1) {
		page->_refcount--;
		return;
	}
	__free_pages_ok(pgdat, page, order);
}

/*
 * The fast path: a struct page of node 0 (pointer arithmetic only), the
 * head of a plain block allocated with this @order and referenced once,
 * no debug option on - every misuse check of free_page_misused() in one
 * test of each field - goes straight to this CPU's list or, above
 * PAGE_ALLOC_COSTLY_ORDER, to the buddy lists.  Anything else, a misuse
 * included, takes __free_pages_general(), which finds out what it is.
 */
static __always_inline void free_pages_fast(struct page *page, unsigned int order,
					    const bool from_pfn)
{
	/* node 0 is always contig_page_data (Linux's NODE_DATA() without NUMA) */
	struct pglist_data *pgdat = &contig_page_data;
	unsigned long index = pgdat_page_index(pgdat, page);
	struct zone *zone;

	/* @from_pfn: @page is pfn_to_page() of a valid pfn, in contig_page_data's mem_map */
	if (unlikely((!from_pfn && index >= pgdat->node_spanned_pages) ||
		     !free_page_is_last_plain(page, order) ||
		     (pgdat->debug_flags & PGDAT_ALLOC_FREE_HOOKS))) {
		__free_pages_general(page, order);
		return;
	}
	zone = pgdat->node_zones + page_zonenum(page);
	set_page_count(page, 0);
	free_to_lists(zone, page, pgdat->node_start_pfn + index, order);
}

void __free_pages(struct page *page, unsigned int order)
{
	free_pages_fast(page, order, false);
}

static void bad_address(unsigned long addr, const char *why)
{
	printk(KERN_ALERT "BUG: Bad page address in process %s  addr:0x%08lx %s\n",
	       current_comm, addr, why);
}

void free_pages(unsigned long addr, unsigned int order)
{
	unsigned long pfn;
	struct page *page;

	if (addr == 0)
		return;
	if (!IS_ALIGNED(addr, PAGE_SIZE)) {
		bad_address(addr, "is not page aligned");
		return;
	}
	pfn = virt_to_pfn(addr);
	if (!pfn_valid(pfn)) {
		bad_address(addr, "is outside RAM");
		return;
	}
	page = pfn_to_page(pfn);
	if (PageHighMem(page)) {
		bad_address(addr, "is not a direct-map address (pfn in HighMem)");
		return;
	}
	free_pages_fast(page, order, true);
}

/*
 * __isolate_free_page - take the free buddy block @page of @order off its
 * list for compaction or contiguous allocation (Linux's name): it stays
 * as free memory was (unmapped, poisoned), is no longer PageBuddy and no
 * longer counted free.  Refused (0) when taking it would leave the zone
 * below its MIN watermark, as in Linux; else returns 1 << @order.
 * zone->lock held.
 */
unsigned long __isolate_free_page(struct zone *zone, struct page *page, unsigned int order)
{
	struct free_area *area = zone->free_area + order;

	VM_BUG_ON_PAGE(!PageBuddy(page) || buddy_order(page) != order, page);
	if (!is_migrate_isolate(zone_pfnblock_migratetype(zone, zone_page_to_pfn(zone, page))) &&
	    !zone_watermark_ok(zone, 0, min_wmark_pages(zone) + (1UL << order), 0, 0))
		return 0;
	del_page_from_free_list(page);
	__ClearPageBuddy(page);
	page->private = 0;
	area->nr_free--;
	zone_free_pages_sub(zone, 1UL << order);
	return 1UL << order;
}

/*
 * post_alloc_hook - a block taken with __isolate_free_page() (or split off
 * one) becomes an allocated block of @order, as alloc_pages() would hand
 * it out for @gfp_mask: refcount 1, mapped, unpoisoned.
 */
void post_alloc_hook(struct page *page, unsigned int order, gfp_t gfp_mask)
{
	struct zone *zone = page_zone(page);

	prep_new_page(zone->zone_pgdat, zone, page, order, gfp_mask, gfp_migratetype(gfp_mask));
}

void get_page(struct page *page)
{
	if (unlikely(!page_pgdat_checked(page)))
		return;
	page = compound_head(page);
	if (unlikely(page_count(page) <= 0 || PageReserved(page) || PageBuddy(page))) {
		bad_page(page, page_count(page) <= 0 || PageBuddy(page) ?
			 "get_page on a page that is not allocated" :
			 "get_page on a reserved page");
		return;
	}
	page->_refcount++;
}

void put_page(struct page *page)
{
	struct pglist_data *pgdat = __page_pgdat_checked(page);

	if (unlikely(!pgdat))
		return;
	page = compound_head(page);
	if (unlikely(free_page_misused(page, PageHead(page) ? compound_order(page) :
							     page->alloc_order)))
		return;
	if (--page->_refcount == 0)
		__free_pages_ok(pgdat, page, page->alloc_order);
}

/*
 * Boot: a block of PG_reserved pages becomes a free block.  Every page
 * loses PG_reserved and its boot reference; the block then merges like
 * any freed block.
 */
static void __free_pages_boot_core(struct zone *zone, struct page *page,
				   unsigned long pfn, unsigned int order)
{
	unsigned long i, nr = 1UL << order;

	for (i = 0; i < nr; i++) {
		VM_BUG_ON_PAGE(!PageReserved(page + i), page + i);
		__ClearPageReserved(page + i);
		set_page_count(page + i, 0);
	}
	zone->managed_pages += nr;
	if (unlikely(zone->zone_pgdat->debug_flags & (PGDAT_DEBUG_PAGEALLOC | PGDAT_PAGE_POISON)))
		free_pages_prepare(zone, page, pfn, order);
	free_one_page(zone, page, pfn, order);
}

void __free_pages_memory(struct pglist_data *pgdat, unsigned long start_pfn,
			 unsigned long end_pfn)
{
	unsigned long node_end = pgdat->node_start_pfn + pgdat->node_spanned_pages;
	struct zone *zone;

	start_pfn = max(start_pfn, pgdat->node_start_pfn);
	end_pfn = min(end_pfn, node_end);
	for_each_zone_pgdat(zone, pgdat) {
		unsigned long pfn = max(start_pfn, zone->zone_start_pfn);
		unsigned long end = min(end_pfn, zone_end_pfn(zone));

		if (!zone->spanned_pages)
			continue;
		while (pfn < end) {
			unsigned int order = pfn ? min_t(unsigned int, __builtin_ctzl(pfn), MAX_ORDER - 1)
						 : MAX_ORDER - 1;

			while (pfn + (1UL << order) > end)
				order--;
			__free_pages_boot_core(zone, pgdat_pfn_to_page(pgdat, pfn), pfn, order);
			pfn += 1UL << order;
		}
	}
}
