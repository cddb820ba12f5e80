/* SPDX-License-Identifier: GPL-2.0 */
/*
 * page_owner (mm/page_owner.c): who allocated each page.  Boot with
 * page_owner=on (Linux's parameter); off, nothing is allocated and the
 * allocator never calls in here (PGDAT_PAGE_OWNER is not set).
 *
 * Storage lies outside struct page, as Linux's page_ext: one record per
 * spanned pfn of a node plus a small stack depot (each distinct call
 * trace stored once, records hold a handle), in one block that the boot
 * code takes from memblock (page_ext_init()) and the tests from their own
 * arena (page_owner_attach()).
 */
#ifndef _LINUX_PAGE_OWNER_H
#define _LINUX_PAGE_OWNER_H

#include <linux/types.h>
#include <linux/gfp.h>

struct page;
struct pglist_data;

#define PAGE_OWNER_STACK_DEPTH	12
typedef u32 depot_stack_handle_t;	/* 0: no trace */

/* page_ext flags (Linux's PAGE_EXT_OWNER, PAGE_EXT_OWNER_ALLOCATED) */
#define PAGE_EXT_OWNER			0x1	/* the record is valid (allocated at least once) */
#define PAGE_EXT_OWNER_ALLOCATED	0x2	/* ... and the page is allocated now */

/* One pfn's record; a block of 2^order pages carries 2^order equal ones. */
struct page_owner {
	u64 ts_nsec;			/* ktime_get_ns() at allocation (host: a counter) */
	gfp_t gfp_mask;
	depot_stack_handle_t handle;	/* the allocation's call trace */
	u8 order;
	u8 migratetype;			/* gfp_migratetype() of the request */
	u8 flags;			/* PAGE_EXT_* */
};

/* bytes of storage page_owner needs for a node of @nr_pages pfns */
size_t page_owner_storage_size(unsigned long nr_pages);
/*
 * Give @pgdat its records in @mem (zeroed, page_owner_storage_size()
 * bytes for its spanned pages) and turn PGDAT_PAGE_OWNER on.  Call it
 * while no block of @pgdat is allocated, or those stay without a record.
 */
void page_owner_attach(struct pglist_data *pgdat, void *mem, size_t bytes);
/* boot, page_owner=on: the same with memory from memblock; 0 or -ENOMEM */
int page_ext_init(struct pglist_data *pgdat);

/* the allocator's hooks, taken only with PGDAT_PAGE_OWNER set */
void set_page_owner(struct page *page, unsigned int order, gfp_t gfp_mask);
void reset_page_owner(struct page *page, unsigned int order);
/* a block of 2^@old_order pages becomes blocks of 2^@new_order */
void split_page_owner(struct page *page, unsigned int old_order, unsigned int new_order);
/* migration: @newpage's block now holds what @oldpage's held, for the same owner */
void copy_page_owner(struct page *oldpage, struct page *newpage);

/* @page's record, NULL if page_owner is off for its node */
const struct page_owner *get_page_owner(const struct page *page);
/* the trace behind @handle of @page's node: fills @entries, returns how many */
unsigned int page_owner_stack(const struct page *page, depot_stack_handle_t handle,
			      unsigned long *entries, unsigned int max);
/*
 * Linux's /sys/kernel/debug/page_owner record of @page into @buf:
 * "Page allocated via order ..., mask ..., pid 0, ts ... ns", "PFN ...
 * type ... Block ... type ... Flags ...", then one line per trace entry.
 * Returns the length (snprintf contract).
 */
int print_page_owner(char *buf, size_t size, const struct page *page);
/* dump_page()'s addition: "page_owner tracks the page as allocated" + trace */
void dump_page_owner(const struct page *page);

#endif
