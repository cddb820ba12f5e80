/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fragmenting workload (mm/fragment.c), mmtests' stress-highalloc in
 * miniature, for the shell's `fragment` command, the host experiment
 * (bench/fragment.c) and the tests: fill a zone with interleaved movable
 * and unmovable order-0 allocations, free a share of each, and measure
 * how much of the free memory can then be allocated as order-9 blocks.
 */
#ifndef _LINUX_FRAGMENT_H
#define _LINUX_FRAGMENT_H

#include <linux/mmzone.h>

struct fragment_params {
	u32 seed;			/* the PRNG's (xorshift32) start, != 0 */
	unsigned int unmovable_pct;	/* share of allocations without __GFP_MOVABLE */
	unsigned int movable_free_pct;	/* share of the movable pages freed afterwards */
	unsigned int unmovable_free_pct;	/* share of the unmovable pages freed */
};

/* the shell's defaults: every movable page freed (its owner went away), half the unmovable */
#define FRAGMENT_MOVABLE_FREE_PCT	100
#define FRAGMENT_UNMOVABLE_FREE_PCT	50

struct fragment_result {
	unsigned long movable, unmovable;	/* pages allocated of each kind */
	unsigned long held_movable, held_unmovable;	/* still allocated afterwards */
};

/*
 * fragment_zone - allocate order-0 pages of @zone's node until the next
 * one would come from another zone or fail (GFP_KERNEL, with __GFP_MOVABLE
 * for all but @p->unmovable_pct percent of them, chosen by the PRNG),
 * then free the given shares of each kind, chosen by the PRNG too.  The
 * same seed and state give the same result.  The pages held are tagged
 * (page->private) so fragment_free_all() can find them; the movable ones
 * are __SetPageMovable(), so compaction can move them.  Per-cpu lists
 * are drained at the end, so the buddy lists show the result.  Returns 0,
 * or -EINVAL for a percentage above 100 or a zero seed.
 */
int fragment_zone(struct zone *zone, const struct fragment_params *p, struct fragment_result *r);
/* free every page fragment_zone() still holds in @zone; returns how many */
unsigned long fragment_free_all(struct zone *zone);
/*
 * order9_allocatable - allocate order-9 blocks (GFP_KERNEL|__GFP_MOVABLE)
 * from @zone until one fails or comes from another zone, free them all
 * again, and return how many pages they held.  Direct compaction is off
 * meanwhile: this measures the free lists as they are.
 */
unsigned long order9_allocatable(struct zone *zone);

#endif
