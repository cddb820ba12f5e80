/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory compaction (mm/compaction.c): moving movable pages out of the
 * way until free memory forms large blocks.  Linux 6.x's names.
 */
#ifndef _LINUX_COMPACTION_H
#define _LINUX_COMPACTION_H

#include <linux/mmzone.h>
#include <linux/gfp.h>

enum compact_result {
	COMPACT_NOT_SUITABLE_ZONE,	/* the zone lacks pages, not large blocks */
	COMPACT_SKIPPED,		/* not attempted (too little free, or not suitable) */
	COMPACT_DEFERRED,		/* skipped: recent failures at this order */
	COMPACT_CONTINUE,		/* go on scanning */
	COMPACT_COMPLETE,		/* both scanners met: the whole zone was done */
	COMPACT_PARTIAL_SKIPPED,	/* ran out of free pages to migrate to */
	COMPACT_SUCCESS,		/* a block of the order is free now */
};

/* Linux's sysctl vm.extfrag_threshold: compact only above this index */
extern int sysctl_extfrag_threshold;
/*
 * Orderly's switch for measurements without compaction (the fragment
 * workload's order-9 share, the experiment's "grouping on" series): the
 * allocation slow path compacts only while this is set.
 */
extern bool direct_compaction_enabled;

/*
 * fragmentation_index - Linux's __fragmentation_index() for a request of
 * @order in @zone, times 1000: -1000 when a free block of the order
 * exists (the request would succeed), towards 0 when it fails for lack of
 * memory, towards 1000 when it fails for fragmentation.
 */
int fragmentation_index(struct zone *zone, unsigned int order);
/*
 * unusable_free_index - the share of free memory (times 1000) in blocks
 * too small for @order: /sys/kernel/debug/extfrag/unusable_index.
 */
int unusable_free_index(struct zone *zone, unsigned int order);

/*
 * compaction_suitable - should @zone be compacted for an @order request
 * (with @alloc_flags, preferred zone @highest_zoneidx)?  COMPACT_SUCCESS
 * if it would succeed now; COMPACT_SKIPPED if the zone lacks the free
 * pages (order-0 watermark plus twice the request); COMPACT_NOT_SUITABLE_ZONE
 * if the fragmentation index says the failure is for lack of memory
 * (<= extfrag_threshold, above PAGE_ALLOC_COSTLY_ORDER); else COMPACT_CONTINUE.
 */
enum compact_result compaction_suitable(struct zone *zone, int order, unsigned int alloc_flags,
					int highest_zoneidx);

/* Linux's deferral: after a failure, skip 1, 2, 4 .. 64 attempts at that order and above */
void defer_compaction(struct zone *zone, int order);
bool compaction_deferred(struct zone *zone, int order);
void compaction_defer_reset(struct zone *zone, int order, bool alloc_success);

/* what one compact_zone() run did */
struct compact_stats {
	unsigned long migrate_scanned, free_scanned;
	unsigned long isolated;		/* movable pages taken for migration */
	unsigned long migrated, failed;	/* pages */
};

/*
 * compact_zone_order - compact @zone for an @order request (-1: the whole
 * zone, as /proc/sys/vm/compact_memory): drain the per-CPU lists, then the
 * migration scanner walks pageblocks up from the zone start, the free
 * scanner down from the zone end, movable pages move from the first to
 * the second until the scanners meet (or, for @order >= 0, a block of the
 * order is free).  @st, if set, gets the counts.
 */
enum compact_result compact_zone_order(struct zone *zone, int order, gfp_t gfp_mask,
				       struct compact_stats *st);
/* compact_zone_order(-1) on every populated zone of @pgdat */
void compact_node(struct pglist_data *pgdat);

/*
 * try_to_compact_pages - direct compaction for a failed @order request:
 * each zone of @zonelist (NULL-terminated) that compaction_suitable()
 * accepts and that is not deferred; stops at the first that reports
 * COMPACT_SUCCESS.  *@compacted: the last zone compacted, for the caller's
 * defer_compaction() if allocating still fails.  COMPACT_SKIPPED when no
 * zone was compacted.
 */
enum compact_result try_to_compact_pages(struct zone **zonelist, gfp_t gfp_mask,
					 unsigned int order, unsigned int alloc_flags,
					 int highest_zoneidx, struct zone **compacted);

#endif /* _LINUX_COMPACTION_H */
