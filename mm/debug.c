// SPDX-License-Identifier: GPL-2.0
/*
 * What the page allocator says when something is wrong.
 *
 * - bad_page(): a caller misused the API.  Linux's "BUG: Bad page state"
 *   report plus dump_page(); the caller then drops the request, so the
 *   allocator's state is exactly what it was.
 * - check_zone() / verify_free_lists(): the allocator's own invariants,
 *   walked in full (free lists, then mem_map block by block).  Tests run
 *   it after every operation; anything it finds is a bug in mm/, not in a
 *   caller.
 * - page_block_of(): which block a page belongs to, found in O(MAX_ORDER)
 *   by testing the heads its enclosing aligned blocks would have.  This is
 *   what lets a report say "inside the free order 3 block at pfn:0x01230"
 *   for a page that carries no state of its own.
 * - gfpflag_names[] / format_gfp_flags(): %pGg of Linux's vsprintf.
 */
#include <linux/mm.h>
#include <linux/mmdebug.h>
#include <linux/page_owner.h>
#include <linux/string.h>
#include "internal.h"

const char *current_comm = "swapper/0";

void page_block_of(const struct page *page, struct page_block *pb)
{
	const struct pglist_data *pgdat = page_pgdat(page);
	const struct zone *zone = page_zone(page);
	unsigned long pfn = page_to_pfn(page);
	unsigned int o;

	pb->head_pfn = pfn;
	pb->order = 0;
	if (PageReserved(page)) {
		pb->state = PB_RESERVED;
		return;
	}
	if (PagePcp(page)) {
		pb->state = PB_PCP;
		pb->order = (unsigned int)page->private;
		return;
	}
	if (PageBuddy(page)) {
		pb->state = PB_FREE_HEAD;
		pb->order = buddy_order(page);
		return;
	}
	if (page_count(page) > 0) {
		pb->state = PB_ALLOC_HEAD;
		pb->order = page->alloc_order;
		return;
	}
	for (o = 1; o < MAX_ORDER; o++) {
		unsigned long head_pfn = pfn & ~((1UL << o) - 1);
		const struct page *head;

		if (!zone_spans_pfn(zone, head_pfn))
			break;
		if (head_pfn == pfn)
			continue;
		head = pgdat_pfn_to_page(pgdat, head_pfn);
		if (PageReserved(head))
			continue;
		if (PagePcp(head) && head->private >= o) {
			pb->state = PB_PCP;
			pb->head_pfn = head_pfn;
			pb->order = (unsigned int)head->private;
			return;
		}
		if (PageBuddy(head) && buddy_order(head) >= o) {
			pb->state = PB_FREE_INSIDE;
			pb->head_pfn = head_pfn;
			pb->order = buddy_order(head);
			return;
		}
		if (!PageBuddy(head) && page_count(head) > 0 && head->alloc_order >= o) {
			pb->state = PB_ALLOC_INSIDE;
			pb->head_pfn = head_pfn;
			pb->order = head->alloc_order;
			return;
		}
	}
	pb->state = PB_UNKNOWN;
}

static const char * const pageflag_names[__NR_PAGEFLAGS] = {
	[PG_reserved]	= "reserved",
	[PG_buddy]	= "buddy",
	[PG_pcp]	= "pcp",
	[PG_head]	= "head",
	[PG_tail]	= "tail",
	[PG_poisoned]	= "poisoned",
	[PG_zeroed]	= "zeroed",
	[PG_slab]	= "slab",
	[PG_movable]	= "movable",
	[PG_isolated]	= "isolated",
};

int format_page_flags(char *buf, size_t size, const struct page *page)
{
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < __NR_PAGEFLAGS; i++)
		if (page->flags & (1UL << i))
			len = mm_bufcat(buf, size, len, "%s|", pageflag_names[i]);
	return (int)mm_bufcat(buf, size, len, "node=%d|zone=%u", page_to_nid(page),
			      page_zonenum(page));
}

void dump_page(const struct page *page, const char *reason)
{
	const struct zone *zone = page_zone(page);
	struct page_block pb;
	char flags[96];
	void *virt;

	format_page_flags(flags, sizeof(flags), page);
	printk(KERN_ALERT "page:%p refcount:%d mapcount:0 mapping:NULL index:0x0 pfn:0x%05lx\n",
	       page, page_count(page), page_to_pfn(page));
	printk(KERN_ALERT "flags: 0x%lx(%s)\n", page->flags, flags);

	page_block_of(page, &pb);
	virt = page_address(page);
	switch (pb.state) {
	case PB_RESERVED:
		printk(KERN_ALERT "state: reserved zone:%s virt:%p\n", zone->name, virt);
		break;
	case PB_PCP:
		printk(KERN_ALERT "state: free on pcp list, order %u block at pfn:0x%05lx zone:%s virt:%p\n",
		       pb.order, pb.head_pfn, zone->name, virt);
		break;
	case PB_FREE_HEAD:
	case PB_ALLOC_HEAD:
		printk(KERN_ALERT "state: %s block order:%u zone:%s virt:%p\n",
		       pb.state == PB_FREE_HEAD ? "free" : "allocated", pb.order, zone->name, virt);
		break;
	case PB_FREE_INSIDE:
	case PB_ALLOC_INSIDE:
		printk(KERN_ALERT "state: inside %s block pfn:0x%05lx order:%u zone:%s virt:%p\n",
		       pb.state == PB_FREE_INSIDE ? "free" : "allocated", pb.head_pfn, pb.order,
		       zone->name, virt);
		break;
	default:
		printk(KERN_ALERT "state: unknown (not reserved, free or allocated) zone:%s\n",
		       zone->name);
	}
	/*
	 * Linux prints the migrate type asked for with page_owner's
	 * "page last allocated via order %u, migratetype %s"; the
	 * pageblock's type as page_owner's "Block %lu type %s".
	 */
	if (pb.state == PB_ALLOC_HEAD)
		printk(KERN_ALERT "page last allocated via order %u, migratetype %s\n",
		       page->alloc_order, page_alloc_migratetype(page) < MIGRATE_TYPES ?
		       migratetype_names[page_alloc_migratetype(page)] : "?");
	if (zone_spans_pfn(zone, page_to_pfn(page)))
		printk(KERN_ALERT "pageblock %lu migratetype %s\n", page_to_pfn(page) >> pageblock_order,
		       migratetype_names[zone_pfnblock_migratetype(zone, page_to_pfn(page))]);
	if (reason)
		printk(KERN_ALERT "page dumped because: %s\n", reason);
	dump_page_owner(page);
}

void bad_page(const struct page *page, const char *reason)
{
	printk(KERN_ALERT "BUG: Bad page state in process %s  pfn:0x%05lx\n",
	       current_comm, page_to_pfn(page));
	dump_page(page, reason);
}

/* ------------------------------------------------------------ checker */

#define CHECK_REPORT_MAX	16

struct checker {
	const struct zone *zone;
	int errors;
};

static __printf(2, 3) void check_fail(struct checker *c, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	if (++c->errors > CHECK_REPORT_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_ERR "check_zone: node %d %s: %s\n", c->zone->zone_pgdat->node_id,
	       c->zone->name, msg);
}

/* the pages of an allocated or free block after its head: clean ones */
static void check_block_body(struct checker *c, const struct page *head, unsigned long pfn,
			     unsigned int order, bool compound)
{
	unsigned long i;

	for (i = 1; i < (1UL << order); i++) {
		const struct page *p = head + i;

		if (p->flags & ((1UL << PG_reserved) | (1UL << PG_buddy) | (1UL << PG_pcp) |
				(1UL << PG_head)) || page_count(p) != 0) {
			check_fail(c, "pfn 0x%05lx inside the %s order %u block at 0x%05lx has flags 0x%lx refcount %d (overlap)",
				   pfn + i, compound || page_count(head) ? "allocated" : "free",
				   order, pfn, p->flags, page_count(p));
			continue;
		}
		if (compound != !!PageTail(p) ||
		    (compound && p->compound_head != (unsigned long)head + 1))
			check_fail(c, "pfn 0x%05lx: compound tail state wrong in block at 0x%05lx",
				   pfn + i, pfn);
	}
}

int check_zone(struct zone *zone)
{
	const struct pglist_data *pgdat = zone->zone_pgdat;
	unsigned long nr_listed[MAX_ORDER], nr_heads[MAX_ORDER] = { 0 };
	unsigned long start = zone->zone_start_pfn, end = zone_end_pfn(zone);
	unsigned long free = 0, allocated = 0, reserved = 0, pcp = 0, pfn, listed_pages = 0;
	unsigned int zidx = zone_idx(zone);
	struct checker c = { .zone = zone };
	long pcp_listed = 0, pcp_before = 0;
	unsigned int o;

	if (zone->spanned_pages && (start < pgdat->node_start_pfn ||
	    end > pgdat->node_start_pfn + pgdat->node_spanned_pages))
		check_fail(&c, "span [0x%05lx, 0x%05lx) outside the node", start, end);
	if (zone->present_pages > zone->spanned_pages)
		check_fail(&c, "present %lu > spanned %lu", zone->present_pages, zone->spanned_pages);
	if (zone->managed_pages > zone->present_pages)
		check_fail(&c, "managed %lu > present %lu", zone->managed_pages, zone->present_pages);
	if (c.errors)
		return c.errors;

	for (o = 0; o < MAX_ORDER; o++) {
		unsigned long n = 0;
		int t;

		for (t = 0; t < MIGRATE_TYPES; t++) {
			const struct list_head *head = &zone->free_area[o].free_list[t];
			const struct list_head *pos, *prev = head;

			for (pos = head->next; pos != head; prev = pos, pos = pos->next) {
				const struct page *page = list_entry(pos, struct page, lru);
				unsigned long idx;

				if (pos->prev != prev) {
					check_fail(&c, "free_area[%u] %s list link broken after %lu entries",
						   o, migratetype_names[t], n);
					break;
				}
				if (++n > zone->spanned_pages) {
					check_fail(&c, "free_area[%u] list does not end", o);
					break;
				}
				idx = (unsigned long)(page - pgdat->node_mem_map);
				if (page < pgdat->node_mem_map || idx >= pgdat->node_spanned_pages) {
					check_fail(&c, "free_area[%u] holds %p, not a page of this node", o, page);
					break;
				}
				pfn = pgdat->node_start_pfn + idx;
				if (!zone_spans_pfn(zone, pfn) || pfn + (1UL << o) > end) {
					check_fail(&c, "free block pfn 0x%05lx order %u is not inside the zone", pfn, o);
					continue;
				}
				if (pfn & ((1UL << o) - 1))
					check_fail(&c, "free block pfn 0x%05lx not aligned to its order %u", pfn, o);
				if (!PageBuddy(page))
					check_fail(&c, "pfn 0x%05lx on free_area[%u] without PG_buddy", pfn, o);
				else if (buddy_order(page) != o)
					check_fail(&c, "pfn 0x%05lx on free_area[%u] has order %lu", pfn, o, page->private);
				if (zone_pfnblock_migratetype(zone, pfn) != t)
					check_fail(&c, "free block pfn 0x%05lx order %u on the %s list of a %s pageblock",
						   pfn, o, migratetype_names[t],
						   migratetype_names[zone_pfnblock_migratetype(zone, pfn)]);
			}
		}
		if (n != zone->free_area[o].nr_free)
			check_fail(&c, "free_area[%u].nr_free %lu but %lu blocks on the list",
				   o, zone->free_area[o].nr_free, n);
		nr_listed[o] = n;
		listed_pages += n << o;
	}
	for (o = 0; o < NR_PCP_LISTS * NR_CPUS; o++) {
		const struct per_cpu_pages *pcpl = &zone->pcp[o / NR_PCP_LISTS];
		const struct list_head *head = &pcpl->lists[o % NR_PCP_LISTS], *pos;
		unsigned int order = pindex_to_order(o % NR_PCP_LISTS);
		long n = 0;

		for (pos = head->next; pos != head && n <= (long)zone->spanned_pages; pos = pos->next) {
			const struct page *page = list_entry(pos, struct page, lru);

			if (!PagePcp(page) || page->private != order)
				check_fail(&c, "pcp list %u (order %u %s) holds pfn 0x%05lx with flags 0x%lx order %lu",
					   o % NR_PCP_LISTS, order, migratetype_names[o % MIGRATE_PCPTYPES],
					   page_to_pfn(page), page->flags, page->private);
			n++;
		}
		pcp_listed += n << order;
		if (o % NR_PCP_LISTS == NR_PCP_LISTS - 1) {
			if (pcp_listed - pcp_before != pcpl->count)
				check_fail(&c, "cpu %u: pcp count %d but %ld pages on the lists",
					   o / NR_PCP_LISTS, pcpl->count, pcp_listed - pcp_before);
			pcp_before = pcp_listed;
		}
	}
	if (zone->spanned_pages) {
		unsigned long highatomic = 0;

		for (pfn = pageblock_start_pfn(start); pfn < end; pfn += pageblock_nr_pages) {
			int t = zone_pfnblock_migratetype(zone, max(pfn, start));

			if (t >= MIGRATE_TYPES)
				check_fail(&c, "pageblock pfn 0x%05lx has migrate type %d", pfn, t);
			else if (is_migrate_highatomic(t))
				highatomic += pageblock_nr_pages;
		}
		if (highatomic != zone->nr_reserved_highatomic)
			check_fail(&c, "nr_reserved_highatomic %lu but %lu pages in HighAtomic pageblocks",
				   zone->nr_reserved_highatomic, highatomic);
	}

	for (pfn = start; pfn < end; ) {
		const struct page *page = pgdat_pfn_to_page(pgdat, pfn);

		if (page_zonenum(page) != zidx || page_to_nid(page) != pgdat->node_id)
			check_fail(&c, "pfn 0x%05lx links to node %d zone %u", pfn,
				   page_to_nid(page), page_zonenum(page));
		if (PageReserved(page)) {
			if (page->flags & ((1UL << PG_buddy) | (1UL << PG_pcp)) || page_count(page) != 1)
				check_fail(&c, "reserved pfn 0x%05lx has flags 0x%lx refcount %d",
					   pfn, page->flags, page_count(page));
			reserved++;
			pfn++;
			continue;
		}
		if (PagePcp(page)) {
			o = (unsigned int)page->private;
			if (o >= NR_PCP_LISTS || (pfn & ((1UL << o) - 1)) || pfn + (1UL << o) > end ||
			    page_count(page) != 0 || page->flags & ((1UL << PG_buddy) |
			    (1UL << PG_head) | (1UL << PG_tail))) {
				check_fail(&c, "pcp block pfn 0x%05lx order %u flags 0x%lx refcount %d misplaced",
					   pfn, o, page->flags, page_count(page));
				pcp++;
				pfn++;
				continue;
			}
			check_block_body(&c, page, pfn, o, false);
			pcp += 1UL << o;
			pfn += 1UL << o;
			continue;
		}
		if (PageBuddy(page) || page_count(page) > 0) {
			bool is_free = PageBuddy(page);

			o = is_free ? buddy_order(page) : page->alloc_order;
			if (o >= MAX_ORDER || (pfn & ((1UL << o) - 1)) || pfn + (1UL << o) > end) {
				check_fail(&c, "%s block pfn 0x%05lx order %u misplaced",
					   is_free ? "free" : "allocated", pfn, o);
				pfn++;
				continue;
			}
			if (is_free) {
				unsigned long buddy_pfn = pfn ^ (1UL << o);

				if (page_count(page) != 0 || page->flags & ((1UL << PG_head) | (1UL << PG_tail)))
					check_fail(&c, "free pfn 0x%05lx has refcount %d flags 0x%lx",
						   pfn, page_count(page), page->flags);
				nr_heads[o]++;
				free += 1UL << o;
				if (o < MAX_ORDER - 1 && pfn < buddy_pfn && zone_spans_pfn(zone, buddy_pfn)) {
					const struct page *b = pgdat_pfn_to_page(pgdat, buddy_pfn);

					if (PageBuddy(b) && buddy_order(b) == o)
						check_fail(&c, "free blocks 0x%05lx and 0x%05lx of order %u not merged",
							   pfn, buddy_pfn, o);
				}
				check_block_body(&c, page, pfn, o, false);
			} else {
				if (PageTail(page))
					check_fail(&c, "allocated head pfn 0x%05lx is PG_tail", pfn);
				if (PageHead(page) && (o == 0 || page[1].compound_order != o))
					check_fail(&c, "compound head pfn 0x%05lx: order %u vs %u",
						   pfn, o, o ? page[1].compound_order : 0);
				allocated += 1UL << o;
				check_block_body(&c, page, pfn, o, PageHead(page));
			}
			pfn += 1UL << o;
			continue;
		}
		check_fail(&c, "pfn 0x%05lx is neither reserved, free nor allocated (flags 0x%lx refcount %d)",
			   pfn, page->flags, page_count(page));
		pfn++;
	}

	for (o = 0; o < MAX_ORDER; o++)
		if (nr_heads[o] != nr_listed[o])
			check_fail(&c, "%lu free heads of order %u in mem_map, %lu on the list",
				   nr_heads[o], o, nr_listed[o]);
	if (listed_pages != zone->free_pages)
		check_fail(&c, "free_pages %lu but the buddy lists hold %lu", zone->free_pages,
			   listed_pages);
	if (pcp != (unsigned long)pcp_listed)
		check_fail(&c, "%lu PG_pcp pages, pcp count %ld", pcp, pcp_listed);
	if (zone->managed_pages != free + pcp + allocated)
		check_fail(&c, "managed %lu != free %lu + allocated %lu",
			   zone->managed_pages, free + pcp, allocated);
	if (zone->managed_pages + reserved != zone->spanned_pages)
		check_fail(&c, "managed %lu + reserved/holes %lu != spanned %lu",
			   zone->managed_pages, reserved, zone->spanned_pages);
	if (c.errors > CHECK_REPORT_MAX)
		printk(KERN_ERR "check_zone: node %d %s: %d more errors not shown\n",
		       pgdat->node_id, zone->name, c.errors - CHECK_REPORT_MAX);
	return c.errors;
}

int verify_free_lists(struct pglist_data *pgdat)
{
	struct zone *zone;
	int errors = 0;

	for_each_zone_pgdat(zone, pgdat)
		errors += check_zone(zone);
	return errors;
}

/* ------------------------------------------------------------ gfp names */

const struct gfp_flag_name gfpflag_names[] = {
	{ GFP_HIGHUSER_MOVABLE,	"GFP_HIGHUSER_MOVABLE" },
	{ GFP_HIGHUSER,		"GFP_HIGHUSER" },
	{ GFP_USER,		"GFP_USER" },
	{ GFP_KERNEL,		"GFP_KERNEL" },
	{ GFP_NOFS,		"GFP_NOFS" },
	{ GFP_NOIO,		"GFP_NOIO" },
	{ GFP_DMA,		"GFP_DMA" },
	{ GFP_ATOMIC,		"GFP_ATOMIC" },
	{ __GFP_DMA,		"__GFP_DMA" },
	{ __GFP_HIGHMEM,	"__GFP_HIGHMEM" },
	{ __GFP_WAIT,		"__GFP_WAIT" },
	{ __GFP_HIGH,		"__GFP_HIGH" },
	{ __GFP_IO,		"__GFP_IO" },
	{ __GFP_FS,		"__GFP_FS" },
	{ __GFP_COLD,		"__GFP_COLD" },
	{ __GFP_NOWARN,		"__GFP_NOWARN" },
	{ __GFP_REPEAT,		"__GFP_REPEAT" },
	{ __GFP_NOFAIL,		"__GFP_NOFAIL" },
	{ __GFP_NORETRY,	"__GFP_NORETRY" },
	{ __GFP_COMP,		"__GFP_COMP" },
	{ __GFP_ZERO,		"__GFP_ZERO" },
	{ __GFP_HARDWALL,	"__GFP_HARDWALL" },
	{ __GFP_MOVABLE,	"__GFP_MOVABLE" },
	{ __GFP_RECLAIMABLE,	"__GFP_RECLAIMABLE" },
};
const unsigned int nr_gfpflag_names = ARRAY_SIZE(gfpflag_names);
#define GFP_ATOMIC_NAME	7	/* its index above: the same bit as __GFP_HIGH */

/*
 * Composite names are used while all their bits are still unnamed;
 * GFP_ATOMIC (= __GFP_HIGH) only for a caller that cannot sleep, so that
 * GFP_KERNEL|__GFP_HIGH does not read as "GFP_KERNEL|GFP_ATOMIC".
 */
int format_gfp_flags(char *buf, size_t size, gfp_t gfp)
{
	size_t len = 0;
	bool atomic = !(gfp & __GFP_WAIT);
	unsigned int i;

	if (size)
		buf[0] = '\0';
	for (i = 0; i < nr_gfpflag_names && gfp; i++) {
		gfp_t m = gfpflag_names[i].mask;

		if ((gfp & m) != m)
			continue;
		if (i == GFP_ATOMIC_NAME && !atomic)
			continue;
		len += snprintf(buf + min(len, size), size - min(len, size), "%s%s",
				len ? "|" : "", gfpflag_names[i].name);
		gfp &= ~m;
	}
	if (gfp)
		len += snprintf(buf + min(len, size), size - min(len, size), "%s0x%x",
				len ? "|" : "", gfp);
	return (int)len;
}

/* how many spinlocks each CPU holds (CONFIG_DEBUG_SPINLOCK), for might_sleep() */
int spin_locks_held[SPIN_DEBUG_CPUS];

/*
 * __might_sleep - a function that may sleep was called with a spinlock
 * held: Linux's report (kernel/sched/core.c __might_resched()), two lines
 * and no stack, and nothing else changes.
 */
void __might_sleep(const char *file, int line)
{
	unsigned int cpu = raw_smp_processor_id();

	pr_err("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	pr_err("in_atomic(): 1, spinlocks held: %d, cpu: %u\n",
	       spin_locks_held[cpu % SPIN_DEBUG_CPUS], cpu);
}
