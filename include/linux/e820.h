/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The firmware memory map as plain data.  The boot code fills an
 * e820_table from Multiboot2 tags (mmap, EFI mmap or basic meminfo); mm/
 * cleans and prints it.  Nothing here names Multiboot or x86 hardware.
 */
#ifndef _LINUX_E820_H
#define _LINUX_E820_H

#include <linux/types.h>

enum e820_type {
	E820_TYPE_RAM		= 1,
	E820_TYPE_RESERVED	= 2,
	E820_TYPE_ACPI		= 3,
	E820_TYPE_NVS		= 4,
	E820_TYPE_UNUSABLE	= 5,
	E820_TYPE_PMEM		= 7,
	E820_TYPE_PRAM		= 12,		/* legacy persistent memory */
	E820_TYPE_SOFT_RESERVED	= 0xefffffff,	/* EFI specific-purpose memory */
};

/* Linux's E820_MAX_ENTRIES for a zero page plus room for EFI maps */
#define E820_MAX_ENTRIES	256

struct e820_entry {
	u64 addr;	/* first byte */
	u64 size;	/* bytes; 0 entries are dropped by sanitizing */
	u32 type;	/* enum e820_type, or any other firmware value */
};

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

/*
 * mm/e820.c: cleaning and editing a table (Linux's names; each takes the
 * table it works on, so tests and the fuzzer use private ones).
 */
/* sort, resolve overlaps (stricter type wins), merge, drop empty; 0 or -1 if entries had to be dropped */
int e820__update_table(struct e820_table *table);
/* "<who>: [mem 0x...-0x...] <type>" per entry, as Linux prints it */
void e820__print_table(const struct e820_table *table, const char *who);
const char *e820_type_name(u32 type, char *buf, size_t len);
/* append a range (not sanitized); -ENOMEM (reported) when the table is full */
int e820__range_add(struct e820_table *table, u64 start, u64 size, u32 type);
/* retype the @old_type parts of [start, start+size) to @new_type; bytes changed */
u64 e820__range_update(struct e820_table *table, u64 start, u64 size, u32 old_type, u32 new_type);
/* cut [start, start+size) out (only @old_type parts if @check_type); bytes removed */
u64 e820__range_remove(struct e820_table *table, u64 start, u64 size, u32 old_type, bool check_type);
/* usable RAM in bytes */
u64 e820__total_ram(const struct e820_table *table);
/* shrink usable RAM entries inward to whole pages; bytes of RAM dropped */
u64 e820__trim_ram_to_pages(struct e820_table *table);
/* cut everything at or above @limit (straddling entries are cut); bytes of RAM dropped */
u64 e820__remove_above(struct e820_table *table, u64 limit);
/* pfn just past the highest usable page below @limit_pfn (0 if none) */
unsigned long e820__end_of_ram_pfn(const struct e820_table *table, unsigned long limit_pfn);

#endif
