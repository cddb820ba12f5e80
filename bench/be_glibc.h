/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Backend: glibc's aligned_alloc(4096, 4096 << order) and free(), what a
 * userspace programmer reaches for first.  Zeroed page: aligned_alloc +
 * bench_clear_page(), the same string store as Orderly's clear_page()
 * (glibc has no aligned calloc).
 *
 * Set up so that the benchmark measures the allocator, not the host's
 * page faults: every size up to order 10 (4 MiB) from the heap rather
 * than one mmap + munmap per allocation (M_MMAP_THRESHOLD fixed at
 * 32 MiB, which also stops glibc from moving it), and no trimming of the
 * heap top back to the kernel (M_TRIM_THRESHOLD); bench.c then warms the
 * heap with the benchmark's working set before anything is measured.
 */
#include <limits.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#define BE_NAME		"glibc"
#define BE_SIZED	0
#define BE_ZONE		0

static int be_setup(uint64_t bytes)
{
	if (!mallopt(M_MMAP_THRESHOLD, 32 << 20) || !mallopt(M_TRIM_THRESHOLD, INT_MAX))
		return -1;
	return 0;
}
static void be_teardown(void) { }
static inline void *be_alloc(unsigned int order) { return aligned_alloc(4096, 4096UL << order); }
static inline void be_free(void *h, unsigned int order) { free(h); }
static inline void *be_addr(void *h) { return h; }
static long be_capacity(unsigned int order) { return -1; }
static inline void *be_zalloc(void)
{
	void *p = aligned_alloc(4096, 4096);

	if (p)
		bench_clear_page(p);
	return p;
}
static inline void be_zfree(void *h) { free(h); }
static inline void *be_zaddr(void *h) { return h; }
