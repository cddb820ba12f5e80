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
 * else - refilling or draining a list, splitting, merging, tracing,
 * debug options, another zone, the slow path, a misuse report - is out
 * of line and starts over from the top, so the two paths never disagree.
 * Measured by bench/ (make bench-instr): an order-0 pair is about 100
 * instructions, any order without a split or merge under 150.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/mmdebug.h>
#include <linux/highmem.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <asm/mmu_hooks.h>
#include "internal.h"

bool gfp_highmem_warned;

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
 * on @zone's free lists, merging it with its buddies as far as they go.
 * zone->lock must be held; the caller accounts zone->free_pages.
 */
static __always_inline void free_one_page_body(struct page *page, unsigned long pfn,
					       struct zone *zone, unsigned int order,
					       const bool trace)
{
	/* read once: the loop's stores could alias them for the compiler */
	const unsigned long zone_start = zone->zone_start_pfn, zone_pages = zone->spanned_pages;

	VM_BUG_ON_PAGE(pfn & ((1UL << order) - 1), page);
	VM_BUG_ON_PAGE(!zone_spans_pfn(zone, pfn + (1UL << order) - 1), page);

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
	set_buddy_order(page, order);
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
}

/*
 * Two copies of the loop: the one that prints (trace on) calls printk(),
 * so it needs callee-saved registers; the other calls nothing and
 * needs none - the common case should not pay for the rare one.
 */
static noinline void free_one_page_traced(struct page *page, unsigned long pfn,
					  struct zone *zone, unsigned int order)
{
	free_one_page_body(page, pfn, zone, order, true);
}

static __always_inline void free_one_page_inline(struct page *page, unsigned long pfn,
						 struct zone *zone, unsigned int order)
{
	if (unlikely(pgdat_trace(zone->zone_pgdat)))
		free_one_page_traced(page, pfn, zone, order);
	else
		free_one_page_body(page, pfn, zone, order, false);
}

void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order)
{
	free_one_page_inline(page, pfn, zone, order);
}

/*
 * expand - @page heads a block of order @high just taken off the lists;
 * keep its first 2^@low pages and give the upper halves back, one per
 * order from @high - 1 down to @low.
 */
static __always_inline void expand(struct zone *zone, struct page *page, unsigned int low,
				   unsigned int high, const bool trace)
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
		set_buddy_order(upper, high);
		list_add(&upper->lru, &zone->free_area[high].free_list);
		zone->free_area[high].nr_free++;
	}
}

/*
 * take_free_block - the first block on @area (free_area[@order], not
 * empty), off its list and no longer a free buddy block.  The caller
 * accounts zone->free_pages.
 */
static __always_inline struct page *take_free_block(struct free_area *area, unsigned int order)
{
	struct page *page = list_first_entry(&area->free_list, struct page, lru);

	VM_BUG_ON_PAGE(!PageBuddy(page) || buddy_order(page) != order, page);
	del_page_from_free_list(page);
	__ClearPageBuddy(page);
	page->private = 0;
	area->nr_free--;
	return page;
}

/* The smallest free block of order >= @order, split down to @order. */
static __always_inline struct page *__rmqueue_smallest_body(struct zone *zone, unsigned int order,
							    const bool trace)
{
	unsigned int current_order;

	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = take_free_block(area, current_order);
		expand(zone, page, order, current_order, trace);
		return page;
	}
	return NULL;
}

/* as for free_one_page_traced(): the printing copy apart */
static noinline struct page *__rmqueue_smallest_traced(struct zone *zone, unsigned int order)
{
	return __rmqueue_smallest_body(zone, order, true);
}

static __always_inline struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	if (unlikely(pgdat_trace(zone->zone_pgdat)))
		return __rmqueue_smallest_traced(zone, order);
	return __rmqueue_smallest_body(zone, order, false);
}

/* Linux's hook for migrate types and CMA; here the buddy lists only. */
struct page *__rmqueue(struct zone *zone, unsigned int order)
{
	return __rmqueue_smallest(zone, order);
}

/*
 * rmqueue - take a block of @order from @zone, or NULL.  Orders up to
 * PAGE_ALLOC_COSTLY_ORDER come from this CPU's per-CPU list for that
 * order (mm/page_pcp.c, Linux 5.13), refilled in batches.
 */
static inline struct page *rmqueue_buddy(struct zone *zone, unsigned int order)
{
	unsigned long flags;
	struct page *page;

	spin_lock_irqsave(&zone->lock, flags);
	page = __rmqueue_smallest(zone, order);
	if (page)
		zone->free_pages -= 1UL << order;
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

static __always_inline struct page *rmqueue(struct zone *zone, unsigned int order,
					    gfp_t gfp_mask)
{
	/* order 0 gets its own inlined copy, with the order folded in */
	if (likely(order == 0))
		return rmqueue_pcplist(zone, 0, gfp_mask, true);
	if (order <= PAGE_ALLOC_COSTLY_ORDER)
		return rmqueue_pcplist(zone, order, gfp_mask, true);
	return rmqueue_buddy(zone, order);
}

/* free_one_page - the locked counterpart of rmqueue (and its pcp seam). */
static __always_inline void free_one_page(struct zone *zone, struct page *page,
					  unsigned long pfn, unsigned int order)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	free_one_page_inline(page, pfn, zone, order);
	zone->free_pages += 1UL << order;
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
static __always_inline struct page *rmqueue_buddy_nosplit(struct zone *zone, unsigned int order)
{
	struct free_area *area = &zone->free_area[order];
	unsigned long flags;
	struct page *page = NULL;

	spin_lock_irqsave(&zone->lock, flags);
	if (likely(!list_empty(&area->free_list))) {
		page = take_free_block(area, order);
		zone->free_pages -= 1UL << order;
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

static __always_inline bool free_one_page_nomerge(struct zone *zone, struct page *page,
						  unsigned int order)
{
	unsigned long pfn = zone_page_to_pfn(zone, page);
	unsigned long buddy_pfn = pfn ^ (1UL << order);
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	if (order < MAX_ORDER - 1 &&
	    page_is_buddy(zone, zone->zone_start_pfn, zone->spanned_pages,
			  page + ((long)buddy_pfn - (long)pfn), buddy_pfn, order)) {
		spin_unlock_irqrestore(&zone->lock, flags);
		return false;
	}
	set_buddy_order(page, order);
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
	zone->free_pages += 1UL << order;
	spin_unlock_irqrestore(&zone->lock, flags);
	return true;
}

/* free_one_page() out of line, working out the pfn: a tail call for __free_pages() */
static noinline void free_one_page_pfn(struct zone *zone, struct page *page, unsigned int order)
{
	free_one_page(zone, page, zone_page_to_pfn(zone, page), order);
}

/*
 * __free_pages() above order 0, apart so that order 0 saves no registers:
 * this CPU's list up to PAGE_ALLOC_COSTLY_ORDER, else the buddy lists,
 * the no-merge case first.
 */
static noinline void free_pages_order(struct zone *zone, struct page *page, unsigned int order)
{
	if (order <= PAGE_ALLOC_COSTLY_ORDER)
		free_unref_page(zone, page, order);
	else if (!free_one_page_nomerge(zone, page, order))
		free_one_page_pfn(zone, page, order);
}

/*
 * free_to_lists - a block whose last reference is gone and which every
 * check has passed goes to this CPU's list or the buddy lists; order 0
 * inline with the order folded in, the rest apart.  Both free paths end
 * here.
 */
static __always_inline void free_to_lists(struct zone *zone, struct page *page,
					  unsigned int order)
{
	if (likely(order == 0))
		free_unref_page(zone, page, 0);
	else
		free_pages_order(zone, page, order);
}

bool zone_watermark_ok(const struct zone *z, unsigned int order, unsigned long mark,
		       int classzone_idx, unsigned int alloc_flags)
{
	long min = (long)mark;
	long free_pages = (long)z->free_pages - (1L << order) + 1;
	unsigned int o;

	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;

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
	for (o = order; o < MAX_ORDER; o++)
		if (z->free_area[o].nr_free)
			return true;
	return false;
}

/*
 * zone_watermark_fast - zone_watermark_ok() with Linux's (4.8+) shortcut
 * for order 0: with neither ALLOC_HIGH nor ALLOC_HARDER, an order-0
 * request passes when free_pages > mark + lowmem_reserve, which is
 * exactly what zone_watermark_ok() computes for order 0 (its per-order
 * loop does not run), in one compare.  Everything else takes the full
 * check, so the answer never differs.
 */
static inline bool zone_watermark_fast(const struct zone *z, unsigned int order,
				       unsigned long mark, int classzone_idx,
				       unsigned int alloc_flags)
{
	if (likely(order == 0 && !(alloc_flags & (ALLOC_HIGH | ALLOC_HARDER))))
		return (long)z->free_pages > (long)mark + z->lowmem_reserve[classzone_idx];
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
	return page;
}

/*
 * Turn a block just taken off the free lists (private already 0) into an
 * allocated one, and return it.  The common case is two stores and one
 * test.
 */
static __always_inline struct page *prep_new_page(const struct pglist_data *pgdat,
						  struct zone *zone, struct page *page,
						  unsigned int order, gfp_t gfp_mask)
{
	check_new_pages(page, order);
	set_page_count(page, 1);
	page->alloc_order = (unsigned char)order;
	if (unlikely((gfp_mask & (__GFP_ZERO | __GFP_COMP)) |
		     (pgdat->debug_flags & (PGDAT_DEBUG_PAGEALLOC | PGDAT_PAGE_POISON))))
		return prep_new_page_extra(zone, page, order, gfp_mask);
	return page;
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
		page = rmqueue(zone, order, gfp_mask);
		if (!page)
			continue;
		if (zone != ac->preferred_zone && pgdat_trace(pgdat))
			printk(KERN_INFO "fallback: order %u from %s (preferred %s)\n",
			       order, zone->name, ac->preferred_zone->name);
		return prep_new_page(pgdat, zone, page, order, gfp_mask);
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
	} else {
		char names[160];

		format_gfp_flags(names, sizeof(names), gfp_mask);
		printk(KERN_WARNING "WARNING: %s: invalid zone modifiers in mode:0x%x(%s): __GFP_DMA and __GFP_HIGHMEM exclude each other\n",
		       current_comm, gfp_mask, names);
	}
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
	 * Pages on the per-CPU lists serve only order 0 and cannot merge:
	 * give them back to the buddy lists and try once more (Linux drains
	 * after direct reclaim fails).  Nothing drained: nothing changed.
	 */
	if (drain_node_pages(pgdat)) {
		page = get_page_from_freelist(pgdat, gfp_mask, order, alloc_flags, ac);
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

	if (unlikely(order >= MAX_ORDER || gfp_zone_bad(gfp_mask)))
		return alloc_bad_request(gfp_mask, order);
	gfp_mask &= __GFP_BITS_MASK;
	start = &pgdat->zonelist_for_gfp[gfp_mask & GFP_ZONEMASK];
	ac.high_zoneidx = gfp_zone(gfp_mask);
	ac.zonelist = start->zonelist;
	ac.preferred_zone = start->zone;
	ac.classzone_idx = start->classzone_idx;
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
 * The fast path's second half for orders above PAGE_ALLOC_COSTLY_ORDER
 * when no block of the order is free: a larger one from the preferred
 * zone's buddy lists, split.  __rmqueue_smallest() finding a block is
 * 4.5's "a free block of the order or larger" test.
 */
static noinline struct page *alloc_pages_split(struct pglist_data *pgdat, struct zone *zone,
					       gfp_t gfp_mask, unsigned int order)
{
	struct page *page = rmqueue_buddy(zone, order);

	if (unlikely(!page))
		return __alloc_pages_general(pgdat, gfp_mask, order);
	return prep_new_page(pgdat, zone, page, order, gfp_mask);
}

/* ... and before that, a block of exactly the order: nothing to split */
static noinline struct page *alloc_pages_buddy(struct zone *zone, unsigned int order,
					       gfp_t gfp_mask, struct pglist_data *pgdat)
{
	struct page *page = rmqueue_buddy_nosplit(zone, order);

	if (!page)
		return alloc_pages_split(pgdat, zone, gfp_mask, order);
	return prep_new_page(pgdat, zone, page, order, gfp_mask);
}

/* zone_watermark_ok()'s order-0 test at the LOW mark, for a block of 2^@order pages */
static __always_inline bool fast_wmark_ok(const struct zone *zone, unsigned int order,
					  const struct zonelist_start *start)
{
	return (long)zone->free_pages - (1L << order) + 1 >
	       (long)low_wmark_pages(zone) + zone->lowmem_reserve[start->classzone_idx];
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
static __always_inline struct page *alloc_pages_fast(struct pglist_data *pgdat,
						     gfp_t gfp_mask, unsigned int order)
{
	const struct zonelist_start *start = &pgdat->zonelist_for_gfp[gfp_mask & GFP_ZONEMASK];
	struct zone *zone = start->zone;
	struct page *page;

	if (unlikely(!zone))
		goto general;
	if (likely(order == 0)) {	/* a copy with the order folded in */
		if (unlikely(!fast_wmark_ok(zone, 0, start)))
			goto general;
		page = rmqueue_pcplist(zone, 0, gfp_mask, false);
	} else {
		if (unlikely(order >= MAX_ORDER || !fast_wmark_ok(zone, order, start)))
			goto general;
		if (order > PAGE_ALLOC_COSTLY_ORDER)
			return alloc_pages_buddy(zone, order, gfp_mask, pgdat);
		page = rmqueue_pcplist(zone, order, gfp_mask, false);
	}
	if (unlikely(!page))
		goto general;
	return prep_new_page(pgdat, zone, page, order, gfp_mask);
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
	return alloc_pages_fast(NODE_DATA(0), gfp_mask, order);
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
	return get_free_pages_fast(gfp_mask, order);
}

/*
 * A lowmem page, cleared here with clear_page() rather than through
 * __GFP_ZERO: the same order of events (debug checks on allocation,
 * then zeroes) without prep_new_page()'s general path.
 */
unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	unsigned long addr = get_free_pages_fast(gfp_mask & ~__GFP_ZERO, 0);

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
	if (likely(page_count(page) > 0 && !(page->flags & ((1UL << PG_reserved) |
	    (1UL << PG_buddy) | (1UL << PG_pcp) | (1UL << PG_tail))))) {
		if (likely(page->alloc_order == order))
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
	if (likely(page_count(page) > 0 && page->alloc_order == order &&
		   !(page->flags & ((1UL << PG_reserved) | (1UL << PG_buddy) |
				    (1UL << PG_pcp) | (1UL << PG_tail)))))
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
	if (unlikely(pgdat->debug_flags & (PGDAT_DEBUG_PAGEALLOC | PGDAT_PAGE_POISON)))
		free_pages_prepare(zone, page, zone_page_to_pfn(zone, page), order);
	free_to_lists(zone, page, order);
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
	struct pglist_data *pgdat = node_data[0];
	struct zone *zone;
	bool misaligned = false;

	/* @from_pfn: @page is pfn_to_page() of a valid pfn, in contig_page_data's mem_map */
	if (unlikely(!pgdat ||
		     (from_pfn ? pgdat != &contig_page_data :
				 !pgdat_holds_page(pgdat, page, &misaligned) || misaligned) ||
		     page->_refcount != 1 || page->alloc_order != order ||
		     (page->flags & ((1UL << PG_reserved) | (1UL << PG_buddy) | (1UL << PG_pcp) |
				     (1UL << PG_head) | (1UL << PG_tail))) ||
		     pgdat->debug_flags)) {
		__free_pages_general(page, order);
		return;
	}
	zone = &pgdat->node_zones[page_zonenum(page)];
	set_page_count(page, 0);
	free_to_lists(zone, page, order);
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
