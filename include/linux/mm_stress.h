/* SPDX-License-Identifier: GPL-2.0 */
/* The page allocator on every CPU at once (kernel/stress_smp.c). */
#ifndef _LINUX_MM_STRESS_H
#define _LINUX_MM_STRESS_H

#include <linux/types.h>

struct stress_smp_result {
	unsigned int cpus;		/* CPUs that ran */
	unsigned long ops;		/* stress: operations; bench: pairs */
	unsigned long allocs, failures;
	unsigned long bad_pages;	/* pages whose stamp was broken */
	unsigned long errors;		/* misaligned blocks */
	bool restored;			/* buddyinfo after drain == before */
	int check_errors;		/* verify_free_lists() */
	u64 ns;				/* wall time (bench: the slowest CPU's) */
};

/*
 * stress_smp - @ops_per_cpu random allocations and frees on each of up to
 * @cpus online CPUs at once; 0, or -EIO if a stamp broke, a block was
 * misaligned, buddyinfo was not restored or check_zone() failed.
 */
int stress_smp(unsigned int cpus, unsigned long ops_per_cpu, u32 seed, struct stress_smp_result *res);
/* bench_smp - @pairs_per_cpu order-0 pairs on each of up to @cpus CPUs at once, lists on or off */
int bench_smp(unsigned int cpus, unsigned long long pairs_per_cpu, bool nopcp,
	      struct stress_smp_result *res);

#endif
