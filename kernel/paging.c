// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's page tables (i386, 4 KiB pages): two levels of 32-bit
 * entries, or with CONFIG_X86_PAE three levels of 64-bit entries (a PDPT
 * of 4 entries, 4 page directories of 512, page tables of 512) whose
 * PTEs reach frames up to 64 GiB.  The code below is the same for both:
 * with PAE the 4 page directories are allocated as one contiguous block,
 * so that, like the non-PAE page directory, they form one array of
 * PMD entries indexed by pmd_index_all(va) = va >> PMD_SHIFT; the page
 * tables of each area are contiguous too (one array of PTEs).
 *
 * boot/entry.asm starts the kernel on boot_pgdir: 4 MiB pages (2 MiB with
 * PAE) mapping physical [0, 896 MiB) at PAGE_OFFSET plus an identity map
 * of [0, 8 MiB).
 * That is enough to run and for memblock to hand out lowmem, but too coarse
 * for what this kernel demonstrates, so paging_init() replaces it with
 * swapper_pg_dir, built from memblock_alloc() memory:
 *
 *   below PAGE_OFFSET   empty: NULL and every user address fault (with
 *                       PAE: PDPT entries 0..2 not present)
 *   PAGE_OFFSET ..      the direct map of [0, max_low_pfn): 4 KiB PTEs, so
 *     high_memory       debug_pagealloc can unmap single free pages; kernel
 *                       text and rodata read-only; the boot stack's guard
 *                       page left out, so a stack overflow faults
 *   VMALLOC_START ..    page tables for IOREMAP_SIZE bytes of ioremap space
 *                       (framebuffer, ACPI tables above lowmem), allocated
 *                       here once: ioremap() then never needs memory
 *   PKMAP_BASE          one empty page table: mm/highmem.c's kmap() slots
 *   FIXADDR_START..TOP  empty page tables (one; two with PAE): kmap_atomic/kmap_local slots
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
extern char _text[], _etext[], _sdata[], _end[];	/* linker.ld */

pgd_t *swapper_pg_dir;
void *high_memory;
unsigned long vmalloc_start;

static bool paging_is_done;
/*
 * _PAGE_NX where the CPU has it and EFER.NXE is on (PAE only: a two-level
 * entry has no bit 63), else 0: or-ed into every PTE of data - everything
 * but kernel text - so that a jump into data faults.
 */
static pteval_t pte_nx;
/* boot/trampoline.asm: each AP sets EFER.NXE too before loading swapper_pg_dir */
u32 paging_nx_enabled;

#define MSR_EFER	0xc0000080
#define EFER_NX		(1u << 11)
#define X86_FEATURE_NX	(1u << 20)	/* CPUID 0x80000001 EDX */

/* Linux's x86_configure_nx() + x86_report_nx(), PAE kernel only */
static void nx_init(void)
{
#ifdef CONFIG_X86_PAE
	u32 eax = 0x80000000, ebx, ecx = 0, edx, lo, hi;

	__asm__ __volatile__("cpuid" : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	if (eax >= 0x80000001) {
		eax = 0x80000001;
		ecx = 0;
		__asm__ __volatile__("cpuid" : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	} else {
		edx = 0;
	}
	if (!(edx & X86_FEATURE_NX)) {
		pr_notice("Notice: NX (Execute Disable) protection missing in CPU!\n");
		return;
	}
	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(MSR_EFER));
	lo |= EFER_NX;
	__asm__ __volatile__("wrmsr" : : "a"(lo), "d"(hi), "c"(MSR_EFER));
	pte_nx = _PAGE_NX;
	paging_nx_enabled = 1;
	pr_info("NX (Execute Disable) protection: active\n");
#endif
}
static unsigned long ioremap_next, ioremap_end;	/* bump allocator in the vmalloc area */

/* the PKMAP window is one page table; the fixmap's own tables (two with PAE: 2 MiB each) follow it */
BUILD_BUG_ON(pmd_index_all(PKMAP_BASE) != pmd_index_all(PKMAP_END - 1));
BUILD_BUG_ON(pmd_index_all(FIXADDR_START) <= pmd_index_all(PKMAP_END - 1));
BUILD_BUG_ON(sizeof(pte_t) * PTRS_PER_PTE != PAGE_SIZE);
BUILD_BUG_ON((u64)PTRS_PER_PGD * PTRS_PER_PMD << PMD_SHIFT != 1ULL << 32);

bool paging_done(void)
{
	return paging_is_done;
}

/* the page directory entry of @va in the current tables, or NULL */
static pmd_t *lookup_pmd(unsigned long va)
{
#ifdef CONFIG_X86_PAE
	/* CR3 holds the PDPT's address (32-byte aligned) */
	pgd_t pdpte = ((pgd_t *)__va(read_cr3() & ~31UL))[pgd_index(va)];

	if (!(pdpte & _PAGE_PRESENT))
		return NULL;
	return (pmd_t *)__va((unsigned long)(pdpte & PTE_PFN_MASK)) + pae_pmd_index(va);
#else
	return (pmd_t *)__va(read_cr3() & PAGE_MASK) + pgd_index(va);
#endif
}

/* the PTE for @va in the current tables, or NULL (no table, or a large page) */
static pte_t *lookup_pte(unsigned long va)
{
	pmd_t *pmd = lookup_pmd(va);

	if (!pmd || !(*pmd & _PAGE_PRESENT) || (*pmd & _PAGE_PSE))
		return NULL;
	return (pte_t *)__va((unsigned long)(*pmd & PTE_PFN_MASK)) + pte_index(va);
}

bool kernel_page_present(unsigned long va)
{
	pmd_t *pmd = lookup_pmd(va);
	pte_t *pte;

	if (!pmd || !(*pmd & _PAGE_PRESENT))
		return false;
	if (*pmd & _PAGE_PSE)
		return true;
	pte = lookup_pte(va);
	return *pte & _PAGE_PRESENT;
}

bool kernel_page_nx(unsigned long va)
{
	pte_t *pte = lookup_pte(va);

	return IS_ENABLED_PAE && pte && (*pte & _PAGE_PRESENT) && (*pte & _PAGE_NX);
}

/* zeroed page tables for [start, end), contiguous; returns the first */
static pte_t *alloc_page_tables(pmd_t *pmds, unsigned long start, unsigned long end)
{
	unsigned long first = pmd_index_all(start), last = pmd_index_all(end - 1), i;
	pte_t *ptes = memblock_alloc((last - first + 1) * PAGE_SIZE, PAGE_SIZE);

	for (i = first; i <= last; i++)
		pmds[i] = __pa(ptes + (i - first) * PTRS_PER_PTE) | _KERNPG_TABLE;
	return ptes;
}

void paging_init(void)
{
	unsigned long pfn, ro_start, ro_end, x_start, x_end;
	pgd_t *pgd;
	pmd_t *pmds;		/* every page directory entry, one array */
	pte_t *direct;

	BUG_ON(paging_is_done);
	BUG_ON(!max_low_pfn || max_low_pfn > MAXMEM_PFN);
	BUG_ON(max_low_pfn < PFN_UP(__pa(_end)));

	nx_init();
	pgd = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
#ifdef CONFIG_X86_PAE
	{
		unsigned int i;

		/* the PDPT's 4 entries point to 4 contiguous page directories */
		pmds = memblock_alloc(PTRS_PER_PGD * PAGE_SIZE, PAGE_SIZE);
		for (i = 0; i < PTRS_PER_PGD; i++)
			pgd[i] = pae_pdpt_entry(__pa(pmds + i * PTRS_PER_PMD));
	}
#else
	pmds = pgd;
#endif

	/* the direct map, one PTE per frame */
	direct = alloc_page_tables(pmds, PAGE_OFFSET, PAGE_OFFSET + PFN_PHYS(max_low_pfn));
	ro_start = PFN_DOWN(__pa(_text));
	ro_end = PFN_DOWN(__pa(_sdata));
	x_start = ro_start;
	x_end = PFN_UP(__pa(_etext));
	for (pfn = 0; pfn < max_low_pfn; pfn++) {
		direct[pfn] = PFN_PHYS(pfn) | PAGE_KERNEL;
		if (pfn >= ro_start && pfn < ro_end)
			direct[pfn] &= ~_PAGE_RW;
		if (pfn < x_start || pfn >= x_end)
			direct[pfn] |= pte_nx;
	}
	direct[PFN_DOWN(__pa(boot_stack_guard))] = 0;

	high_memory = __va(PFN_PHYS(max_low_pfn));
	vmalloc_start = (unsigned long)high_memory + VMALLOC_OFFSET;
	ioremap_next = vmalloc_start;
	ioremap_end = min(vmalloc_start + IOREMAP_SIZE, VMALLOC_END);
	alloc_page_tables(pmds, ioremap_next, ioremap_end);

	alloc_page_tables(pmds, PKMAP_BASE, PKMAP_END);
	alloc_page_tables(pmds, FIXADDR_START, FIXADDR_TOP);

	swapper_pg_dir = pgd;
	write_cr3(__pa(pgd));
	trap_set_cr3(__pa(pgd));
	paging_is_done = true;

	pr_info("paging: %s, direct map %08lx-%08lx (%lu MiB, 4 KiB pages), ioremap %08lx-%08lx\n",
		IS_ENABLED_PAE ? "PAE (3 levels, 64-bit entries)" : "2 levels, 32-bit entries", PAGE_OFFSET, (unsigned long)high_memory - 1, max_low_pfn >> (20 - PAGE_SHIFT),
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
	if (!size || phys + size > PFN_PHYS(MAX_ARCH_PFN) || phys + size < phys) {
		pr_err("ioremap: [0x%llx, +0x%lx) is not below %s\n", phys, size,
		       IS_ENABLED_PAE ? "64 GiB" : "4 GiB");
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
		set_pte(lookup_pte(va + (i << PAGE_SHIFT)),
			(pteval_t)(first + (i << PAGE_SHIFT)) | PAGE_KERNEL | pte_nx | flags);
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
	BUG_ON(pfn >= MAX_ARCH_PFN);	/* 4 GiB without PAE, 64 GiB with it */
	set_pte(hook_pte(vaddr), (pteval_t)PFN_PHYS(pfn) | PAGE_KERNEL | pte_nx);
}

void arch_clear_kernel_pte(unsigned long vaddr)
{
	pte_clear(hook_pte(vaddr));
}

unsigned long arch_kernel_pte_pfn(unsigned long vaddr)
{
	pte_t *pte = lookup_pte(vaddr);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return -1UL;
	return (unsigned long)((*pte & PTE_PFN_MASK) >> PAGE_SHIFT);
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

		if (enable)
			set_pte(pte, (pteval_t)PFN_PHYS(p) | PAGE_KERNEL | pte_nx);
		else
			pte_clear(pte);
	}
	if (pfn < end)
		arch_flush_tlb_kernel_range(PAGE_OFFSET + PFN_PHYS(pfn), PAGE_OFFSET + PFN_PHYS(end));
}
