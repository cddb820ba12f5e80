/* SPDX-License-Identifier: GPL-2.0 */
/* The Orderly backend's set-up and zone queries (bench/orderly_node.c). */
#ifndef _BENCH_ORDERLY_NODE_H
#define _BENCH_ORDERLY_NODE_H

int orderly_setup(unsigned long long bytes);
void orderly_teardown(void);
unsigned long orderly_lowmem_free_pages(void);
unsigned long orderly_pfn(const void *page);
void orderly_fill_prepare(void);
void orderly_fill_restore(void);
void orderly_free_area(unsigned long nr_free[11], unsigned long *pcp);
void orderly_drain(void);
int orderly_pcp_high(void);
int orderly_check(void);

#endif
