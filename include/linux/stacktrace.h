/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Saving a call trace for later (page_owner): the kernel walks its
 * frame-pointer chain (kernel/traps.c), the host tests use glibc's
 * backtrace() (tests/host/stacktrace.c).  Entries are return addresses,
 * named when printed with sprint_symbol() (<linux/kallsyms.h>).
 */
#ifndef _LINUX_STACKTRACE_H
#define _LINUX_STACKTRACE_H

/*
 * Store up to @size return addresses of the calling context in @store,
 * innermost first, leaving out the first @skipnr (0: the first entry lies
 * in the caller of stack_trace_save()).  Returns how many were stored.
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr);

#endif
