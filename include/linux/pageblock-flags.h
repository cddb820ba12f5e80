/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pageblocks: the unit grouping by mobility works in.  A pageblock is
 * 2^pageblock_order pages, naturally aligned; its migrate type is kept in
 * NR_PAGEBLOCK_BITS bits of the zone's pageblock_flags bitmap, read and
 * written by get_pfnblock_migratetype() / set_pageblock_migratetype()
 * (mm/internal.h, mm/page_alloc.c) - Linux's layout and names.
 */
#ifndef _LINUX_PAGEBLOCK_FLAGS_H
#define _LINUX_PAGEBLOCK_FLAGS_H

/*
 * Linux: the huge page order (HUGETLB_PAGE_ORDER), 4 MiB pages on i386
 * without PAE: order 10, MAX_ORDER - 1, so a free block never spans two
 * pageblocks (include/linux/mmzone.h checks it).
 */
#define pageblock_order		10
#define pageblock_nr_pages	(1UL << pageblock_order)
#define pageblock_start_pfn(pfn)	((pfn) & ~(pageblock_nr_pages - 1))

/*
 * Bits 0-2: the migrate type; bit 3: Linux's PB_migrate_skip (compaction).
 * Linux packs NR_PAGEBLOCK_BITS = 4 per pageblock into longs; here each
 * pageblock has a byte (bits 4-7 unused): reading a type on every free is
 * then one byte load instead of a divide-into-word, shift and mask, for
 * 512 bytes more per zone.
 */
#define PB_migratetype_bits	3
#define NR_PAGEBLOCK_BITS	8
#define MIGRATETYPE_MASK	((1U << PB_migratetype_bits) - 1)

/*
 * pageblocks a zone can span: 4 GiB of pfns (64 GiB in the PAE kernel:
 * 16 KiB of flags per zone), plus one for an unaligned start
 */
#ifdef CONFIG_X86_PAE
#define MAX_ZONE_PAGEBLOCKS	((1UL << (36 - 12 - pageblock_order)) + 1)
#else
#define MAX_ZONE_PAGEBLOCKS	((1UL << (32 - 12 - pageblock_order)) + 1)
#endif

#endif
