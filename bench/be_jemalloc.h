/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Backend: jemalloc's own sized API (Debian's libjemalloc, unprefixed):
 * mallocx(size, MALLOCX_ALIGN(4096)) and sdallocx(), which, like
 * __free_pages(), is told the size being freed.  MALLOCX_ZERO for the
 * zeroed page (its own way of zeroing is part of what is compared).
 *
 * No decay: dirty and muzzy pages are never purged back to the kernel
 * (jemalloc reads malloc_conf at its first allocation), so that after
 * bench.c's warm-up with the working set the timed loops reuse resident
 * memory instead of measuring the host's page faults.
 */
#include <jemalloc/jemalloc.h>

#define BE_NAME		"jemalloc"
#define BE_SIZED	0
#define BE_ZONE		0
#define JE_FLAGS	MALLOCX_ALIGN(4096)

const char *malloc_conf = "dirty_decay_ms:-1,muzzy_decay_ms:-1";

static int be_setup(uint64_t bytes) { return 0; }
static void be_teardown(void) { }
static inline void *be_alloc(unsigned int order) { return mallocx(4096UL << order, JE_FLAGS); }
static inline void be_free(void *h, unsigned int order) { sdallocx(h, 4096UL << order, JE_FLAGS); }
static inline void *be_addr(void *h) { return h; }
static long be_capacity(unsigned int order) { return -1; }
static inline void *be_zalloc(void) { return mallocx(4096, JE_FLAGS | MALLOCX_ZERO); }
static inline void be_zfree(void *h) { sdallocx(h, 4096, JE_FLAGS); }
static inline void *be_zaddr(void *h) { return h; }
