/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Backend: mimalloc's aligned API (Debian's libmimalloc):
 * mi_malloc_aligned(size, 4096), mi_free_size_aligned(), and
 * mi_zalloc_aligned() for the zeroed page (its own way of zeroing is
 * part of what is compared).
 *
 * No decommit (mi_option_allow_decommit off, mimalloc 2.0): freed
 * segments stay committed, so that after bench.c's warm-up with the
 * working set the timed loops reuse resident memory instead of measuring
 * the host's page faults.
 */
#include <mimalloc.h>

#define BE_NAME		"mimalloc"
#define BE_SIZED	0
#define BE_ZONE		0

static int be_setup(uint64_t bytes)
{
	mi_option_disable(mi_option_allow_decommit);
	return 0;
}
static void be_teardown(void) { }
static inline void *be_alloc(unsigned int order) { return mi_malloc_aligned(4096UL << order, 4096); }
static inline void be_free(void *h, unsigned int order) { mi_free_size_aligned(h, 4096UL << order, 4096); }
static inline void *be_addr(void *h) { return h; }
static long be_capacity(unsigned int order) { return -1; }
static inline void *be_zalloc(void) { return mi_zalloc_aligned(4096, 4096); }
static inline void be_zfree(void *h) { mi_free_size_aligned(h, 4096, 4096); }
static inline void *be_zaddr(void *h) { return h; }
