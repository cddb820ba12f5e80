// SPDX-License-Identifier: GPL-2.0
/* Host build: how many CPUs the tests use (asm/percpu.h; the CPU number itself is mmu_hooks.c's host_cpu). */
#include <asm/percpu.h>

unsigned int nr_cpu_ids = 1;
/* include/linux/spinlock.h: a waiter's spins, to yield now and then */
__thread unsigned int host_relax_spins;
