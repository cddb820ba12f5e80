// SPDX-License-Identifier: GPL-2.0
/*
 * A fragmenting workload: what grouping pages by mobility is for.
 *
 * Kernel memory that cannot move (page tables, slab, DMA buffers) is
 * allocated a page at a time, interleaved with the movable memory of
 * processes and the page cache.  When the movable memory goes away, an
 * unmovable page left in every 2 MiB stops any order-9 block from
 * forming, however much is free.  fragment_zone() plays that out on one
 * zone: order-0 allocations, a given share of them unmovable, until the
 * zone is full; then the movable ones (all, by default: their owners
 * exited) and half the unmovable ones are freed, picked at random.
 *
 * Without grouping (page_group_by_mobility=off) the unmovable pages end
 * up scattered through the zone.  With it they are packed into few
 * pageblocks, and the rest of the zone merges back into order-10 blocks.
 * order9_allocatable() measures the difference: the pages a run of
 * order-9 allocations gets before the first failure.
 *
 * The pages held are marked with FRAGMENT_TAG in page->private (the
 * owner's field while a page is allocated), so the workload needs no table
 * of its own, and fragment_free_all() finds them by walking the zone.
 * The movable ones are movable in Linux's non-LRU sense (linux/migrate.h):
 * compaction may move them, and the tag moves with them.
 */
#include <linux/fragment.h>
#include <linux/compaction.h>
#include <linux/migrate.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include "internal.h"

#define FRAGMENT_TAG		0x46524147UL	/* "FRAG" */
#define FRAGMENT_TAG_MOVABLE	(FRAGMENT_TAG + 1)

static u32 frag_rand(u32 *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

static bool fragment_page(const struct page *page)
{
	return !PageReserved(page) && !PageBuddy(page) && !PagePcp(page) && page_count(page) > 0 &&
	       (page->private == FRAGMENT_TAG || page->private == FRAGMENT_TAG_MOVABLE);
}

static bool fragment_isolate_page(struct page *page)
{
	return fragment_page(page) && page->private == FRAGMENT_TAG_MOVABLE;
}

static int fragment_migrate_page(struct page *dst, struct page *src)
{
	dst->private = FRAGMENT_TAG_MOVABLE;
	src->private = 0;
	return MIGRATEPAGE_SUCCESS;
}

static void fragment_putback_page(struct page *page)
{
}

static const struct movable_operations fragment_mops = {
	.isolate_page = fragment_isolate_page,
	.migrate_page = fragment_migrate_page,
	.putback_page = fragment_putback_page,
};

/* the tag gone, the page freed: it is no longer the workload's */
static void fragment_release(struct page *page)
{
	page->private = 0;
	__ClearPageMovable(page);
	__free_pages(page, 0);
}

int fragment_zone(struct zone *zone, const struct fragment_params *p, struct fragment_result *r)
{
	struct pglist_data *pgdat = zone->zone_pgdat;
	unsigned long pfn;
	u32 x = p->seed;

	if (!x || p->unmovable_pct > 100 || p->movable_free_pct > 100 || p->unmovable_free_pct > 100)
		return -EINVAL;
	memset(r, 0, sizeof(*r));
	for (;;) {
		bool unmovable = frag_rand(&x) % 100 < p->unmovable_pct;
		gfp_t gfp = GFP_KERNEL | __GFP_NOWARN | (unmovable ? 0 : __GFP_MOVABLE);
		struct page *page = __alloc_pages_node(pgdat, gfp, 0);

		if (!page)
			break;
		if (page_zone(page) != zone) {
			__free_pages(page, 0);
			break;
		}
		page->private = unmovable ? FRAGMENT_TAG : FRAGMENT_TAG_MOVABLE;
		if (!unmovable)
			__SetPageMovable(page, &fragment_mops);
		if (unmovable)
			r->unmovable++;
		else
			r->movable++;
	}
	for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++) {
		struct page *page = pgdat_pfn_to_page(pgdat, pfn);
		bool movable;

		if (!fragment_page(page))
			continue;
		movable = page->private == FRAGMENT_TAG_MOVABLE;
		if (frag_rand(&x) % 100 < (movable ? p->movable_free_pct : p->unmovable_free_pct))
			fragment_release(page);
		else if (movable) {
			r->held_movable++;
		} else {
			r->held_unmovable++;
		}
	}
	drain_zone_pages(zone);
	return 0;
}

unsigned long fragment_free_all(struct zone *zone)
{
	struct pglist_data *pgdat = zone->zone_pgdat;
	unsigned long pfn, n = 0;

	for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++) {
		struct page *page = pgdat_pfn_to_page(pgdat, pfn);

		if (!fragment_page(page))
			continue;
		fragment_release(page);
		n++;
	}
	drain_zone_pages(zone);
	return n;
}

unsigned long order9_allocatable(struct zone *zone)
{
	struct pglist_data *pgdat = zone->zone_pgdat;
	struct list_head got;
	struct page *page, *next;
	unsigned long pages = 0;
	bool direct = direct_compaction_enabled;

	/* the share the free lists give as they are: no compaction on the way */
	direct_compaction_enabled = false;
	INIT_LIST_HEAD(&got);
	for (;;) {
		page = __alloc_pages_node(pgdat, GFP_KERNEL | __GFP_MOVABLE | __GFP_NOWARN, 9);
		if (!page)
			break;
		if (page_zone(page) != zone) {
			__free_pages(page, 9);
			break;
		}
		list_add(&page->lru, &got);
		pages += 1UL << 9;
	}
	list_for_each_entry_safe(page, next, &got, lru)
		__free_pages(page, 9);
	direct_compaction_enabled = direct;
	return pages;
}
