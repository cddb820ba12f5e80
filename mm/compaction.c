// SPDX-License-Identifier: GPL-2.0
/*
 * Memory compaction (Mel Gorman, Linux 2.6.35; Linux 6.x's structure and
 * names): move movable pages out of the way until free memory forms
 * large blocks.
 *
 * Two scanners walk a zone pageblock by pageblock towards each other:
 *
 *	zone start                                             zone end
 *	[migrate ->  M M . M U M . M ...        ... . . M . <- free]
 *
 *  - the migration scanner, from the zone start up, isolates the movable
 *    blocks it finds (isolate_migratepages(): PageMovable, the owner
 *    agreeing);
 *  - the free scanner, from the zone end down, takes free buddy blocks of
 *    movable pageblocks off the free lists (isolate_freepages(), kept
 *    by order in cc->freepages[] as Linux 6.9+) whenever the migration
 *    needs destinations;
 *  - migrate_pages() moves each isolated block into a destination
 *    (compaction_alloc(): the smallest free block of its order or larger,
 *    split as needed), and frees the old one, where it merges with its
 *    free neighbours.
 * Used pages pile up at the zone end, free ones at the start, until the
 * scanners meet (COMPACT_COMPLETE) or, for a request of some order, a free
 * block of that order exists (COMPACT_SUCCESS).  Free pages the free
 * scanner took and did not use go back to the buddy lists at the end.
 * Unmovable pages stay where they are; the pageblocks they sit in cannot
 * be cleared, which is why grouping by mobility packs them together.
 *
 * Direct compaction (try_to_compact_pages(), from the allocation slow
 * path) runs only for a request that can wait, only in a zone where
 * compaction_suitable() says the failure is fragmentation, not lack of
 * memory (the fragmentation index above extfrag_threshold), and is
 * deferred after failures: defer_compaction() skips the next 1, 2, 4 ...
 * 64 attempts at that order, compaction_defer_reset() ends it on success.
 */
#include <linux/compaction.h>
#include <linux/migrate.h>
#include <linux/vmstat.h>
#include <linux/mmdebug.h>
#include "internal.h"

int sysctl_extfrag_threshold = 500;
bool direct_compaction_enabled = true;

/* Linux's COMPACT_MAX_DEFER_SHIFT: at most 64 attempts skipped */
#define COMPACT_MAX_DEFER_SHIFT	6

struct compact_control {
	struct list_head freepages[MAX_ORDER];	/* free blocks taken, by order, as on the buddy lists */
	struct list_head migratepages;		/* isolated movable blocks, by lru */
	struct zone *zone;
	unsigned long migrate_pfn;	/* the next pageblock the migration scanner takes */
	unsigned long free_pfn;		/* the next pageblock the free scanner takes (going down) */
	int order;			/* the request's, or -1: the whole zone */
	gfp_t gfp_mask;
	struct compact_stats st;
};

/* ------------------------------------------------------------ deferral */

void defer_compaction(struct zone *zone, int order)
{
	zone->compact_considered = 0;
	zone->compact_defer_shift++;
	if (order < zone->compact_order_failed)
		zone->compact_order_failed = order;
	if (zone->compact_defer_shift > COMPACT_MAX_DEFER_SHIFT)
		zone->compact_defer_shift = COMPACT_MAX_DEFER_SHIFT;
}

bool compaction_deferred(struct zone *zone, int order)
{
	unsigned long defer_limit = 1UL << zone->compact_defer_shift;

	if (order < zone->compact_order_failed)
		return false;
	if (++zone->compact_considered >= defer_limit) {
		zone->compact_considered = defer_limit;
		return false;
	}
	return true;
}

void compaction_defer_reset(struct zone *zone, int order, bool alloc_success)
{
	if (alloc_success) {
		zone->compact_considered = 0;
		zone->compact_defer_shift = 0;
	}
	if (order >= zone->compact_order_failed)
		zone->compact_order_failed = order + 1;
}

/* ------------------------------------------------------------ suitability */

enum compact_result compaction_suitable(struct zone *zone, int order, unsigned int alloc_flags,
					int highest_zoneidx)
{
	unsigned long watermark;
	int fragindex;

	if (order < 0)
		return COMPACT_CONTINUE;
	if (zone_watermark_ok(zone, (unsigned int)order,
			      zone->_watermark[alloc_flags & ALLOC_WMARK_MASK], highest_zoneidx,
			      alloc_flags))
		return COMPACT_SUCCESS;
	/*
	 * Migration needs free pages to copy into: the order-0 watermark
	 * plus twice the request (Linux's compact_gap()), else no point.
	 */
	watermark = low_wmark_pages(zone) + (2UL << order);
	if (!zone_watermark_ok(zone, 0, watermark, highest_zoneidx, alloc_flags))
		return COMPACT_SKIPPED;
	/*
	 * Above PAGE_ALLOC_COSTLY_ORDER, an index at or below the threshold
	 * means the request fails for lack of memory: compaction would only
	 * move pages around.
	 */
	if (order > PAGE_ALLOC_COSTLY_ORDER) {
		fragindex = fragmentation_index(zone, (unsigned int)order);
		if (fragindex >= 0 && fragindex <= sysctl_extfrag_threshold)
			return COMPACT_NOT_SUITABLE_ZONE;
	}
	return COMPACT_CONTINUE;
}

/* ------------------------------------------------------------ the free scanner */

/* a pageblock the free scanner may take pages from (Linux's suitable_migration_target) */
static bool suitable_migration_target(const struct zone *zone, unsigned long pfn)
{
	int mt = zone_pfnblock_migratetype(zone, pfn);

	if (page_group_by_mobility_disabled)
		return mt != MIGRATE_ISOLATE && mt != MIGRATE_HIGHATOMIC;
	return mt == MIGRATE_MOVABLE;
}

/* the pfns of @zone in the pageblock at @block_pfn: [*start, *end) */
static void block_span(const struct zone *zone, unsigned long block_pfn, unsigned long *start,
		       unsigned long *end)
{
	*start = block_pfn < zone->zone_start_pfn ? zone->zone_start_pfn : block_pfn;
	*end = block_pfn + pageblock_nr_pages;
	if (*end > zone_end_pfn(zone))
		*end = zone_end_pfn(zone);
}

/* take every free buddy block of the pageblock at @block_pfn; returns pages taken */
static unsigned long isolate_freepages_block(struct compact_control *cc, unsigned long block_pfn)
{
	struct zone *zone = cc->zone;
	struct pglist_data *pgdat = zone->zone_pgdat;
	unsigned long pfn, start, end, flags, taken = 0;

	block_span(zone, block_pfn, &start, &end);
	spin_lock_irqsave(&zone->lock, flags);
	for (pfn = start; pfn < end; pfn++) {
		struct page *page = pgdat_pfn_to_page(pgdat, pfn);
		unsigned int order;

		cc->st.free_scanned++;
		if (!PageBuddy(page))
			continue;
		order = buddy_order(page);
		if (!__isolate_free_page(zone, page, order))
			break;		/* the zone is at its MIN mark */
		list_add_tail(&page->lru, &cc->freepages[order]);
		taken += 1UL << order;
		pfn += (1UL << order) - 1;
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	cc->st.isolated += taken;
	return taken;
}

/* the free scanner stepped below pfn 0 (a zone starting in the first pageblock) */
static bool free_scanner_wrapped(const struct compact_control *cc)
{
	return cc->free_pfn + pageblock_nr_pages < cc->free_pfn;
}

/*
 * isolate_freepages - the free scanner: pageblocks from cc->free_pfn down,
 * stopping above the migration scanner's block, until a free block of
 * @order or larger was taken.
 */
static void isolate_freepages(struct compact_control *cc, unsigned int order)
{
	unsigned long low_pfn = cc->migrate_pfn;	/* the block after the migration scanner's */
	unsigned int o;

	while (cc->free_pfn >= low_pfn && !free_scanner_wrapped(cc)) {
		unsigned long block = cc->free_pfn;

		cc->free_pfn -= pageblock_nr_pages;
		if (block < cc->zone->zone_start_pfn &&
		    block + pageblock_nr_pages <= cc->zone->zone_start_pfn)
			break;
		if (!suitable_migration_target(cc->zone, block < cc->zone->zone_start_pfn ?
					       cc->zone->zone_start_pfn : block))
			continue;
		if (!isolate_freepages_block(cc, block))
			continue;
		for (o = order; o < MAX_ORDER; o++)
			if (!list_empty(&cc->freepages[o]))
				return;
	}
}

/* new_page_t for migrate_pages(): a destination block of @src's order */
static struct page *compaction_alloc(struct page *src, unsigned long data)
{
	struct compact_control *cc = (struct compact_control *)data;
	unsigned int order = src->alloc_order, o;
	struct page *page;

	for (o = order; o < MAX_ORDER && list_empty(&cc->freepages[o]); o++)
		;
	if (o == MAX_ORDER) {
		isolate_freepages(cc, order);
		for (o = order; o < MAX_ORDER && list_empty(&cc->freepages[o]); o++)
			;
		if (o == MAX_ORDER)
			return NULL;
	}
	page = list_first_entry(&cc->freepages[o], struct page, lru);
	list_del(&page->lru);
	/* split: the upper halves go back to cc->freepages[], as expand() does */
	while (o > order) {
		o--;
		list_add(&page[1UL << o].lru, &cc->freepages[o]);
	}
	post_alloc_hook(page, order, GFP_HIGHUSER_MOVABLE);
	return page;
}

/* free_page_t for migrate_pages(): an unused destination goes back to cc->freepages[] */
static void compaction_free(struct page *page, unsigned long data)
{
	__free_pages(page, page->alloc_order);
}

/* the free blocks the free scanner took and migration did not use go back */
static void release_freepages(struct compact_control *cc)
{
	struct zone *zone = cc->zone;
	unsigned long flags;
	unsigned int o;

	spin_lock_irqsave(&zone->lock, flags);
	for (o = 0; o < MAX_ORDER; o++) {
		while (!list_empty(&cc->freepages[o])) {
			struct page *page = list_first_entry(&cc->freepages[o], struct page, lru);
			unsigned long pfn = page_to_pfn(page);

			list_del(&page->lru);
			__free_one_page(page, pfn, zone, o, zone_pfnblock_migratetype(zone, pfn));
			zone_free_pages_add(zone, 1L << o);
		}
	}
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* ------------------------------------------------------------ the migration scanner */

/*
 * isolate_migratepages_block - isolate the movable blocks of [@start, @end)
 * onto cc->migratepages.  Free blocks and allocated ones are stepped over
 * by their order.
 */
static void isolate_migratepages_block(struct compact_control *cc, unsigned long start,
				       unsigned long end)
{
	struct pglist_data *pgdat = cc->zone->zone_pgdat;
	unsigned long pfn;

	for (pfn = start; pfn < end; pfn++) {
		struct page *page = pgdat_pfn_to_page(pgdat, pfn);

		cc->st.migrate_scanned++;
		if (PageBuddy(page) || PagePcp(page)) {
			pfn += (1UL << page->private) - 1;
			continue;
		}
		if (PageReserved(page) || page_count(page) < 1)
			continue;
		if (isolate_movable_page(page)) {
			list_add_tail(&page->lru, &cc->migratepages);
			cc->st.isolated += 1UL << page->alloc_order;
		}
		pfn += (1UL << page->alloc_order) - 1;
	}
}

/* the migration scanner is past the free scanner's next block: nothing left to do */
static bool compact_scanners_met(const struct compact_control *cc)
{
	return cc->migrate_pfn > cc->free_pfn || free_scanner_wrapped(cc);
}

/* a free block of the order, of the request's type or one it may take (Linux's __compact_finished) */
static bool compact_finished_order(const struct compact_control *cc)
{
	unsigned int o;

	if (cc->order < 0)
		return false;
	for (o = (unsigned int)cc->order; o < MAX_ORDER; o++) {
		const struct free_area *area = &cc->zone->free_area[o];
		int mt = gfp_migratetype(cc->gfp_mask);
		bool can_steal;

		if (!free_area_empty(area, mt))
			return true;
		if (find_suitable_fallback(area, o, mt, true, &can_steal) != -1)
			return true;
	}
	return false;
}

static enum compact_result compact_zone(struct compact_control *cc)
{
	struct zone *zone = cc->zone;
	enum compact_result ret = COMPACT_COMPLETE;
	unsigned int o;

	for (o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&cc->freepages[o]);
	INIT_LIST_HEAD(&cc->migratepages);
	drain_all_pages(zone);
	cc->migrate_pfn = zone->zone_start_pfn;
	cc->free_pfn = pageblock_start_pfn(zone_end_pfn(zone) - 1);

	while (!compact_scanners_met(cc)) {
		unsigned long block = pageblock_start_pfn(cc->migrate_pfn), start, end;
		unsigned int moved;

		if (compact_finished_order(cc)) {
			ret = COMPACT_SUCCESS;
			break;
		}
		block_span(zone, block, &start, &end);
		cc->migrate_pfn = block + pageblock_nr_pages;
		isolate_migratepages_block(cc, start, end);
		if (list_empty(&cc->migratepages))
			continue;
		cc->st.failed += migrate_pages(&cc->migratepages, compaction_alloc, compaction_free,
					       (unsigned long)cc, MIGRATE_SYNC, MR_COMPACTION, &moved);
		cc->st.migrated += moved;
		if (!list_empty(&cc->migratepages)) {
			putback_movable_pages(&cc->migratepages);
			/* the free scanner ran out: nothing further up can move either */
			if (compact_scanners_met(cc))
				break;
		}
	}
	if (ret != COMPACT_SUCCESS && compact_finished_order(cc))
		ret = COMPACT_SUCCESS;
	release_freepages(cc);
	count_vm_events(COMPACTMIGRATE_SCANNED, cc->st.migrate_scanned);
	count_vm_events(COMPACTFREE_SCANNED, cc->st.free_scanned);
	count_vm_events(COMPACTISOLATED, cc->st.isolated);
	return ret;
}

enum compact_result compact_zone_order(struct zone *zone, int order, gfp_t gfp_mask,
				       struct compact_stats *st)
{
	struct compact_control cc = {
		.zone = zone, .order = order, .gfp_mask = gfp_mask,
	};
	enum compact_result ret;

	if (!populated_zone(zone) || !zone->managed_pages)
		return COMPACT_SKIPPED;
	ret = compact_zone(&cc);
	if (st)
		*st = cc.st;
	return ret;
}

void compact_node(struct pglist_data *pgdat)
{
	struct zone *zone;

	for_each_zone_pgdat(zone, pgdat)
		if (populated_zone(zone))
			compact_zone_order(zone, -1, GFP_KERNEL, NULL);
}

enum compact_result try_to_compact_pages(struct zone **zonelist, gfp_t gfp_mask,
					 unsigned int order, unsigned int alloc_flags,
					 int highest_zoneidx, struct zone **compacted)
{
	enum compact_result rc = COMPACT_SKIPPED;
	struct zone *zone;

	*compacted = NULL;
	if (!direct_compaction_enabled)
		return COMPACT_SKIPPED;
	for (; (zone = *zonelist) != NULL; zonelist++) {
		enum compact_result status;

		/*
		 * Suitability first (Linux asks compaction_deferred() first): a
		 * request that compaction could not help leaves the zone's
		 * deferral counters, like everything else, as they were.
		 */
		if (compaction_suitable(zone, (int)order, alloc_flags, highest_zoneidx) !=
		    COMPACT_CONTINUE)
			continue;
		if (compaction_deferred(zone, (int)order)) {
			rc = rc == COMPACT_SKIPPED ? COMPACT_DEFERRED : rc;
			continue;
		}
		status = compact_zone_order(zone, (int)order, gfp_mask, NULL);
		*compacted = zone;
		rc = status;
		if (status == COMPACT_SUCCESS) {
			compaction_defer_reset(zone, (int)order, false);
			break;
		}
	}
	return rc == COMPACT_DEFERRED ? COMPACT_SKIPPED : rc;
}
