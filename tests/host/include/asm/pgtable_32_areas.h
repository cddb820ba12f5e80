/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host build of the kernel's virtual layout: the PKMAP window and the
 * fixmap are a PROT_NONE reservation made by tests/host/mmu_hooks.c, whose
 * base is only known at run time; the arithmetic is the kernel's.
 */
#ifndef _ASM_PGTABLE_32_AREAS_H
#define _ASM_PGTABLE_32_AREAS_H

#include <asm/page.h>

#define MAXMEM		(896UL << 20)
#define MAXMEM_PFN	(MAXMEM >> PAGE_SHIFT)

enum fixed_addresses {
	FIX_HOLE,
	FIX_KMAP_BEGIN,
	FIX_KMAP_END = FIX_KMAP_BEGIN + 16 - 1,
	__end_of_fixed_addresses
};

extern unsigned long host_pkmap_base;	/* LAST_PKMAP pages, a guard, the fixmap */
extern unsigned long host_fixaddr_top;

#define FIXADDR_TOP	host_fixaddr_top
#define FIXADDR_SIZE	((unsigned long)__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START	(FIXADDR_TOP - FIXADDR_SIZE)
#define __fix_to_virt(x)	(FIXADDR_TOP - ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(v)	((FIXADDR_TOP - ((v) & PAGE_MASK)) >> PAGE_SHIFT)

#define LAST_PKMAP	1024
#define LAST_PKMAP_MASK	(LAST_PKMAP - 1)
#define PKMAP_BASE	host_pkmap_base
#define PKMAP_END	(PKMAP_BASE + LAST_PKMAP * PAGE_SIZE)
#define PKMAP_NR(virt)	(((virt) - PKMAP_BASE) >> PAGE_SHIFT)
#define PKMAP_ADDR(nr)	(PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))

#endif
