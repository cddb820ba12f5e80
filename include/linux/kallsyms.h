/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's own function names (kernel/kallsyms.c), from a table that
 * the two-pass link embeds (scripts/mksyms.py): stack traces and %pS print
 * "start_kernel+0x1c/0x2a0".
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_SYMBOL_LEN	128

/*
 * The function containing @addr: its name, or NULL if @addr is outside
 * the kernel's text.  *@size and *@offset (may be NULL) get the function's
 * length and @addr's offset in it.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset);

/* "name+0xoff/0xsize" or "0xaddr" into @buf; returns the length */
int sprint_symbol(char *buf, size_t len, unsigned long addr);

/* address of the named function, 0 if unknown */
unsigned long kallsyms_lookup_name(const char *name);

#endif
