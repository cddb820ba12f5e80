// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memblock.c - the boot-time memory manager.
 *
 * Between the firmware's memory map and the buddy allocator, memory is two
 * lists of physical ranges (Linux's memblock):
 *
 *   memblock.memory    RAM the kernel may use (usable e820 entries)
 *   memblock.reserved  ranges in use: page 0, the BIOS area, the kernel
 *                      image, and every early allocation (page tables,
 *                      mem_map)
 *
 * Free memory is memory minus reserved; a reserved range need not lie in
 * memory (the BIOS area is mostly a hole).  Each list is kept
 *
 *   (a) sorted by base,
 *   (b) non-overlapping, and
 *   (c) merged: no two regions touch (base of one == end of the previous),
 *
 * so a list is the unique, minimal description of a set of addresses and
 * total_size is exact.  Adding a range takes the union with every region
 * it overlaps or touches; removing one cuts regions, splitting a region in
 * two when the hole falls strictly inside it.  Both need at most one extra
 * slot.
 *
 * The arrays start as two static tables of INIT_MEMBLOCK_REGIONS; a full
 * one is doubled from memblock itself (Linux's memblock_double_array()):
 * find a free, page-aligned range below current_limit that avoids the
 * range being added or cut, copy the table there, reserve it, and give
 * back the previous copy unless it was the static one.  The old array
 * needs no special care: it is the static table (in the kernel image,
 * reserved) or an earlier doubling (reserved), so the search skips it.
 * Doubling is allowed only after memblock_allow_resize(): before the
 * caller has reserved what must not be overwritten (the kernel image),
 * any free-looking range might be in use, and growing is a panic, as in
 * Linux.  When no room is found the call is refused with Linux's report
 * and the list is left exactly as it was (never half-applied).
 *
 * Allocation is top-down (Linux's default): walk the free ranges from the
 * highest down, take the highest @align-aligned block that fits below
 * memblock.current_limit, and reserve it.  Top-down keeps early
 * allocations away from the DMA zone, and current_limit (the end of
 * lowmem, set by setup_arch) keeps them inside the direct map so __va()
 * works.  Page 0 is never handed out: 0 means failure.
 *
 * memblock_free_all() retires the allocator: every whole page of every
 * free range goes to the buddy allocator (__free_pages_memory(), which
 * splits at zone boundaries), and later memblock allocations are refused.
 * Reserved pages are never freed; they keep PG_reserved in mem_map.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mmzone.h>
#include <asm/page.h>
#include "internal.h"

#define PHYS_ADDR_MAX		(~(phys_addr_t)0)
#define SMP_CACHE_BYTES		64

static struct memblock_region memblock_memory_init_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region memblock_reserved_init_regions[INIT_MEMBLOCK_REGIONS];
static bool memblock_can_resize;	/* memblock_allow_resize() ran */

struct memblock memblock = {
	.current_limit	= PHYS_ADDR_MAX,
	.memory = {
		.max = INIT_MEMBLOCK_REGIONS,
		.regions = memblock_memory_init_regions,
		.name = "memory",
	},
	.reserved = {
		.max = INIT_MEMBLOCK_REGIONS,
		.regions = memblock_reserved_init_regions,
		.name = "reserved",
	},
};

/* clip @size so that base + size does not wrap (Linux's memblock_cap_size) */
static phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t size)
{
	return min(size, PHYS_ADDR_MAX - base);
}

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

static phys_addr_t memblock_find_in_range(phys_addr_t start, phys_addr_t end,
					  phys_addr_t size, phys_addr_t align);

void memblock_allow_resize(void)
{
	memblock_can_resize = true;
}

/*
 * memblock_double_array - give @type twice as many slots.
 * @new_area_start, @new_area_size: the range the caller is about to add or
 * cut, which the new array must not overlap (Linux avoids it for the
 * reserved table only; for memory, a range being removed is still free
 * memory and would be a candidate, so Orderly avoids it for both).
 * The search is top-down above the range first, then below it.  Returns 0,
 * or -ENOMEM with the table unchanged.
 */
static int memblock_double_array(struct memblock_type *type, phys_addr_t new_area_start,
				 phys_addr_t new_area_size)
{
	struct memblock_region *new_array, *old_array = type->regions;
	phys_addr_t old_size = type->max * sizeof(struct memblock_region);
	phys_addr_t new_size = old_size << 1;
	phys_addr_t old_alloc_size = ALIGN(old_size, (phys_addr_t)PAGE_SIZE);
	phys_addr_t new_alloc_size = ALIGN(new_size, (phys_addr_t)PAGE_SIZE);
	phys_addr_t addr, new_area_end;

	if (!memblock_can_resize)
		panic("memblock: cannot resize %s array", type->name);

	new_area_end = new_area_start + memblock_cap_size(new_area_start, new_area_size);
	addr = memblock_find_in_range(new_area_end, memblock.current_limit,
				      new_alloc_size, PAGE_SIZE);
	if (!addr && new_area_size)
		addr = memblock_find_in_range(0, min(new_area_start, memblock.current_limit),
					      new_alloc_size, PAGE_SIZE);
	if (!addr) {
		pr_err("memblock: Failed to double %s array from %lu to %lu entries !\n",
		       type->name, type->max, type->max * 2);
		return -ENOMEM;
	}
	/* Linux prints this with memblock=debug only; Orderly always does */
	pr_info("memblock: %s is doubled to %lu at [0x%016llx-0x%016llx]\n", type->name,
		type->max * 2, (unsigned long long)addr,
		(unsigned long long)(addr + new_size - 1));

	new_array = __va(addr);
	memcpy(new_array, old_array, (size_t)old_size);
	memset(new_array + type->max, 0, (size_t)old_size);
	type->regions = new_array;
	type->max <<= 1;

	/*
	 * When @type is the memory table, these two edit the reserved one,
	 * which may be full itself and then doubles in turn (avoiding
	 * [addr, addr + new_alloc_size), the range being reserved).  A
	 * failure here would leave the new array unreserved, free for the
	 * next allocation to overwrite: a BUG, as in Linux.
	 */
	if (old_array != memblock_memory_init_regions &&
	    old_array != memblock_reserved_init_regions)
		BUG_ON(memblock_phys_free(__pa(old_array), old_alloc_size));
	BUG_ON(memblock_reserve(addr, new_alloc_size));
	return 0;
}

/*
 * Union [base, base+size) into @type.  Regions that overlap or touch the
 * range (indices first..last-1) are replaced by one region.
 */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	struct memblock_region *r;
	phys_addr_t end, new_base, new_end, absorbed = 0;
	unsigned long first, last, i;

	size = memblock_cap_size(base, size);
	if (!size)
		return 0;
	end = base + size;

repeat:
	r = type->regions;
	/* first region that ends at or after base, i.e. touches or follows it */
	for (first = 0; first < type->cnt && region_end(&r[first]) < base; first++)
		;
	/* last: one past the last region that starts at or before end */
	for (last = first; last < type->cnt && r[last].base <= end; last++)
		;

	if (first == last) {
		/* nothing to merge with: insert at @first */
		if (type->cnt >= type->max) {
			if (memblock_double_array(type, base, size))
				return -ENOMEM;
			goto repeat;	/* doubling may have edited this table */
		}
		memmove(&r[first + 1], &r[first], (type->cnt - first) * sizeof(*r));
		r[first].base = base;
		r[first].size = size;
		type->cnt++;
		type->total_size += size;
		return 0;
	}

	new_base = min(base, r[first].base);
	new_end = max(end, region_end(&r[last - 1]));
	for (i = first; i < last; i++)
		absorbed += r[i].size;
	r[first].base = new_base;
	r[first].size = new_end - new_base;
	memmove(&r[first + 1], &r[last], (type->cnt - last) * sizeof(*r));
	type->cnt -= last - first - 1;
	type->total_size += r[first].size - absorbed;
	return 0;
}

/* Cut [base, base+size) out of @type; bytes actually removed in *removed. */
static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size, phys_addr_t *removed)
{
	struct memblock_region *r;
	phys_addr_t end, gone = 0;
	unsigned long i;

	*removed = 0;
	size = memblock_cap_size(base, size);
	if (!size)
		return 0;
	end = base + size;

	/* grow first if the cut needs a slot we do not have; refuse if we cannot */
	for (i = 0; i < type->cnt && type->cnt >= type->max; i++) {
		r = &type->regions[i];
		if (r->base < base && region_end(r) > end) {
			if (memblock_double_array(type, base, size))
				return -ENOMEM;
			break;
		}
	}
	r = type->regions;

	for (i = 0; i < type->cnt; ) {
		phys_addr_t rb = r[i].base, re = region_end(&r[i]);

		if (re <= base || rb >= end) {
			i++;
			continue;
		}
		if (rb < base && re > end) {
			/* strictly inside: split into [rb, base) and [end, re) */
			memmove(&r[i + 2], &r[i + 1], (type->cnt - i - 1) * sizeof(*r));
			r[i].size = base - rb;
			r[i + 1].base = end;
			r[i + 1].size = re - end;
			type->cnt++;
			gone += size;
			break;
		}
		if (rb >= base && re <= end) {
			/* wholly covered: drop it */
			gone += r[i].size;
			memmove(&r[i], &r[i + 1], (type->cnt - i - 1) * sizeof(*r));
			type->cnt--;
			continue;
		}
		if (rb < base) {		/* keep the head */
			gone += re - base;
			r[i].size = base - rb;
		} else {			/* keep the tail */
			gone += end - rb;
			r[i].base = end;
			r[i].size = re - end;
		}
		i++;
	}
	type->total_size -= gone;
	*removed = gone;
	return 0;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t removed;

	return memblock_remove_range(&memblock.memory, base, size, &removed);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

/* bytes of [base, end) covered by @type */
static phys_addr_t memblock_covered(const struct memblock_type *type, phys_addr_t base,
				    phys_addr_t end)
{
	phys_addr_t covered = 0;
	unsigned long i;

	for (i = 0; i < type->cnt; i++) {
		phys_addr_t lo = max(base, type->regions[i].base);
		phys_addr_t hi = min(end, region_end(&type->regions[i]));

		if (lo < hi)
			covered += hi - lo;
	}
	return covered;
}

/*
 * Free a reserved range.  Freeing bytes that were never reserved is a
 * caller's bug (a double free, a wrong size): it is reported and nothing
 * changes.
 */
int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t removed;

	size = memblock_cap_size(base, size);
	if (!size)
		return 0;
	if (memblock_covered(&memblock.reserved, base, base + size) != size) {
		pr_err("memblock: freeing [0x%016llx-0x%016llx], which is not (all) reserved; ignored\n",
		       (unsigned long long)base, (unsigned long long)(base + size - 1));
		return -EINVAL;
	}
	return memblock_remove_range(&memblock.reserved, base, size, &removed);
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/*
 * __next_free_mem_range - step through memory minus reserved, lowest first.
 * @idx packs the memory index (low 32 bits) and the index of the gap
 * between reserved regions (high 32 bits); gap j lies between
 * reserved[j-1] and reserved[j].  Start with 0; ULLONG_MAX when done.
 * This is Linux's __next_mem_range() for one node and no flags.
 */
bool __next_free_mem_range(u64 *idx, phys_addr_t *out_start, phys_addr_t *out_end)
{
	const struct memblock_type *mem = &memblock.memory, *res = &memblock.reserved;
	unsigned long idx_a = (unsigned long)(*idx & 0xffffffff);
	unsigned long idx_b = (unsigned long)(*idx >> 32);

	if (*idx == ~0ULL)
		return false;
	for (; idx_a < mem->cnt; idx_a++) {
		phys_addr_t m_start = mem->regions[idx_a].base;
		phys_addr_t m_end = region_end(&mem->regions[idx_a]);

		for (; idx_b < res->cnt + 1; idx_b++) {
			phys_addr_t r_start = idx_b ? region_end(&res->regions[idx_b - 1]) : 0;
			phys_addr_t r_end = idx_b < res->cnt ? res->regions[idx_b].base : PHYS_ADDR_MAX;

			if (r_start >= m_end)
				break;		/* this gap starts after the region: next region */
			if (m_start < r_end) {
				*out_start = max(m_start, r_start);
				*out_end = min(m_end, r_end);
				/* advance whichever ends first */
				if (m_end <= r_end)
					idx_a++;
				else
					idx_b++;
				*idx = (u64)idx_a | (u64)idx_b << 32;
				return true;
			}
		}
	}
	*idx = ~0ULL;
	return false;
}

/* Highest @align-aligned [x, x+size) in free memory within [max(lo, PAGE_SIZE), limit); 0 if none. */
static phys_addr_t memblock_find_in_range(phys_addr_t lo, phys_addr_t limit,
					  phys_addr_t size, phys_addr_t align)
{
	phys_addr_t best = 0, start, end;
	u64 i = 0;

	/* free ranges come lowest first; the last fit found is the highest */
	while (__next_free_mem_range(&i, &start, &end)) {
		phys_addr_t cand;

		start = max(max(start, lo), (phys_addr_t)PAGE_SIZE);
		end = min(end, limit);
		if (end <= start || end - start < size)
			continue;
		cand = ALIGN_DOWN(end - size, align);
		if (cand >= start && cand > best)
			best = cand;
	}
	return best;
}

phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t base;

	if (memblock.retired) {
		pr_err("memblock: allocation of %llu bytes after memblock_free_all(); use the page allocator\n",
		       (unsigned long long)size);
		return 0;
	}
	if (!align) {
		WARN_ON_ONCE(1);	/* Linux: "Alignment 0 is deprecated" */
		align = SMP_CACHE_BYTES;
	}
	if (align & (align - 1)) {
		pr_err("memblock: alignment %#llx is not a power of two\n", (unsigned long long)align);
		return 0;
	}
	if (!size)
		return 0;
	base = memblock_find_in_range(0, memblock.current_limit, size, align);
	if (!base || memblock_reserve(base, size))
		return 0;
	return base;
}

void *memblock_alloc_raw(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t phys = memblock_phys_alloc(size, align);

	if (!phys) {
		pr_emerg("memblock_alloc: Failed to allocate %llu bytes align=%#llx below %#llx\n",
			 (unsigned long long)size, (unsigned long long)align,
			 (unsigned long long)memblock.current_limit);
		memblock_dump_all();
		BUG();
	}
	return __va(phys);
}

void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	void *p = memblock_alloc_raw(size, align);

	memset(p, 0, (size_t)size);
	return p;
}

phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long n = memblock.memory.cnt;

	return n ? region_end(&memblock.memory.regions[n - 1]) : 0;
}

/*
 * Keep the first @limit bytes of memory (counted from the bottom, across
 * holes) and drop the rest from both tables: the generic mem= semantics
 * (Linux's __find_max_addr + memblock_enforce_memory_limit).
 */
void memblock_enforce_memory_limit(phys_addr_t limit)
{
	phys_addr_t max_addr = PHYS_ADDR_MAX, left = limit, removed;
	unsigned long i;

	if (!limit)
		return;
	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (left <= r->size) {
			max_addr = r->base + left;
			break;
		}
		left -= r->size;
	}
	if (max_addr == PHYS_ADDR_MAX)
		return;		/* less memory than the limit */
	memblock_remove_range(&memblock.memory, max_addr, PHYS_ADDR_MAX - max_addr, &removed);
	memblock_remove_range(&memblock.reserved, max_addr, PHYS_ADDR_MAX - max_addr, &removed);
}

/*
 * Back to the static arrays, empty; a doubled array is forgotten, not
 * freed (the tables that recorded its reservation are the ones emptied).
 */
void memblock_reset(void)
{
	memblock.memory.cnt = 0;
	memblock.memory.total_size = 0;
	memblock.memory.max = INIT_MEMBLOCK_REGIONS;
	memblock.memory.regions = memblock_memory_init_regions;
	memblock.reserved.cnt = 0;
	memblock.reserved.total_size = 0;
	memblock.reserved.max = INIT_MEMBLOCK_REGIONS;
	memblock.reserved.regions = memblock_reserved_init_regions;
	memblock.current_limit = PHYS_ADDR_MAX;
	memblock.retired = false;
	memblock_can_resize = false;
}

/*
 * Whole pages only: a partial page can never be given to the page
 * allocator.  If the table cannot grow, the rest (the highest ranges, in a
 * sanitized table) is left out after one report; the caller sees it in
 * memblock_phys_mem_size().
 */
void memblock_add_e820(const struct e820_table *table)
{
	u32 i;

	for (i = 0; i < table->nr_entries && i < E820_MAX_ENTRIES; i++) {
		const struct e820_entry *e = &table->entries[i];
		phys_addr_t start, end;

		if (e->type != E820_TYPE_RAM || !e->size)
			continue;
		if (e->addr > PHYS_ADDR_MAX - PAGE_SIZE)
			continue;
		start = ALIGN(e->addr, (phys_addr_t)PAGE_SIZE);
		end = ALIGN_DOWN(e->addr + memblock_cap_size(e->addr, e->size), (phys_addr_t)PAGE_SIZE);
		if (end > start && memblock_add(start, end - start))
			break;
	}
}

bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	size = memblock_cap_size(base, size);
	return memblock_covered(&memblock.reserved, base, base + size) != 0;
}

static void memblock_dump(const struct memblock_type *type)
{
	unsigned long i;

	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		pr_info(" %s[0x%lx]\t[0x%016llx-0x%016llx], 0x%016llx bytes flags: 0x0\n",
			type->name, i, (unsigned long long)r->base,
			(unsigned long long)(region_end(r) - 1), (unsigned long long)r->size);
	}
}

void memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = 0x%016llx reserved size = 0x%016llx\n",
		(unsigned long long)memblock.memory.total_size,
		(unsigned long long)memblock.reserved.total_size);
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

unsigned long memblock_free_all(struct pglist_data *pgdat)
{
	unsigned long node_start = pgdat->node_start_pfn;
	unsigned long node_end = node_start + pgdat->node_spanned_pages;
	unsigned long freed = 0;
	phys_addr_t start, end;
	u64 i = 0;

	if (memblock.retired) {
		pr_err("memblock: memblock_free_all() called twice; pages already with the buddy allocator\n");
		return 0;
	}
	while (__next_free_mem_range(&i, &start, &end)) {
		/* inward to whole pages: a page partly reserved stays reserved */
		u64 spfn = (start >> PAGE_SHIFT) + !!(start & (PAGE_SIZE - 1));
		u64 epfn = end >> PAGE_SHIFT;

		spfn = max(spfn, (u64)node_start);
		epfn = min(epfn, (u64)node_end);
		if (spfn >= epfn)
			continue;
		__free_pages_memory(pgdat, (unsigned long)spfn, (unsigned long)epfn);
		freed += (unsigned long)(epfn - spfn);
	}
	memblock.retired = true;
	return freed;
}
