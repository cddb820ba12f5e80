/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A page-sized byte pattern that depends on the pfn it was written for, so
 * a mapping that reaches the wrong frame (or a copy from the wrong page)
 * shows up as a mismatch.  Shared by the highmem suites (host and kernel).
 */
#ifndef _TESTS_PAGE_PATTERN_H
#define _TESTS_PAGE_PATTERN_H

#include <asm/page.h>

/* byte @i of @pfn's pattern */
static inline unsigned char pattern_byte(unsigned long pfn, unsigned int i)
{
	return (unsigned char)(pfn * 131 + i * 7 + 1);
}

/* write @pfn's pattern over the page at @kaddr */
static inline void fill_pattern(void *kaddr, unsigned long pfn)
{
	unsigned char *p = kaddr;
	unsigned int i;

	for (i = 0; i < PAGE_SIZE; i++)
		p[i] = pattern_byte(pfn, i);
}

/* offset of the first byte that differs from @pfn's pattern, or -1 */
static inline long check_pattern(const void *kaddr, unsigned long pfn)
{
	const unsigned char *p = kaddr;
	unsigned int i;

	for (i = 0; i < PAGE_SIZE; i++)
		if (p[i] != pattern_byte(pfn, i))
			return i;
	return -1;
}

#endif /* _TESTS_PAGE_PATTERN_H */
