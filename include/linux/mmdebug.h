/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Debugging the page allocator (mm/debug.c): dump_page(), the
 * VM_BUG_ON family, the free-list checker and the GFP flag names.
 *
 * VM_BUG_ON*() are assertions about the allocator's OWN invariants: a
 * failure dumps the page and stops (BUG), because state that broke once
 * cannot be trusted.  With CONFIG_DEBUG_VM off (benchmarks build with
 * -DORDERLY_NO_DEBUG_VM) they compile to nothing but stay type-checked.
 * A caller's misuse is not an invariant failure: that is bad_page(),
 * a report that changes nothing (mm/internal.h).
 */
#ifndef _LINUX_MMDEBUG_H
#define _LINUX_MMDEBUG_H

#include <linux/kernel.h>
#include <linux/types.h>

struct page;
struct zone;
struct pglist_data;

#ifndef ORDERLY_NO_DEBUG_VM
#define CONFIG_DEBUG_VM 1
#endif

/*
 * check_pages_enabled - Linux 6.3's static key of the same name
 * (mm/page_alloc.c): check every page of a block taken off the free lists
 * (check_new_pages()), which makes an order-k allocation O(2^k).  As in
 * Linux it is on exactly when CONFIG_DEBUG_VM is; without it the check
 * does not exist.  The in-kernel benchmark clears it for a second pass of
 * its order sweep, to show the allocator's own cost next to the checked one.
 */
extern bool check_pages_enabled;

/*
 * The name reports give the running context (Linux's current->comm):
 * "swapper/0" until something (the shell) sets another.
 */
extern const char *current_comm;

/*
 * dump_page - print what the allocator knows about @page, Linux-style:
 *   page:<ptr> refcount:1 mapcount:0 mapping:NULL index:0x0 pfn:0x01234
 *   flags: 0x...(buddy|node=0|zone=1)
 *   state: free block order:3 zone:Normal virt:0xc1234000
 *   page dumped because: <reason>
 * (the "state:" line is ours: what the block around the page is).
 * @reason may be NULL.
 */
void dump_page(const struct page *page, const char *reason);

/*
 * check_zone - walk @zone's free lists and mem_map and report (KERN_ERR,
 * one line each) every broken invariant: a free block not aligned to its
 * order, outside the zone, not PG_buddy or with a wrong order, overlapping
 * another block, mergeable with a free buddy of the same order; nr_free
 * or free_pages not matching the lists; managed != free + allocated;
 * managed + reserved (incl. holes) != spanned.  Returns the error count.
 * verify_free_lists - check_zone() of every zone of @pgdat, summed.
 * Callers that rely on the state afterwards BUG_ON() a nonzero result.
 */
int check_zone(struct zone *zone);
int verify_free_lists(struct pglist_data *pgdat);

/*
 * GFP flags by name, Linux's order for %pGg: composite types first
 * (GFP_HIGHUSER, GFP_USER, GFP_KERNEL, GFP_NOFS, GFP_NOIO, GFP_DMA,
 * GFP_ATOMIC), then single bits.  format_gfp_flags() writes e.g.
 * "GFP_KERNEL|__GFP_ZERO" (leftover unknown bits as "0x40000"), returns
 * the length wanted (snprintf contract).  The shell parses with the same
 * table.
 */
struct gfp_flag_name {
	gfp_t mask;
	const char *name;
};
extern const struct gfp_flag_name gfpflag_names[];
extern const unsigned int nr_gfpflag_names;
int format_gfp_flags(char *buf, size_t size, gfp_t gfp);
/* %pGp: "head|slab|node=0|zone=1" (snprintf contract) */
int format_page_flags(char *buf, size_t size, const struct page *page);

#define BUILD_BUG_ON_INVALID(e)	((void)(sizeof((long)(e))))

#ifdef CONFIG_DEBUG_VM
#define VM_BUG_ON(cond)		BUG_ON(cond)
#define VM_BUG_ON_PAGE(cond, page)					\
	do {								\
		if (unlikely(cond)) {					\
			dump_page(page, "VM_BUG_ON_PAGE(" #cond ")");	\
			BUG();						\
		}							\
	} while (0)
#define VM_WARN_ON(cond)	WARN_ON(cond)
#define VM_WARN_ON_ONCE(cond)	WARN_ON_ONCE(cond)
#else
#define VM_BUG_ON(cond)			BUILD_BUG_ON_INVALID(cond)
#define VM_BUG_ON_PAGE(cond, page)	BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON(cond)		BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_ONCE(cond)		BUILD_BUG_ON_INVALID(cond)
#endif

#endif /* _LINUX_MMDEBUG_H */
