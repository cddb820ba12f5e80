/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mapping HighMem pages (mm/highmem.c).  Lowmem pages are always in the
 * direct map, so for them every function here is page_address().  HighMem
 * pages get a temporary kernel address: kmap() a persistent slot in the
 * PKMAP window (may be held across anything, shared by two users of one
 * page), kmap_atomic()/kmap_local_page() a per-CPU fixmap slot used
 * strictly last-in first-out.
 *
 * Misuse (an unmatched kunmap, an out-of-order kunmap_local, a full
 * window or stack) is reported with one "BUG: kmap..." line naming the
 * pfn or address, and changes nothing; the call that had to produce an
 * address returns NULL.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>
#include <asm/pgtable_32_areas.h>


/*
 * kmap_init - forget every kmap: all PKMAP slots free (pkmap_count 0),
 * the kmap_local stack empty, any PTE left in the PKMAP window or the
 * kmap fixmap slots cleared and the TLB flushed.  Called once at boot,
 * after the page table for the window exists; host tests call it to
 * start from a clean state.
 */
void kmap_init(void);

/*
 * kmap - map @page for the caller; NULL only when all LAST_PKMAP slots are
 * in use (Linux would sleep; this kernel cannot, so it reports a BUG line
 * and fails).  Each kmap() must be paired with one kunmap().  A lowmem
 * page's address is its direct-map address and uses no slot.  Two kmap()s
 * of one HighMem page return the same address and share one slot.
 * After the last kunmap() the page stays mapped, lazily, as in Linux:
 * page_address() still returns the address and a new kmap() revives the
 * slot, until the window is flushed (kmap's scan wrapping, or
 * kmap_flush_unused()); then page_address() is NULL and the old address
 * faults.  Not from interrupt context (as in Linux).
 */
void *kmap(struct page *page);
/* kunmap - drop one kmap() of @page; an unmatched kunmap is reported, no change */
void kunmap(struct page *page);

/*
 * kmap_flush_unused - clear every PKMAP slot that is mapped but has no
 * user left (pkmap_count == 1) and flush the window from every CPU's TLB
 * once (a TLB shootdown, kmap_lock held): what kmap() does by itself when
 * its scan wraps.  Afterwards page_address() of those pages is NULL and
 * their old addresses fault on every CPU.
 */
void kmap_flush_unused(void);

/*
 * kmap_local_page - map @page in the next fixmap slot of this CPU's
 * kmap_local stack and return its address (lowmem: page_address(), no
 * slot).  Cheap, never sleeps, usable in interrupts; the mapping must be
 * dropped with kunmap_local() in reverse order of mapping, before the
 * caller returns.  More than KM_MAX_IDX nested HighMem mappings: a BUG
 * line and NULL.
 * kunmap_local - drop the mapping at @addr (any address inside the
 * page), which must be the most recent one this CPU still holds; anything
 * else (an older one, another CPU's slot) is reported and changes
 * nothing.  A lowmem address is accepted and ignored.  Only this CPU's
 * TLB is flushed: no other CPU uses this CPU's slots.
 */
void *kmap_local_page(struct page *page);
void kunmap_local(const void *addr);
/* The older names for the same stack (Linux disables preemption too). */
void *kmap_atomic(struct page *page);
void kunmap_atomic(const void *addr);
/* HighMem mappings on this CPU's kmap_local stack now; 0 when every caller unmapped */
unsigned int kmap_local_depth(void);
/* the same for CPU @cpu (a snapshot, for reports); 0 for a CPU beyond KM_NR_CPUS */
unsigned int kmap_local_depth_cpu(unsigned int cpu);

/* the page mapped at a kmap/kmap_local/direct-map address (NULL if none) */
struct page *kmap_to_page(const void *addr);

/* zero / copy whole pages through temporary mappings */
void clear_highpage(struct page *page);
void copy_highpage(struct page *to, struct page *from);
/*
 * memcpy_to_page / memcpy_from_page - copy @len bytes at @offset within
 * @page; offset + len beyond the page is reported and copies nothing.
 */
void memcpy_to_page(struct page *page, size_t offset, const void *from, size_t len);
void memcpy_from_page(void *to, struct page *page, size_t offset, size_t len);

/* number of PKMAP slots in use (count > 1), for reports and tests */
unsigned int nr_pkmaps_in_use(void);

/*
 * pkmap_count_of - the pkmap_count[] of PKMAP slot @nr: 0 free, 1 mapped
 * but unused (flush pending), n > 1 held by n - 1 kmap()s; -1 if @nr is
 * not a slot.  For tests and reports.
 */
int pkmap_count_of(unsigned int nr);

struct kmap_stats {
	unsigned int pkmap_in_use;	/* slots with pkmap_count > 1 */
	unsigned int pkmap_unused;	/* pkmap_count == 1: mapped, flush pending */
	unsigned int last_pkmap_nr;	/* where kmap()'s scan resumes */
	unsigned int local_depth;	/* kmap_local stack depth */
	unsigned long pkmap_flushes;	/* flush_all_zero_pkmaps() runs that flushed */
	unsigned long pkmap_failures;	/* kmap() calls that found the window full */
};
void kmap_get_stats(struct kmap_stats *st);

/*
 * kmap_describe_address - for a page-fault report: if @addr lies in the
 * PKMAP window, the fixmap or the guard gap between them, write a phrase
 * such as "in the PKMAP window (slot 5, free)" or "in the fixmap
 * (kmap_local slot 2, not mapped: stack depth 1)" to @buf and return
 * true; otherwise return false and leave @buf alone.
 */
bool kmap_describe_address(unsigned long addr, char *buf, size_t size);

#endif
