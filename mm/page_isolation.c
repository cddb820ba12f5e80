// SPDX-License-Identifier: GPL-2.0
/*
 * Page isolation and contiguous allocation (Linux's mm/page_isolation.c
 * and alloc_contig_range() of mm/page_alloc.c): the engine under CMA.
 *
 * To hand out a given physically contiguous range of pages:
 *  1. start_isolate_page_range(): the pageblocks around the range become
 *     MIGRATE_ISOLATE - their free pages move to the ISOLATE lists, which
 *     no allocation takes from, and pages freed there stay there (they skip
 *     the per-CPU lists).  A range holding an unmovable page is refused at
 *     once: no migration could clear it.
 *  2. drain_all_pages(): free pages still on per-CPU lists come home.
 *  3. every movable block inside the range is migrated out (mm/migrate.c;
 *     destinations come from outside: the isolated pageblocks give none).
 *  4. the range is now free: its buddy blocks are taken off the lists and
 *     made order-0 allocated pages; parts of a block outside the range go
 *     back as free pages.
 *  5. undo_isolate_page_range(): the pageblocks get their old types back.
 * Any failure undoes 1 and puts migration's leftovers back: the zone is as
 * it was, bar the pages that moved.
 *
 * alloc_contig_pages() tries aligned candidate ranges of each allowed zone
 * in turn, skipping those with a hole, a reserved or an unmovable page.
 */
#include <linux/page-isolation.h>
#include <linux/compaction.h>
#include <linux/migrate.h>
#include <linux/mmdebug.h>
#include <linux/printk.h>
#include "internal.h"

const struct page *contig_blocking_page;

/*
 * The first page in [@start, @end) of @zone that no migration can clear:
 * reserved (a hole, firmware, the kernel), or an allocated block that is
 * not movable.  NULL if none.
 */
static struct page *range_unmovable_page(struct zone *zone, unsigned long start,
					 unsigned long end)
{
	struct pglist_data *pgdat = zone->zone_pgdat;
	unsigned long pfn = pageblock_start_pfn(start);

	for (; pfn < end; pfn++) {
		struct page *page = pgdat_pfn_to_page(pgdat, pfn);
		unsigned long nr;

		if (PageBuddy(page) || PagePcp(page)) {
			pfn += (1UL << page->private) - 1;
			continue;
		}
		if (PageReserved(page)) {
			if (pfn >= start)
				return page;
			continue;
		}
		if (page_count(page) < 1)
			continue;
		nr = 1UL << page->alloc_order;
		if (pfn + nr > start && !PageMovable(page))
			return page;
		pfn += nr - 1;
	}
	return NULL;
}

int start_isolate_page_range(struct zone *zone, unsigned long start_pfn, unsigned long end_pfn,
			     unsigned char *saved)
{
	unsigned long pfn, flags;
	unsigned int i = 0;

	VM_BUG_ON(start_pfn & (pageblock_nr_pages - 1) || end_pfn & (pageblock_nr_pages - 1));
	if (range_unmovable_page(zone, start_pfn, end_pfn))
		return -EBUSY;
	spin_lock_irqsave(&zone->lock, flags);
	for (pfn = start_pfn; pfn < end_pfn; pfn += pageblock_nr_pages, i++) {
		struct page *page = pgdat_pfn_to_page(zone->zone_pgdat, pfn);
		int mt = zone_pfnblock_migratetype(zone, pfn);

		if (is_migrate_isolate(mt) || move_freepages_block(zone, page, mt, MIGRATE_ISOLATE) < 0) {
			/* someone else's isolation, or outside the zone: undo ours */
			while (i--) {
				pfn -= pageblock_nr_pages;
				move_freepages_block(zone, pgdat_pfn_to_page(zone->zone_pgdat, pfn),
						     MIGRATE_ISOLATE, saved[i]);
			}
			spin_unlock_irqrestore(&zone->lock, flags);
			return -EBUSY;
		}
		saved[i] = (unsigned char)mt;
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return 0;
}

void undo_isolate_page_range(struct zone *zone, unsigned long start_pfn, unsigned long end_pfn,
			     const unsigned char *saved)
{
	unsigned long pfn, flags;
	unsigned int i = 0;

	spin_lock_irqsave(&zone->lock, flags);
	for (pfn = start_pfn; pfn < end_pfn; pfn += pageblock_nr_pages, i++)
		move_freepages_block(zone, pgdat_pfn_to_page(zone->zone_pgdat, pfn),
				     MIGRATE_ISOLATE, saved[i]);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/*
 * Migration destinations for the range: ordinary movable allocations from
 * the range's node, in the range's zone or below (never into HighMem from
 * lowmem: the owner's address would go), so never inside the isolated range.
 */
static struct page *contig_new_page(struct page *src, unsigned long data)
{
	struct zone *zone = page_zone(src);
	gfp_t gfp = (is_highmem(zone) ? GFP_HIGHUSER_MOVABLE : GFP_KERNEL | __GFP_MOVABLE) |
		    __GFP_NOWARN;

	return __alloc_pages_node(zone->zone_pgdat, gfp, src->alloc_order);
}

static void contig_free_page(struct page *page, unsigned long data)
{
	__free_pages(page, page->alloc_order);
}

/* step 3: every movable block overlapping [@start, @end) moved out; the page that stayed, or NULL */
static struct page *migrate_range(struct zone *zone, unsigned long start, unsigned long end)
{
	struct pglist_data *pgdat = zone->zone_pgdat;
	struct list_head l;
	unsigned long pfn;
	struct page *stuck = NULL;

	INIT_LIST_HEAD(&l);
	for (pfn = pageblock_start_pfn(start); pfn < end; pfn++) {
		struct page *page = pgdat_pfn_to_page(pgdat, pfn);
		unsigned long nr;

		if (PageBuddy(page) || PagePcp(page)) {
			pfn += (1UL << page->private) - 1;
			continue;
		}
		if (PageReserved(page) || page_count(page) < 1)
			continue;
		nr = 1UL << page->alloc_order;
		if (pfn + nr > start) {
			if (!isolate_movable_page(page)) {
				stuck = page;
				break;
			}
			list_add_tail(&page->lru, &l);
		}
		pfn += nr - 1;
	}
	if (!stuck && !list_empty(&l)) {
		migrate_pages(&l, contig_new_page, contig_free_page, 0, MIGRATE_SYNC,
			      MR_CONTIG_RANGE, NULL);
		if (!list_empty(&l))
			stuck = list_first_entry(&l, struct page, lru);
	}
	putback_movable_pages(&l);
	return stuck;
}

/* step 4: [@start, @end) all free?  Then taken as order-0 pages; else the first busy page */
static struct page *take_free_range(struct zone *zone, unsigned long start, unsigned long end,
				    gfp_t gfp)
{
	struct pglist_data *pgdat = zone->zone_pgdat;
	unsigned long pfn, flags, i;

	spin_lock_irqsave(&zone->lock, flags);
	for (pfn = pageblock_start_pfn(start); pfn < end;) {
		struct page *page = pgdat_pfn_to_page(pgdat, pfn);

		if (!PageBuddy(page)) {
			if (pfn >= start) {
				spin_unlock_irqrestore(&zone->lock, flags);
				return page;
			}
			pfn++;
			continue;
		}
		pfn += 1UL << buddy_order(page);
	}
	for (pfn = pageblock_start_pfn(start); pfn < end;) {
		struct page *page = pgdat_pfn_to_page(pgdat, pfn);
		unsigned int order;

		if (!PageBuddy(page)) {
			pfn++;
			continue;
		}
		order = buddy_order(page);
		if (pfn + (1UL << order) <= start) {
			pfn += 1UL << order;
			continue;
		}
		__isolate_free_page(zone, page, order);
		for (i = 0; i < (1UL << order); i++, pfn++) {
			if (pfn >= start && pfn < end)
				continue;
			/* outside the range: free again, on the isolated lists */
			__free_one_page(page + i, pfn, zone, 0, MIGRATE_ISOLATE);
			zone_free_pages_add(zone, 1);
		}
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	for (pfn = start; pfn < end; pfn++)
		post_alloc_hook(pgdat_pfn_to_page(pgdat, pfn), 0, gfp);
	return NULL;
}

static void report_busy(unsigned long start, unsigned long end, const struct page *page)
{
	printk(KERN_INFO "alloc_contig_range: [%lx, %lx) PFNs busy\n", start, end);
	dump_page(page, "the page that cannot be moved");
}

int alloc_contig_range(struct pglist_data *pgdat, unsigned long start, unsigned long end,
		       gfp_t gfp_mask)
{
	unsigned char saved[MAX_ZONE_PAGEBLOCKS];
	unsigned long bstart = pageblock_start_pfn(start);
	unsigned long bend = pageblock_start_pfn(end + pageblock_nr_pages - 1);
	struct zone *zone;
	struct page *busy;
	bool direct;
	int ret;

	contig_blocking_page = NULL;
	if (start >= end || !pgdat_spans_pfn(pgdat, start) || !pgdat_spans_pfn(pgdat, end - 1))
		return -EINVAL;
	zone = page_zone(pgdat_pfn_to_page(pgdat, start));
	if (!zone_spans_pfn(zone, end - 1) || bstart < zone->zone_start_pfn ||
	    bend > zone_end_pfn(zone))
		return -EINVAL;

	busy = range_unmovable_page(zone, start, end);
	if (busy) {
		contig_blocking_page = busy;
		if (PageReserved(busy))
			return -EINVAL;
		if (!(gfp_mask & __GFP_NOWARN))
			report_busy(start, end, busy);
		return -EBUSY;
	}
	ret = start_isolate_page_range(zone, bstart, bend, saved);
	if (ret)
		return ret;
	drain_all_pages(zone);
	/* the destinations must not compact: the isolated range is no place to scan */
	direct = direct_compaction_enabled;
	direct_compaction_enabled = false;
	busy = migrate_range(zone, start, end);
	direct_compaction_enabled = direct;
	if (!busy)
		busy = take_free_range(zone, start, end, gfp_mask & ~__GFP_NOWARN);
	undo_isolate_page_range(zone, bstart, bend, saved);
	if (busy) {
		contig_blocking_page = busy;
		if (!(gfp_mask & __GFP_NOWARN))
			report_busy(start, end, busy);
		return -EBUSY;
	}
	return 0;
}

void free_contig_range(struct pglist_data *pgdat, unsigned long pfn, unsigned long nr_pages)
{
	for (; nr_pages--; pfn++)
		__free_pages(pgdat_pfn_to_page(pgdat, pfn), 0);
}

struct page *alloc_contig_pages(struct pglist_data *pgdat, unsigned long nr_pages,
				gfp_t gfp_mask)
{
	unsigned long align = pageblock_nr_pages, pfn;
	const struct page *blocker = NULL;
	int z;

	if (!nr_pages || gfp_zone_bad(gfp_mask))
		return NULL;
	while (align > 1 && (align >> 1) >= nr_pages)
		align >>= 1;
	for (z = gfp_zone(gfp_mask); z >= 0; z--) {
		struct zone *zone = &pgdat->node_zones[z];

		if (!populated_zone(zone))
			continue;
		pfn = (zone->zone_start_pfn + align - 1) & ~(align - 1);
		for (; pfn + nr_pages <= zone_end_pfn(zone) && pfn + nr_pages > pfn; pfn += align) {
			int ret = alloc_contig_range(pgdat, pfn, pfn + nr_pages,
						     gfp_mask | __GFP_NOWARN);

			if (!ret)
				return pgdat_pfn_to_page(pgdat, pfn);
			if (ret == -EBUSY && contig_blocking_page && !blocker)
				blocker = contig_blocking_page;
		}
	}
	contig_blocking_page = blocker;
	return NULL;
}
