/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The PKMAP window and fixmap arithmetic, shared by the kernel's layout
 * (<asm/pgtable_32_areas.h>, constant bases) and the host tests' twin of
 * it (tests/host/include/asm/pgtable_32_areas.h, bases known at run time).
 * The includer defines PKMAP_BASE and FIXADDR_TOP first.
 */
#ifndef _ASM_KMAP_AREAS_H
#define _ASM_KMAP_AREAS_H

#include <asm/page.h>

#if !defined(PKMAP_BASE) || !defined(FIXADDR_TOP)
#error "define PKMAP_BASE and FIXADDR_TOP before including <asm/kmap_areas.h>"
#endif

/* The most physical memory the direct map covers: Linux/i386's 896 MiB. */
#define MAXMEM		(896UL << 20)
#define MAXMEM_PFN	(MAXMEM >> PAGE_SHIFT)

/*
 * kmap_local slots: KM_MAX_IDX per CPU, for every CPU the kernel can
 * drive (CONFIG_NR_CPUS in <asm/smp.h>, checked in kernel/tlb.c), as
 * Linux's FIX_KMAP_END = FIX_KMAP_BEGIN + KM_MAX_IDX * NR_CPUS - 1.
 */
#define KM_MAX_IDX	16
#define KM_NR_CPUS	32

/* fixmap slots: index 0 is FIXADDR_TOP itself, kept as a guard */
enum fixed_addresses {
	FIX_HOLE,
	FIX_KMAP_BEGIN,				/* kmap_atomic / kmap_local stacks */
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_MAX_IDX * KM_NR_CPUS - 1,	/* CPU n: KM_MAX_IDX * n .. */
	__end_of_fixed_addresses
};

#define FIXADDR_SIZE	((unsigned long)__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START	(FIXADDR_TOP - FIXADDR_SIZE)
#define __fix_to_virt(x)	(FIXADDR_TOP - ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(v)	((FIXADDR_TOP - ((v) & PAGE_MASK)) >> PAGE_SHIFT)

#define LAST_PKMAP	1024
#define LAST_PKMAP_MASK	(LAST_PKMAP - 1)
#define PKMAP_END	(PKMAP_BASE + LAST_PKMAP * PAGE_SIZE)
#define PKMAP_NR(virt)	(((virt) - PKMAP_BASE) >> PAGE_SHIFT)
#define PKMAP_ADDR(nr)	(PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))

#endif
