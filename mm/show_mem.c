// SPDX-License-Identifier: GPL-2.0
/*
 * The allocator's state in Linux's /proc formats: buddyinfo, pagetypeinfo,
 * zoneinfo, meminfo, the boot log's "Zone ranges:" block and the free-area
 * summary printed after an allocation failure.  Field names, order and widths
 * follow Linux (mm/vmstat.c, fs/proc/meminfo.c, mm/page_alloc.c), so a
 * reader can compare the output with a real machine's line by line.
 */
#include <linux/mm.h>
#include <linux/vmstat.h>
#include "internal.h"
#include "slab.h"

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

unsigned long pgdat_free_pages(const struct pglist_data *pgdat)
{
	unsigned long n = 0;
	int i;

	for (i = 0; i < MAX_NR_ZONES; i++)
		n += pgdat->node_zones[i].free_pages;
	return n;
}

/* pages on the per-CPU lists, which free_pages leaves out (as Linux's NR_FREE_PAGES) */
unsigned long pgdat_pcp_pages(const struct pglist_data *pgdat)
{
	unsigned long n = 0;
	int i;

	for (i = 0; i < MAX_NR_ZONES; i++)
		n += (unsigned long)zone_pcp_pages(&pgdat->node_zones[i]);
	return n;
}

unsigned long pgdat_managed_pages(const struct pglist_data *pgdat)
{
	unsigned long n = 0;
	int i;

	for (i = 0; i < MAX_NR_ZONES; i++)
		n += pgdat->node_zones[i].managed_pages;
	return n;
}

unsigned long pgdat_high_managed_pages(const struct pglist_data *pgdat)
{
	return pgdat->node_zones[ZONE_HIGHMEM].managed_pages;
}

unsigned long pgdat_high_free_pages(const struct pglist_data *pgdat)
{
	return pgdat->node_zones[ZONE_HIGHMEM].free_pages;
}

/* mm/vmstat.c frag_show_print(): populated zones only */
void show_buddyinfo(struct pglist_data *pgdat)
{
	const struct zone *zone;
	unsigned int order;

	for_each_zone_pgdat(zone, pgdat) {
		char line[128];
		size_t len;

		if (!populated_zone(zone))
			continue;
		len = mm_bufcat(line, sizeof(line), 0, "Node %d, zone %8s ", pgdat->node_id, zone->name);
		for (order = 0; order < MAX_ORDER; order++)
			len = mm_bufcat(line, sizeof(line), len, "%6lu ",
					 zone->free_area[order].nr_free);
		printk("%s\n", line);
	}
}

/*
 * mm/vmstat.c pagetypeinfo_show(): the pageblock size, free blocks per
 * migrate type and order (pagetypeinfo_showfree), and pageblocks per type
 * (pagetypeinfo_showblockcount), for the populated zones.
 */
void show_pagetypeinfo(struct pglist_data *pgdat)
{
	const struct zone *zone;
	char line[192];
	size_t len;
	unsigned int order;
	int mt;

	printk("Page block order: %d\n", pageblock_order);
	printk("Pages per block:  %lu\n", pageblock_nr_pages);
	printk("\n");
	len = mm_bufcat(line, sizeof(line), 0, "%-43s ", "Free pages count per migrate type at order");
	for (order = 0; order < MAX_ORDER; order++)
		len = mm_bufcat(line, sizeof(line), len, "%6d ", order);
	printk("%s\n", line);
	for_each_zone_pgdat(zone, pgdat) {
		if (!populated_zone(zone))
			continue;
		for (mt = 0; mt < MIGRATE_TYPES; mt++) {
			len = mm_bufcat(line, sizeof(line), 0, "Node %4d, zone %8s, type %12s ",
					pgdat->node_id, zone->name, migratetype_names[mt]);
			for (order = 0; order < MAX_ORDER; order++) {
				const struct list_head *pos;
				unsigned long n = 0;

				list_for_each(pos, &zone->free_area[order].free_list[mt])
					n++;
				len = mm_bufcat(line, sizeof(line), len, "%6lu ", n);
			}
			printk("%s\n", line);
		}
	}
	len = mm_bufcat(line, sizeof(line), 0, "\n%-23s", "Number of blocks type ");
	for (mt = 0; mt < MIGRATE_TYPES; mt++)
		len = mm_bufcat(line, sizeof(line), len, "%12s ", migratetype_names[mt]);
	printk("%s\n", line);
	for_each_zone_pgdat(zone, pgdat) {
		unsigned long count[MIGRATE_TYPES] = { 0 }, pfn;

		if (!populated_zone(zone))
			continue;
		for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn += pageblock_nr_pages)
			count[zone_pfnblock_migratetype(zone, pfn)]++;
		len = mm_bufcat(line, sizeof(line), 0, "Node %d, zone %8s ", pgdat->node_id, zone->name);
		for (mt = 0; mt < MIGRATE_TYPES; mt++)
			len = mm_bufcat(line, sizeof(line), len, "%12lu ", count[mt]);
		printk("%s\n", line);
	}
}

void buddyinfo_snapshot(struct pglist_data *pgdat, unsigned long out[MAX_NR_ZONES][MAX_ORDER])
{
	int z;
	unsigned int order;

	for (z = 0; z < MAX_NR_ZONES; z++)
		for (order = 0; order < MAX_ORDER; order++)
			out[z][order] = pgdat->node_zones[z].free_area[order].nr_free;
}

/* mm/vmstat.c zoneinfo_show_print(), the fields this allocator has */
void show_zoneinfo(struct pglist_data *pgdat)
{
	const struct zone *zone;
	int i;

	for_each_zone_pgdat(zone, pgdat) {
		char line[96];
		size_t len;

		printk("Node %d, zone %8s\n", pgdat->node_id, zone->name);
		printk("  pages free     %lu\n", zone->free_pages);
		printk("        min      %lu\n", min_wmark_pages(zone));
		printk("        low      %lu\n", low_wmark_pages(zone));
		printk("        high     %lu\n", high_wmark_pages(zone));
		printk("        spanned  %lu\n", zone->spanned_pages);
		printk("        present  %lu\n", zone->present_pages);
		printk("        managed  %lu\n", zone->managed_pages);
		len = mm_bufcat(line, sizeof(line), 0, "        protection: (%ld", zone->lowmem_reserve[0]);
		for (i = 1; i < MAX_NR_ZONES; i++)
			len = mm_bufcat(line, sizeof(line), len, ", %ld", zone->lowmem_reserve[i]);
		printk("%s)\n", line);
		if (populated_zone(zone)) {
			printk("  pagesets\n");
			for (i = 0; i < (int)nr_cpu_ids; i++)
				printk("    cpu: %d\n              count: %d\n              high:  %d\n              batch: %d\n",
				       i, zone->pcp[i].count, zone->pcp[i].high, zone->pcp[i].batch);
		}
		printk("  start_pfn:           %lu\n", zone->zone_start_pfn);
	}
}

/* fs/proc/meminfo.c: show_val_kb() is "%-16s" label, "%8lu kB" value */
static void show_val_kb(const char *label, unsigned long pages)
{
	printk("%-16s%8lu kB\n", label, K(pages));
}

void show_meminfo(struct pglist_data *pgdat)
{
	unsigned long total = pgdat_managed_pages(pgdat), free = pgdat_free_pages(pgdat);
	unsigned long high_total = pgdat_high_managed_pages(pgdat);
	unsigned long high_free = pgdat_high_free_pages(pgdat);

	show_val_kb("MemTotal:", total);
	show_val_kb("MemFree:", free);
	show_val_kb("HighTotal:", high_total);
	show_val_kb("HighFree:", high_free);
	show_val_kb("LowTotal:", total - high_total);
	show_val_kb("LowFree:", free - high_free);
	if (pgdat != NODE_DATA(0))
		return;		/* the slab allocator takes its pages from node 0 */
	show_val_kb("Slab:", nr_slab_reclaimable + nr_slab_unreclaimable);
	show_val_kb("SReclaimable:", nr_slab_reclaimable);
	show_val_kb("SUnreclaim:", nr_slab_unreclaimable);
}

/* mm/page_alloc.c free_area_init_nodes(): "  %-8s [mem %#018Lx-%#018Lx]" or "empty" */
void show_zone_ranges(struct pglist_data *pgdat)
{
	const struct zone *zone;

	printk(KERN_INFO "Zone ranges:\n");
	for_each_zone_pgdat(zone, pgdat) {
		if (!zone->spanned_pages) {
			printk(KERN_INFO "  %-8s empty\n", zone->name);
			continue;
		}
		printk(KERN_INFO "  %-8s [mem 0x%016llx-0x%016llx]\n", zone->name,
		       (unsigned long long)PFN_PHYS(zone->zone_start_pfn),
		       (unsigned long long)PFN_PHYS(zone_end_pfn(zone)) - 1);
	}
}

/* mm/page_alloc.c show_free_areas(), per populated zone, in short */
void show_free_areas(struct pglist_data *pgdat)
{
	const struct zone *zone;
	unsigned int order;
	int i;

	for_each_zone_pgdat(zone, pgdat) {
		unsigned long total = 0;
		char line[320];
		size_t len;

		if (!populated_zone(zone))
			continue;
		printk(KERN_WARNING "Node %d %s free:%lukB min:%lukB low:%lukB high:%lukB present:%lukB managed:%lukB\n",
		       pgdat->node_id, zone->name, K(zone->free_pages), K(min_wmark_pages(zone)),
		       K(low_wmark_pages(zone)), K(high_wmark_pages(zone)),
		       K(zone->present_pages), K(zone->managed_pages));
		len = mm_bufcat(line, sizeof(line), 0, "lowmem_reserve[]:");
		for (i = 0; i < MAX_NR_ZONES; i++)
			len = mm_bufcat(line, sizeof(line), len, " %ld", zone->lowmem_reserve[i]);
		printk(KERN_WARNING "%s\n", line);
		len = mm_bufcat(line, sizeof(line), 0, "Node %d %s:", pgdat->node_id, zone->name);
		for (order = 0; order < MAX_ORDER; order++) {
			unsigned long nr = zone->free_area[order].nr_free;
			int mt;

			total += nr << order;
			len = mm_bufcat(line, sizeof(line), len, " %lu*%lukB", nr, K(1UL << order));
			if (!nr)
				continue;
			/* Linux's show_migration_types(): the types with a block of this order */
			len = mm_bufcat(line, sizeof(line), len, " (");
			for (mt = 0; mt < MIGRATE_TYPES; mt++)
				if (!free_area_empty(&zone->free_area[order], mt))
					len = mm_bufcat(line, sizeof(line), len, "%c", migratetype_letter(mt));
			len = mm_bufcat(line, sizeof(line), len, ")");
		}
		printk(KERN_WARNING "%s = %lukB\n", line, K(total));
	}
}
