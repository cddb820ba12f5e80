/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The allocator's reports in Linux's /proc formats (mm/show_mem.c), for
 * the boot log, the shell and the tests.  Each takes the allocator
 * instance; the kernel's is &contig_page_data.
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/mmzone.h>

/* /proc/buddyinfo: "Node 0, zone   Normal      3      1 ..." per populated zone */
void show_buddyinfo(struct pglist_data *pgdat);
/*
 * /proc/zoneinfo subset per zone: pages free, min, low, high, spanned,
 * present, managed, protection: (a, b, c), the pcp pageset, start_pfn.
 */
void show_zoneinfo(struct pglist_data *pgdat);
/*
 * /proc/pagetypeinfo: "Page block order: 10", "Pages per block:  1024",
 * free blocks per zone, migrate type and order, "Number of blocks type"
 * per zone and type.
 */
void show_pagetypeinfo(struct pglist_data *pgdat);
/* /proc/meminfo subset: MemTotal MemFree HighTotal HighFree LowTotal LowFree */
void show_meminfo(struct pglist_data *pgdat);
/* the boot log's "Zone ranges:" block, from the zone spans */
void show_zone_ranges(struct pglist_data *pgdat);
/*
 * Linux's show_free_areas() in short, as printed after an allocation
 * failure: per populated zone, free/min/low/high/managed in kB, the
 * lowmem_reserve[] line, and "N*4kB (UM) N*8kB ... = NkB" (after each
 * non-zero count, the migrate types holding such blocks, as Linux).
 */
void show_free_areas(struct pglist_data *pgdat);

/* nr_free of every zone and order (0 for empty zones): to compare states */
void buddyinfo_snapshot(struct pglist_data *pgdat,
			unsigned long out[MAX_NR_ZONES][MAX_ORDER]);

/* sums over the zones of @pgdat */
unsigned long pgdat_free_pages(const struct pglist_data *pgdat);
unsigned long pgdat_pcp_pages(const struct pglist_data *pgdat);
unsigned long pgdat_managed_pages(const struct pglist_data *pgdat);
unsigned long pgdat_high_managed_pages(const struct pglist_data *pgdat);
unsigned long pgdat_high_free_pages(const struct pglist_data *pgdat);

/*
 * Event counters (mm/vmstat.c), Linux's vm_event_item names in
 * /proc/vmstat's order.  One set for the kernel (Linux: per CPU, summed).
 */
enum vm_event_item {
	PGMIGRATE_SUCCESS,	/* pages migrated */
	PGMIGRATE_FAIL,		/* pages that could not be */
	COMPACTMIGRATE_SCANNED,	/* pages the migration scanner looked at */
	COMPACTFREE_SCANNED,	/* pages the free scanner looked at */
	COMPACTISOLATED,	/* pages isolated by either scanner */
	COMPACTSTALL,		/* direct compactions (an allocation waited) */
	COMPACTFAIL,		/* ... after which it still failed */
	COMPACTSUCCESS,		/* ... after which it succeeded */
	NR_VM_EVENT_ITEMS
};

extern unsigned long vm_event_states[NR_VM_EVENT_ITEMS];
extern const char * const vmstat_text[NR_VM_EVENT_ITEMS];

static inline void count_vm_event(enum vm_event_item item)
{
	vm_event_states[item]++;
}

static inline void count_vm_events(enum vm_event_item item, unsigned long delta)
{
	vm_event_states[item] += delta;
}

/* /proc/vmstat's "name value" lines: nr_free_pages, then the events */
void show_vmstat(struct pglist_data *pgdat);
/*
 * /sys/kernel/debug/extfrag/unusable_index and extfrag_index: per
 * populated zone, "Node 0, zone   Normal 0.000 0.000 ..." for orders
 * 0..MAX_ORDER-1 (extfrag_index prints -1.000 where a block exists).
 */
void show_extfrag(struct pglist_data *pgdat);

#endif /* _LINUX_VMSTAT_H */
