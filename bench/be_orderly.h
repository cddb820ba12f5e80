/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Backend: Orderly's page allocator - the real mm/ sources, built -O2
 * with ORDERLY_NO_DEBUG_VM (no VM_BUG_ON checks; the misuse checks of the
 * free path stay, they are part of the API) - through its public API:
 * alloc_pages(GFP_KERNEL | __GFP_NOWARN, order), __free_pages(), get_zeroed_page() and
 * free_page().  The node is the kernel's node 0 over a host arena.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include "orderly_node.h"

#define BE_NAME		"orderly"
#define BE_SIZED	1
#define BE_ZONE		1

static int be_setup(uint64_t bytes) { return orderly_setup(bytes); }
/*
 * verify_free_lists() over the node (mm/debug.c): a benchmark of an
 * allocator whose lists are corrupt measures nothing, so an error ends
 * the run with exit status 1 (bench-smoke then fails), naming the
 * workload after which it was found.
 */
static void be_check(const char *after)
{
	int errors = orderly_check();

	if (errors) {
		fprintf(stderr, "bench[orderly]: verify_free_lists() found %d errors after %s\n",
			errors, after);
		exit(1);
	}
}
static void be_teardown(void) { orderly_teardown(); }
/* __GFP_NOWARN: only the failing request of workload 5 would warn */
static inline void *be_alloc(unsigned int order) { return alloc_pages(GFP_KERNEL | __GFP_NOWARN, order); }
static inline void be_free(void *h, unsigned int order) { __free_pages(h, order); }
static inline void *be_addr(void *h) { return page_address(h); }
/* what GFP_KERNEL can get, less a margin for the MIN watermark */
static long be_capacity(unsigned int order)
{
	unsigned long free = orderly_lowmem_free_pages();

	return (long)((free - free / 16) >> order);
}
static inline void *be_zalloc(void) { return (void *)get_zeroed_page(GFP_KERNEL); }
static inline void be_zfree(void *h) { free_page((unsigned long)h); }
static inline void *be_zaddr(void *h) { return h; }

static unsigned long be_total_pages(void) { return orderly_lowmem_free_pages(); }
static unsigned long be_pfn(void *h) { return orderly_pfn(h); }
static void be_fill_prepare(void) { orderly_fill_prepare(); }
static void be_fill_restore(void) { orderly_fill_restore(); }
static void be_free_area(unsigned long nr_free[11], unsigned long *pcp) { orderly_free_area(nr_free, pcp); }
static void be_drain(void) { orderly_drain(); }
static int be_pcp_high(void) { return orderly_pcp_high(); }
