// SPDX-License-Identifier: GPL-2.0
/*
 * Small-object benchmark: Orderly's kmalloc/kfree (the real mm/ sources
 * at -O2 without VM_BUG_ON, over a 64 MiB kernel node 0 on the host)
 * against glibc malloc, jemalloc and mimalloc, one binary per allocator
 * (SLAB_BE_ORDERLY / _GLIBC / _JEMALLOC / _MIMALLOC).
 *
 *   pair      p = alloc(size); *p = 1; free(p), at 8, 64, 256, 1024, 4096
 *             bytes: cycles per pair (median of 7 runs)
 *   churn     4096 slots kept half full: each operation frees a random
 *             live block or allocates 8..2048 random bytes into an empty
 *             slot; every operation timed alone: p50, p99, p99.9 in ns
 *   prodcons  a producer allocates 1024 64-byte messages, a consumer
 *             frees them in order (FIFO): cycles per message
 *   overhead  (Orderly) 20000 live objects of each size (at most 16 MiB):
 *             slab pages divided by the bytes asked for
 *
 * Output: CSV "backend,workload,size,metric,value" on stdout.
 * --instr <size>: only the pair loop of <size>, in the function
 * pair_loop(), for `valgrind --tool=callgrind --toggle-collect=pair_loop`
 * (bench/slab_instr.sh): instructions per pair, repeatable anywhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "timing.h"

#if defined(SLAB_BE_ORDERLY)
#include <linux/slab.h>
#include "../mm/slab.h"
#include "orderly_node.h"
#define BE_NAME "orderly"
static inline void *be_alloc(size_t n) { return kmalloc(n, GFP_KERNEL); }
static inline void be_free(void *p) { kfree(p); }
static void be_setup(void)
{
	if (orderly_setup(64ULL << 20)) {
		fprintf(stderr, "slab_bench: no node\n");
		exit(1);
	}
	kmem_cache_init(NULL);
}
#elif defined(SLAB_BE_JEMALLOC)
#include <jemalloc/jemalloc.h>
#define BE_NAME "jemalloc"
static inline void *be_alloc(size_t n) { return mallocx(n, 0); }
static inline void be_free(void *p) { dallocx(p, 0); }
static void be_setup(void) { }
#elif defined(SLAB_BE_MIMALLOC)
#include <mimalloc.h>
#define BE_NAME "mimalloc"
static inline void *be_alloc(size_t n) { return mi_malloc(n); }
static inline void be_free(void *p) { mi_free(p); }
static void be_setup(void) { }
#else
#define BE_NAME "glibc"
static inline void *be_alloc(size_t n) { return malloc(n); }
static inline void be_free(void *p) { free(p); }
static void be_setup(void) { }
#endif

static const size_t pair_sizes[] = { 8, 64, 256, 1024, 4096 };
#define PAIRS		200000
#define RUNS		7
#define CHURN_SLOTS	4096
#define CHURN_OPS	400000
#define PC_BATCH	1024
#define PC_ROUNDS	200

static double cycles_per_ns;

static uint32_t rnd_state = 12345;
static inline uint32_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void calibrate(void)
{
	uint64_t t0 = mono_raw_ns(), c0 = tsc_start(), t1, c1;

	do
		t1 = mono_raw_ns();
	while (t1 - t0 < 100000000);
	c1 = tsc_stop();
	cycles_per_ns = (double)(c1 - c0) / (double)(t1 - t0);
}

__attribute__((__noinline__)) void pair_loop(size_t size, unsigned long n);
__attribute__((__noinline__)) void pair_loop(size_t size, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		char *p = be_alloc(size);

		*(volatile char *)p = 1;
		be_free(p);
	}
}

static void bench_pairs(void)
{
	unsigned int s, r;

	for (s = 0; s < sizeof(pair_sizes) / sizeof(pair_sizes[0]); s++) {
		uint64_t runs[RUNS];

		pair_loop(pair_sizes[s], 1000);		/* warm */
		for (r = 0; r < RUNS; r++) {
			uint64_t t = tsc_start();

			pair_loop(pair_sizes[s], PAIRS);
			runs[r] = tsc_stop() - t;
		}
		qsort(runs, RUNS, sizeof(runs[0]), cmp_u64);
		printf("%s,pair,%zu,cycles,%.1f\n", BE_NAME, pair_sizes[s],
		       (double)runs[RUNS / 2] / PAIRS);
	}
}

static void bench_churn(void)
{
	static void *slot[CHURN_SLOTS];
	static uint64_t lat[CHURN_OPS];
	uint64_t overhead = ~0ULL;
	unsigned int i;

	for (i = 0; i < 1000; i++) {
		uint64_t t = tsc_start(), d = tsc_stop() - t;

		if (d < overhead)
			overhead = d;
	}
	for (i = 0; i < CHURN_SLOTS; i += 2)
		slot[i] = be_alloc(8 + rnd() % 2041);
	for (i = 0; i < CHURN_OPS; i++) {
		unsigned int k = rnd() % CHURN_SLOTS;
		size_t n = 8 + rnd() % 2041;
		uint64_t t, d;

		if (slot[k]) {
			t = tsc_start();
			be_free(slot[k]);
			d = tsc_stop() - t;
			slot[k] = NULL;
		} else {
			t = tsc_start();
			slot[k] = be_alloc(n);
			d = tsc_stop() - t;
			*(volatile char *)slot[k] = 1;
		}
		lat[i] = d > overhead ? d - overhead : 0;
	}
	for (i = 0; i < CHURN_SLOTS; i++)
		if (slot[i])
			be_free(slot[i]);
	qsort(lat, CHURN_OPS, sizeof(lat[0]), cmp_u64);
	printf("%s,churn,8-2048,p50_ns,%.1f\n", BE_NAME, lat[CHURN_OPS / 2] / cycles_per_ns);
	printf("%s,churn,8-2048,p99_ns,%.1f\n", BE_NAME, lat[CHURN_OPS / 100 * 99] / cycles_per_ns);
	printf("%s,churn,8-2048,p99.9_ns,%.1f\n", BE_NAME, lat[CHURN_OPS / 1000 * 999] / cycles_per_ns);
}

static void bench_prodcons(void)
{
	static void *q[PC_BATCH];
	uint64_t runs[RUNS];
	unsigned int r, k, i;

	for (r = 0; r < RUNS; r++) {
		uint64_t t = tsc_start();

		for (k = 0; k < PC_ROUNDS; k++) {
			for (i = 0; i < PC_BATCH; i++) {
				q[i] = be_alloc(64);
				*(volatile char *)q[i] = (char)i;
			}
			for (i = 0; i < PC_BATCH; i++)
				be_free(q[i]);
		}
		runs[r] = tsc_stop() - t;
	}
	qsort(runs, RUNS, sizeof(runs[0]), cmp_u64);
	printf("%s,prodcons,64,cycles,%.1f\n", BE_NAME,
	       (double)runs[RUNS / 2] / (PC_BATCH * PC_ROUNDS));
}

static void bench_overhead(void)
{
#ifdef SLAB_BE_ORDERLY
	static const size_t sizes[] = { 8, 64, 100, 256, 1024, 3000, 4096 };
	static void *obj[20000];
	unsigned int s, i, n;

	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		struct kmem_cache *c;
		unsigned long before;

		list_for_each_entry(c, &slab_caches, list)
			kmem_cache_shrink(c);
		before = nr_slab_unreclaimable;
		n = 20000 < (16u << 20) / sizes[s] ? 20000 : (16u << 20) / sizes[s];
		for (i = 0; i < n; i++)
			obj[i] = be_alloc(sizes[s]);
		printf("%s,overhead,%zu,slab_bytes_per_live_byte,%.3f\n", BE_NAME, sizes[s],
		       (double)(nr_slab_unreclaimable - before) * 4096 / ((double)n * sizes[s]));
		for (i = 0; i < n; i++)
			be_free(obj[i]);
	}
#endif
}

int main(int argc, char **argv)
{
	be_setup();
	if (argc == 3 && !strcmp(argv[1], "--instr")) {
		pair_loop((size_t)atol(argv[2]), 100000);
		return 0;
	}
	calibrate();
	bench_pairs();
	bench_churn();
	bench_prodcons();
	bench_overhead();
	return 0;
}
