// SPDX-License-Identifier: GPL-2.0
/*
 * Page migration: move an allocated block to another place in memory while
 * its owner keeps using it (Linux's mm/migrate.c, non-LRU movable pages).
 *
 * An owner marks each block it can let move with __SetPageMovable(page,
 * mops).  Migration then runs in three steps, each the owner's to veto:
 *  1. isolate_movable_page(): the owner agrees to let the block go for now
 *     (mops->isolate_page); the block is PG_isolated, linked by its lru
 *     on the migrating caller's list (compaction, alloc_contig_range).
 *  2. migrate_pages(): for each block, a destination of the same order
 *     from the caller (compaction: the free scanner's pages), the contents
 *     copied page by page (copy_highpage(): through kmap for HighMem), then
 *     mops->migrate_page(dst, src) - from here on the owner uses dst - and
 *     the old block is freed.  A block that anyone else holds a reference
 *     to (page_count > 1: pinned, e.g. by get_page()) cannot move: its
 *     contents could change under the copy.  It stays where it is and
 *     counts in pgmigrate_fail.
 *  3. putback_movable_pages(): blocks that did not move go back to their
 *     owner (mops->putback_page).
 * The destination becomes movable by the same owner; the migrate type of
 * the allocation, and with page_owner=on the record of who allocated it,
 * are carried over.
 */
#include <linux/migrate.h>
#include <linux/highmem.h>
#include <linux/vmstat.h>
#include <linux/mmdebug.h>
#include <linux/page_owner.h>
#include "internal.h"

bool isolate_movable_page(struct page *page)
{
	if (!PageMovable(page) || PageIsolated(page) || page_count(page) < 1 || PageBuddy(page))
		return false;
	if (!page_movable_ops(page)->isolate_page(page))
		return false;
	__SetPageIsolated(page);
	return true;
}

void putback_movable_pages(struct list_head *l)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, l, lru) {
		list_del(&page->lru);
		__ClearPageIsolated(page);
		if (PageMovable(page))
			page_movable_ops(page)->putback_page(page);
	}
}

/* the one block @src (isolated) to @dst (allocated, same order): 0 or -EAGAIN/-EBUSY */
static int move_to_new_page(struct page *dst, struct page *src, unsigned int order)
{
	const struct movable_operations *mops = page_movable_ops(src);
	unsigned long i;
	int rc;

	if (page_count(src) != 1)
		return -EAGAIN;		/* pinned: someone else holds a reference */
	for (i = 0; i < (1UL << order); i++)
		copy_highpage(dst + i, src + i);
	set_page_alloc_migratetype(dst, page_alloc_migratetype(src));
	__SetPageMovable(dst, mops);
	rc = mops->migrate_page(dst, src);
	if (rc != MIGRATEPAGE_SUCCESS) {
		__ClearPageMovable(dst);
		return rc;
	}
	/* page_owner=on: the block was still allocated by its first owner's call */
	copy_page_owner(src, dst);
	return MIGRATEPAGE_SUCCESS;
}

/*
 * unmap_and_move - the isolated block @page to @dst: on success the old
 * block is freed and counted; else nothing changed for the owner and the
 * caller gives @dst back.
 */
static int unmap_and_move(struct page *dst, struct page *page)
{
	unsigned int order = page->alloc_order;
	int rc = move_to_new_page(dst, page, order);

	if (rc != MIGRATEPAGE_SUCCESS) {
		count_vm_events(PGMIGRATE_FAIL, 1UL << order);
		return rc;
	}
	__ClearPageMovable(page);
	__free_pages(page, order);
	count_vm_events(PGMIGRATE_SUCCESS, 1UL << order);
	return MIGRATEPAGE_SUCCESS;
}

int migrate_pages(struct list_head *from, new_page_t get_new_page, free_page_t put_new_page,
		  unsigned long private, enum migrate_mode mode, int reason,
		  unsigned int *nr_succeeded)
{
	struct page *page, *next, *dst;
	struct list_head failed;
	unsigned int succeeded = 0;
	int not_migrated = 0;

	INIT_LIST_HEAD(&failed);
	list_for_each_entry_safe(page, next, from, lru) {
		unsigned int order = page->alloc_order;

		VM_BUG_ON_PAGE(!PageIsolated(page), page);
		dst = NULL;
		if (PageMovable(page)) {
			dst = get_new_page(page, private);
			if (!dst)
				break;	/* nowhere to go: this and the rest stay, not failed */
		}
		list_del(&page->lru);
		if (!dst) {
			count_vm_events(PGMIGRATE_FAIL, 1UL << order);
		} else if (unmap_and_move(dst, page) == MIGRATEPAGE_SUCCESS) {
			succeeded += 1U << order;
			continue;
		} else {
			put_new_page(dst, private);
		}
		list_add_tail(&page->lru, &failed);
		not_migrated += 1 << order;
	}
	while (!list_empty(&failed))
		list_move(failed.prev, from);
	if (nr_succeeded)
		*nr_succeeded = succeeded;
	return not_migrated;
}

struct page *migrate_block(struct page *page, gfp_t gfp, const char **why)
{
	struct list_head l;
	struct page *dst;

	if (!PageMovable(page)) {
		*why = "not a movable block";
		return NULL;
	}
	if (page_count(page) != 1) {
		*why = "pinned: another reference holds it";
		return NULL;
	}
	if (!isolate_movable_page(page)) {
		*why = "its owner refused to let it go";
		return NULL;
	}
	dst = alloc_pages(gfp | __GFP_NOWARN, page->alloc_order);
	if (dst && unmap_and_move(dst, page) == MIGRATEPAGE_SUCCESS)
		return dst;
	if (dst)
		__free_pages(dst, dst->alloc_order);
	*why = dst ? "its owner refused the move" : "no free block of its order to move it to";
	INIT_LIST_HEAD(&l);
	list_add(&page->lru, &l);
	putback_movable_pages(&l);
	return NULL;
}
