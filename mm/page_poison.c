// SPDX-License-Identifier: GPL-2.0
/*
 * page_poison=on (PGDAT_PAGE_POISON): every page freed to the buddy
 * allocator is filled with PAGE_POISON (0xaa) and marked PG_poisoned; when
 * it is allocated again every byte is checked.  A byte that changed means
 * somebody wrote to the page after freeing it: the report names the pfn,
 * the first bad offset and how many bytes differ (Linux prints
 * "pagealloc: memory corruption" and a hex dump; one line is enough here).
 * The page is then handed out as usual - the corruption has already
 * happened, and the allocator's own state is intact.
 *
 * HighMem pages are reached through kmap_local_page(), lowmem ones
 * through the direct map.  With debug_pagealloc the free page is unmapped,
 * so poisoning happens before the unmap and checking after the remap.
 */
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/string.h>
#include "internal.h"

static void *poison_map(struct page *page)
{
	return PageHighMem(page) ? kmap_local_page(page) : lowmem_page_address(page);
}

static void poison_unmap(struct page *page, void *addr)
{
	if (PageHighMem(page))
		kunmap_local(addr);
}

void kernel_poison_pages(struct page *page, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		void *addr = poison_map(page + i);

		memset(addr, PAGE_POISON, PAGE_SIZE);
		poison_unmap(page + i, addr);
		__SetPagePoisoned(page + i);
	}
}

static bool check_poison_page(struct page *page)
{
	const unsigned char *addr = poison_map(page);
	unsigned long first = PAGE_SIZE, last = 0, bad = 0, i;
	unsigned char was = 0;

	for (i = 0; i < PAGE_SIZE; i++) {
		if (likely(addr[i] == PAGE_POISON))
			continue;
		if (first == PAGE_SIZE) {
			first = i;
			was = addr[i];
		}
		last = i;
		bad++;
	}
	poison_unmap(page, (void *)addr);
	if (!bad)
		return true;
	printk(KERN_ALERT "BUG: page poison: write-after-free in process %s  pfn:0x%05lx offset:0x%03lx byte:0x%02x (expected 0x%02x), %lu bytes changed in [0x%03lx, 0x%03lx]\n",
	       current_comm, page_to_pfn(page), first, was, PAGE_POISON, bad, first, last);
	return false;
}

unsigned int kernel_unpoison_pages(struct page *page, unsigned int nr)
{
	unsigned int i, bad = 0;

	for (i = 0; i < nr; i++) {
		if (!PagePoisoned(page + i))
			continue;
		if (!check_poison_page(page + i))
			bad++;
		__ClearPagePoisoned(page + i);
	}
	return bad;
}
