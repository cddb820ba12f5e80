/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per physical page frame, in mem_map[].  Linux/i386 keeps
 * it at 32 bytes (0.78% of RAM); so do we, checked at compile time.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/kernel.h>

struct page {
	/*
	 * PG_* bits (page-flags.h) in the low bits; the node id and zone
	 * index in the top bits, written once by memmap init and never again.
	 */
	unsigned long flags;
	/*
	 * References to an allocated block, held on its first page only:
	 * 1 after alloc_pages(), +1 per get_page(); the block goes back to
	 * the allocator when it drops to 0.  Free pages, and the other pages
	 * of an allocated block, have 0.  PG_reserved pages have 1 forever.
	 */
	int _refcount;
	/*
	 * For the allocator while the page is PageBuddy(): the order of the
	 * free block it heads.  For the owner while the page is allocated.
	 */
	unsigned long private;
	/* Link in zone->free_area[order].free_list or a pcp list while free. */
	struct list_head lru;
	/* PageTail(): address of the head page with bit 0 set.  Else 0. */
	unsigned long compound_head;
	/*
	 * Head of an allocated block: the order it was allocated with, so a
	 * free with another order is caught.  Meaningless otherwise.
	 */
	unsigned char alloc_order;
	/* PageTail() of the first tail page: compound_order(head). */
	unsigned char compound_order;
	unsigned short _pad;
	/*
	 * Padding to a power of two - Linux/i386's 32 bytes, 64 on the
	 * 64-bit host build - so that page <-> pfn is a shift, not a
	 * division by 28, and no struct page straddles a cache line: the
	 * allocator's hot paths and a random free in a large mem_map touch
	 * one line, not two.  4 bytes per 4 KiB page (0.1%).  While the
	 * page heads a non-LRU movable block (PG_movable), Linux's
	 * page->mapping: the owner's movable_operations (linux/migrate.h).
	 */
	union {
		unsigned long _pad_pow2;
		unsigned long mapping;
	};
};

_Static_assert(sizeof(struct page) == 8 * sizeof(unsigned long),
	       "struct page is 32 bytes on i386 (Linux's size), 64 on a 64-bit host");

#endif
