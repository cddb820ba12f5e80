/* SPDX-License-Identifier: GPL-2.0 */
/* Time since boot, from the TSC calibrated against the PIT (kernel/time.c). */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/types.h>

/* calibrate the TSC against the PIT and print its frequency */
void time_init(void);
/* nanoseconds since the kernel's first instruction; 0 before time_init() */
u64 ktime_get_ns(void);
u64 tsc_khz_get(void);
static inline u64 get_cycles(void)
{
#if defined(__i386__) || defined(__x86_64__)
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
#else
	return 0;
#endif
}

#endif
