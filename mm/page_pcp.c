// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU page lists: the order-0 fast path in front of the buddy lists.
 *
 * Most allocations are single pages, and a single page freed now is likely
 * to be wanted again soon, while it is still in the cache.  So, as Linux
 * has done since 2.5 (struct per_cpu_pages), each zone keeps for each CPU
 * a short list of free order-0 pages:
 *
 *	alloc order 0	take the page at the head of this CPU's list (the
 *			most recently freed one, the hottest); __GFP_COLD
 *			takes the tail instead, for a page a device will
 *			write, where a warm cache line would be wasted.  An
 *			empty list is first refilled with @batch pages from
 *			the buddy lists, under zone->lock once for all of them.
 *	free order 0	put the page at the head.  When the list holds more
 *			than @high pages, give @batch of them, from the cold
 *			tail, back to the buddy lists (where they merge), again
 *			under one zone->lock.
 *
 * The common case touches only this CPU's list with interrupts off: no
 * zone lock, no split, no merge.  The lock and the buddy work are paid
 * once per @batch operations.  Each CPU has its own list, so on SMP the
 * fast path would need no shared lock at all; with one CPU today, turning
 * interrupts off is the whole exclusion (smp_processor_id() is 0).
 *
 * Bookkeeping (the invariants check_zone() verifies):
 *  - a page on a pcp list has PG_pcp, refcount 0, private 0, no
 *    PG_buddy; it is free, but not a buddy block, so __free_one_page()
 *    never merges with it (page_is_buddy() wants PG_buddy);
 *  - pcp->count == the length of pcp->list;
 *  - zone->free_pages counts pcp pages too (sum(nr_free << order) +
 *    pcp.count), so watermarks see all free memory.  Moving pages between
 *    the buddy lists and a pcp list does not change it; allocating from or
 *    freeing to a pcp list does.  On one CPU that update is covered by
 *    interrupts being off; an SMP kernel would make free_pages a per-CPU
 *    delta folded in under the lock (Linux's vm_stat_diff).
 *  - freeing a PG_pcp page is a double free: page_alloc.c reports it
 *    before calling here (free_page_misused(), PB_PCP).
 *
 * Pages on pcp lists cannot serve a request of order >= 1, nor merge:
 * a higher-order request that fails drains every list
 * (drain_node_pages()) and tries once more before giving up, as Linux
 * does after direct reclaim.
 *
 * Sizes: zone->pcp[cpu].batch and .high come from mm_init.c
 * (zone_pcp_init(), Linux 4.4's zone_batchsize(): batch 31 and high 186
 * for zones of 512 MiB and more; a zone under 4 MiB gets batch 1, high 0,
 * i.e. every free goes straight through).
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/mmdebug.h>
#include <linux/spinlock.h>
#include "internal.h"

/*
 * rmqueue_bulk - move up to @count order-0 pages from the buddy lists to
 * the tail of @pcp's list (they are colder than what the list holds).
 * zone->lock held.  free_pages does not change: the pages stay free.
 * Returns how many were moved.
 */
int rmqueue_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp)
{
	int i;

	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, 0);

		if (unlikely(!page))
			break;
		__SetPagePcp(page);
		list_add_tail(&page->lru, &pcp->list);
	}
	pcp->count += i;
	return i;
}

/*
 * free_pcppages_bulk - give the @count coldest pages of @pcp (from the
 * tail) back to the buddy lists, merging.  zone->lock held; free_pages
 * does not change.
 */
void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp)
{
	const struct pglist_data *pgdat = zone->zone_pgdat;

	while (count-- > 0 && !list_empty(&pcp->list)) {
		struct page *page = list_last_entry(&pcp->list, struct page, lru);

		VM_BUG_ON_PAGE(!PagePcp(page) || page_zone(page) != zone, page);
		list_del(&page->lru);
		__ClearPagePcp(page);
		pcp->count--;
		__free_one_page(page, pgdat->node_start_pfn +
				(unsigned long)(page - pgdat->node_mem_map), zone, 0);
	}
}

/* rmqueue_pcplist() and free_unref_page(), the fast paths, are inline in internal.h */

int drain_zone_pages(struct zone *zone)
{
	unsigned long flags;
	unsigned int cpu;
	int drained = 0;

	local_irq_save(flags);
	spin_lock(&zone->lock);
	/* one CPU: this one.  SMP would ask each CPU to drain its own list */
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		drained += zone->pcp[cpu].count;
		free_pcppages_bulk(zone, zone->pcp[cpu].count, &zone->pcp[cpu]);
	}
	spin_unlock(&zone->lock);
	local_irq_restore(flags);
	return drained;
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
