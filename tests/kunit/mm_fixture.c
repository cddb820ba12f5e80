// SPDX-License-Identifier: GPL-2.0
/*
 * The private-node fixture (see mm_fixture.h).  Not a *_test.c file: the
 * host Makefile lists it in HOST_TSRCS, the kernel build takes every .c in tests/kunit.
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include <linux/string.h>
#include <linux/highmem.h>
#include <asm/mmu_hooks.h>
#include "../../mm/internal.h"

#ifdef __ORDERLY_HOST__
#include <stdlib.h>
#include <sys/mman.h>
#include <host_phys.h>

/*
 * Zeroed, and aligned as the kernel's memblock allocations are: to a
 * cache line at least, so that no struct page of a mem_map straddles two
 * (calloc() would offset a large block by its 16-byte header), and a
 * large block to 2 MiB with transparent huge pages asked for, as Linux
 * maps its mem_map - so that a benchmark's random struct page costs a
 * cache miss, not a TLB miss as well.
 */
void *mm_test_alloc(size_t bytes)
{
	size_t align = bytes >= (2UL << 20) ? (2UL << 20) : 64;
	void *p;

	if (posix_memalign(&p, align, bytes ? bytes : 1))
		return NULL;
	memset(p, 0, bytes);
#ifdef MADV_HUGEPAGE
	if (align > 64)
		madvise(p, bytes & ~(align - 1), MADV_HUGEPAGE);
#endif
	return p;
}

void mm_test_free(void *p, size_t bytes)
{
	free(p);
}
#else
#include <linux/slab.h>

/*
 * In the kernel, kzalloc() as Linux's kunit_kzalloc(): a slab object up to
 * 8 KiB, a compound page block above (up to MAX_ORDER - 1).
 */
void *mm_test_alloc(size_t bytes)
{
	return kzalloc(bytes ? bytes : 1, GFP_KERNEL | __GFP_NOWARN);
}

void mm_test_free(void *p, size_t bytes)
{
	kfree(p);
}
#endif

static bool range_empty(const struct mm_range *r)
{
	return r->end <= r->start;
}

static bool pfn_reserved_by_layout(const struct mm_layout *l, unsigned long pfn)
{
	unsigned int i;

	for (i = 0; i < MM_LAYOUT_MAX_RANGES; i++)
		if (!range_empty(&l->reserved[i]) && pfn >= l->reserved[i].start &&
		    pfn < l->reserved[i].end)
			return true;
	return false;
}

/* hand the runs of [s, e) outside the layout's reserved ranges to the allocator */
static void free_ram_range(struct mm_fixture *f, unsigned long s, unsigned long e)
{
	while (s < e) {
		unsigned long run;

		while (s < e && pfn_reserved_by_layout(f->layout, s))
			s++;
		for (run = s; run < e && !pfn_reserved_by_layout(f->layout, run); run++)
			;
		if (run > s)
			__free_pages_memory(f->node, f->base_pfn + s, f->base_pfn + run);
		s = run;
	}
}

int mm_fixture_init(struct mm_fixture *f, const struct mm_layout *l, int nid,
		    unsigned int debug_flags)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES];
	unsigned int i, nr_ram = 0;
	size_t map_bytes;

	memset(f, 0, sizeof(*f));
	f->layout = l;
	f->nid = nid;
	f->nr_pages = l->nr_pages;
	if (nid < 0 || nid >= MAX_NUMNODES)
		return -EINVAL;
	map_bytes = l->nr_pages * sizeof(struct page);
#ifdef __ORDERLY_HOST__
	f->base_pfn = l->host_base_pfn;
	/* a fresh arena: no kmap may survive from an earlier test */
	kmap_init();
	if (host_phys_setup((u64)(f->base_pfn + l->nr_pages) << PAGE_SHIFT))
		return -ENOMEM;
	f->mem_map = mm_test_alloc(map_bytes);
	if (!f->mem_map)
		return -ENOMEM;
	if (nid == 0) {
		f->saved_pgdat = mm_test_alloc(sizeof(*f->saved_pgdat));
		if (!f->saved_pgdat) {
			mm_test_free(f->mem_map, map_bytes);
			return -ENOMEM;
		}
		memcpy(f->saved_pgdat, &contig_page_data, sizeof(contig_page_data));
		f->saved_max_pfn = max_pfn;
		f->saved_max_low_pfn = max_low_pfn;
		f->node = &contig_page_data;
	} else {
		f->node = &f->pgdat;
	}
#else
	if (nid == 0)
		return -EBUSY;
	if (node_data[nid])
		return -EBUSY;
	for (f->arena_order = 0; (1UL << f->arena_order) < l->nr_pages; f->arena_order++)
		;
	if (f->arena_order >= MAX_ORDER)
		return -EFBIG;
	f->arena = alloc_pages(GFP_KERNEL | __GFP_NOWARN, f->arena_order);
	if (!f->arena)
		return -ENOMEM;
	f->base_pfn = page_to_pfn(f->arena);
	f->mem_map = mm_test_alloc(map_bytes);
	if (!f->mem_map) {
		__free_pages(f->arena, f->arena_order);
		return -ENOMEM;
	}
	f->node = &f->pgdat;
#endif
	for (i = 0; i < MM_LAYOUT_MAX_RANGES; i++) {
		const struct mm_range *r = &l->ram[i];

		if (range_empty(r))
			continue;
		f->regions[nr_ram].base = PFN_PHYS(f->base_pfn + r->start);
		f->regions[nr_ram].size = PFN_PHYS(r->end - r->start);
		nr_ram++;
	}
	if (!nr_ram) {
		f->regions[0].base = PFN_PHYS(f->base_pfn);
		f->regions[0].size = PFN_PHYS(l->nr_pages);
		nr_ram = 1;
	}
	f->memory.cnt = nr_ram;
	f->memory.max = MM_LAYOUT_MAX_RANGES;
	f->memory.regions = f->regions;
	f->memory.name = "fixture";
	for (i = 0; i < MAX_NR_ZONES; i++)
		max_zone_pfn[i] = f->base_pfn + l->zone_end[i];

	f->node->debug_flags = debug_flags;
	free_area_init_node(f->node, nid, max_zone_pfn, f->base_pfn, f->base_pfn + l->nr_pages,
			    &f->memory, f->mem_map);
#ifdef __ORDERLY_HOST__
	if (nid == 0) {
		max_pfn = f->base_pfn + l->nr_pages;
		max_low_pfn = min(max_pfn, f->base_pfn + l->zone_end[ZONE_NORMAL]);
	}
#endif
	for (i = 0; i < nr_ram; i++) {
		unsigned long s = PFN_UP(f->regions[i].base) - f->base_pfn;
		unsigned long e = PFN_DOWN(f->regions[i].base + f->regions[i].size) - f->base_pfn;

		free_ram_range(f, s, e);
	}
	init_per_zone_wmark_min(f->node);
	buddyinfo_snapshot(f->node, f->boot_free);
	return 0;
}

void mm_fixture_destroy(struct mm_fixture *f)
{
	size_t map_bytes = f->nr_pages * sizeof(struct page);

	if (!f->node)
		return;
	if (f->node->debug_flags & PGDAT_DEBUG_PAGEALLOC)
		arch_kernel_map_pages(f->base_pfn, f->nr_pages, true);
#ifdef __ORDERLY_HOST__
	if (f->nid == 0) {
		contig_page_data = *f->saved_pgdat;
		max_pfn = f->saved_max_pfn;
		max_low_pfn = f->saved_max_low_pfn;
		mm_test_free(f->saved_pgdat, sizeof(*f->saved_pgdat));
	} else {
		node_data[f->nid] = NULL;
	}
	mm_test_free(f->mem_map, map_bytes);
	host_phys_teardown();
#else
	node_data[f->nid] = NULL;
	mm_test_free(f->mem_map, map_bytes);
	__free_pages(f->arena, f->arena_order);
#endif
	f->node = NULL;
}

struct pglist_data *mm_fixture_setup(struct kunit *test, struct mm_fixture *f,
				     const struct mm_layout *l, int nid,
				     unsigned int debug_flags)
{
	int ret = mm_fixture_init(f, l, nid, debug_flags);

	if (ret == -EFBIG)
		kunit_skip(test, "layout larger than one 4 MiB arena block");
	if (ret == -EBUSY)
		kunit_skip(test, "node in use (node 0 is the live kernel's)");
	KUNIT_ASSERT_EQ(test, ret, 0);
	return f->node;
}

void mm_fixture_no_watermarks(struct mm_fixture *f)
{
	int z, j;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = mm_zone(f, z);

		for (j = 0; j < NR_WMARK; j++)
			zone->_watermark[j] = 0;
		for (j = 0; j < MAX_NR_ZONES; j++)
			zone->lowmem_reserve[j] = 0;
	}
}

bool mm_fixture_at_boot_state(const struct mm_fixture *f)
{
	unsigned long now[MAX_NR_ZONES][MAX_ORDER];
	int z;

	buddyinfo_snapshot(f->node, now);
	if (memcmp(now, f->boot_free, sizeof(now)))
		return false;
	for (z = 0; z < MAX_NR_ZONES; z++)
		if (mm_zone(f, z)->free_pages != mm_zone(f, z)->managed_pages)
			return false;
	return true;
}

/*
 * The zone locks' ticket counters move with every lock/unlock pair, so a
 * path that took a lock and changed nothing else still "changed" them:
 * they are left out of the comparison.
 */
static void forget_lock_tickets(struct pglist_data *pgdat)
{
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++)
		spin_lock_init(&pgdat->node_zones[z].lock);
}

int mm_state_save(const struct mm_fixture *f, struct mm_state *st)
{
	st->nr_pages = f->nr_pages;
	memcpy(&st->pgdat, f->node, sizeof(st->pgdat));
	forget_lock_tickets(&st->pgdat);
	st->pages = mm_test_alloc(f->nr_pages * sizeof(struct page));
	if (!st->pages)
		return -ENOMEM;
	memcpy(st->pages, f->node->node_mem_map, f->nr_pages * sizeof(struct page));
	return 0;
}

bool mm_state_equal(const struct mm_fixture *f, const struct mm_state *st)
{
	static struct pglist_data now;

	memcpy(&now, f->node, sizeof(now));
	forget_lock_tickets(&now);
	return !memcmp(&st->pgdat, &now, sizeof(now)) &&
	       !memcmp(st->pages, f->node->node_mem_map, st->nr_pages * sizeof(struct page));
}

void mm_state_free(struct mm_state *st)
{
	mm_test_free(st->pages, st->nr_pages * sizeof(struct page));
	st->pages = NULL;
}

void mm_canonical_buddyinfo(const struct mm_fixture *f, const unsigned char *free,
			    unsigned long out[MAX_NR_ZONES][MAX_ORDER])
{
	int z;

	memset(out, 0, sizeof(unsigned long) * MAX_NR_ZONES * MAX_ORDER);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = mm_zone(f, z);
		unsigned long s = zone->zone_start_pfn, e = zone_end_pfn(zone), pfn = s;

		if (!zone->spanned_pages)
			continue;
		while (pfn < e) {
			unsigned int order;
			unsigned long i;

			if (!free[pfn - f->base_pfn]) {
				pfn++;
				continue;
			}
			for (order = MAX_ORDER - 1; ; order--) {
				unsigned long n = 1UL << order;

				if ((pfn & (n - 1)) == 0 && pfn + n <= e) {
					for (i = 0; i < n && free[pfn - f->base_pfn + i]; i++)
						;
					if (i == n)
						break;
				}
				if (order == 0)
					break;
			}
			out[z][order]++;
			pfn += 1UL << order;
		}
	}
}

void mm_boot_free_map(const struct mm_fixture *f, unsigned char *free)
{
	unsigned long pfn;
	unsigned int i;

	memset(free, 0, f->nr_pages);
	for (i = 0; i < f->memory.cnt; i++) {
		unsigned long s = PFN_UP(f->regions[i].base) - f->base_pfn;
		unsigned long e = PFN_DOWN(f->regions[i].base + f->regions[i].size) - f->base_pfn;

		for (pfn = s; pfn < e; pfn++)
			free[pfn] = !pfn_reserved_by_layout(f->layout, pfn);
	}
}
