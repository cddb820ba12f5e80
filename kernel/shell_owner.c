// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's page_owner command (mm/page_owner.c holds the records):
 *
 *   page_owner <pfn>   the pfn's record in the format of Linux's
 *                      /sys/kernel/debug/page_owner
 *   page_owner         a summary: allocated blocks and pages per migrate
 *                      type, and the busiest allocation sites, grouped
 *                      by (trace, order, gfp mask) as page_owner_sort does
 *
 * A pfn outside mem_map, reserved (firmware, kernel image, a hole) or
 * free gets one line saying so; with page_owner off, one line saying how
 * to turn it on.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/mmdebug.h>
#include <linux/page_owner.h>
#include "shell_internal.h"

#define OWNER_SITES	16	/* distinct sites counted; the rest are "other" */
#define OWNER_SHOWN	5

struct owner_site {
	depot_stack_handle_t handle;
	gfp_t gfp_mask;
	u8 order, migratetype;
	unsigned long times, pages;
};

/* the first entry of the trace outside the page allocator's own functions */
static unsigned long site_of(const struct page *page, depot_stack_handle_t handle)
{
	static const char * const allocator[] = {
		"prep_new_page", "get_page_from_freelist", "alloc_pages", "rmqueue",
		"get_free_page", "get_zeroed_page", NULL,
	};
	unsigned long entries[PAGE_OWNER_STACK_DEPTH];
	unsigned int i, j, nr = page_owner_stack(page, handle, entries, PAGE_OWNER_STACK_DEPTH);

	for (i = 0; i < nr; i++) {
		const char *name = kallsyms_lookup(entries[i], NULL, NULL);

		for (j = 0; name && allocator[j] && !strstr(name, allocator[j]); j++)
			;
		if (!name || !allocator[j])
			return entries[i];
	}
	return nr ? entries[nr - 1] : 0;
}

static void page_owner_summary(struct pglist_data *pgdat)
{
	static struct owner_site sites[OWNER_SITES];
	unsigned long per_type[MIGRATE_TYPES] = { 0 }, blocks = 0, pages = 0, other = 0;
	unsigned long pfn = pgdat->node_start_pfn, end = pfn + pgdat->node_spanned_pages;
	unsigned int nr_sites = 0, i, j, shown;
	char gfp[96], sym[KSYM_SYMBOL_LEN];

	memset(sites, 0, sizeof(sites));
	while (pfn < end) {
		const struct page *page = pfn_to_page(pfn);
		const struct page_owner *o = get_page_owner(page);
		unsigned long n;

		if (!(o->flags & PAGE_EXT_OWNER_ALLOCATED) || (pfn & ((1UL << o->order) - 1))) {
			pfn++;
			continue;
		}
		n = 1UL << o->order;
		blocks++;
		pages += n;
		if (o->migratetype < MIGRATE_TYPES)
			per_type[o->migratetype] += n;
		for (i = 0; i < nr_sites; i++)
			if (sites[i].handle == o->handle && sites[i].gfp_mask == o->gfp_mask &&
			    sites[i].order == o->order)
				break;
		if (i == nr_sites && nr_sites < OWNER_SITES) {
			sites[i] = (struct owner_site){ o->handle, o->gfp_mask, o->order,
							o->migratetype, 0, 0 };
			nr_sites++;
		}
		if (i < nr_sites) {
			sites[i].times++;
			sites[i].pages += n;
		} else {
			other += n;
		}
		pfn += n;
	}
	shell_printf("page_owner: %lu blocks, %lu pages allocated:", blocks, pages);
	for (i = 0; i < MIGRATE_TYPES; i++)
		if (per_type[i])
			shell_printf(" %s %lu", migratetype_names[i], per_type[i]);
	shell_puts("\n");
	/* the busiest sites first: a selection of the few shown */
	for (shown = 0; shown < OWNER_SHOWN && shown < nr_sites; shown++) {
		for (j = i = shown; i < nr_sites; i++)
			if (sites[i].pages > sites[j].pages)
				j = i;
		if (j != shown) {
			struct owner_site t = sites[shown];

			sites[shown] = sites[j];
			sites[j] = t;
		}
		format_gfp_flags(gfp, sizeof(gfp), sites[shown].gfp_mask);
		sprint_symbol(sym, sizeof(sym), site_of(pfn_to_page(pgdat->node_start_pfn),
							sites[shown].handle));
		shell_printf("%lu times, %lu pages: order %u, mask %#x(%s), %s, from %s\n",
			     sites[shown].times, sites[shown].pages, sites[shown].order,
			     (unsigned int)sites[shown].gfp_mask, gfp,
			     sites[shown].migratetype < MIGRATE_TYPES ?
			     migratetype_names[sites[shown].migratetype] : "?", sym);
	}
	if (nr_sites > OWNER_SHOWN || other)
		shell_printf("(%u more sites not shown%s)\n", nr_sites - shown,
			     other ? ", and more than the summary counts" : "");
}

void cmd_page_owner(int argc, char **argv)
{
	struct pglist_data *pgdat = &contig_page_data;
	static char buf[1024];
	const struct page_owner *o;
	struct page *page;
	unsigned long pfn;

	if (!(pgdat->debug_flags & PGDAT_PAGE_OWNER)) {
		shell_error("page_owner is off (boot with page_owner=on)");
		return;
	}
	if (argc == 1) {
		page_owner_summary(pgdat);
		return;
	}
	if (!shell_arg_ulong(argv[1], "pfn", ~0UL, &pfn))
		return;
	if (pfn < pgdat->node_start_pfn || pfn - pgdat->node_start_pfn >= pgdat->node_spanned_pages) {
		shell_error("pfn 0x%lx is outside mem_map (pfn 0x%05lx-0x%05lx)", pfn,
			    pgdat->node_start_pfn,
			    pgdat->node_start_pfn + pgdat->node_spanned_pages - 1);
		return;
	}
	page = pfn_to_page(pfn);
	o = get_page_owner(page);
	if (PageReserved(page)) {
		shell_error("pfn 0x%lx is reserved (a hole, firmware or the kernel): never allocated",
			    pfn);
		return;
	}
	if (!(o->flags & PAGE_EXT_OWNER_ALLOCATED)) {
		if (o->flags & PAGE_EXT_OWNER)
			shell_error("pfn 0x%lx is free (last allocated via order %u, mask %#x)", pfn,
				    o->order, (unsigned int)o->gfp_mask);
		else
			shell_error("pfn 0x%lx is free (no allocation recorded since boot)", pfn);
		return;
	}
	print_page_owner(buf, sizeof(buf), page);
	shell_puts(buf);
}
