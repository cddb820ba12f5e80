/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Simulated physical memory for host tests: a memfd of @size bytes mapped
 * once as the "direct map" at host_phys_base, so __va(phys) is a real,
 * writable address, and tests/host/mmu_hooks.c can map any "frame" again
 * at a kmap or fixmap address with mmap(MAP_FIXED) of the same file.
 */
#ifndef _HOST_PHYS_H
#define _HOST_PHYS_H

#include <linux/types.h>

/* Replace any previous arena with a zeroed one of @size bytes; 0 or -1. */
int host_phys_setup(u64 size);
void host_phys_teardown(void);
/* the memfd behind the arena (for the PTE hooks) */
int host_phys_fd(void);
/*
 * true if reading one byte at @addr faults (SIGSEGV/SIGBUS caught and
 * undone): proves a cleared kmap PTE really unmapped the page.
 */
bool host_addr_faults(const void *addr);
/*
 * The PKMAP/fixmap page at @vaddr still reaches a frame its PTE no longer
 * names: on the running CPU, or on @cpu.
 */
bool host_tlb_stale(unsigned long vaddr);
bool host_tlb_stale_on(unsigned int cpu, unsigned long vaddr);

/* simulated CPUs, each with its own simulated TLB */
#define HOST_NR_CPUS	4
/* run on CPU @cpu from now on (see tests/host/mmu_hooks.c) */
void host_set_cpu(unsigned int cpu);
/* flush_tlb_kernel_range() calls so far */
extern unsigned long host_remote_flushes;

#endif
