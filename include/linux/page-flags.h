/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page flags and the predicates that read them: PageBuddy(page) and so on.
 * The top of page->flags holds the zone index and the node id (Linux's
 * ZONES_PGSHIFT / NODES_PGSHIFT) so that page_zone() needs no search.
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/mm_types.h>

enum pageflags {
	PG_reserved,	/* never given to the allocator: hole, firmware, kernel, mem_map */
	PG_buddy,	/* first page of a free block on free_area[page->private] */
	PG_pcp,		/* heads a free block of order <= 3 on a per-cpu list (order in private) */
	PG_head,	/* first page of a __GFP_COMP compound page */
	PG_tail,	/* other pages of a compound page */
	PG_poisoned,	/* page_poison=on: filled with PAGE_POISON since it was freed */
	PG_zeroed,	/* contents known to be zero (not relied on for __GFP_ZERO) */
	PG_slab,	/* heads a slab: struct slab (mm/slab.h) overlays the page */
	PG_movable,	/* heads a non-LRU movable block: page->mapping is its movable_operations */
	PG_isolated,	/* a movable block taken by compaction/migration (include/linux/migrate.h) */
	__NR_PAGEFLAGS
};

#define BITS_PER_LONG	(sizeof(unsigned long) * 8)
#define ZONES_SHIFT	2
#define NODES_SHIFT	3
#define ZONES_PGSHIFT	(BITS_PER_LONG - ZONES_SHIFT)
#define NODES_PGSHIFT	(ZONES_PGSHIFT - NODES_SHIFT)
#define ZONES_MASK	((1UL << ZONES_SHIFT) - 1)
#define NODES_MASK	((1UL << NODES_SHIFT) - 1)

/*
 * Below the node: the migrate type an allocated block was asked for
 * (gfp_migratetype()), on its head page.  Linux keeps it with page_owner;
 * here stealing a pageblock counts the movable pages by it, and dump_page()
 * reports it.  Stale (and meaningless) while the page is free.
 */
#define ALLOC_MT_SHIFT		3
#define ALLOC_MT_PGSHIFT	(NODES_PGSHIFT - ALLOC_MT_SHIFT)
#define ALLOC_MT_MASK		((1UL << ALLOC_MT_SHIFT) - 1)

_Static_assert(__NR_PAGEFLAGS <= 32 - ZONES_SHIFT - NODES_SHIFT - ALLOC_MT_SHIFT,
	       "page flags collide with the migrate type, node and zone bits");

#define __PAGEFLAG(uname, lname)					\
static inline bool Page##uname(const struct page *page)		\
{ return (page->flags >> PG_##lname) & 1; }				\
static inline void __SetPage##uname(struct page *page)		\
{ page->flags |= 1UL << PG_##lname; }				\
static inline void __ClearPage##uname(struct page *page)		\
{ page->flags &= ~(1UL << PG_##lname); }

__PAGEFLAG(Reserved, reserved)
__PAGEFLAG(Buddy, buddy)
__PAGEFLAG(Pcp, pcp)
__PAGEFLAG(Head, head)
__PAGEFLAG(Tail, tail)
__PAGEFLAG(Poisoned, poisoned)
__PAGEFLAG(Zeroed, zeroed)
__PAGEFLAG(Slab, slab)
__PAGEFLAG(MovableOps, movable)
__PAGEFLAG(Isolated, isolated)

/* Linux's spelling for the reserved bit's non-atomic setters */
#define SetPageReserved(p)	__SetPageReserved(p)
#define ClearPageReserved(p)	__ClearPageReserved(p)

static inline unsigned int page_zonenum(const struct page *page)
{
	return (page->flags >> ZONES_PGSHIFT) & ZONES_MASK;
}

static inline int page_to_nid(const struct page *page)
{
	return (page->flags >> NODES_PGSHIFT) & NODES_MASK;
}

static inline unsigned int page_alloc_migratetype(const struct page *page)
{
	return (page->flags >> ALLOC_MT_PGSHIFT) & ALLOC_MT_MASK;
}

static inline void set_page_alloc_migratetype(struct page *page, unsigned int migratetype)
{
	page->flags = (page->flags & ~(ALLOC_MT_MASK << ALLOC_MT_PGSHIFT)) |
		      ((unsigned long)migratetype << ALLOC_MT_PGSHIFT);
}

static inline void set_page_links(struct page *page, unsigned int zone, int nid)
{
	page->flags &= ~((ZONES_MASK << ZONES_PGSHIFT) | (NODES_MASK << NODES_PGSHIFT));
	page->flags |= ((unsigned long)zone << ZONES_PGSHIFT) |
		       ((unsigned long)nid << NODES_PGSHIFT);
}

#endif
