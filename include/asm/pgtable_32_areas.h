/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's virtual address space (i386, 3G/1G split), the same with
 * and without PAE (CONFIG_X86_PAE: only the table geometry and LAST_PKMAP
 * differ; the PKMAP window is one page table either way: 1024 slots of
 * 4 MiB without PAE, 512 slots of 2 MiB with it).
 *
 *  0xFFFFFFFF +--------------------------------+
 *             | unmapped guard page            |
 *  FIXADDR_TOP+--------------------------------+ 0xFFFFF000
 *             | fixmap: kmap_atomic/kmap_local | FIX_KMAP_BEGIN..FIX_KMAP_END
 *             |  slots, one page each, growing |  (fix_to_virt(i) = TOP - i*4K)
 *             |  downwards                     |
 *  FIXADDR_START ------------------------------+
 *             | guard gap (unmapped)           |
 *  PKMAP_BASE+LAST_PKMAP*PAGE_SIZE ------------+ 0xFFC00000
 *             | persistent kmap window:        | LAST_PKMAP slots = one page table
 *             |  kmap()/kunmap()               |
 *  PKMAP_BASE +--------------------------------+ 0xFF800000
 *             | guard gap                      |
 *  VMALLOC_END+--------------------------------+
 *             | ioremap area (framebuffer)     |
 *  VMALLOC_START ------------------------------+ high_memory + 8 MiB
 *             | VMALLOC_OFFSET guard gap       |
 *  high_memory+--------------------------------+ <= 0xF8000000
 *             | lowmem direct map:             | physical [0, min(RAM, 896M))
 *             |  __va(p) = p + PAGE_OFFSET     |  4 KiB PTEs (debug_pagealloc
 *             |                                |  can unmap single pages)
 *  PAGE_OFFSET+--------------------------------+ 0xC0000000
 *             | unmapped (no user space yet);  |
 *             | page 0 unmapped: NULL faults   |
 *  0x00000000 +--------------------------------+
 */
#ifndef _ASM_PGTABLE_32_AREAS_H
#define _ASM_PGTABLE_32_AREAS_H

#include <asm/page.h>

#ifdef CONFIG_X86_PAE
/* Linux's pgtable-3level_types.h: PDPT (4) -> page directory (512) -> PTE (512) */
#define PMD_SHIFT	21
#define PTRS_PER_PTE	512
#define PTRS_PER_PMD	512
#define PGDIR_SHIFT	30
#define PTRS_PER_PGD	4
#else
/* pgtable-2level_types.h: the PMD is folded into the page directory */
#define PMD_SHIFT	22
#define PTRS_PER_PTE	1024
#define PTRS_PER_PMD	1
#define PGDIR_SHIFT	22
#define PTRS_PER_PGD	1024
#endif
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))

#define FIXADDR_TOP	0xFFFFF000UL
#define PKMAP_BASE	0xFF800000UL
#include <asm/kmap_areas.h>

#define VMALLOC_OFFSET	(8UL << 20)
#define VMALLOC_END	(PKMAP_BASE - 2 * PAGE_SIZE)

_Static_assert((PKMAP_BASE & (PMD_SIZE - 1)) == 0, "PKMAP window must be one page table");
_Static_assert(PKMAP_END < FIXADDR_START, "PKMAP window overlaps the fixmap");
_Static_assert(FIXADDR_START >= PKMAP_END + PAGE_SIZE, "no guard gap between PKMAP and fixmap");
_Static_assert(PAGE_OFFSET + MAXMEM + VMALLOC_OFFSET < VMALLOC_END, "direct map runs into PKMAP");

#endif
