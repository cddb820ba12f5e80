// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's CPU commands: `cpus` lists the CPUs kernel/smp.c found and
 * what each is doing; `on <cpu> <command...>` runs a shell command on
 * another CPU through smp_call_function_single() and waits for it, so its
 * output comes out in order and the shell has one command running at a
 * time -- which mm/ still needs: its per-CPU page lists are one set,
 * shared, until they are made per CPU.
 */
#include <linux/kernel.h>
#include <asm/smp.h>
#include <asm/apic.h>
#include "shell_internal.h"

static const char *const cpu_state_names[] = {
	[CPU_ABSENT] = "absent",
	[CPU_NOT_STARTED] = "not started",
	[CPU_PRESENT] = "present",
	[CPU_BOOTING] = "booting",
	[CPU_FAILED] = "failed",
	[CPU_ONLINE] = "online",
};

void cmd_cpus(int argc, char **argv)
{
	unsigned int cpu;

	shell_printf("CPU  APIC  ACPI  state        doing\n");
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		const struct cpu_info *ci = &cpu_info[cpu];
		const struct pcpu_hot *h = ci->hot;
		enum cpu_state st = __atomic_load_n(&ci->state, __ATOMIC_ACQUIRE);
		const char *doing = st == CPU_ONLINE ? __atomic_load_n(&h->doing, __ATOMIC_RELAXED) : "-";
		void *fn = st == CPU_ONLINE ? __atomic_load_n(&h->doing_fn, __ATOMIC_RELAXED) : NULL;

		shell_printf("%3u  %4u  %4u  %-11s  %s", cpu, ci->apicid, ci->acpi_id, cpu_state_names[st],
			     doing ? doing : "?");
		if (fn)
			shell_printf(" [IPI: %pS]", fn);
		shell_printf("%s\n", cpu == smp_processor_id() ? " (this CPU)" : "");
	}
	shell_printf("%u of %u CPUs online\n", num_online_cpus(), nr_cpu_ids);
}

struct on_args {
	int argc;
	char **argv;
};

static void on_cpu_fn(void *info)
{
	struct on_args *a = info;

	shell_exec(a->argc, a->argv);
}

void cmd_on(int argc, char **argv)
{
	struct on_args a = { argc - 2, argv + 2 };
	unsigned long cpu;
	int err;

	if (!shell_arg_ulong(argv[1], "cpu", CONFIG_NR_CPUS - 1, &cpu))
		return;
	if (!cpu_online(cpu)) {
		shell_error("CPU %lu is not online (see cpus)", cpu);
		return;
	}
	err = smp_call_function_single(cpu, on_cpu_fn, &a, true);
	if (err)
		shell_error("CPU %lu: smp_call_function_single() failed (%d)", cpu, err);
}
