// SPDX-License-Identifier: GPL-2.0
/*
 * Event counters and the fragmentation indices, Linux's mm/vmstat.c.
 *
 * /proc/vmstat prints one "name value" line per counter; here the
 * free-page count (nr_free_pages) and the events of migration and
 * compaction.  Linux keeps the events per CPU and sums them when read;
 * the allocator of this kernel runs on one CPU at a time, so one set.
 *
 * The two indices of /sys/kernel/debug/extfrag/ (Mel Gorman, 2.6.35)
 * tell why an allocation of a given order would fail, from the buddy
 * lists alone:
 *  - unusable_index = free pages in blocks smaller than the order,
 *    as a share of the free pages (0: all usable, 1: none);
 *  - extfrag_index (fragmentation_index()) = 1 - (1 + free pages /
 *    requested) / free blocks: near 0 the zone lacks memory, near 1 the
 *    memory is there but in pieces; -1 when a block of the order exists.
 * Compaction runs only when the index is above extfrag_threshold (500):
 * moving pages cannot help a zone that is merely full.
 */
#include <linux/vmstat.h>
#include <linux/compaction.h>
#include <linux/printk.h>
#include "internal.h"

unsigned long vm_event_states[NR_VM_EVENT_ITEMS];

const char * const vmstat_text[NR_VM_EVENT_ITEMS] = {
	[PGMIGRATE_SUCCESS]		= "pgmigrate_success",
	[PGMIGRATE_FAIL]		= "pgmigrate_fail",
	[COMPACTMIGRATE_SCANNED]	= "compact_migrate_scanned",
	[COMPACTFREE_SCANNED]		= "compact_free_scanned",
	[COMPACTISOLATED]		= "compact_isolated",
	[COMPACTSTALL]			= "compact_stall",
	[COMPACTFAIL]			= "compact_fail",
	[COMPACTSUCCESS]		= "compact_success",
};

void show_vmstat(struct pglist_data *pgdat)
{
	int i;

	printk("nr_free_pages %lu\n", pgdat_free_pages(pgdat));
	for (i = 0; i < NR_VM_EVENT_ITEMS; i++)
		printk("%s %lu\n", vmstat_text[i], vm_event_states[i]);
}

/* Linux's struct contig_page_info, from the buddy lists of one zone */
struct contig_page_info {
	unsigned long free_pages;
	unsigned long free_blocks_total;
	unsigned long free_blocks_suitable;	/* in units of 2^order */
};

static void fill_contig_page_info(const struct zone *zone, unsigned int suitable_order,
				  struct contig_page_info *info)
{
	unsigned int order;

	info->free_pages = 0;
	info->free_blocks_total = 0;
	info->free_blocks_suitable = 0;
	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long blocks = zone->free_area[order].nr_free;

		info->free_blocks_total += blocks;
		info->free_pages += blocks << order;
		if (order >= suitable_order)
			info->free_blocks_suitable += blocks << (order - suitable_order);
	}
}

static int __fragmentation_index(unsigned int order, const struct contig_page_info *info)
{
	unsigned long requested = 1UL << order;

	if (!info->free_blocks_total)
		return 0;
	if (info->free_blocks_suitable)
		return -1000;
	return 1000 - (int)((1000 + info->free_pages * 1000 / requested) / info->free_blocks_total);
}

int fragmentation_index(struct zone *zone, unsigned int order)
{
	struct contig_page_info info;

	fill_contig_page_info(zone, order, &info);
	return __fragmentation_index(order, &info);
}

int unusable_free_index(struct zone *zone, unsigned int order)
{
	struct contig_page_info info;

	fill_contig_page_info(zone, order, &info);
	if (!info.free_pages)
		return 1000;
	return (int)((info.free_pages - (info.free_blocks_suitable << order)) * 1000 /
		     info.free_pages);
}

/* "Node 0, zone   Normal -1.000 0.250 ..." as Linux's seq_printf("%2d.%03d ") */
static void show_index_line(struct pglist_data *pgdat, struct zone *zone, bool extfrag)
{
	char line[160];
	size_t len;
	unsigned int order;

	len = mm_bufcat(line, sizeof(line), 0, "Node %d, zone %8s ", pgdat->node_id, zone->name);
	for (order = 0; order < MAX_ORDER; order++) {
		int index = extfrag ? fragmentation_index(zone, order) : unusable_free_index(zone, order);

		if (index < 0)
			len = mm_bufcat(line, sizeof(line), len, "-%d.%03d ", -index / 1000,
					-index % 1000);
		else
			len = mm_bufcat(line, sizeof(line), len, extfrag ? "%2d.%03d " : "%d.%03d ",
					index / 1000, index % 1000);
	}
	printk("%s\n", line);
}

void show_extfrag(struct pglist_data *pgdat)
{
	struct zone *zone;

	printk("unusable_index:\n");
	for_each_zone_pgdat(zone, pgdat)
		if (populated_zone(zone))
			show_index_line(pgdat, zone, false);
	printk("extfrag_index:\n");
	for_each_zone_pgdat(zone, pgdat)
		if (populated_zone(zone))
			show_index_line(pgdat, zone, true);
}
