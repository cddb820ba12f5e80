/* SPDX-License-Identifier: GPL-2.0 */
/*
 * i386 page tables (kernel/paging.c): two levels of 32-bit entries, or
 * with CONFIG_X86_PAE (the orderly-pae.elf kernel, Linux's HIGHMEM64G)
 * three levels of 64-bit entries (<asm/pgtable-3level.h>) that reach
 * frames up to 64 GiB.
 *
 * After paging_init() the kernel runs on swapper_pg_dir:
 *   - nothing below PAGE_OFFSET (a NULL dereference faults);
 *   - the lowmem direct map [PAGE_OFFSET, high_memory) with 4 KiB PTEs, so
 *     debug_pagealloc can unmap single free pages;
 *   - one page table for the PKMAP window, one for the fixmap;
 *   - page tables for the first IOREMAP_SIZE bytes of the vmalloc area,
 *     where ioremap() maps device memory such as the framebuffer.
 * Before it, the boot page directory (boot/entry.asm) maps [0, 896 MiB) at
 * PAGE_OFFSET with 4 MiB pages (2 MiB with PAE), plus an identity map of
 * the first 8 MiB.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/types.h>
#include <asm/page.h>
#include <asm/pgtable_32_areas.h>
#include <asm/pgtable-3level.h>

#ifdef CONFIG_X86_PAE
#define IS_ENABLED_PAE	1
typedef u64 pteval_t;
#define PTE_PFN_MASK	PAE_PTE_PFN_MASK
#define MAX_ARCH_PFN	PAE_MAX_PFN
#define set_pte(p, v)	pae_set_pte(p, v)
#define pte_clear(p)	pae_pte_clear(p)
#else
#define IS_ENABLED_PAE	0
typedef u32 pteval_t;
#define PTE_PFN_MASK	((pteval_t)PAGE_MASK)
#define MAX_ARCH_PFN	(1UL << (32 - PAGE_SHIFT))
#define set_pte(p, v)	(*(p) = (v))
#define pte_clear(p)	(*(p) = 0)
#endif
typedef pteval_t pte_t;
typedef pteval_t pmd_t;		/* without PAE: the page directory entry itself */
typedef pteval_t pgd_t;		/* with PAE: a PDPT entry */

#define _PAGE_PRESENT	0x001
#define _PAGE_RW	0x002
#define _PAGE_USER	0x004
#define _PAGE_PWT	0x008
#define _PAGE_PCD	0x010
#define _PAGE_ACCESSED	0x020
#define _PAGE_DIRTY	0x040
#define _PAGE_PSE	0x080		/* in a PDE: 4 MiB page */
#define _PAGE_GLOBAL	0x100

#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PAGE_KERNEL	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

#define pgd_index(va)	((unsigned long)(va) >> PGDIR_SHIFT)
/* the page directory entry among all of them, as if they were one array */
#define pmd_index_all(va)	((unsigned long)(va) >> PMD_SHIFT)
#define pte_index(va)	(((unsigned long)(va) >> PAGE_SHIFT) & (PTRS_PER_PTE - 1))

/* ioremap space actually backed by page tables (pre-allocated at boot) */
#define IOREMAP_SIZE	(64UL << 20)

/* the kernel's final page directory, valid after paging_init() */
extern pgd_t *swapper_pg_dir;
/* first byte above the lowmem direct map (Linux's high_memory) */
extern void *high_memory;
/* start of the vmalloc/ioremap area: high_memory + VMALLOC_OFFSET */
extern unsigned long vmalloc_start;
#define VMALLOC_START	vmalloc_start

/*
 * Build swapper_pg_dir from memblock_alloc() memory (max_low_pfn must be
 * known) and switch to it.  The boot stack's guard page is left unmapped.
 */
void paging_init(void);
/* true once paging_init() has switched to swapper_pg_dir */
bool paging_done(void);

/* Is @vaddr mapped in the current page tables?  (never faults) */
bool kernel_page_present(unsigned long vaddr);
/* Is @vaddr mapped with NX (PAE kernel on a CPU with NX)?  (never faults) */
bool kernel_page_nx(unsigned long vaddr);
/* 1 once the boot CPU turned EFER.NXE on: PTEs of data carry NX */
extern u32 paging_nx_enabled;

/*
 * Map @size bytes of device memory at physical @phys into the ioremap area
 * (uncached: PCD|PWT).  Returns the virtual address of @phys, or NULL (with
 * a message) if @phys is not below 4 GiB or the area is full.  Mappings are
 * never reused: this kernel maps a framebuffer and a few ACPI tables once.
 */
void *ioremap(phys_addr_t phys, unsigned long size);
/* the same with normal caching, for firmware tables in RAM */
void *ioremap_cache(phys_addr_t phys, unsigned long size);

static inline unsigned long read_cr2(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline unsigned long read_cr3(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline void __flush_tlb_one(unsigned long vaddr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(vaddr) : "memory");
}

#endif
