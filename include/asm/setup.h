/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 side of memory setup (kernel/setup.c): from the boot loader's
 * e820 table to a filled memblock and the plain max_zone_pfn[] array that
 * generic mm/ receives (Linux's zone_sizes_init: "the arch hands generic mm
 * a plain array and nothing else").  Each constant says why it has its
 * value.
 */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <linux/types.h>
#include <linux/e820.h>
#include <linux/mmzone.h>

struct boot_info;
struct kernel_params;

/* GRUB loads the image here (linker.ld); nothing of ours lies below it */
#define KERNEL_PHYS_START	0x100000ULL
/*
 * The real-mode/BIOS area.  Linux's reserve_bios_regions(): everything
 * from the start of the EBDA (or 640 KiB minus a page, if the BDA's
 * pointer is missing or absurd) up to 1 MiB is firmware's: EBDA, VGA
 * memory 0xA0000-0xBFFFF, option ROMs and the BIOS 0xC0000-0xFFFFF.
 */
#define BIOS_START_MIN		0x20000ULL	/* 128 KiB: an EBDA lower than this is insane */
#define BIOS_START_MAX		0x9f000ULL	/* 640 KiB - 4 KiB: the usual EBDA page */
#define BIOS_END		0x100000ULL
/* Linux's BIOS_BEGIN: [640 KiB, 1 MiB) is never RAM, whatever e820 says */
#define BIOS_BEGIN		0xa0000ULL
#define BIOS_EBDA_SEGMENT	0x40e		/* BDA word: EBDA segment (<< 4 = address) */
/* ISA DMA reaches the first 16 MiB: the end of ZONE_DMA */
#define MAX_DMA_PFN		((16UL << 20) >> 12)
/* a non-PAE i386 kernel addresses 4 GiB of physical memory, no more */
#define MAX_NONPAE_PFN		(1UL << 20)
#define PHYS_4G			0x100000000ULL
/* with PAE (Linux's HIGHMEM64G): 64 GiB, 36-bit physical addresses */
#define MAX_PAE_PFN		(1UL << 24)
#ifdef CONFIG_X86_PAE
#define MAX_ARCH_PFN_CONFIG	MAX_PAE_PFN
#else
#define MAX_ARCH_PFN_CONFIG	MAX_NONPAE_PFN
#endif
/*
 * Linux's max_arch_pfn: RAM at or above PFN_PHYS(max_arch_pfn) is dropped
 * (reported).  MAX_ARCH_PFN_CONFIG in the kernel; a variable so that the
 * host tests run setup_memory_map() as either kernel (the host build is
 * the non-PAE one; a test that sets MAX_PAE_PFN restores it).
 */
extern unsigned long max_arch_pfn;
/* lowmem that mem_map must leave to everything else, or RAM is clipped */
#define MEM_MAP_LOWMEM_RESERVE	((64ULL << 20))
/* Linux refuses a highmem= that leaves less than 64 MiB of lowmem */
#define LOWMEM_MIN_PAGES	((64UL << 20) >> 12)

/*
 * What setup_memory_map() decided, for the boot log, /proc reports and
 * tests.  Invariants once it returned 0:
 *   max_zone_pfn[DMA] <= max_zone_pfn[NORMAL] == max_low_pfn
 *     <= max_zone_pfn[HIGHMEM] == max_pfn <= max_arch_pfn;
 *   max_low_pfn <= MAXMEM_PFN;
 *   ram_firmware == ram + ram_bios + ram_above_limit + ram_user_removed
 *     + ram_trimmed + ram_no_memblock_slot + ram_above_max_pfn
 *     + ram_no_mem_map (every
 *     byte of usable RAM the firmware named is either used or reported);
 *   ram == memblock_phys_mem_size().
 */
struct mem_layout {
	struct e820_table e820_firmware;	/* the sanitized firmware map, as printed at boot (Linux's e820_table_firmware) */
	struct e820_table e820;		/* the map in force: user edits, page 0 and the BIOS area out, < 4 GiB, whole pages */
	u64 ram_firmware;		/* usable RAM in the sanitized firmware map */
	u64 ram_bios;			/* ... in page 0 and [640 KiB, 1 MiB) (trim_bios_range) */
	u64 ram_above_limit;		/* ... at or above PFN_PHYS(max_arch_pfn): 4 GiB, 64 GiB with PAE */
	u64 ram_user_removed;		/* ... taken away by mem= / memmap= */
	u64 ram_trimmed;		/* ... in partial pages */
	u64 ram_no_memblock_slot;	/* ... in RAM ranges memblock could not grow its table for */
	u64 ram_above_max_pfn;		/* ... beyond max_pfn when highmem= lowered it */
	u64 ram_no_mem_map;		/* ... whose struct pages would not fit in lowmem */
	u64 mem_map_bytes;		/* mem_map for [0, max_pfn): what lowmem pays for it */
	phys_addr_t mem_map_largest_free;	/* the largest free lowmem range mem_map was fitted in */
	u64 ram;			/* usable RAM handed to memblock */
	bool user_defined;		/* mem= or memmap= changed the map */
	phys_addr_t kernel_start, kernel_end;	/* reserved image, page-aligned */
	phys_addr_t bios_start;		/* [bios_start, 1 MiB) reserved */
	unsigned long max_pfn, max_low_pfn;
	unsigned long highmem_pages;	/* max_pfn - max_low_pfn */
	unsigned long max_zone_pfn[MAX_NR_ZONES];
};

/* ZONE_DMA, ZONE_NORMAL, ZONE_HIGHMEM ends: what free_area_init() gets */
extern unsigned long max_zone_pfn[MAX_NR_ZONES];
extern struct mem_layout boot_mem_layout;

/*
 * setup_arch() reserves the block mem_map was sized for until
 * free_area_init() (mm/mm_init.c) releases it and allocates mem_map:
 * the allocations in between must not take that room.  0 size: no hold.
 */
extern phys_addr_t mem_map_hold_base, mem_map_hold_size;

/*
 * setup_memory_map - the host-testable core of setup_arch().  Sanitizes
 * and prints @raw, applies memmap= and mem= from @kp (printing the
 * "user-defined physical RAM map"), makes page 0 and [640 KiB, 1 MiB)
 * non-RAM (Linux's trim_bios_range()), drops RAM above 4 GiB, or 64 GiB
 * with PAE (reported), and RAM whose mem_map would not leave
 * MEM_MAP_LOWMEM_RESERVE of lowmem or would not fit in the largest free
 * lowmem range (reported; may lower max_low_pfn too),
 * fills memblock (after memblock_reset()) and reserves page 0, the BIOS
 * area from @ebda_start (0: unknown) to 1 MiB and the kernel image
 * [@kernel_start, @kernel_end); computes max_pfn, max_low_pfn (highmem=),
 * max_zone_pfn[] and memblock's current_limit.  0, or -ENOMEM (reported)
 * when no usable RAM remains (ram == 0) or when not even mem_map for the
 * RAM up to the kernel image's end fits in a free lowmem range.
 */
int setup_memory_map(const struct e820_table *raw, const struct kernel_params *kp,
		     phys_addr_t kernel_start, phys_addr_t kernel_end,
		     phys_addr_t ebda_start, struct mem_layout *out);

/* the kernel's call, from start_kernel(): panics when there is no RAM */
void setup_arch(struct boot_info *bi, struct kernel_params *kp);

#endif
