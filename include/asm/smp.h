/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Several CPUs (kernel/smp.c): which exist, which run, and how one asks
 * another to run a function.  The boot CPU is CPU 0; the others are
 * numbered in the MADT's order.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <linux/types.h>
#include <asm/percpu.h>

/*
 * How many CPUs this kernel can drive (Linux's CONFIG_NR_CPUS); mm/'s
 * NR_CPUS (include/linux/mmzone.h) is the same number.
 */
#define CONFIG_NR_CPUS	32

enum cpu_state {
	CPU_ABSENT = 0,		/* no such CPU */
	CPU_NOT_STARTED,	/* in the MADT, left out by maxcpus=/nosmp */
	CPU_PRESENT,		/* in the MADT, to be started */
	CPU_BOOTING,		/* INIT-SIPI-SIPI sent, not yet called in */
	CPU_FAILED,		/* did not call in within the timeout */
	CPU_ONLINE,		/* running: idle or doing work */
};

struct cpu_info {
	u32 apicid;
	u32 acpi_id;
	enum cpu_state state;
	struct pcpu_hot *hot;	/* its per-CPU area */
};

extern struct cpu_info cpu_info[CONFIG_NR_CPUS];
/* CPUs in the MADT that this kernel may use (Linux's nr_cpu_ids) */
extern unsigned int nr_cpu_ids;
/* CPUs running */
extern unsigned int num_online_cpus_count;

static inline unsigned int num_online_cpus(void)
{
	return __atomic_load_n(&num_online_cpus_count, __ATOMIC_ACQUIRE);
}

static inline bool cpu_online(unsigned int cpu)
{
	return cpu < CONFIG_NR_CPUS &&
	       __atomic_load_n(&cpu_info[cpu].state, __ATOMIC_ACQUIRE) == CPU_ONLINE;
}

#define for_each_online_cpu(cpu) \
	for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++) if (cpu_online(cpu))

/* early, right after trap_init(): CPU 0's GDT with its per-CPU segment */
void smp_prepare_boot_cpu(void);
/*
 * After paging_init(), before mem_init(): read the MADT (@rsdp as for
 * acpi_power_init()), apply nosmp/maxcpus=, and reserve the trampoline page
 * below 1 MiB and the other CPUs' stacks through memblock.
 */
void smp_prepare_cpus(const u8 *rsdp, u32 rsdp_len);
/* After time_init(): start the other CPUs (INIT-SIPI-SIPI), then they idle */
void smp_init(void);

typedef void (*smp_call_func_t)(void *info);
/*
 * Run @func(@info) on @cpu with interrupts off; wait for it to return if
 * @wait.  On the calling CPU it is a plain call.  0, -ENXIO (@cpu is not
 * online) or -EDEADLK (@cpu is CPU 0 and the caller another CPU: the boot
 * CPU runs the shell with interrupts off and takes no IPI).
 */
int smp_call_function_single(unsigned int cpu, smp_call_func_t func, void *info, bool wait);
/*
 * @func(@info) on every online CPU, this one included; returns after all if
 * @wait.  Called on another CPU than 0, CPU 0 is left out with a warning
 * (see smp_call_function_single()).
 */
void on_each_cpu(smp_call_func_t func, void *info, bool wait);

/* the interrupt stubs hand vectors >= 32 here first; true if it was ours */
bool smp_handle_interrupt(unsigned int vector);

/* for stack traces: this CPU's stack, if the per-CPU segment is loaded */
bool smp_current_stack(unsigned long *lo, unsigned long *hi);
/* for the double-fault report: is @sp at the bottom of some CPU's stack? */
bool smp_stack_overflowed(unsigned long sp);

/* say what this CPU is doing, for the shell's `cpus` (a static string) */
static inline void smp_set_doing(const char *what)
{
	this_cpu_write_4(doing, what);
}

#endif
