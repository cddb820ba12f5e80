/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The in-kernel allocator benchmark (kernel/bench.c): issue 8's workloads
 * 1, 3, 4 and 6 on the kernel's own allocator and real memory, timed with
 * the TSC.  Run by the shell's "bench" command and, with the command-line
 * word "bench", once at boot (the QEMU case boots with -icount shift=0,
 * where a TSC tick is one guest instruction, so the figures repeat
 * exactly).  Output, one line per figure, ending with "bench: done":
 *
 *   bench: 1 order-0 alloc+free pair: 190 cycles
 *   bench: 3 order 0 alloc+free pair: 195 cycles (195 per 4 KiB)
 *   bench: 4 churn 50%: 16384 ops, mean 260 p50 180 p99 1100 p99.9 2500 max 4000 cycles
 *   bench: 6 get_zeroed_page hot: 1400 cycles, memset 1300 cycles (1.07x)
 *   bench: done
 *
 * Every block it allocates is freed before it returns: the free lists
 * end as they began, apart from the pages left on the per-CPU lists.
 */
#ifndef _LINUX_BENCH_H
#define _LINUX_BENCH_H

/* run all workloads; 0, or -ENOMEM if memory was too short to run them */
int bench_run(void);

#endif
