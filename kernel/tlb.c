// SPDX-License-Identifier: GPL-2.0
/*
 * TLB shootdown for kernel mappings (Linux's flush_tlb_kernel_range() in
 * arch/x86/mm/tlb.c).
 *
 * Each CPU caches translations in its own TLB, and x86 keeps TLBs
 * coherent with nobody: a CPU that clears or changes a PTE can invlpg its
 * own TLB only.  Any other CPU may still hold the old translation - it
 * need not have touched the page, a speculative access suffices - and
 * reach the old frame through it.  kmap()'s flush_all_zero_pkmaps() is the
 * classic case: it clears every unused PKMAP slot and then hands the slots
 * out for other frames, so before that every CPU must drop them.  That is
 * why kmap() is expensive on SMP and why kmap_local_page(), whose slots
 * only their own CPU ever uses, needs no shootdown at all.
 *
 * The protocol, one shootdown at a time (tlb_lock):
 *   the sender writes the range, sets one bit per other online CPU in
 *   flush_pending, sends each of them an IPI, flushes its own TLB, and
 *   spins until flush_pending is empty;
 *   a receiver flushes the range and clears its bit (the release that
 *   lets the sender go on).
 *
 * The IPI is an NMI, where Linux uses a maskable vector.  Linux may, since
 * it runs with interrupts on wherever it can wait, and forbids waiting for
 * other CPUs with interrupts off.  Here the boot CPU runs the shell with
 * interrupts off, and cross-CPU calls (kernel/smp.c) run with interrupts
 * off on their target: a CPU spinning there, or on kmap_lock held by the
 * sender, would never take a maskable IPI, and the sender would wait for
 * ever.  An NMI reaches it wherever it spins.  The handler only flushes
 * and writes its own bit - no lock, no printk - so it is safe at any
 * instruction, including inside this file.  The kernel has no other NMI
 * source; an NMI with no bit set for this CPU is left to the trap report.
 */
#include <asm/tlbflush.h>
#include <asm/smp.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/mmu_hooks.h>
#include <asm/pgtable_32_areas.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

BUILD_BUG_ON(CONFIG_NR_CPUS > 32);		/* flush_pending is one u32 */
BUILD_BUG_ON(KM_NR_CPUS < CONFIG_NR_CPUS);	/* every CPU has kmap_local slots */

static DEFINE_SPINLOCK(tlb_lock);
/* the range being shot down; written by the lock holder before any bit is set */
static unsigned long flush_start, flush_end;
/* bit n: CPU n has been asked to flush and has not yet done it */
static u32 flush_pending;

static unsigned long nr_remote_flush, nr_remote_flush_received, nr_local_flush_all;
static u64 remote_cycles;

/* the NMI handler's half; true if this CPU had a flush to do */
bool tlb_flush_nmi(void)
{
	u32 me = 1u << raw_smp_processor_id();

	if (!(__atomic_load_n(&flush_pending, __ATOMIC_ACQUIRE) & me))
		return false;
	arch_flush_tlb_kernel_range(flush_start, flush_end);
	__atomic_fetch_add(&nr_remote_flush_received, 1, __ATOMIC_RELAXED);
	__atomic_fetch_and(&flush_pending, ~me, __ATOMIC_RELEASE);
	return true;
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned int cpu, me = raw_smp_processor_id();
	unsigned long flags;
	u32 others = 0;
	u64 t0;

	for_each_online_cpu(cpu)
		if (cpu != me)
			others |= 1u << cpu;
	if (!others || !apic_present()) {
		arch_flush_tlb_kernel_range(start, end);
		__atomic_fetch_add(&nr_local_flush_all, 1, __ATOMIC_RELAXED);
		return;
	}

	spin_lock_irqsave(&tlb_lock, flags);
	t0 = get_cycles();
	flush_start = start;
	flush_end = end;
	__atomic_store_n(&flush_pending, others, __ATOMIC_RELEASE);
	for (cpu = 0; cpu < CONFIG_NR_CPUS; cpu++)
		if (others & (1u << cpu))
			apic_send_ipi(cpu_info[cpu].apicid, APIC_DM_NMI);
	arch_flush_tlb_kernel_range(start, end);
	while (__atomic_load_n(&flush_pending, __ATOMIC_ACQUIRE))
		cpu_relax();
	remote_cycles += get_cycles() - t0;
	nr_remote_flush++;
	spin_unlock_irqrestore(&tlb_lock, flags);
}

void tlb_flush_get_stats(struct tlb_flush_stats *st)
{
	unsigned long flags;

	spin_lock_irqsave(&tlb_lock, flags);
	st->remote_flush = nr_remote_flush;
	st->remote_cycles = remote_cycles;
	spin_unlock_irqrestore(&tlb_lock, flags);
	st->remote_flush_received = __atomic_load_n(&nr_remote_flush_received, __ATOMIC_RELAXED);
	st->local_flush_all = __atomic_load_n(&nr_local_flush_all, __ATOMIC_RELAXED);
}
