/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host benchmark timing: the TSC read with the serialisation Intel's
 * "How to Benchmark Code Execution Times" white paper and AMD's manuals
 * agree on, so that neither earlier nor later instructions leak into the
 * interval:
 *
 *	start:	lfence; rdtsc; lfence	(wait for everything before, then
 *					 keep everything after from starting)
 *	stop:	rdtscp; lfence		(rdtscp waits for the timed code;
 *					 lfence keeps later code out)
 *
 * On this machine the TSC is invariant (constant_tsc, nonstop_tsc), so
 * cycles convert to nanoseconds with one frequency, calibrated at start
 * against CLOCK_MONOTONIC_RAW.  The cost of an empty start/stop pair is
 * measured too and taken off individually timed operations.
 */
#ifndef _BENCH_TIMING_H
#define _BENCH_TIMING_H

#include <stdint.h>
#include <time.h>

static inline uint64_t tsc_start(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("lfence\n\trdtsc\n\tlfence" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t tsc_stop(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtscp\n\tlfence" : "=a"(lo), "=d"(hi) : : "rcx", "memory");
	return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t mono_raw_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Evict one cache line to memory (cold-cache measurements). */
static inline void clflush_line(void *p)
{
	__asm__ __volatile__("clflush %0" : "+m"(*(volatile char *)p));
}

static inline void mfence(void)
{
	__asm__ __volatile__("mfence" : : : "memory");
}

/*
 * Keep the compiler from deleting work whose result is unused: the empty
 * asm takes the pointer and clobbers memory, so every store before it
 * (a clear of the page, say) must be done, and an allocation whose
 * result it takes cannot be folded away with the free that follows.
 */
#define bench_keep(x)	__asm__ __volatile__("" : : "r"(x) : "memory")

/*
 * bench_clear_page - the one page clear every backend and the bare
 * reference use: the same string store as the host's clear_page()
 * (tests/host/include/asm/page.h), which Orderly's get_zeroed_page()
 * runs - rep stosb on x86-64 (Linux's clear_page_erms), rep stosl on
 * i686.  Comparing get_zeroed_page() against glibc's vectorised memset()
 * would compare two clears, not an allocator's overhead.  An asm
 * volatile: no compiler can drop it because a free() follows.
 */
static inline void bench_clear_page(void *page)
{
	unsigned long d0, d1;

#ifdef __x86_64__
	__asm__ __volatile__("rep stosb"
			     : "=&c"(d0), "=&D"(d1)
			     : "a"(0UL), "0"(4096UL), "1"(page)
			     : "memory");
#else
	__asm__ __volatile__("rep stosl"
			     : "=&c"(d0), "=&D"(d1)
			     : "a"(0UL), "0"(4096UL / 4), "1"(page)
			     : "memory");
#endif
}

#endif
