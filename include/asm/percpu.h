/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU data, reached through the %fs segment base as on Linux/i386.
 *
 * Each CPU has its own GDT (kernel/smp.c) whose __KERNEL_PERCPU descriptor
 * has its base at that CPU's struct pcpu_hot; %fs holds that selector on
 * every CPU, always (the interrupt stubs save and restore it but never
 * load it).  So "movl %fs:offset, %eax" is one instruction that needs no
 * lock, no APIC read and no CPU number first, and it is right even if the
 * code moves to another CPU between two reads (it cannot here: the kernel
 * has no preemption).  An APIC-id lookup would cost an MMIO read and a
 * table search on every smp_processor_id(), which the debug spinlocks and
 * the per-CPU page lists call on every operation.
 *
 * The host build has its own copy of this header (tests/host/include/asm/)
 * where the CPU is a thread-local number the tests' threads set: mm/ and
 * the spinlocks stay host-compilable, and run concurrently there too.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#include <linux/types.h>
#include <linux/compiler.h>

/* the most used per-CPU fields, together (Linux's struct pcpu_hot) */
struct pcpu_hot {
	unsigned int cpu_number;	/* smp_processor_id(); never changes */
	unsigned long stack_lo;		/* this CPU's stack [stack_lo, stack_hi) */
	unsigned long stack_hi;
	const char *doing;		/* what the shell's `cpus` shows; static strings */
	void *doing_fn;			/* the cross-CPU call being run, or NULL */
};

#define GDT_ENTRY_PERCPU	5
#define __KERNEL_PERCPU		(GDT_ENTRY_PERCPU * 8)

/* one 32-bit field of this CPU's struct pcpu_hot (the kernel is i386: longs and pointers are 4 bytes) */
#define this_cpu_read_4(field)						\
({									\
	unsigned long __v;						\
	__asm__ __volatile__("movl %%fs:%c1, %0" : "=r"(__v)		\
			     : "i"(__builtin_offsetof(struct pcpu_hot, field)));	\
	__v;								\
})

#define this_cpu_write_4(field, val)					\
	__asm__ __volatile__("movl %0, %%fs:%c1" : :			\
			     "r"((unsigned long)(val)),			\
			     "i"(__builtin_offsetof(struct pcpu_hot, field)) : "memory")

static __always_inline unsigned int raw_smp_processor_id(void)
{
	return this_cpu_read_4(cpu_number);
}

/* no preemption: the CPU a piece of code starts on is the one it ends on */
static __always_inline unsigned int smp_processor_id(void)
{
	return raw_smp_processor_id();
}

/* CPUs in the MADT that this kernel may use (kernel/smp.c; Linux's nr_cpu_ids) */
extern unsigned int nr_cpu_ids;

#endif
