/* SPDX-License-Identifier: GPL-2.0 */
/*
 * i386 page geometry and the lowmem direct map (kernel build).
 * The host test build shadows this file with tests/host/include/asm/page.h,
 * where "physical memory" is a memfd and the direct map one mmap of it.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <linux/types.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

/* Linux/i386 3G/1G split: physical 0 appears at virtual 0xC0000000 */
#define PAGE_OFFSET	0xC0000000UL

#define __pa(x)		((phys_addr_t)((unsigned long)(x) - PAGE_OFFSET))
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))

/*
 * clear_page - fill one page at kernel address @page with zeroes: a
 * string store, as Linux's x86 clear_page() (what __GFP_ZERO and
 * clear_highpage() use, cheaper than the general memset()).
 */
static inline void clear_page(void *page)
{
	unsigned long d0, d1;

	asm volatile("rep stosl"
		     : "=&c"(d0), "=&D"(d1)
		     : "a"(0), "0"(PAGE_SIZE / 4), "1"(page)
		     : "memory");
}

#endif
