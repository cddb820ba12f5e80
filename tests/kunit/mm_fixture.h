/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A private allocator instance for tests: a node of its own (nid 1..7)
 * over a scratch arena of real memory, built with the kernel's own three
 * steps (free_area_init_node, __free_pages_memory, init_per_zone_wmark_min).
 *
 * The arena is a host_phys memfd on the host and a block from the
 * kernel's allocator (node 0) in the kernel, so at most 1024 pages there;
 * larger layouts are skipped in the kernel.  The layout is written in pfns
 * relative to the node's first pfn (f->base_pfn), so one test source runs
 * in both places.  Tests call the instance-level functions with the node
 * and its struct pages - never virt_to_page(), since in the kernel a
 * private node's pfns are also node 0's.
 *
 * nid 0 installs the arena as the kernel's node (contig_page_data,
 * max_pfn, max_low_pfn) so that the global API (alloc_pages, free_pages by
 * address) can be tested; host only, and undone by mm_fixture_destroy().
 */
#ifndef _TESTS_MM_FIXTURE_H
#define _TESTS_MM_FIXTURE_H

#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/vmstat.h>

#define MM_LAYOUT_MAX_RANGES	8
#ifndef EFBIG
#define EFBIG	27
#endif

struct mm_range {
	unsigned long start, end;	/* relative pfns, [start, end) */
};

struct mm_layout {
	const char *name;
	unsigned long nr_pages;			/* the node spans [0, nr_pages) */
	unsigned long zone_end[MAX_NR_ZONES];	/* relative max_zone_pfn[] */
	struct mm_range ram[MM_LAYOUT_MAX_RANGES];	/* none: all RAM */
	struct mm_range reserved[MM_LAYOUT_MAX_RANGES];	/* RAM kept back */
	unsigned long host_base_pfn;		/* host: the node's first pfn */
};

struct mm_fixture {
	struct pglist_data pgdat;	/* the private node (unused for nid 0) */
	struct pglist_data *node;	/* the instance under test */
	const struct mm_layout *layout;
	int nid;
	unsigned long base_pfn, nr_pages;
	struct page *mem_map;
	struct memblock_region regions[MM_LAYOUT_MAX_RANGES];
	struct memblock_type memory;
	unsigned long boot_free[MAX_NR_ZONES][MAX_ORDER];	/* buddyinfo after boot */
	/* kernel: where the arena and mem_map came from */
	struct page *arena;
	unsigned int arena_order;
	void *map_alloc;
	/* host, nid 0: what the fixture replaced */
	struct pglist_data *saved_pgdat;
	unsigned long saved_max_pfn, saved_max_low_pfn;
};

/* 0, or -EFBIG (arena too large here) / -ENOMEM / -EBUSY (nid 0 in the kernel) */
int mm_fixture_init(struct mm_fixture *f, const struct mm_layout *l, int nid,
		    unsigned int debug_flags);
void mm_fixture_destroy(struct mm_fixture *f);
/* init, or skip the test case with the reason */
struct pglist_data *mm_fixture_setup(struct kunit *test, struct mm_fixture *f,
				     const struct mm_layout *l, int nid,
				     unsigned int debug_flags);

/* all watermarks and lowmem_reserve 0: success iff a large enough block exists */
void mm_fixture_no_watermarks(struct mm_fixture *f);

static inline struct page *mm_page(const struct mm_fixture *f, unsigned long rel_pfn)
{
	return f->node->node_mem_map + rel_pfn;
}

static inline unsigned long mm_rel_pfn(const struct mm_fixture *f, const struct page *page)
{
	return (unsigned long)(page - f->node->node_mem_map);
}

static inline struct zone *mm_zone(const struct mm_fixture *f, enum zone_type z)
{
	return &f->node->node_zones[z];
}

/* true if every managed page is free again and buddyinfo equals the boot state */
bool mm_fixture_at_boot_state(const struct mm_fixture *f);

/*
 * A byte-exact copy of the instance (pgdat and every struct page) to
 * prove that a misuse changed nothing.
 */
struct mm_state {
	struct pglist_data pgdat;
	struct page *pages;
	unsigned long nr_pages;
};
int mm_state_save(const struct mm_fixture *f, struct mm_state *st);
bool mm_state_equal(const struct mm_fixture *f, const struct mm_state *st);
void mm_state_free(struct mm_state *st);

/*
 * The buddyinfo a correct allocator must show when exactly the pages with
 * free[rel_pfn] != 0 are free: in each zone, the maximal naturally aligned
 * blocks (up to MAX_ORDER-1) of free pages inside the zone.  The free
 * structure of a buddy allocator that always merges is a function of the
 * free set alone, which makes this an independent reference.
 */
void mm_canonical_buddyinfo(const struct mm_fixture *f, const unsigned char *free,
			    unsigned long out[MAX_NR_ZONES][MAX_ORDER]);
/* the free[] of the boot state: RAM minus the layout's reserved ranges */
void mm_boot_free_map(const struct mm_fixture *f, unsigned char *free);

/* scratch memory for tests: calloc on the host, node-0 pages in the kernel (<= 4 MiB) */
void *mm_test_alloc(size_t bytes);
void mm_test_free(void *p, size_t bytes);

/* the virtual address of a page of the node (lowmem only), for writing patterns */
static inline void *mm_page_lowmem_address(const struct mm_fixture *f, const struct page *page)
{
	return __va(PFN_PHYS(f->base_pfn + mm_rel_pfn(f, page)));
}

#endif
