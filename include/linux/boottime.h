/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where boot time goes (kernel/boottime.c).  start_kernel() calls
 * boot_mark() at the end of each phase with the phase's name; the first
 * call, boot_mark_start(), is the entry.  boot_time_report(), just before
 * the shell prompt, prints each phase's TSC cycles, its share of
 * entry-to-prompt, and for the mm phases the cost per managed page.
 *
 * Under QEMU TCG with -icount shift=0 the TSC advances one tick per
 * guest instruction, so the same report reads as instruction counts and
 * is deterministic: that is how the "instructions per managed page"
 * figure of issue 8 is taken.
 *
 * A phase whose name starts with "mm:" is per-page work (mem_map init,
 * the hand-over to the buddy lists): the report divides it by the number
 * of managed pages.  Host builds of mm/ get no-op stubs.
 */
#ifndef _LINUX_BOOTTIME_H
#define _LINUX_BOOTTIME_H

#include <linux/types.h>

#ifdef __ORDERLY_HOST__
static inline void boot_mark_start(void) { }
static inline void boot_mark(const char *phase) { (void)phase; }
static inline void boot_time_report(void) { }
#else
/* the entry: time 0 of the report */
void boot_mark_start(void);
/* the phase @phase (a string literal) ends now; at most 16 phases */
void boot_mark(const char *phase);
/* print the table (once; later calls print it again, same figures) */
void boot_time_report(void);
#endif

#endif /* _LINUX_BOOTTIME_H */
