/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host build: each thread is a CPU (the kernel's is include/asm/percpu.h).
 * host_cpu is thread-local, 0 unless a test moves itself with
 * host_set_cpu() (tests/host/mmu_hooks.c, which also shows that CPU's
 * simulated TLB at the kmap addresses) or a test's thread sets it
 * (tests/tsan/pcp_smp.c); nr_cpu_ids is 1 unless a test raises it.
 * Local-exec TLS: one "mov %fs:x" as the kernel's per-CPU read, so the
 * benchmarks count what the kernel does.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

extern __thread unsigned int host_cpu __attribute__((tls_model("local-exec")));
extern unsigned int nr_cpu_ids;

static inline unsigned int raw_smp_processor_id(void) { return host_cpu; }
static inline unsigned int smp_processor_id(void) { return host_cpu; }

#endif
