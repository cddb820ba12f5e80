/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Backend: glibc's aligned_alloc(4096, 4096 << order) and free(), what a
 * userspace programmer reaches for first.  Zeroed page: aligned_alloc +
 * memset (glibc has no aligned calloc).
 */
#include <stdlib.h>
#include <string.h>

#define BE_NAME		"glibc"
#define BE_SIZED	0
#define BE_ZONE		0

static int be_setup(uint64_t bytes) { return 0; }
static void be_teardown(void) { }
static inline void *be_alloc(unsigned int order) { return aligned_alloc(4096, 4096UL << order); }
static inline void be_free(void *h, unsigned int order) { free(h); }
static inline void *be_addr(void *h) { return h; }
static long be_capacity(unsigned int order) { return -1; }
static inline void *be_zalloc(void)
{
	void *p = aligned_alloc(4096, 4096);

	if (p)
		memset(p, 0, 4096);
	return p;
}
static inline void be_zfree(void *h) { free(h); }
static inline void *be_zaddr(void *h) { return h; }
