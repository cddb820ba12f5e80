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

#endif
