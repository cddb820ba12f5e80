// SPDX-License-Identifier: GPL-2.0
/*
 * Host stand-ins for <linux/stacktrace.h> and sprint_symbol(): glibc's
 * backtrace() gives the return addresses; they are printed bare
 * ("0x55d0c0a1b2c3"), since the host test binary carries no kallsyms
 * table.  page_owner's tests check which entries exist, not their names.
 */
#include <execinfo.h>
#include <stdio.h>
#include <linux/kallsyms.h>
#include <linux/stacktrace.h>

unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr)
{
	void *buf[64];
	int n = backtrace(buf, 64), i;
	unsigned int out = 0;

	/* buf[0] lies in this function: the caller's frame is skipnr 0 */
	for (i = 1 + (int)skipnr; i < n && out < size; i++)
		store[out++] = (unsigned long)buf[i];
	return out;
}

int sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	return snprintf(buf, len, "0x%lx", addr);
}
