// SPDX-License-Identifier: GPL-2.0
/*
 * The floor: a LIFO stack of free page blocks per order, the O(1)
 * free-list allocator every page allocator is at least as slow as.
 * alloc pops the top block of its order's stack, free pushes it back;
 * nothing splits, merges, counts or checks.  The arena is carved once at
 * setup into fixed blocks (orders 4..10: a few each
 * within a quarter of it; orders 0..3 share the
 * rest in the proportions of the churn workload), so a workload can only
 * get as many blocks of an order as were carved.
 *
 * The two entry points are real out-of-line calls, like alloc_pages() and
 * __free_pages(): the comparison is between allocators with the same call
 * shape, not between a call and an inlined pointer swap.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "lifo.h"

#define LIFO_MAX_ORDER	11

static struct lifo_block *stack[LIFO_MAX_ORDER];
static long nr_carved[LIFO_MAX_ORDER];
static struct lifo_block *blocks;
static unsigned long nr_blocks;
static unsigned char *arena;
static size_t arena_bytes;

__attribute__((noinline)) struct lifo_block *lifo_alloc(unsigned int order)
{
	struct lifo_block *b = stack[order];

	if (b)
		stack[order] = b->next;
	return b;
}

__attribute__((noinline)) void lifo_free(struct lifo_block *b, unsigned int order)
{
	b->next = stack[order];
	stack[order] = b;
}

long lifo_capacity(unsigned int order)
{
	return order < LIFO_MAX_ORDER ? nr_carved[order] : 0;
}

static void carve(unsigned long *pfn, unsigned int order, long count, unsigned long limit)
{
	/* pushed in reverse so the stack hands out ascending addresses */
	unsigned long first = *pfn, n;
	long i;

	for (n = 0; n < (unsigned long)count && *pfn + (1UL << order) <= limit; n++)
		*pfn += 1UL << order;
	for (i = (long)n - 1; i >= 0; i--) {
		struct lifo_block *b = &blocks[nr_blocks++];

		b->addr = arena + ((first + ((unsigned long)i << order)) << 12);
		b->next = stack[order];
		stack[order] = b;
	}
	nr_carved[order] += (long)n;
}

int lifo_setup(unsigned long long bytes)
{
	unsigned long pages = bytes >> 12, pfn = 0, rest;
	/* page shares of orders 0..3 in the churn mix: 0.7*1, .15*2, .1*4, .05*8 */
	static const double share[4] = { 0.7 / 1.8, 0.3 / 1.8, 0.4 / 1.8, 0.4 / 1.8 };
	unsigned int o;

	lifo_teardown();
	arena_bytes = bytes;
	arena = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	blocks = calloc(pages, sizeof(*blocks));
	if (arena == MAP_FAILED || !blocks) {
		perror("lifo_setup");
		return -1;
	}
	/* pre-faulted, as Orderly's arena is (the fixture clears it): the
	 * timed loops then measure the stack, not the host's page faults */
	memset(arena, 0, bytes);
	/* the large orders first, naturally aligned, in at most a quarter */
	for (o = LIFO_MAX_ORDER - 1; o >= 4; o--)
		carve(&pfn, o, pages >= (64UL << o) ? 4 : 1, pages / 4);
	rest = pages - pfn;
	for (o = 3; o > 0; o--)
		carve(&pfn, o, (long)(rest * share[o]) >> o, pages);
	carve(&pfn, 0, (long)(pages - pfn), pages);
	return 0;
}

void lifo_teardown(void)
{
	if (arena && arena != MAP_FAILED)
		munmap(arena, arena_bytes);
	free(blocks);
	arena = NULL;
	blocks = NULL;
	nr_blocks = 0;
	memset(stack, 0, sizeof(stack));
	memset(nr_carved, 0, sizeof(nr_carved));
}
