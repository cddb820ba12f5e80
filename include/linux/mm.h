/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pfn <-> struct page <-> address conversions, reference counts and the
 * memory-model helpers generic code uses.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/mmzone.h>
#include <linux/gfp.h>
#include <asm/page.h>

#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))

/* pfn of one past the last RAM page the kernel manages (kernel: node 0) */
extern unsigned long max_pfn;
/* first pfn above the direct map (= end of ZONE_NORMAL) */
extern unsigned long max_low_pfn;

static inline unsigned long page_to_pfn(const struct page *page)
{
	const struct pglist_data *pgdat = page_pgdat(page);

	return pgdat->node_start_pfn + (unsigned long)(page - pgdat->node_mem_map);
}

/* node 0 only: the kernel's flat mem_map */
static inline struct page *pfn_to_page(unsigned long pfn)
{
	return contig_page_data.node_mem_map + (pfn - contig_page_data.node_start_pfn);
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= contig_page_data.node_start_pfn &&
	       pfn - contig_page_data.node_start_pfn < contig_page_data.node_spanned_pages;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

static inline bool PageHighMem(const struct page *page)
{
	return page_zonenum(page) == ZONE_HIGHMEM;
}

#define virt_to_pfn(kaddr)	PHYS_PFN(__pa(kaddr))
#define virt_to_page(kaddr)	pfn_to_page(virt_to_pfn(kaddr))
#define lowmem_page_address(page) __va(page_to_phys(page))

/*
 * page_address - the kernel virtual address of @page: its direct-map
 * address for lowmem, its current kmap address for HighMem, or NULL if a
 * HighMem page is not mapped (mm/highmem.c).
 */
void *page_address(const struct page *page);

static inline int page_count(const struct page *page)
{
	return page->_refcount;
}

static inline void set_page_count(struct page *page, int v)
{
	page->_refcount = v;
}

static inline void init_page_count(struct page *page)
{
	set_page_count(page, 1);
}

static inline struct page *compound_head(const struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	if (head & 1)
		return (struct page *)(head - 1);
	return (struct page *)page;
}

static inline unsigned int compound_order(const struct page *page)
{
	if (!PageHead(page))
		return 0;
	return page[1].compound_order;
}

/* get_page - take a reference on an allocated block (its head page). */
void get_page(struct page *page);
/* put_page - drop one; frees the block (with its allocation order) at 0. */
void put_page(struct page *page);

/*
 * Memory-model setup (mm/mm_init.c).
 *
 * free_area_init_node - make @pgdat the allocator instance of node @nid
 * over pfns [@start_pfn, @end_pfn), whose struct pages start at @mem_map
 * (the struct page of @start_pfn).  Zone j spans [max_zone_pfn[j-1],
 * max_zone_pfn[j]) clipped to the node (empty zones: spanned 0,
 * zone_start_pfn 0); present_pages counts the pages of @memory (RAM
 * ranges, bytes) inside each span.  Every struct page starts PG_reserved
 * with refcount 1 and its zone/node links; free lists are empty and
 * managed_pages 0 until __free_pages_memory() hands pages over.  Registers
 * @pgdat as node_data[@nid] and builds its zonelist.  debug_flags is kept.
 */
struct memblock_type;
void free_area_init_node(struct pglist_data *pgdat, int nid,
			 const unsigned long max_zone_pfn[MAX_NR_ZONES],
			 unsigned long start_pfn, unsigned long end_pfn,
			 const struct memblock_type *memory, struct page *mem_map);
/*
 * free_area_init - the kernel's node 0 over the RAM memblock knows, up to
 * max_pfn, with mem_map from memblock; prints "Zone ranges:" and the
 * mem_map size.  @max_zone_pfn is the arch's (Linux's zone_sizes_init).
 */
void free_area_init(const unsigned long *max_zone_pfn);
/*
 * mem_init - hand memblock's free pages to the buddy allocator, compute
 * watermarks and lowmem_reserve, print Linux's "Memory: ..." line.
 */
void mem_init(void);

#endif /* _LINUX_MM_H */
