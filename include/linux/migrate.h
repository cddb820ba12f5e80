/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page migration (mm/migrate.c): moving an allocated block to another
 * place in memory while its owner keeps using it.
 *
 * Orderly has no user processes and so no LRU pages; every movable page is
 * "non-LRU movable" in Linux's sense (zsmalloc, the balloon driver): its
 * owner marks it with __SetPageMovable(page, mops) and answers the three
 * calls of struct movable_operations.  The kernel's owners are the shell's
 * block table (kernel/shell_mm.c) and the fragmenting workload
 * (mm/fragment.c).
 */
#ifndef _LINUX_MIGRATE_H
#define _LINUX_MIGRATE_H

#include <linux/mm.h>
#include <linux/list.h>

#define MIGRATEPAGE_SUCCESS	0
#ifndef EAGAIN
#define EAGAIN	11	/* a reference pins the page: try later */
#endif

/*
 * What an owner of movable pages provides (Linux 6.x's names).
 * isolate_page: may @page be taken away for migration now?  false if the
 *	owner does not hold it (any more) or cannot let it go (e.g. mapped);
 * migrate_page: @src's contents are already in @dst (same order): the
 *	owner now refers to @dst; MIGRATEPAGE_SUCCESS, or an error and
 *	nothing changed;
 * putback_page: the migration of @page did not happen; it stays.
 */
struct movable_operations {
	bool (*isolate_page)(struct page *page);
	int (*migrate_page)(struct page *dst, struct page *src);
	void (*putback_page)(struct page *page);
};

/* Linux's PAGE_MAPPING_MOVABLE: the low bit pattern of page->mapping */
#define PAGE_MAPPING_MOVABLE	0x2UL
#define PAGE_MAPPING_FLAGS	0x3UL

/* @page (an allocated head) becomes movable by @mops' owner */
static inline void __SetPageMovable(struct page *page, const struct movable_operations *mops)
{
	page->mapping = (unsigned long)mops | PAGE_MAPPING_MOVABLE;
	__SetPageMovableOps(page);
}

/* the owner gives @page up (before freeing it) */
static inline void __ClearPageMovable(struct page *page)
{
	__ClearPageMovableOps(page);
	__ClearPageIsolated(page);
	page->mapping = 0;
}

static inline bool PageMovable(const struct page *page)
{
	return PageMovableOps(page) && (page->mapping & PAGE_MAPPING_FLAGS) == PAGE_MAPPING_MOVABLE;
}

static inline const struct movable_operations *page_movable_ops(const struct page *page)
{
	return (const struct movable_operations *)(page->mapping & ~PAGE_MAPPING_FLAGS);
}

/*
 * isolate_movable_page - take the movable block @page from its owner for
 * migration (PG_isolated); false if it is not movable, already isolated,
 * or its owner refuses.
 */
bool isolate_movable_page(struct page *page);
/* every page on @l (linked by lru) goes back to its owner, not moved */
void putback_movable_pages(struct list_head *l);

enum migrate_mode { MIGRATE_ASYNC, MIGRATE_SYNC_LIGHT, MIGRATE_SYNC };
enum migrate_reason { MR_COMPACTION, MR_CONTIG_RANGE, MR_SYSCALL };

/* a destination block of @src's order, or NULL; and giving an unused one back */
typedef struct page *new_page_t(struct page *src, unsigned long private);
typedef void free_page_t(struct page *page, unsigned long private);

/*
 * migrate_pages - move every isolated page on @from (linked by lru): a
 * destination from @get_new_page, the contents copied (through kmap for
 * HighMem), the owner's migrate_page() told, the old block freed.  A page
 * that cannot move (another reference pins it, the owner refuses) stays
 * on @from, counted in pgmigrate_fail; when @get_new_page has no more
 * destinations, that page and the rest stay on @from uncounted.  The
 * caller puts them back (putback_movable_pages).  Returns the pages that
 * failed to move; *@nr_succeeded (if set) the pages moved.
 */
int migrate_pages(struct list_head *from, new_page_t get_new_page, free_page_t put_new_page,
		  unsigned long private, enum migrate_mode mode, int reason,
		  unsigned int *nr_succeeded);

/*
 * migrate_block - move the one movable block @page to a destination
 * allocated with @gfp (the shell's `migrate`); the new head, or NULL with
 * nothing changed (*@why says why).
 */
struct page *migrate_block(struct page *page, gfp_t gfp, const char **why);

#endif /* _LINUX_MIGRATE_H */
