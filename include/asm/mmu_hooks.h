/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The only places where generic mm/ touches page tables.  Implemented once
 * for the kernel (kernel/paging.c, real i386 PTEs) and once for the host
 * tests (tests/host/mmu_hooks.c, a memfd mapped with mmap so that a
 * "PTE" really makes the page appear at that address).
 */
#ifndef _ASM_MMU_HOOKS_H
#define _ASM_MMU_HOOKS_H

#include <linux/types.h>

/* Map the frame @pfn at kernel virtual @vaddr (PKMAP window or fixmap). */
void arch_set_kernel_pte(unsigned long vaddr, unsigned long pfn);
/* Remove the mapping at @vaddr; the TLB is NOT flushed (see below). */
void arch_clear_kernel_pte(unsigned long vaddr);
/* The frame mapped at @vaddr, or -1UL if nothing is mapped there. */
unsigned long arch_kernel_pte_pfn(unsigned long vaddr);
void arch_flush_tlb_one(unsigned long vaddr);
void arch_flush_tlb_kernel_range(unsigned long start, unsigned long end);

/*
 * debug_pagealloc: remove (@enable == false) or restore the direct-map
 * PTEs of @numpages lowmem frames starting at @pfn, flushing the TLB.
 */
void arch_kernel_map_pages(unsigned long pfn, unsigned int numpages, bool enable);

#endif
