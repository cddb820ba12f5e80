/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel command line, parsed once (kernel/params.c) into plain data.
 * Linux syntax: words separated by spaces, "name=value".  Unknown words and
 * bad values are reported and ignored.
 */
#ifndef _LINUX_PARAMS_H
#define _LINUX_PARAMS_H

#include <linux/types.h>

#define MAX_MEMMAP_RESERVE	16

struct kernel_params {
	u64 mem_limit;			/* mem=: 0 = no limit */
	u64 highmem_size;		/* highmem=: 0 = natural split */
	bool highmem_set;
	unsigned int nr_memmap;		/* memmap=<size>$<start> ranges */
	struct { u64 start, size; } memmap[MAX_MEMMAP_RESERVE];
	bool selftest;			/* run the in-kernel tests at boot */
	char selftest_suite[32];	/* selftest=<suite>: only that one */
	bool debug_pagealloc;		/* debug_pagealloc=on */
	bool page_poison;		/* page_poison=on */
	bool page_owner;		/* page_owner=on */
	bool no_mobility_grouping;	/* page_group_by_mobility=off */
	int loglevel;			/* loglevel=<0..8>, -1 = default */
	bool quiet;
	bool nosmp;			/* nosmp: only the boot CPU */
	int maxcpus;			/* maxcpus=N: start at most N CPUs; -1 = all */
	bool bench;			/* bench: run kernel/bench.c before the shell */
	bool slub_debug_set;		/* slub_debug or slub_debug=<flags>[,cache...] */
	char slub_debug[64];		/* its value ("" for the bare word: FZPU) */
	unsigned int nr_errors;		/* words rejected */
};

extern struct kernel_params kernel_params;

/* Parse @cmdline into @kp (zeroed first); returns the number of problems. */
int parse_kernel_params(const char *cmdline, struct kernel_params *kp);

#endif
