// SPDX-License-Identifier: GPL-2.0
/*
 * page_owner: for every allocated page, who allocated it - the gfp mask,
 * the order, the migrate type asked for, a time stamp and the call trace
 * - as Linux's mm/page_owner.c (page_owner=on, CONFIG_PAGE_OWNER).  It
 * answers the question a fragmentation report raises: which allocation
 * put this unmovable page in the middle of a movable pageblock?
 *
 * Storage.  Linux keeps the records in page_ext, beside mem_map rather
 * than in struct page, allocated at boot only when an extension asks for
 * it.  Here the same: page_ext_init() takes one memblock block per node
 * holding a struct page_ext_node, one struct page_owner per spanned pfn,
 * and a stack depot.  With page_owner off there is no block, no flag, and
 * the allocator's hooks are never reached: they sit behind the test of
 * pgdat->debug_flags that the allocation and free paths make anyway for
 * debug_pagealloc and page_poison (PGDAT_ALLOC_FREE_HOOKS).
 *
 * The stack depot (Linux's lib/stackdepot.c, reduced): a call trace is a
 * dozen return addresses, and a busy workload repeats the same few; each
 * distinct trace is stored once in an open-addressing hash table and a
 * record holds its slot number + 1 as the handle (0: no trace - the depot
 * was full, or the host could not walk its stack).  Traces are never
 * removed, as in Linux.  The depot is per node, so copying a record to
 * another node stores its trace again there.
 *
 * Records live and die with the block: set_page_owner() fills all 2^order
 * records of a new block (the order in each, so any pfn inside names the
 * whole block), reset_page_owner() clears PAGE_EXT_OWNER_ALLOCATED but
 * leaves the rest, so a freed page still says who had it last (Linux
 * prints "page last allocated via ..." for those).  split_page_owner()
 * rewrites the order when a block is split into smaller ones, and
 * copy_page_owner() gives a migration's new block the old one's owner.
 *
 * The trace.  In the kernel, stack_trace_save() walks the frame-pointer
 * chain (kernel/traps.c) and print_page_owner() names each entry through
 * the embedded symbol table, "cmd_alloc_pages+0x2a/0x90".  The host tests
 * have glibc's backtrace(), printed as bare addresses (tests/host).
 */
#include <linux/mm.h>
#include <linux/mmdebug.h>
#include <linux/memblock.h>
#include <linux/page_owner.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/kallsyms.h>
#include <linux/stacktrace.h>
#include <linux/timekeeping.h>
#include "internal.h"

#define DEPOT_SLOTS	1024	/* distinct traces per node; a power of two */

struct depot_slot {
	u32 hash;
	u32 nr;			/* entries used; 0: the slot is empty */
	unsigned long entries[PAGE_OWNER_STACK_DEPTH];
};

struct page_ext_node {
	struct page_owner *owners;	/* [pfn - node_start_pfn], node_spanned_pages of them */
	struct depot_slot *depot;	/* DEPOT_SLOTS, filled by depot_save() only */
	unsigned int depot_used;
	spinlock_t depot_lock;		/* depot_save(): CPUs allocate at the same time */
};

size_t page_owner_storage_size(unsigned long nr_pages)
{
	return sizeof(struct page_ext_node) + DEPOT_SLOTS * sizeof(struct depot_slot) +
	       nr_pages * sizeof(struct page_owner);
}

void page_owner_attach(struct pglist_data *pgdat, void *mem, size_t bytes)
{
	struct page_ext_node *ext = mem;

	BUG_ON(bytes < page_owner_storage_size(pgdat->node_spanned_pages));
	ext->depot = (struct depot_slot *)(ext + 1);
	ext->owners = (struct page_owner *)(ext->depot + DEPOT_SLOTS);
	ext->depot_used = 0;
	spin_lock_init(&ext->depot_lock);
	pgdat->node_page_ext = ext;
	pgdat->debug_flags |= PGDAT_PAGE_OWNER;
}

int page_ext_init(struct pglist_data *pgdat)
{
	size_t bytes = page_owner_storage_size(pgdat->node_spanned_pages);
	phys_addr_t phys = memblock_phys_alloc(bytes, 64);

	if (!phys) {
		pr_warn("page_owner: cannot allocate %zu KiB for the records: page_owner stays off\n",
			bytes >> 10);
		return -ENOMEM;
	}
	memset(__va(phys), 0, bytes);
	page_owner_attach(pgdat, __va(phys), bytes);
	pr_info("page_owner: on, %zu KiB of records (%u bytes per page, %u traces of %u entries)\n",
		bytes >> 10, (unsigned int)sizeof(struct page_owner), DEPOT_SLOTS,
		PAGE_OWNER_STACK_DEPTH);
	return 0;
}

static struct page_ext_node *page_ext_of(const struct page *page, struct page_owner **rec)
{
	const struct pglist_data *pgdat = page_pgdat(page);
	struct page_ext_node *ext = pgdat ? pgdat->node_page_ext : NULL;

	*rec = ext ? &ext->owners[page - pgdat->node_mem_map] : NULL;
	return ext;
}

/* ------------------------------------------------------------ stack depot */

static u32 depot_hash(const unsigned long *entries, unsigned int nr)
{
	u32 h = 2166136261u;	/* FNV-1a over the entries' bytes */
	const unsigned char *p = (const unsigned char *)entries;
	size_t i;

	for (i = 0; i < nr * sizeof(*entries); i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static depot_stack_handle_t depot_save(struct page_ext_node *ext, const unsigned long *entries,
				       unsigned int nr)
{
	u32 hash = depot_hash(entries, nr), i, probe;
	depot_stack_handle_t handle = 0;
	unsigned long flags;

	if (!nr)
		return 0;
	spin_lock_irqsave(&ext->depot_lock, flags);
	for (probe = 0; probe < DEPOT_SLOTS; probe++) {
		struct depot_slot *s;

		i = (hash + probe) & (DEPOT_SLOTS - 1);
		s = &ext->depot[i];
		if (!s->nr) {
			s->hash = hash;
			s->nr = nr;
			memcpy(s->entries, entries, nr * sizeof(*entries));
			ext->depot_used++;
			handle = i + 1;
			break;
		}
		if (s->hash == hash && s->nr == nr &&
		    !memcmp(s->entries, entries, nr * sizeof(*entries))) {
			handle = i + 1;
			break;
		}
	}
	spin_unlock_irqrestore(&ext->depot_lock, flags);
	return handle;
}

static unsigned int depot_fetch(const struct page_ext_node *ext, depot_stack_handle_t handle,
				unsigned long *entries, unsigned int max)
{
	const struct depot_slot *s;
	unsigned int nr;

	if (!handle || handle > DEPOT_SLOTS)
		return 0;
	s = &ext->depot[handle - 1];
	nr = min(s->nr, max);
	memcpy(entries, s->entries, nr * sizeof(*entries));
	return nr;
}

/* ------------------------------------------------------------ the hooks */

static u64 page_owner_clock(void)
{
#ifdef __ORDERLY_HOST__
	static u64 seq;		/* the host tests want order, not time */

	return ++seq;
#else
	return ktime_get_ns();
#endif
}

static void __set_page_owner(struct page_owner *rec, const struct page *page, unsigned int order,
			     gfp_t gfp_mask, depot_stack_handle_t handle)
{
	struct page_owner o = {
		.ts_nsec = page_owner_clock(),
		.gfp_mask = gfp_mask,
		.handle = handle,
		.order = (u8)order,
		.migratetype = (u8)page_alloc_migratetype(page),
		.flags = PAGE_EXT_OWNER | PAGE_EXT_OWNER_ALLOCATED,
	};
	unsigned long i;

	for (i = 0; i < (1UL << order); i++)
		rec[i] = o;
}

/*
 * The trace is taken here, not in a helper, so that skipping one entry
 * (this function) always starts it at the allocator's caller of the hook,
 * whatever the compiler inlines inside this file.
 */
void set_page_owner(struct page *page, unsigned int order, gfp_t gfp_mask)
{
	unsigned long entries[PAGE_OWNER_STACK_DEPTH];
	struct page_owner *rec;
	struct page_ext_node *ext = page_ext_of(page, &rec);
	unsigned int nr;

	if (!ext)
		return;
	nr = stack_trace_save(entries, PAGE_OWNER_STACK_DEPTH, 1);
	__set_page_owner(rec, page, order, gfp_mask, depot_save(ext, entries, nr));
}

void reset_page_owner(struct page *page, unsigned int order)
{
	struct page_owner *rec;
	unsigned long i;

	if (!page_ext_of(page, &rec))
		return;
	for (i = 0; i < (1UL << order); i++)
		rec[i].flags &= ~PAGE_EXT_OWNER_ALLOCATED;
}

void split_page_owner(struct page *page, unsigned int old_order, unsigned int new_order)
{
	struct page_owner *rec;
	unsigned long i;

	if (!page_ext_of(page, &rec))
		return;
	for (i = 0; i < (1UL << old_order); i++)
		rec[i].order = (u8)new_order;
}

void copy_page_owner(struct page *oldpage, struct page *newpage)
{
	struct page_owner *old_rec, *new_rec;
	struct page_ext_node *old_ext = page_ext_of(oldpage, &old_rec);
	struct page_ext_node *new_ext = page_ext_of(newpage, &new_rec);
	struct page_owner o;
	unsigned long i;

	if (!old_ext || !new_ext || !(old_rec->flags & PAGE_EXT_OWNER))
		return;
	o = *old_rec;
	if (new_ext != old_ext) {
		unsigned long entries[PAGE_OWNER_STACK_DEPTH];
		unsigned int nr = depot_fetch(old_ext, o.handle, entries, PAGE_OWNER_STACK_DEPTH);

		o.handle = depot_save(new_ext, entries, nr);
	}
	/* the old block keeps its record until it is freed: Linux does the same */
	for (i = 0; i < (1UL << o.order); i++)
		new_rec[i] = o;
}

/* ------------------------------------------------------------ reading */

const struct page_owner *get_page_owner(const struct page *page)
{
	struct page_owner *rec;

	return page_ext_of(page, &rec) ? rec : NULL;
}

unsigned int page_owner_stack(const struct page *page, depot_stack_handle_t handle,
			      unsigned long *entries, unsigned int max)
{
	struct page_owner *rec;
	const struct page_ext_node *ext = page_ext_of(page, &rec);

	return ext ? depot_fetch(ext, handle, entries, max) : 0;
}

static size_t print_stack(char *buf, size_t size, size_t len, const struct page *page,
			  depot_stack_handle_t handle)
{
	unsigned long entries[PAGE_OWNER_STACK_DEPTH];
	unsigned int i, nr = page_owner_stack(page, handle, entries, PAGE_OWNER_STACK_DEPTH);
	char sym[KSYM_SYMBOL_LEN];

	if (!nr)
		return mm_bufcat(buf, size, len, " (no call trace recorded)\n");
	for (i = 0; i < nr; i++) {
		sprint_symbol(sym, sizeof(sym), entries[i]);
		len = mm_bufcat(buf, size, len, " %s\n", sym);
	}
	return len;
}

int print_page_owner(char *buf, size_t size, const struct page *page)
{
	const struct page_owner *o = get_page_owner(page);
	const struct zone *zone = page_zone(page);
	unsigned long pfn = page_to_pfn(page);
	char gfp[96], flags[96];
	int block_mt;
	size_t len;

	if (size)
		buf[0] = '\0';
	if (!o || !(o->flags & PAGE_EXT_OWNER))
		return 0;
	format_gfp_flags(gfp, sizeof(gfp), o->gfp_mask);
	format_page_flags(flags, sizeof(flags), page);
	block_mt = zone_pfnblock_migratetype(zone, pfn);
	len = mm_bufcat(buf, size, 0, "Page allocated via order %u, mask %#x(%s), pid 0, ts %llu ns\n",
			o->order, (unsigned int)o->gfp_mask, gfp, (unsigned long long)o->ts_nsec);
	len = mm_bufcat(buf, size, len, "PFN 0x%lx type %s Block %lu type %s Flags %#lx(%s)\n",
			pfn, o->migratetype < MIGRATE_TYPES ? migratetype_names[o->migratetype] : "?",
			pfn >> pageblock_order, migratetype_names[block_mt], page->flags, flags);
	return (int)print_stack(buf, size, len, page, o->handle);
}

void dump_page_owner(const struct page *page)
{
	const struct page_owner *o = get_page_owner(page);
	unsigned long entries[PAGE_OWNER_STACK_DEPTH];
	char gfp[96], sym[KSYM_SYMBOL_LEN];
	unsigned int i, nr;

	if (!o)
		return;		/* page_owner is off: dump_page() says nothing more */
	if (!(o->flags & PAGE_EXT_OWNER)) {
		printk(KERN_ALERT "page_owner info is not present (never set?)\n");
		return;
	}
	printk(KERN_ALERT "page_owner tracks the page as %s\n",
	       o->flags & PAGE_EXT_OWNER_ALLOCATED ? "allocated" : "freed");
	format_gfp_flags(gfp, sizeof(gfp), o->gfp_mask);
	printk(KERN_ALERT "page last allocated via order %u, migratetype %s, gfp_mask %#x(%s), pid 0, ts %llu ns\n",
	       o->order, o->migratetype < MIGRATE_TYPES ? migratetype_names[o->migratetype] : "?",
	       (unsigned int)o->gfp_mask, gfp, (unsigned long long)o->ts_nsec);
	nr = page_owner_stack(page, o->handle, entries, PAGE_OWNER_STACK_DEPTH);
	for (i = 0; i < nr; i++) {
		sprint_symbol(sym, sizeof(sym), entries[i]);
		printk(KERN_ALERT " %s\n", sym);
	}
}
