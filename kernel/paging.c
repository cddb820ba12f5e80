// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's page tables (i386, two levels, 4 KiB pages, no PAE).
 *
 * boot/entry.asm starts the kernel on boot_pgdir: 4 MiB pages mapping
 * physical [0, 896 MiB) at PAGE_OFFSET plus an identity map of [0, 8 MiB).
 * That is enough to run and for memblock to hand out lowmem, but too coarse
 * for what this kernel demonstrates, so paging_init() replaces it with
 * swapper_pg_dir, built from memblock_alloc() memory:
 *
 *   PDE 0..767          empty: NULL and every user address fault
 *   PAGE_OFFSET ..      the direct map of [0, max_low_pfn): 4 KiB PTEs, so
 *     high_memory       debug_pagealloc can unmap single free pages; kernel
 *                       text and rodata read-only; the boot stack's guard
 *                       page left out, so a stack overflow faults
 *   VMALLOC_START ..    page tables for IOREMAP_SIZE bytes of ioremap space
 *                       (framebuffer, ACPI tables above lowmem), allocated
 *                       here once: ioremap() then never needs memory
 *   PKMAP_BASE          one empty page table: mm/highmem.c's kmap() slots
 *   FIXADDR_START..TOP  one empty page table: kmap_atomic/kmap_local slots
 *
 * The kernel's own PTE changes go through include/asm/mmu_hooks.h; they
 * never allocate, and a hook asked to touch an address that has no page
 * table is a BUG (the caller is confused about the layout).
 */
#include <asm/pgtable.h>
#include <asm/mmu_hooks.h>
#include <asm/traps.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/memblock.h>

extern pgd_t boot_pgdir[];			/* boot/entry.asm */
extern char boot_stack_guard[];
extern char _text[], _sdata[], _end[];		/* linker.ld */

pgd_t *swapper_pg_dir;
void *high_memory;
unsigned long vmalloc_start;

static bool paging_is_done;
static unsigned long ioremap_next, ioremap_end;	/* bump allocator in the vmalloc area */

BUILD_BUG_ON(pgd_index(FIXADDR_START) != pgd_index(FIXADDR_TOP));
BUILD_BUG_ON(pgd_index(PKMAP_BASE) != pgd_index(PKMAP_END - 1));

bool paging_done(void)
{
	return paging_is_done;
}

static pgd_t *current_pgd(void)
{
	return __va(read_cr3() & PAGE_MASK);
}

/* the PTE for @va in the current tables, or NULL (no table, or a 4 MiB page) */
static pte_t *lookup_pte(unsigned long va)
{
	pgd_t pde = current_pgd()[pgd_index(va)];

	if (!(pde & _PAGE_PRESENT) || (pde & _PAGE_PSE))
		return NULL;
	return (pte_t *)__va(pde & PAGE_MASK) + pte_index(va);
}

bool kernel_page_present(unsigned long va)
{
	pgd_t pde = current_pgd()[pgd_index(va)];
	pte_t *pte;

	if (!(pde & _PAGE_PRESENT))
		return false;
	if (pde & _PAGE_PSE)
		return true;
	pte = (pte_t *)__va(pde & PAGE_MASK) + pte_index(va);
	return *pte & _PAGE_PRESENT;
}

/* zeroed page tables for [start, end), contiguous; returns the first */
static pte_t *alloc_page_tables(pgd_t *pgd, unsigned long start, unsigned long end)
{
	unsigned long first = pgd_index(start), last = pgd_index(end - 1), i;
	pte_t *ptes = memblock_alloc((last - first + 1) * PAGE_SIZE, PAGE_SIZE);

	for (i = first; i <= last; i++)
		pgd[i] = __pa(ptes + (i - first) * PTRS_PER_PTE) | _KERNPG_TABLE;
	return ptes;
}

void paging_init(void)
{
	unsigned long pfn, ro_start, ro_end;
	pgd_t *pgd;
	pte_t *direct;

	BUG_ON(paging_is_done);
	BUG_ON(!max_low_pfn || max_low_pfn > MAXMEM_PFN);
	BUG_ON(max_low_pfn < PFN_UP(__pa(_end)));

	pgd = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

	/* the direct map, one PTE per frame */
	direct = alloc_page_tables(pgd, PAGE_OFFSET, PAGE_OFFSET + PFN_PHYS(max_low_pfn));
	ro_start = PFN_DOWN(__pa(_text));
	ro_end = PFN_DOWN(__pa(_sdata));
	for (pfn = 0; pfn < max_low_pfn; pfn++) {
		direct[pfn] = PFN_PHYS(pfn) | PAGE_KERNEL;
		if (pfn >= ro_start && pfn < ro_end)
			direct[pfn] &= ~_PAGE_RW;
	}
	direct[PFN_DOWN(__pa(boot_stack_guard))] = 0;

	high_memory = __va(PFN_PHYS(max_low_pfn));
	vmalloc_start = (unsigned long)high_memory + VMALLOC_OFFSET;
	ioremap_next = vmalloc_start;
	ioremap_end = min(vmalloc_start + IOREMAP_SIZE, VMALLOC_END);
	alloc_page_tables(pgd, ioremap_next, ioremap_end);

	alloc_page_tables(pgd, PKMAP_BASE, PKMAP_END);
	alloc_page_tables(pgd, FIXADDR_START, FIXADDR_TOP);

	swapper_pg_dir = pgd;
	write_cr3(__pa(pgd));
	trap_set_cr3(__pa(pgd));
	paging_is_done = true;

	pr_info("paging: direct map %08lx-%08lx (%lu MiB, 4 KiB pages), ioremap %08lx-%08lx\n",
		PAGE_OFFSET, (unsigned long)high_memory - 1, max_low_pfn >> (20 - PAGE_SHIFT),
		ioremap_next, ioremap_end - 1);
	pr_info("paging: PKMAP %08lx-%08lx, fixmap %08lx-%08lx, nothing below %08lx\n",
		PKMAP_BASE, PKMAP_END - 1, FIXADDR_START, FIXADDR_TOP - 1, PAGE_OFFSET);
}

static void *__ioremap(phys_addr_t phys, unsigned long size, u32 flags)
{
	phys_addr_t first = phys & PAGE_MASK;
	unsigned long npages, va, i;

	if (!paging_is_done) {
		pr_err("ioremap: called before paging_init()\n");
		return NULL;
	}
	if (!size || phys + size > (1ULL << 32) || phys + size < phys) {
		pr_err("ioremap: [0x%llx, +0x%lx) is not below 4 GiB\n", phys, size);
		return NULL;
	}
	npages = (unsigned long)(PFN_UP(phys + size) - PFN_DOWN(phys));
	if (npages > (ioremap_end - ioremap_next) >> PAGE_SHIFT) {
		pr_err("ioremap: no room for %lu pages at 0x%llx (%lu KiB left)\n",
		       npages, phys, (ioremap_end - ioremap_next) >> 10);
		return NULL;
	}
	va = ioremap_next;
	/* leave a guard page after each mapping */
	ioremap_next += (npages + 1) << PAGE_SHIFT;
	if (ioremap_next > ioremap_end)
		ioremap_next = ioremap_end;
	for (i = 0; i < npages; i++)
		*lookup_pte(va + (i << PAGE_SHIFT)) = (u32)(first + (i << PAGE_SHIFT)) | PAGE_KERNEL | flags;
	return (void *)(va + (unsigned long)(phys - first));
}

void *ioremap(phys_addr_t phys, unsigned long size)
{
	return __ioremap(phys, size, _PAGE_PCD | _PAGE_PWT);
}

void *ioremap_cache(phys_addr_t phys, unsigned long size)
{
	return __ioremap(phys, size, 0);
}

/* ------------------------------------------------------------ mmu_hooks.h */

static pte_t *hook_pte(unsigned long vaddr)
{
	pte_t *pte = lookup_pte(vaddr);

	if (!pte)
		panic("mmu hook: no page table for kernel address %08lx", vaddr);
	return pte;
}

void arch_set_kernel_pte(unsigned long vaddr, unsigned long pfn)
{
	BUG_ON(pfn >= (1UL << (32 - PAGE_SHIFT)));	/* no PAE: frames below 4 GiB only */
	*hook_pte(vaddr) = PFN_PHYS(pfn) | PAGE_KERNEL;
}

void arch_clear_kernel_pte(unsigned long vaddr)
{
	*hook_pte(vaddr) = 0;
}

unsigned long arch_kernel_pte_pfn(unsigned long vaddr)
{
	pte_t *pte = lookup_pte(vaddr);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return -1UL;
	return *pte >> PAGE_SHIFT;
}

void arch_flush_tlb_one(unsigned long vaddr)
{
	__flush_tlb_one(vaddr);
}

void arch_flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long va;

	if (end - start > 64 * PAGE_SIZE) {
		write_cr3(read_cr3());		/* cheaper than many invlpg; no global pages */
		return;
	}
	for (va = start & PAGE_MASK; va < end; va += PAGE_SIZE)
		__flush_tlb_one(va);
}

/*
 * debug_pagealloc: free lowmem pages leave the direct map, so a stray
 * access through a stale pointer faults (the fault report names the pfn).
 * HighMem frames have no direct-map PTE and are skipped.
 */
void arch_kernel_map_pages(unsigned long pfn, unsigned int numpages, bool enable)
{
	unsigned long end = pfn + numpages, p;

	if (!paging_is_done)
		return;
	if (end > max_low_pfn)
		end = max_low_pfn;
	for (p = pfn; p < end; p++) {
		pte_t *pte = hook_pte(PAGE_OFFSET + PFN_PHYS(p));

		*pte = enable ? (PFN_PHYS(p) | PAGE_KERNEL) : 0;
	}
	if (pfn < end)
		arch_flush_tlb_kernel_range(PAGE_OFFSET + PFN_PHYS(pfn), PAGE_OFFSET + PFN_PHYS(end));
}
