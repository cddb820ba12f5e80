// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/setup.c - from the boot loader's memory map to a ready memblock.
 *
 * setup_memory_map() is the whole policy and runs on the host too; the
 * kernel's setup_arch() only adds what needs the real machine (the
 * linker's _text/_end and the BIOS data area) and panics on failure.
 *
 * The steps, in Linux's order (e820__memory_setup, e820__finish_early_params,
 * e820__memblock_setup, reserve_bios_regions, find_low_pfn_range,
 * zone_sizes_init):
 *
 *  1. sanitize the firmware's table and print it ("BIOS-provided physical
 *     RAM map:"), unmodified but for the cleaning;
 *  2. apply the user's edits: memmap=<size>$<start> adds a reserved range
 *     (which beats RAM when re-sanitized), mem=<size> removes all RAM at
 *     and above that physical address (x86 semantics); if anything was
 *     edited print the result ("user-defined physical RAM map:");
 *  3. Linux's trim_bios_range(): page 0 (the real-mode IVT, owned by the
 *     BIOS but rarely listed as such) becomes reserved in the table, and
 *     RAM in [640 KiB, 1 MiB) is taken out, so neither is RAM at all: pfn
 *     0 is not even present (ZONE_DMA starts at pfn 1, as in Linux), and a
 *     0 physical address can mean "none".  Like Linux, the firmware's
 *     map as printed is kept apart (e820_firmware) for the shell's e820;
 *  4. cut everything at or above 4 GiB - a non-PAE kernel cannot address
 *     it - or 64 GiB with PAE, and say how much RAM that was; shrink RAM
 *     to whole pages;
 *  5. reserve page 0 (in case), the BIOS area [EBDA or 636 KiB, 1 MiB)
 *     and the kernel image (which contains the copied Multiboot2
 *     information, the boot page tables and the boot stack: they all live
 *     in its .bss), then fill memblock.memory from the RAM entries (its
 *     table doubles, below 1 MiB, when the map has more ranges than it);
 *  6. max_pfn = end of the highest RAM page below that limit;
 *     max_low_pfn = min(max_pfn, MAXMEM_PFN) - the 896 MiB direct map -
 *     unless highmem=<size> asks for a HighMem zone of that size (Linux's
 *     lowmem_pfn_init/highmem_pfn_init, messages included);
 *     memblock allocates below max_low_pfn only (it must be able to __va());
 *     max_zone_pfn[] = { min(16 MiB, max_low_pfn), max_low_pfn, max_pfn };
 *     mem_map (one struct page per pfn up to max_pfn) must fit in lowmem
 *     beside MEM_MAP_LOWMEM_RESERVE, and in one free lowmem range (it is
 *     one memblock block), else max_pfn comes down (reported; Linux
 *     clipped too): 64 GiB of RAM costs 512 MiB of mem_map.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/e820.h>
#include <linux/memblock.h>
#include <linux/params.h>
#include <linux/bootinfo.h>
#include <asm/page.h>
#include <asm/pgtable_32_areas.h>
#include <asm/setup.h>

BUILD_BUG_ON(MAXMEM_PFN > MAX_NONPAE_PFN);
BUILD_BUG_ON(MAX_DMA_PFN > MAXMEM_PFN);
BUILD_BUG_ON(BIOS_START_MAX % 4096 != 0);

unsigned long max_arch_pfn = MAX_ARCH_PFN_CONFIG;
unsigned long max_pfn;
unsigned long max_low_pfn;
unsigned long max_zone_pfn[MAX_NR_ZONES];
struct mem_layout boot_mem_layout;

#define pages_to_mb(x)	((x) >> (20 - PAGE_SHIFT))

/* memmap= and mem=, Linux's parse_memmap_one / parse_memopt */
static bool apply_user_map(struct e820_table *e, const struct kernel_params *kp)
{
	unsigned int i;
	bool changed = false;

	for (i = 0; i < kp->nr_memmap && i < MAX_MEMMAP_RESERVE; i++) {
		if (!e820__range_add(e, kp->memmap[i].start, kp->memmap[i].size, E820_TYPE_RESERVED))
			changed = true;
	}
	if (kp->mem_limit) {
		e820__range_remove(e, kp->mem_limit, ~0ULL - kp->mem_limit, E820_TYPE_RAM, true);
		changed = true;
	}
	if (changed && e820__update_table(e) < 0)
		pr_err("e820: user-defined map did not fit; see above\n");
	return changed;
}

/*
 * Linux's find_low_pfn_range(): split [0, max_pfn) into lowmem and
 * HighMem.  @highmem_pages is -1 when highmem= was not given.  May lower
 * *max_pfn (highmem= smaller than the RAM above 896 MiB).
 */
static unsigned long find_low_pfn_range(unsigned long *max_pfn_p, long long highmem_pages)
{
	unsigned long mp = *max_pfn_p, max_low;

	if (mp <= MAXMEM_PFN) {			/* lowmem_pfn_init() */
		max_low = mp;
		if (highmem_pages == -1)
			highmem_pages = 0;
		if (highmem_pages >= (long long)mp) {
			pr_err("highmem size (%lluMB) is bigger than pages available (%luMB)!\n",
			       (unsigned long long)pages_to_mb(highmem_pages), pages_to_mb(mp));
			highmem_pages = 0;
		}
		if (highmem_pages) {
			if (max_low - highmem_pages < LOWMEM_MIN_PAGES) {
				pr_err("highmem size (%lluMB) results in <64MB lowmem, ignoring it!\n",
				       (unsigned long long)pages_to_mb(highmem_pages));
				highmem_pages = 0;
			}
			max_low -= (unsigned long)highmem_pages;
		}
	} else {				/* highmem_pfn_init() */
		max_low = MAXMEM_PFN;
		if (highmem_pages == -1)
			highmem_pages = mp - MAXMEM_PFN;
		if (highmem_pages + MAXMEM_PFN < mp)
			mp = MAXMEM_PFN + (unsigned long)highmem_pages;
		if (highmem_pages + MAXMEM_PFN > mp) {
			pr_warn("only %luMB highmem pages available, ignoring highmem size of %lluMB!\n",
				pages_to_mb(mp - MAXMEM_PFN),
				(unsigned long long)pages_to_mb(highmem_pages));
		}
	}
	*max_pfn_p = mp;
	return max_low;
}

/* bytes of [base, end) that memblock.memory covers */
static phys_addr_t memory_covered(phys_addr_t base, phys_addr_t end)
{
	const struct memblock_region *r;
	phys_addr_t covered = 0;

	for_each_mem_region(r) {
		phys_addr_t lo = max(base, r->base), hi = min(end, r->base + r->size);

		if (lo < hi)
			covered += hi - lo;
	}
	return covered;
}

/* the largest free (RAM, not reserved) memblock range in [PAGE_SIZE, limit) */
static phys_addr_t largest_free_below(phys_addr_t limit)
{
	phys_addr_t start, end, best = 0;
	u64 i;

	for_each_free_mem_range(i, &start, &end) {
		start = max(start, (phys_addr_t)PAGE_SIZE);	/* memblock never hands out page 0 */
		end = min(end, limit);
		if (end > start && end - start > best)
			best = end - start;
	}
	return best;
}

/* what free_area_init() asks memblock for: mem_map of [start_pfn, end_pfn), in whole pages */
static phys_addr_t mem_map_size(unsigned long start_pfn, unsigned long end_pfn)
{
	return ALIGN((phys_addr_t)(end_pfn - start_pfn) * sizeof(struct page), (phys_addr_t)PAGE_SIZE);
}

/* drop RAM at and above @pfn; the bytes go to ram_no_mem_map */
static u64 drop_ram_from(struct mem_layout *out, unsigned long pfn)
{
	phys_addr_t before = memblock_phys_mem_size(), gone;

	memblock_remove(PFN_PHYS(pfn), PFN_PHYS(max_arch_pfn) - PFN_PHYS(pfn));
	gone = before - memblock_phys_mem_size();
	out->ram_no_mem_map += gone;
	out->ram -= gone;
	return gone;
}

/*
 * The lowmem squeeze: mem_map holds a struct page for every pfn below
 * max_pfn and must live in lowmem (the direct map).
 *
 * 1. If it would leave less than MEM_MAP_LOWMEM_RESERVE of lowmem RAM
 *    beside the kernel image, lower max_pfn until it fits and drop the
 *    RAM above (never below max_low_pfn here).
 * 2. It is ONE memblock allocation (FLATMEM: pfn_to_page() is mem_map +
 *    pfn), so it must also fit in the largest free lowmem range.  A map
 *    with many holes (GRUB cutmem every few MiB) may have none big
 *    enough: lower max_pfn - to whole MAX_ORDER blocks, and below
 *    max_low_pfn if need be, taking max_low_pfn along - until it fits,
 *    and say so.  Lowering the limit can shrink the range that straddled
 *    it, so repeat until stable (the limit only goes down).  If not even
 *    the span up to the kernel image's end fits, fail with the sizes.
 *
 * Returns 0 with *mp_p and *ml_p updated, or -ENOMEM (reported).
 */
static int clip_to_mem_map(struct mem_layout *out, unsigned long *mp_p, unsigned long *ml_p)
{
	unsigned long mp = *mp_p, ml = *ml_p, start = PFN_UP(memblock_start_of_DRAM()), fit;
	unsigned long floor = max(PFN_UP(out->kernel_end), start + 1);
	u64 low = memory_covered(0, PFN_PHYS(ml));
	u64 kernel = out->kernel_end - out->kernel_start;
	u64 budget = low > kernel + MEM_MAP_LOWMEM_RESERVE ? low - kernel - MEM_MAP_LOWMEM_RESERVE : 0;
	phys_addr_t need = mem_map_size(start, mp), largest;

	fit = (unsigned long)min(budget / sizeof(struct page), (u64)mp);
	if (fit < ml)
		fit = ml;
	if (fit < mp) {
		u64 gone = drop_ram_from(out, fit);

		pr_warn("mem_map: %llu MiB for RAM up to 0x%016llx does not fit in %llu MiB of lowmem (%llu MiB kept free): RAM above 0x%016llx not used (%llu MiB)\n",
			(unsigned long long)(((u64)mp * sizeof(struct page)) >> 20),
			(unsigned long long)PFN_PHYS(mp), (unsigned long long)(low >> 20),
			(unsigned long long)(MEM_MAP_LOWMEM_RESERVE >> 20),
			(unsigned long long)PFN_PHYS(fit), (unsigned long long)(gone >> 20));
		mp = fit;
		need = mem_map_size(start, mp);
	}

	largest = largest_free_below(PFN_PHYS(ml));
	out->mem_map_largest_free = largest;
	if (need > largest) {
		phys_addr_t first_need = need, first_largest = largest;	/* for the report */
		u64 gone;

		fit = mp;
		while (fit > floor && mem_map_size(start, fit) > largest) {
			unsigned long span = (unsigned long)(largest / sizeof(struct page));

			fit = ALIGN_DOWN(min(fit - 1, start + span), MAX_ORDER_NR_PAGES);
			if (fit < floor)
				fit = floor;
			largest = largest_free_below(PFN_PHYS(min(fit, ml)));
		}
		if (mem_map_size(start, fit) > largest) {
			pr_emerg("mem_map: no %llu KiB block free below %lu MiB for RAM up to 0x%016llx, nor %llu KiB for RAM up to the kernel's end at 0x%016llx; largest free block %llu KiB\n",
				 (unsigned long long)(first_need >> 10), ml >> (20 - PAGE_SHIFT),
				 (unsigned long long)PFN_PHYS(mp),
				 (unsigned long long)(mem_map_size(start, floor) >> 10),
				 (unsigned long long)PFN_PHYS(floor),
				 (unsigned long long)(first_largest >> 10));
			return -ENOMEM;
		}
		gone = drop_ram_from(out, fit);
		pr_warn("mem_map: no %llu KiB block free below %lu MiB; RAM above 0x%016llx ignored (%llu MiB)\n",
			(unsigned long long)(first_need >> 10), ml >> (20 - PAGE_SHIFT),
			(unsigned long long)PFN_PHYS(fit), (unsigned long long)(gone >> 20));
		mp = fit;
		if (ml > mp)
			ml = mp;
	}
	out->mem_map_bytes = (u64)mp * sizeof(struct page);
	*mp_p = mp;
	*ml_p = ml;
	return 0;
}

int setup_memory_map(const struct e820_table *raw, const struct kernel_params *kp,
		     phys_addr_t kernel_start, phys_addr_t kernel_end,
		     phys_addr_t ebda_start, struct mem_layout *out)
{
	struct e820_table *e = &out->e820;
	unsigned long mp, ml;
	long long highmem_pages = -1;
	u64 ram_before, bios;

	memset(out, 0, sizeof(*out));
	e->nr_entries = min(raw->nr_entries, (u32)E820_MAX_ENTRIES);
	memcpy(e->entries, raw->entries, e->nr_entries * sizeof(e->entries[0]));

	/* 1. the firmware's view */
	e820__update_table(e);
	pr_info("BIOS-provided physical RAM map:\n");
	e820__print_table(e, "BIOS-e820");
	out->ram_firmware = e820__total_ram(e);
	out->e820_firmware = *e;

	/* 2. the user's edits */
	ram_before = out->ram_firmware;
	out->user_defined = apply_user_map(e, kp);
	out->ram_user_removed = ram_before - e820__total_ram(e);
	if (out->user_defined) {
		pr_info("user-defined physical RAM map:\n");
		e820__print_table(e, "user");
	}

	/* 3. trim_bios_range() */
	ram_before = e820__total_ram(e);
	e820__range_update(e, 0, PAGE_SIZE, E820_TYPE_RAM, E820_TYPE_RESERVED);
	e820__range_remove(e, BIOS_BEGIN, BIOS_END - BIOS_BEGIN, E820_TYPE_RAM, true);
	e820__update_table(e);
	out->ram_bios = ram_before - e820__total_ram(e);

	/* 4. what a 32-bit kernel can use: 4 GiB, or 64 GiB with PAE */
	out->ram_above_limit = e820__remove_above(e, PFN_PHYS(max_arch_pfn));
	if (out->ram_above_limit && max_arch_pfn > MAX_NONPAE_PFN)
		pr_warn("e820: %llu MiB of RAM above %llu GiB ignored (PAE: 36-bit physical addresses): %llu bytes\n",
			(unsigned long long)(out->ram_above_limit >> 20),
			(unsigned long long)(PFN_PHYS(max_arch_pfn) >> 30),
			(unsigned long long)out->ram_above_limit);
	else if (out->ram_above_limit)
		pr_warn("e820: %llu MiB of RAM above 4 GiB ignored (no PAE): %llu bytes\n",
			(unsigned long long)(out->ram_above_limit >> 20),
			(unsigned long long)out->ram_above_limit);
	out->ram_trimmed = e820__trim_ram_to_pages(e);
	if (out->ram_trimmed)
		printk(KERN_DEBUG "e820: %llu bytes of RAM in partial pages ignored\n",
		       (unsigned long long)out->ram_trimmed);
	out->ram = e820__total_ram(e);
	if (!out->ram) {
		pr_emerg("e820: no usable RAM below %llu GiB in the memory map (%u entries given, %llu bytes usable before clipping)\n",
			 (unsigned long long)(PFN_PHYS(max_arch_pfn) >> 30),
			 raw->nr_entries, (unsigned long long)out->ram_firmware);
		return -ENOMEM;
	}

	/* 5. memblock: reservations first, so that a growing table avoids them */
	memblock_reset();
	/*
	 * Page 0 is no longer RAM (3.); reserving it as well keeps it out
	 * of every allocation even if a later edit made it RAM again (Linux
	 * reserves the low 64 KiB the same way, trim_low_memory_range()).
	 */
	memblock_reserve(0, PAGE_SIZE);
	bios = BIOS_START_MAX;
	if (ebda_start >= BIOS_START_MIN && ebda_start < bios)
		bios = ALIGN_DOWN(ebda_start, (u64)PAGE_SIZE);
	out->bios_start = bios;
	memblock_reserve(bios, BIOS_END - bios);
	out->kernel_start = ALIGN_DOWN(kernel_start, (phys_addr_t)PAGE_SIZE);
	out->kernel_end = ALIGN(kernel_end, (phys_addr_t)PAGE_SIZE);
	if (out->kernel_end > out->kernel_start)
		memblock_reserve(out->kernel_start, out->kernel_end - out->kernel_start);
	/*
	 * A map with more RAM ranges than INIT_MEMBLOCK_REGIONS doubles the
	 * memory table from free RAM below 1 MiB, as Linux's setup_arch()
	 * does (ISA_END_ADDRESS): where lowmem ends is not known yet
	 * (highmem= may move it down), but below 1 MiB is lowmem, mapped,
	 * in every configuration.
	 */
	memblock_set_current_limit(BIOS_END);
	memblock_allow_resize();
	memblock_add_e820(e);
	if (memblock_phys_mem_size() != out->ram) {
		/* memblock could not grow its memory table (reported above) */
		out->ram_no_memblock_slot = out->ram - memblock_phys_mem_size();
		out->ram = memblock_phys_mem_size();
		pr_err("setup: %llu bytes of RAM ignored: memblock's memory table stopped at %lu separate RAM ranges\n",
		       (unsigned long long)out->ram_no_memblock_slot, memblock.memory.cnt);
	}
	if (out->kernel_end > out->kernel_start &&
	    memory_covered(out->kernel_start, out->kernel_end) != out->kernel_end - out->kernel_start)
		pr_warn("setup: kernel image [mem 0x%016llx-0x%016llx] is not all usable RAM in the e820 map\n",
			(unsigned long long)out->kernel_start,
			(unsigned long long)(out->kernel_end - 1));

	/* 6. pfn limits and zones */
	/* the e820 end of RAM, unless memblock could not hold all of it */
	mp = min(e820__end_of_ram_pfn(e, max_arch_pfn),
		 (unsigned long)PHYS_PFN(memblock_end_of_DRAM()));
	if (kp->highmem_set)
		highmem_pages = (long long)(kp->highmem_size >> PAGE_SHIFT);
	ml = find_low_pfn_range(&mp, highmem_pages);
	if (PFN_PHYS(mp) < memblock_end_of_DRAM()) {
		phys_addr_t before = memblock_phys_mem_size();

		memblock_remove(PFN_PHYS(mp), PFN_PHYS(max_arch_pfn) - PFN_PHYS(mp));
		out->ram_above_max_pfn = before - memblock_phys_mem_size();
		out->ram -= out->ram_above_max_pfn;
		pr_notice("highmem=: RAM above 0x%016llx not used (%llu MiB)\n",
			  (unsigned long long)PFN_PHYS(mp),
			  (unsigned long long)(out->ram_above_max_pfn >> 20));
	}
	if (clip_to_mem_map(out, &mp, &ml))
		return -ENOMEM;
	/* Linux prints both lines always, "0MB HIGHMEM" included */
	pr_notice("%luMB HIGHMEM available.\n", pages_to_mb(mp - ml));
	pr_notice("%luMB LOWMEM available.\n", pages_to_mb(ml));

	out->max_pfn = mp;
	out->max_low_pfn = ml;
	out->highmem_pages = mp - ml;
	out->max_zone_pfn[ZONE_DMA] = min(MAX_DMA_PFN, ml);
	out->max_zone_pfn[ZONE_NORMAL] = ml;
	out->max_zone_pfn[ZONE_HIGHMEM] = mp;
	memblock_set_current_limit(PFN_PHYS(ml));
	return 0;
}

#ifndef __ORDERLY_HOST__
/* linker.ld: virtual addresses of the image's first and past-last bytes */
extern char _text[], _end[];

void setup_arch(struct boot_info *bi, struct kernel_params *kp)
{
	phys_addr_t kstart = min(__pa(_text), (phys_addr_t)KERNEL_PHYS_START);
	phys_addr_t ebda = 0;

	/*
	 * The BDA exists on BIOS machines only; under UEFI the word at 0x40e
	 * is whatever the firmware left there, so leave the default.
	 */
	if (!bi->efi_booted)
		ebda = (phys_addr_t)*(volatile u16 *)__va(BIOS_EBDA_SEGMENT) << 4;

	if (setup_memory_map(&bi->e820, kp, kstart, __pa(_end), ebda, &boot_mem_layout)) {
		if (boot_mem_layout.ram)
			panic("mem_map: no free lowmem block of the size it needs (largest %llu KiB): see above",
			      (unsigned long long)(boot_mem_layout.mem_map_largest_free >> 10));
		panic("No usable RAM below 4 GiB: the boot loader's memory map (%u entries, source %d) has none",
		      bi->e820.nr_entries, (int)bi->mmap_source);
	}
	/*
	 * Hold the block mem_map was sized for: paging_init() and the SMP
	 * setup allocate from memblock (top-down) before free_area_init(),
	 * and could otherwise cut into the one range big enough for it.
	 * free_area_init() releases the hold just before it allocates.
	 */
	mem_map_hold_size = mem_map_size(PFN_UP(memblock_start_of_DRAM()), boot_mem_layout.max_pfn);
	mem_map_hold_base = memblock_phys_alloc(mem_map_hold_size, PAGE_SIZE);
	if (!mem_map_hold_base)
		mem_map_hold_size = 0;	/* cannot happen: setup_memory_map() checked it fits */

	max_pfn = boot_mem_layout.max_pfn;
	max_low_pfn = boot_mem_layout.max_low_pfn;
	memcpy(max_zone_pfn, boot_mem_layout.max_zone_pfn, sizeof(max_zone_pfn));
}
#endif
