// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU page lists: the fast path in front of the buddy lists for
 * blocks of order 0..PAGE_ALLOC_COSTLY_ORDER (3).
 *
 * Most allocations are small, and a block freed now is likely to be
 * wanted again soon, while it is still in the cache.  So, as Linux has
 * done since 2.5 for order 0 (struct per_cpu_pages) and since 5.13 for
 * orders up to PAGE_ALLOC_COSTLY_ORDER (commit 44042b449872, "mm/page_alloc:
 * allow high-order pages to be stored on the per-cpu lists"), each zone
 * keeps for each CPU one short list of free blocks per order 0..3 and
 * migrate type (Linux 5.14: MIGRATE_PCPTYPES lists per order; a request
 * takes from its own type's list, a free goes to the list of its
 * pageblock's type, or MOVABLE for a HIGHATOMIC pageblock):
 *
 *	alloc order k	take the block at the head of this CPU's list k (the
 *			most recently freed one, the hottest); __GFP_COLD
 *			takes the tail instead, for a page a device will
 *			write, where a warm cache line would be wasted.  An
 *			empty list is first refilled from the buddy lists
 *			with @batch pages' worth (max(batch >> k, 2) blocks),
 *			under zone->lock once for all of them.
 *	free order k	put the block at the head of list k.  When the lists
 *			hold more than @high pages (all orders together),
 *			give @batch pages' worth, cold tails first and
 *			round-robin over the orders, back to the buddy lists
 *			(where they merge), again under one zone->lock.
 *
 * Without this an order-1..3 pair split an order-10 block down and merged
 * it back up, nine levels each way; now it costs what order 0 costs.
 * The common case touches only this CPU's list (zone->pcp[smp_processor_id()])
 * under its own pcp->lock, which no other CPU takes but to drain it: no
 * zone lock, no split, no merge, no cache line another CPU writes, not
 * even zone->free_pages.  The zone lock and the buddy work are paid once per
 * @batch operations.  Why a pcp lock rather than interrupts off, and how
 * a busy list is side-stepped: pcp_spin_trylock() in internal.h.
 *
 * Bookkeeping (the invariants check_zone() verifies):
 *  - a block on pcp list k has a head with PG_pcp, private = k (its order,
 *    so a double free can say which block), refcount 0, no PG_buddy, and
 *    clean pages after it, like a free buddy block; it is free, but not a
 *    buddy block, so __free_one_page() never merges with it
 *    (page_is_buddy() wants PG_buddy);
 *  - pcp->count == the pages (not blocks) on all of pcp->lists; high and
 *    batch are in pages too;
 *  - zone->free_pages counts the buddy lists' pages only
 *    (sum(nr_free << order)), as Linux's NR_FREE_PAGES: rmqueue_bulk()
 *    subtracts the pages it moves to a pcp list and free_pcppages_bulk()
 *    adds back those it returns, both under zone->lock; allocating from
 *    or freeing to a pcp list does not touch it.  So, as in Linux, the
 *    watermarks and /proc/meminfo's MemFree do not see pcp pages; the
 *    free memory in all is free_pages + the pcp counts (zone_pcp_pages()).
 *  - freeing a PG_pcp head, or a page inside its block, is a double free:
 *    page_alloc.c reports it before calling here (free_page_misused(),
 *    PB_PCP, with the block's order and head).
 *
 * Blocks on pcp lists serve only their own order, and cannot merge: a
 * request that fails drains every list (drain_node_pages()) and tries
 * once more before giving up, as Linux does after direct reclaim.
 *
 * Sizes: zone->pcp[cpu].batch and .high come from mm_init.c
 * (zone_pcp_init(), Linux 4.4's zone_batchsize(): batch 31 for zones of
 * 512 MiB and more; Linux 5.14's zone_highsize(): high = the zone's low
 * watermark, at least 4 * batch; a zone under 32 MiB gets batch 1, high 0,
 * i.e. every free goes straight through).
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/mmdebug.h>
#include <linux/spinlock.h>
#include "internal.h"

/*
 * rmqueue_bulk - move up to @count blocks of @order from the buddy lists
 * to the tail of @pcp's list for @order (they are colder than what the
 * list holds), each a PG_pcp head with its order in page->private.
 * zone->lock held.  free_pages drops by the pages moved (pcp pages are
 * not counted in it, as in Linux's rmqueue_bulk()).  Returns how many blocks were moved.
 */
int rmqueue_bulk(struct zone *zone, unsigned int order, int count, struct per_cpu_pages *pcp,
		 int migratetype)
{
	struct list_head *list = &pcp->lists[order_to_pindex(migratetype, order)];
	int i;

	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, order, migratetype);

		if (unlikely(!page))
			break;
		__SetPagePcp(page);
		page->private = order;
		list_add_tail(&page->lru, list);
	}
	pcp->count += i << order;
	zone_free_pages_add(zone, -((long)i << order));
	return i;
}

/*
 * free_pcppages_bulk - give at least @count pages (or all there are) of
 * @pcp back to the buddy lists, merging: the coldest block (the tail) of
 * each non-empty list in turn, round-robin over the orders as Linux
 * 5.13's free_pcppages_bulk() does, so no order's list is starved.
 * zone->lock held; free_pages grows by the pages given back.
 */
void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp)
{
	const struct pglist_data *pgdat = zone->zone_pgdat;
	unsigned int pindex = 0;
	long freed = 0;

	while (count > 0 && pcp->count > 0) {
		unsigned int order;
		unsigned long pfn;
		struct list_head *list;
		struct page *page;

		while (list_empty(&pcp->lists[pindex]))
			pindex = (pindex + 1) % NR_PCP_LISTS;
		list = &pcp->lists[pindex];
		order = pindex_to_order(pindex);
		page = list_last_entry(list, struct page, lru);
		VM_BUG_ON_PAGE(!PagePcp(page) || page->private != order ||
			       page_zone(page) != zone, page);
		del_page_from_free_list(page);
		__ClearPagePcp(page);
		page->private = 0;
		pcp->count -= 1 << order;
		count -= 1 << order;
		freed += 1L << order;
		/* the list was the type when freed; the pageblock's now decides */
		pfn = pgdat->node_start_pfn + (unsigned long)(page - pgdat->node_mem_map);
		__free_one_page(page, pfn, zone, order, zone_pfnblock_migratetype(zone, pfn));
		pindex = (pindex + 1) % NR_PCP_LISTS;
	}
	zone_free_pages_add(zone, freed);
}

/* rmqueue_pcplist() and free_unref_page(), the fast paths, are inline in internal.h */

void free_unref_page_other(struct zone *zone, struct page *page, unsigned int order,
			   int migratetype)
{
	if (is_migrate_isolate(migratetype))
		free_one_page_isolated(zone, page, order);
	else
		__free_unref_page(zone, page, order, MIGRATE_MOVABLE);
}

bool rmqueue_pcplist_refill(struct zone *zone, unsigned int order, struct per_cpu_pages *pcp,
			    int migratetype)
{
	int batch = pcp->batch, got;

	/*
	 * Linux 5.13: scale the batch to the order, unless it is 1 (a small
	 * zone, high 0), which must not cache anything
	 */
	unsigned long flags;

	if (batch > 1)
		batch = max(batch >> order, 2);
	spin_lock_irqsave(&zone->lock, flags);
	got = rmqueue_bulk(zone, order, batch, pcp, migratetype);
	spin_unlock_irqrestore(&zone->lock, flags);
	return got > 0;
}

void free_pcp_over_high(struct zone *zone, struct per_cpu_pages *pcp)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	free_pcppages_bulk(zone, pcp->batch, pcp);
	spin_unlock_irqrestore(&zone->lock, flags);
	pcp_spin_unlock(pcp);
}

/*
 * pcp_spin_lock - take @pcp's lock, waiting for its owner CPU (or another
 * drainer) to finish its list operation: a few hundred instructions at
 * most, a refill or a batch given back included.
 */
static void pcp_spin_lock(struct per_cpu_pages *pcp)
{
	while (!pcp_spin_trylock(pcp))
		while (__atomic_load_n(&pcp->lock, __ATOMIC_RELAXED))
			__ticket_relax();
}

/*
 * drain_zone_pages - every CPU's lists of @zone back to the buddy lists.
 * Remotely, as Linux 5.19+ does (commit 443c2accd1b6, "mm/page_alloc:
 * remotely drain per-cpu lists"): this CPU takes each CPU's pcp->lock in
 * turn, then zone->lock, and frees that CPU's blocks itself -- no IPI,
 * no waiting for the other CPU to run anything.  Linux before 5.19 sent
 * each CPU a work item to drain its own lists; here an IPI could not
 * reach CPU 0, which runs the shell with interrupts off (and a CPU
 * draining from inside an IPI handler would wait for itself).
 */
int drain_zone_pages(struct zone *zone)
{
	unsigned long flags;
	unsigned int cpu;
	int drained = 0;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct per_cpu_pages *pcp = &zone->pcp[cpu];

		pcp_spin_lock(pcp);
		spin_lock_irqsave(&zone->lock, flags);
		drained += pcp->count;
		free_pcppages_bulk(zone, pcp->count, pcp);
		VM_BUG_ON(pcp->count != 0);
		spin_unlock_irqrestore(&zone->lock, flags);
		pcp_spin_unlock(pcp);
	}
	return drained;
}

/*
 * zone_pcp_disable / zone_pcp_enable - Linux's pair (memory offlining
 * uses it): high 0 and batch 1 on every CPU's lists, then drained, so
 * every order-0..3 allocation and free goes through zone->lock, one
 * page at a time; enable puts zone_pcp_init()'s sizes back.  The
 * benchmarks' "lists off" (bench --nopcp): what the lists save.
 */
void zone_pcp_disable(struct zone *zone)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct per_cpu_pages *pcp = &zone->pcp[cpu];

		pcp_spin_lock(pcp);
		pcp->high = 0;
		pcp->batch = 1;
		pcp_spin_unlock(pcp);
	}
	drain_zone_pages(zone);
}

void zone_pcp_enable(struct zone *zone)
{
	zone_pcp_init(zone);
}

unsigned long drain_node_pages(struct pglist_data *pgdat)
{
	struct zone *zone;
	unsigned long drained = 0;

	for_each_zone_pgdat(zone, pgdat)
		if (zone->spanned_pages)
			drained += (unsigned long)drain_zone_pages(zone);
	return drained;
}

void drain_all_pages(struct zone *zone)
{
	if (zone)
		drain_zone_pages(zone);
	else
		drain_node_pages(NODE_DATA(0));
}
