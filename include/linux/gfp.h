/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Getting pages: the GFP ("get free pages") flags and the page allocator's
 * API, with the names, values and contracts of Linux's <linux/gfp.h> as
 * Love's "Linux Kernel Development" describes them.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>
#include <linux/mmzone.h>

/* Zone modifiers: where the pages may come from (at most one of them) */
#define __GFP_DMA	0x01u	/* only ZONE_DMA */
#define __GFP_HIGHMEM	0x02u	/* ZONE_HIGHMEM allowed, then Normal, then DMA */
/* Mobility: which free lists the pages come from (grouping by mobility) */
#define __GFP_MOVABLE	0x08u	/* the owner can move or reclaim the pages at will */
/* Action modifiers: how the allocator may try */
#define __GFP_WAIT	0x10u	/* may sleep; nothing to wait for here (no reclaim) */
#define __GFP_HIGH	0x20u	/* may use emergency reserves (below min) */
#define __GFP_IO	0x40u	/* may start disk I/O */
#define __GFP_FS	0x80u	/* may start filesystem I/O */
#define __GFP_COLD	0x100u	/* cache-cold page wanted: tail of the pcp list */
#define __GFP_NOWARN	0x200u	/* no failure warning */
#define __GFP_REPEAT	0x400u	/* retry once */
#define __GFP_NOFAIL	0x800u	/* may not fail: every reserve, then BUG */
#define __GFP_NORETRY	0x1000u	/* fail at once */
#define __GFP_COMP	0x4000u	/* compound page: head + tails */
#define __GFP_ZERO	0x8000u	/* zero the pages */
#define __GFP_HARDWALL	0x20000u /* cpuset hardwall (accepted, no effect) */
#define __GFP_RECLAIMABLE 0x80000u /* freeable by a shrinker (slab caches) */

#define __GFP_BITS_MASK	(0x3ffffu | __GFP_RECLAIMABLE)

/* Types: the combinations callers use */
#define GFP_ATOMIC	(__GFP_HIGH)
#define GFP_NOIO	(__GFP_WAIT)
#define GFP_NOFS	(__GFP_WAIT | __GFP_IO)
#define GFP_KERNEL	(__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_USER	(__GFP_WAIT | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_HIGHUSER	(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE)
#define GFP_DMA		(__GFP_DMA)

/*
 * Which zone a mask may reach at most (Linux's gfp_zone()).  The two zone
 * modifier bits index GFP_ZONE_TABLE, a table of 2-bit zone numbers packed
 * in one integer, so the choice is a shift and a mask, no branch:
 *
 *	bits		zone		reason
 *	0		ZONE_NORMAL	ordinary kernel memory, direct-mapped
 *	__GFP_DMA	ZONE_DMA	ISA DMA reaches only the first 16 MiB
 *	__GFP_HIGHMEM	ZONE_HIGHMEM	the caller can kmap(): any zone will do
 *	both		(bad)		contradictory; GFP_ZONES_BAD has its bit
 *
 * The allocator then walks the zonelist from that zone downwards
 * (HighMem -> Normal -> DMA).  A bad combination is rejected by
 * alloc_pages() with a warning and NULL (Linux: VM_BUG_ON).
 */
#define GFP_ZONEMASK	(__GFP_DMA | __GFP_HIGHMEM)
#define GFP_ZONES_SHIFT	ZONES_SHIFT
#define GFP_ZONE_TABLE	((ZONE_NORMAL << (0 * GFP_ZONES_SHIFT)) |		\
			 (ZONE_DMA << (__GFP_DMA * GFP_ZONES_SHIFT)) |		\
			 (ZONE_HIGHMEM << (__GFP_HIGHMEM * GFP_ZONES_SHIFT)))
#define GFP_ZONES_BAD	(1u << (__GFP_DMA | __GFP_HIGHMEM))

static inline bool gfp_zone_bad(gfp_t flags)
{
	return (GFP_ZONES_BAD >> (flags & GFP_ZONEMASK)) & 1;
}

static inline enum zone_type gfp_zone(gfp_t flags)
{
	unsigned int bit = flags & GFP_ZONEMASK;

	return (enum zone_type)((GFP_ZONE_TABLE >> (bit * GFP_ZONES_SHIFT)) &
				((1u << GFP_ZONES_SHIFT) - 1));
}

/*
 * gfp_migratetype - the free lists a request prefers (Linux's
 * gfp_migratetype(), mm/page_alloc.c explains the grouping):
 * __GFP_MOVABLE -> MIGRATE_MOVABLE, __GFP_RECLAIMABLE ->
 * MIGRATE_RECLAIMABLE, neither -> MIGRATE_UNMOVABLE.  Both at once is a
 * caller bug (Linux warns and would index MIGRATE_HIGHATOMIC; so does
 * this).  With grouping disabled every request is MIGRATE_UNMOVABLE:
 * one set of lists, the plain buddy allocator.  The bit values are
 * those of Linux 2.6.24-4.3, whose layout this header keeps, so the
 * type is two shifts rather than Linux 4.4's single one.
 */
#define GFP_MOVABLE_MASK	(__GFP_RECLAIMABLE | __GFP_MOVABLE)
_Static_assert(__GFP_MOVABLE >> 3 == MIGRATE_MOVABLE, "__GFP_MOVABLE is bit 3");
_Static_assert(__GFP_RECLAIMABLE >> 18 == MIGRATE_RECLAIMABLE, "__GFP_RECLAIMABLE is bit 19");

/* the type the mobility bits ask for, grouping on: MIGRATE_HIGHATOMIC for both */
static inline unsigned int gfp_migratetype_bits(gfp_t flags)
{
	return ((flags & __GFP_MOVABLE) >> 3) | ((flags & __GFP_RECLAIMABLE) >> 18);
}

static inline int gfp_migratetype(gfp_t flags)
{
	if (unlikely(page_group_by_mobility_disabled))
		return MIGRATE_UNMOVABLE;
	return (int)gfp_migratetype_bits(flags);
}

/*
 * Instance-level entry points (mm/page_alloc.c): the allocator of one node.
 * The global API below is these applied to NODE_DATA(0).
 */
/*
 * __alloc_pages_node - alloc_pages() from the allocator instance @pgdat
 * (the kernel's node 0 or a test's private node).  Same contract as
 * alloc_pages().  There is no matching "__free_pages_node": a struct page
 * names its node in page->flags, so __free_pages()/put_page() find the
 * right instance by themselves.
 *
 * How a request is served (Linux 4.4's fast path / slow path, without
 * reclaim):
 *  1. gfp_zone() gives the highest zone allowed; the first populated
 *     zone of the zonelist at or below it is the preferred zone, whose
 *     index selects lowmem_reserve[] in every zone tried.
 *  2. Walk the zonelist with the LOW watermark.
 *  3. Walk it again with the MIN watermark, lowered by half for
 *     __GFP_HIGH (ALLOC_HIGH) and by another quarter when the caller
 *     cannot sleep (no __GFP_WAIT: ALLOC_HARDER) - so GFP_ATOMIC digs
 *     into the reserve that stops GFP_KERNEL.
 *  4. __GFP_NOFAIL: once more ignoring every watermark; if even that
 *     fails it is a BUG with a report (looping would hang the machine).
 *  5. Otherwise NULL, with Linux's "page allocation failure" warning
 *     unless __GFP_NOWARN.
 * __GFP_WAIT, __GFP_REPEAT and __GFP_NORETRY change nothing: this kernel
 * has no reclaim or compaction, so there is nothing to wait for and a
 * retry would see the same free lists.  __GFP_IO/__GFP_FS/__GFP_HARDWALL
 * are accepted for the same reason.  __GFP_COLD is for the per-CPU lists.
 */
struct page *__alloc_pages_node(struct pglist_data *pgdat, gfp_t gfp_mask,
				unsigned int order);

/*
 * alloc_pages - allocate 2^@order physically contiguous page frames.
 * The first pfn is a multiple of 2^@order (naturally aligned).  The zone
 * comes from @gfp_mask's zone modifier, falling back HighMem -> Normal ->
 * DMA within what the mask allows.  Returns the first page's struct page,
 * or NULL when no zone can serve it, or for an order >= MAX_ORDER (with a
 * warning).  A HighMem page has no address until kmap()ed.
 */
struct page *alloc_pages(gfp_t gfp_mask, unsigned int order);
#define alloc_page(gfp_mask)	alloc_pages(gfp_mask, 0)

/*
 * __get_free_pages - like alloc_pages(), returning the logical (direct-map)
 * address of the first page, or 0 on failure.  Never returns HighMem:
 * __GFP_HIGHMEM in @gfp_mask is a caller bug, warned about once and ignored.
 */
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
#define __get_free_page(gfp_mask)	__get_free_pages(gfp_mask, 0)

/* get_zeroed_page - one zero-filled lowmem page's address, or 0. */
unsigned long get_zeroed_page(gfp_t gfp_mask);

/*
 * __free_pages - drop a reference to the block at @page allocated with
 * @order; the block returns to the allocator when the count reaches 0.
 * A page that was not allocated, or a wrong @order, is reported
 * ("BUG: Bad page state ...") and nothing changes.
 */
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page)	__free_pages((page), 0)

/*
 * drain_all_pages - give every page on the per-CPU lists of @zone (NULL:
 * every zone of the kernel's node) back to the buddy lists, where they
 * merge (mm/page_pcp.c).  The allocator does it itself before failing.
 */
void drain_all_pages(struct zone *zone);

/* free_pages - __free_pages() by logical address; @addr == 0 does nothing. */
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr)		free_pages((addr), 0)

#endif /* _LINUX_GFP_H */
