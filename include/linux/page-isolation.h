/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page isolation and contiguous allocation (mm/page_isolation.c),
 * Linux's names: the engine under CMA.
 */
#ifndef _LINUX_PAGE_ISOLATION_H
#define _LINUX_PAGE_ISOLATION_H

#include <linux/mmzone.h>
#include <linux/gfp.h>

/*
 * start_isolate_page_range - every pageblock of [@start_pfn, @end_pfn)
 * (pageblock aligned, in one zone) becomes MIGRATE_ISOLATE, its free pages
 * moved to the ISOLATE lists, so nothing is allocated from it; the old
 * types are saved in @saved (one per pageblock) for undo.  0, or -EBUSY
 * (a pageblock holds an unmovable page: nothing changed).
 */
int start_isolate_page_range(struct zone *zone, unsigned long start_pfn, unsigned long end_pfn,
			     unsigned char *saved);
/* the pageblocks go back to their @saved types, their free pages too */
void undo_isolate_page_range(struct zone *zone, unsigned long start_pfn, unsigned long end_pfn,
			     const unsigned char *saved);

/*
 * alloc_contig_range - the pages [@start, @end) of one zone, allocated as
 * @end - @start order-0 pages (refcount 1 each): the pageblocks around the
 * range are isolated, every movable page inside is migrated out, and the
 * then free pages are taken.  0, -EINVAL (not one zone, a hole, empty),
 * -EBUSY (an unmovable or pinned page inside: reported with dump_page and
 * nothing changed) or -ENOMEM (nowhere to migrate to).
 */
int alloc_contig_range(struct pglist_data *pgdat, unsigned long start, unsigned long end,
		       gfp_t gfp_mask);
/* give back what alloc_contig_range() / alloc_contig_pages() returned */
void free_contig_range(struct pglist_data *pgdat, unsigned long pfn, unsigned long nr_pages);

/*
 * alloc_contig_pages - @nr_pages physically contiguous pages from the
 * zones @gfp_mask allows (highest first), trying each aligned candidate
 * range of movable pageblocks; the first page, or NULL.
 */
struct page *alloc_contig_pages(struct pglist_data *pgdat, unsigned long nr_pages,
				gfp_t gfp_mask);

/* the page that made the last alloc_contig_range() fail with -EBUSY, or NULL */
extern const struct page *contig_blocking_page;

#endif /* _LINUX_PAGE_ISOLATION_H */
