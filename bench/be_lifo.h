/* SPDX-License-Identifier: GPL-2.0 */
/* Backend: the LIFO page stack (the floor). */
#include <string.h>
#include "lifo.h"

#define BE_NAME		"lifo"
#define BE_SIZED	1
#define BE_ZONE		0

static int be_setup(uint64_t bytes) { return lifo_setup(bytes); }
static void be_teardown(void) { lifo_teardown(); }
static inline void *be_alloc(unsigned int order) { return lifo_alloc(order); }
static inline void be_free(void *h, unsigned int order) { lifo_free(h, order); }
static inline void *be_addr(void *h) { return ((struct lifo_block *)h)->addr; }
static long be_capacity(unsigned int order) { return lifo_capacity(order); }

/* get_zeroed_page for a bare stack: pop, then the same clear_page() */
static inline void *be_zalloc(void)
{
	struct lifo_block *b = lifo_alloc(0);

	if (!b)
		return NULL;
	bench_clear_page(b->addr);
	return b;
}
static inline void be_zfree(void *h) { lifo_free(h, 0); }
static inline void *be_zaddr(void *h) { return ((struct lifo_block *)h)->addr; }
