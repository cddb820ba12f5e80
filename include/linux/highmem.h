/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mapping HighMem pages (mm/highmem.c).  Lowmem pages are always in the
 * direct map, so for them every function here is page_address().  HighMem
 * pages get a temporary kernel address: kmap() a persistent slot in the
 * PKMAP window (may be held across anything, shared by two users of one
 * page), kmap_atomic()/kmap_local_page() a per-CPU fixmap slot used
 * strictly last-in first-out.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>

/* Set up the PKMAP state; the kernel's page table for the window exists. */
void kmap_init(void);

/*
 * kmap - map @page for the caller; NULL only when all LAST_PKMAP slots are
 * in use (Linux would sleep; this kernel cannot, so it reports a BUG line
 * and fails).  Each kmap() must be paired with one kunmap().
 */
void *kmap(struct page *page);
/* kunmap - drop one kmap() of @page; an unmatched kunmap is reported, no change */
void kunmap(struct page *page);

void *kmap_atomic(struct page *page);
void kunmap_atomic(void *addr);
void *kmap_local_page(struct page *page);
void kunmap_local(void *addr);

/* zero / copy whole pages through temporary mappings */
void clear_highpage(struct page *page);
void copy_highpage(struct page *to, struct page *from);
void memcpy_to_page(struct page *page, size_t offset, const void *from, size_t len);
void memcpy_from_page(void *to, struct page *page, size_t offset, size_t len);

/* number of PKMAP slots in use (count > 1), for reports and tests */
unsigned int nr_pkmaps_in_use(void);

#endif
