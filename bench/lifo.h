/* SPDX-License-Identifier: GPL-2.0 */
/* The LIFO page-stack floor (bench/lifo.c). */
#ifndef _BENCH_LIFO_H
#define _BENCH_LIFO_H

struct lifo_block {
	struct lifo_block *next;	/* next free block of the same order */
	void *addr;			/* the block's memory, 4096 << order bytes */
};

struct lifo_block *lifo_alloc(unsigned int order);
void lifo_free(struct lifo_block *b, unsigned int order);
long lifo_capacity(unsigned int order);
int lifo_setup(unsigned long long bytes);
void lifo_teardown(void);

#endif
