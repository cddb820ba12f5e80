/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time memory manager (mm/memblock.c).  Two sorted,
 * non-overlapping, merged region tables: "memory" (usable RAM from the
 * cleaned e820 table) and "reserved" (kernel image, Multiboot2 info, page
 * 0, the BIOS area below 1 MiB, memmap= ranges, and every early
 * allocation).  Free = memory minus reserved.  Early allocations come
 * top-down from free lowmem; memblock_free_all() then hands every free
 * page to the buddy allocator and memblock is retired.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>
#include <linux/e820.h>

/* slots in each static table; a full table doubles (memblock_double_array) */
#define INIT_MEMBLOCK_REGIONS	128

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;		/* slots in regions[]: INIT_MEMBLOCK_REGIONS << doublings */
	phys_addr_t total_size;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;	/* allocations stay below this (lowmem) */
	struct memblock_type memory;
	struct memblock_type reserved;
	bool retired;			/* memblock_free_all() ran: allocations refused */
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
void memblock_set_current_limit(phys_addr_t limit);
/*
 * Let full tables grow from memblock's own free memory (below
 * current_limit).  Call it once everything that must not be overwritten
 * is reserved; growing before is a panic.  memblock_reset() forbids it again.
 */
void memblock_allow_resize(void);
/* top-down, @align-aligned, below current_limit; 0 on failure */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
/* the same, returned through __va() and zeroed; panics on failure */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
/* Linux's memblock_alloc_raw(): the same, not zeroed (the caller writes it all) */
void *memblock_alloc_raw(phys_addr_t size, phys_addr_t align);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
/* drop memory above @limit bytes of RAM (mem=) */
void memblock_enforce_memory_limit(phys_addr_t limit);
/* empty both tables, back on the static arrays (tests, and a kernel restart of the sequence) */
void memblock_reset(void);
/* fill "memory" from the usable entries of a cleaned e820 table */
void memblock_add_e820(const struct e820_table *table);
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);
void memblock_dump_all(void);

/*
 * Free ranges (memory minus reserved), lowest first: Linux's
 * for_each_free_mem_range() for one node, without flags.
 *	u64 i; phys_addr_t start, end;
 *	for_each_free_mem_range(i, &start, &end) ...
 */
bool __next_free_mem_range(u64 *idx, phys_addr_t *out_start, phys_addr_t *out_end);
#define for_each_free_mem_range(i, p_start, p_end) \
	for (i = 0; __next_free_mem_range(&i, p_start, p_end); )

/* every region of memblock.memory (Linux's for_each_mem_region) */
#define for_each_mem_region(region) \
	for (region = memblock.memory.regions; \
	     region < memblock.memory.regions + memblock.memory.cnt; region++)

/*
 * Hand every free page to the buddy allocator of @pgdat (all zones must be
 * initialized) and retire memblock.  Returns the number of pages freed.
 */
struct pglist_data;
unsigned long memblock_free_all(struct pglist_data *pgdat);

#endif
