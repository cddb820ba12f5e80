/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host test build of <asm/page.h>.  "Physical memory" is a memfd that
 * tests/host/mmu_hooks.c maps once at host_phys_base (the direct map), so
 * __va()/__pa() are an offset from that base instead of PAGE_OFFSET.
 * host_phys_size bytes of physical address space are backed.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <linux/types.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

extern unsigned char *host_phys_base;
extern u64 host_phys_size;

#define __pa(x)		((phys_addr_t)((unsigned char *)(x) - host_phys_base))
#define __va(x)		((void *)(host_phys_base + (x)))

/*
 * clear_page - the kernel's string-store page clear, so that the host's
 * __GFP_ZERO costs what a kernel's does rather than the C library's
 * memset(): on the 64-bit host Linux's x86-64 choice for a CPU with ERMS
 * (every x86-64 CPU since Ivy Bridge and Zen), clear_page_erms(), one
 * rep stosb; on i686 rep stosl, as the kernel build.
 */
static inline void clear_page(void *page)
{
	unsigned long d0, d1;

#ifdef __x86_64__
	asm volatile("rep stosb"
		     : "=&c"(d0), "=&D"(d1)
		     : "a"(0UL), "0"(PAGE_SIZE), "1"(page)
		     : "memory");
#else
	asm volatile("rep stosl"
		     : "=&c"(d0), "=&D"(d1)
		     : "a"(0UL), "0"(PAGE_SIZE / 4), "1"(page)
		     : "memory");
#endif
}

#endif
