// SPDX-License-Identifier: GPL-2.0
/*
 * Function names for stack traces and %pS: a binary search in the table
 * that the second kernel link embeds (scripts/mksyms.py; layout there).
 * The first link carries an empty table, so a trace printed by that image
 * (never booted) would show raw addresses only.
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/string.h>

extern const u32 ksyms_num;
extern const u32 ksyms_text_end;
extern const u32 ksyms_addr[];
extern const u32 ksyms_name_off[];
extern const char ksyms_names[];

const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset)
{
	u32 lo = 0, hi = ksyms_num, i, end;

	if (!ksyms_num || addr < ksyms_addr[0] || addr >= ksyms_text_end)
		return NULL;
	/* the last entry <= addr */
	while (hi - lo > 1) {
		u32 mid = lo + (hi - lo) / 2;

		if (ksyms_addr[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	i = lo;
	end = i + 1 < ksyms_num ? ksyms_addr[i + 1] : ksyms_text_end;
	if (size)
		*size = end - ksyms_addr[i];
	if (offset)
		*offset = addr - ksyms_addr[i];
	return ksyms_names + ksyms_name_off[i];
}

int sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr, &size, &offset);

	if (!name)
		return scnprintf(buf, len, "0x%08lx", addr);
	return scnprintf(buf, len, "%s+0x%lx/0x%lx", name, offset, size);
}

unsigned long kallsyms_lookup_name(const char *name)
{
	u32 i;

	for (i = 0; i < ksyms_num; i++)
		if (!strcmp(ksyms_names + ksyms_name_off[i], name))
			return ksyms_addr[i];
	return 0;
}
