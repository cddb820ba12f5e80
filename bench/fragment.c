// SPDX-License-Identifier: GPL-2.0
/*
 * The fragmentation experiment (make bench-fragment): the real mm/ over a
 * host arena laid out as a PC's node 0 (bench/orderly_node.c), the
 * fragmenting workload of mm/fragment.c on ZONE_NORMAL, and the share of
 * the zone's free memory that order-9 allocations then get - with
 * grouping by mobility off and on, at 5, 10 and 25% unmovable, at 512 MiB
 * and 2 GiB, over three seeds.  Mel Gorman's reference (grouping pages by
 * mobility v30, 2007): 1% of memory as huge pages without grouping, 40%
 * with it, after a workload on ppc64.
 *
 * A second workload keeps half the movable pages (their owners still
 * run), so that only moving them can help: grouping on without and with
 * compaction (mm/compaction.c, compact_zone_order() of the whole zone,
 * as /proc/sys/vm/compact_memory) before the order-9 allocations.
 *
 * Output: tables on stdout, CSV rows mem,unmovable_pct,series,seed,
 * free_pages,order9_pages,share on the file named by the first argument;
 * series "off" and "on" (every movable page freed), "held" and "compact"
 * (half of them held, grouping on, without and with compaction).
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/fragment.h>
#include <linux/compaction.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include "../mm/internal.h"
#include "orderly_node.h"

static const unsigned long long mems[] = { 512ULL << 20, 2048ULL << 20 };
static const unsigned int shares[] = { 5, 10, 25 };
#define NR_SEEDS	3

/*
 * One run: a fresh node, the workload, optionally compaction, the share.
 * Returns the share in percent, or -1 on an error.
 */
static double run_one(unsigned long long mem, unsigned int unmovable, u32 seed, bool grouping,
		      unsigned int movable_free, bool compact, FILE *csv, const char *series)
{
	struct fragment_params p = {
		.seed = seed, .unmovable_pct = unmovable,
		.movable_free_pct = movable_free,
		.unmovable_free_pct = FRAGMENT_UNMOVABLE_FREE_PCT,
	};
	struct fragment_result r;
	struct zone *zone;
	unsigned long free, o9;
	double share;

	if (orderly_setup(mem)) {
		fprintf(stderr, "fragment: cannot set up %llu MiB\n", mem >> 20);
		return -1;
	}
	page_group_by_mobility_disabled = !grouping;
	zone = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	if (fragment_zone(zone, &p, &r))
		return -1;
	if (compact)
		compact_zone_order(zone, -1, GFP_KERNEL, NULL);
	free = zone->free_pages;
	o9 = order9_allocatable(zone);
	share = free ? 100.0 * (double)o9 / (double)free : 0;
	if (orderly_check()) {
		fprintf(stderr, "fragment: verify_free_lists() found errors\n");
		return -1;
	}
	fragment_free_all(zone);
	if (orderly_check()) {
		fprintf(stderr, "fragment: verify_free_lists() found errors after free_all\n");
		return -1;
	}
	orderly_teardown();
	if (csv)
		fprintf(csv, "%llu,%u,%s,%u,%lu,%lu,%.2f\n", mem >> 20, unmovable, series, seed, free,
			o9, share);
	return share;
}

/*
 * One table: each memory size and unmovable share, two columns of
 * NR_SEEDS runs each (mean, min-max).  @held: half the movable pages stay
 * held, grouping on, the columns without and with compaction; else every
 * movable page is freed and the columns are grouping off and on.
 * Returns 0, or 1 on an error.
 */
static int table(FILE *csv, bool held)
{
	static const char * const series[2][2] = { { "off", "on" }, { "held", "compact" } };
	unsigned int m, s, g, seed;

	for (m = 0; m < ARRAY_SIZE(mems); m++) {
		for (s = 0; s < ARRAY_SIZE(shares); s++) {
			double mean[2] = { 0, 0 }, lo[2] = { 101, 101 }, hi[2] = { -1, -1 };

			for (g = 0; g < 2; g++) {
				for (seed = 1; seed <= NR_SEEDS; seed++) {
					double share = run_one(mems[m], shares[s], seed, held || g,
							       held ? 50 : FRAGMENT_MOVABLE_FREE_PCT,
							       held && g, csv, series[held][g]);

					if (share < 0)
						return 1;
					mean[g] += share / NR_SEEDS;
					if (share < lo[g])
						lo[g] = share;
					if (share > hi[g])
						hi[g] = share;
				}
			}
			printf("%-6s %8u%%  %5.1f%% (%4.1f-%4.1f)       %5.1f%% (%4.1f-%4.1f)\n",
			       mems[m] >> 30 ? "2G" : "512M", shares[s], mean[0], lo[0], hi[0],
			       mean[1], lo[1], hi[1]);
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	FILE *csv = argc > 1 ? fopen(argv[1], "w") : NULL;

	if (argc > 1 && !csv) {
		perror(argv[1]);
		return 1;
	}
	printf("Order-9 share of free ZONE_NORMAL memory after the fragmenting workload\n");
	printf("(all movable pages and half the unmovable ones freed; mean of %d seeds, min-max)\n",
	       NR_SEEDS);
	printf("%-6s %-10s %-24s %-24s\n", "mem", "unmovable", "grouping off", "grouping on");
	if (table(csv, false))
		return 1;
	printf("\nThe same with half the movable pages still held (grouping on): without and with\n"
	       "compaction of the zone before the order-9 allocations\n");
	printf("%-6s %-10s %-24s %-24s\n", "mem", "unmovable", "held", "held + compaction");
	if (table(csv, true))
		return 1;
	page_group_by_mobility_disabled = 0;
	if (csv)
		fclose(csv);
	return 0;
}
