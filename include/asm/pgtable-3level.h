/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PAE page-table entries (Linux's pgtable-3level.h): three levels of 64-bit
 * entries, PDPT (4 entries, 1 GiB each) -> page directory (512 entries,
 * 2 MiB each) -> page table (512 entries, 4 KiB each).  An entry holds a
 * physical address of up to 52 bits (bits 12..51) and NX in bit 63, so a
 * frame above 4 GiB puts its pfn's top bits in the entry's upper half.
 *
 * These helpers are plain arithmetic on u64 and compile in every
 * configuration: the PAE kernel uses them through <asm/pgtable.h>, and the
 * host tests (tests/kunit/pae_test.c) check them beside the non-PAE build.
 */
#ifndef _ASM_PGTABLE_3LEVEL_H
#define _ASM_PGTABLE_3LEVEL_H

#include <linux/types.h>
#include <asm/page.h>

typedef u64 pae_pteval_t;

#define PAE_PGDIR_SHIFT		30
#define PAE_PMD_SHIFT		21
#define PAE_PTRS_PER_PGD	4
#define PAE_PTRS_PER_PMD	512
#define PAE_PTRS_PER_PTE	512
/* Linux's __PHYSICAL_MASK_SHIFT for PAE: 52 address bits in an entry */
#define PAE_PHYSICAL_MASK_SHIFT	52
#define PAE_PTE_PFN_MASK	(((1ULL << PAE_PHYSICAL_MASK_SHIFT) - 1) & ~0xfffULL)
#define _PAGE_NX		(1ULL << 63)
/* the most physical memory a 32-bit PAE kernel maps: 64 GiB (36 bits) */
#define PAE_MAX_PHYSMEM_BITS	36
#define PAE_MAX_PFN		(1UL << (PAE_MAX_PHYSMEM_BITS - PAGE_SHIFT))

static inline unsigned int pae_pgd_index(unsigned long va)
{
	return (u32)va >> PAE_PGDIR_SHIFT;
}

static inline unsigned int pae_pmd_index(unsigned long va)
{
	return ((u32)va >> PAE_PMD_SHIFT) & (PAE_PTRS_PER_PMD - 1);
}

static inline unsigned int pae_pte_index(unsigned long va)
{
	return ((u32)va >> PAGE_SHIFT) & (PAE_PTRS_PER_PTE - 1);
}

static inline pae_pteval_t pae_pfn_pte(unsigned long pfn, pae_pteval_t prot)
{
	return ((pae_pteval_t)pfn << PAGE_SHIFT) | prot;
}

static inline unsigned long pae_pte_pfn(pae_pteval_t pte)
{
	return (unsigned long)((pte & PAE_PTE_PFN_MASK) >> PAGE_SHIFT);
}

/*
 * A PDPT entry: only Present (and the cache bits) are allowed - RW, U/S,
 * A, D, PS are reserved there and would make the CR3 load #GP.
 */
static inline pae_pteval_t pae_pdpt_entry(u64 pmd_page_phys)
{
	return (pmd_page_phys & PAE_PTE_PFN_MASK) | 0x001;
}

/*
 * Store a 64-bit entry with two 32-bit writes so that the MMU, which may
 * walk the table at any time, never sees a present entry made of halves of
 * two different entries (Linux's native_set_pte / native_pte_clear): the
 * low half holds Present, so it goes out first when clearing and last
 * when setting.
 */
static inline void pae_set_pte(pae_pteval_t *ptep, pae_pteval_t val)
{
	volatile u32 *half = (volatile u32 *)ptep;

	half[0] = 0;
	__asm__ __volatile__("" : : : "memory");
	half[1] = (u32)(val >> 32);
	__asm__ __volatile__("" : : : "memory");
	half[0] = (u32)val;
}

static inline void pae_pte_clear(pae_pteval_t *ptep)
{
	volatile u32 *half = (volatile u32 *)ptep;

	half[0] = 0;
	__asm__ __volatile__("" : : : "memory");
	half[1] = 0;
}

#endif
