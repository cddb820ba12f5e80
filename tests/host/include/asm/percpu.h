/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host build: the CPU a test says it runs on (the kernel's is
 * include/asm/percpu.h).  host_cpu is thread-local, 0 unless a test moves
 * itself with host_set_cpu() (tests/host/mmu_hooks.c), which also shows
 * that CPU's simulated TLB at the kmap addresses.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

extern __thread unsigned int host_cpu;

static inline unsigned int raw_smp_processor_id(void) { return host_cpu; }

#endif
