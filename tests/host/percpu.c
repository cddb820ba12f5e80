// SPDX-License-Identifier: GPL-2.0
/* Host build: the thread's CPU number and how many CPUs the tests use (asm/percpu.h). */
#include <asm/percpu.h>

__thread unsigned int host_smp_cpu __attribute__((tls_model("local-exec")));
unsigned int nr_cpu_ids = 1;
/* include/linux/spinlock.h: a waiter's spins, to yield now and then */
__thread unsigned int host_relax_spins;
