/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host build: each thread is a CPU (the kernel's is include/asm/percpu.h).
 * host_smp_cpu is thread-local, 0 unless a test's thread sets it
 * (tests/tsan/pcp_smp.c); nr_cpu_ids is 1 unless a test raises it.
 * Local-exec TLS: one "mov %fs:x" as the kernel's per-CPU read, so the
 * benchmarks count what the kernel does.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

extern __thread unsigned int host_smp_cpu __attribute__((tls_model("local-exec")));
extern unsigned int nr_cpu_ids;

static inline unsigned int raw_smp_processor_id(void) { return host_smp_cpu; }
static inline unsigned int smp_processor_id(void) { return host_smp_cpu; }

#endif
