/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Flushing kernel translations on every CPU (Linux's <asm/tlbflush.h>,
 * the part a kernel without user space needs).  The kernel's version is
 * kernel/tlb.c; the host tests' is tests/host/mmu_hooks.c, where each
 * simulated CPU has its own simulated TLB.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <linux/types.h>

/*
 * flush_tlb_kernel_range - after kernel PTEs in [@start, @end) were
 * cleared or changed, make sure no CPU still translates through the old
 * entries: this CPU flushes its own TLB, every other online CPU is
 * interrupted (a "TLB shootdown") and flushes its own, and the call
 * returns only when all of them have.  May be called with interrupts off.
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

/* the NMI handler's part (kernel only): true if this CPU owed a shootdown and did it */
bool tlb_flush_nmi(void);

/* Linux's vmstat TLB events (CONFIG_DEBUG_TLBFLUSH), counted since boot */
struct tlb_flush_stats {
	unsigned long remote_flush;		/* nr_tlb_remote_flush: shootdowns sent */
	unsigned long remote_flush_received;	/* nr_tlb_remote_flush_received: CPUs that flushed for one */
	unsigned long local_flush_all;		/* flushes done by the caller without anyone to tell */
	u64 remote_cycles;			/* TSC cycles the senders spent from first IPI to last answer */
};
void tlb_flush_get_stats(struct tlb_flush_stats *st);

#endif
