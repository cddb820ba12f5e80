// SPDX-License-Identifier: GPL-2.0
/*
 * The host benchmark driver: workloads 1-7 of issue 8, run against one
 * allocator backend chosen at compile time (-DBENCH_BACKEND_H="be_x.h"),
 * so that every allocator is reached through one direct call with no
 * function-pointer indirection in the timed loops.  One binary per backend
 * keeps the comparators' malloc replacements out of each other's way.
 *
 * A backend header provides (static inline where it is a thin wrapper):
 *	BE_NAME, BE_SIZED (runs at each arena size), BE_ZONE (has zones:
 *	workloads 5 and 7), be_setup(bytes), be_teardown(), be_alloc(order),
 *	be_free(handle, order), be_addr(handle), be_capacity(order) (blocks
 *	of that order it can hand out, -1 = unbounded), be_zalloc() /
 *	be_zfree(handle) / be_zaddr(handle) (get_zeroed_page or equivalent);
 *	with BE_ZONE also be_total_pages(), be_pfn(handle),
 *	be_fill_prepare()/be_fill_restore() (watermarks off while filling),
 *	be_free_area(nr_free[], &pcp), be_pcp_high(), be_drain() and
 *	be_check(after) (verify_free_lists(), fatal on an error).
 *
 * Fairness.  Every workload starts in a defined state, the same in the
 * timed run and under --instr: a backend with zones (Orderly) on a
 * freshly set-up node (fully merged, its arena pre-faulted by the
 * fixture), workload 3 in the two states of w3_state(); the comparators
 * (LIFO, glibc, jemalloc, mimalloc) warmed once with the same working
 * set (warm()) and set up to keep freed memory resident (be_*.h), so
 * that the timed loops compare allocation algorithms, not the host's
 * page faults (the churn's faults are counted: 4_churn page_faults).
 * Every allocation's result is kept alive (bench_keep()), so no compiler
 * can fold an allocation with the free that follows it, nor drop a
 * clear; get_zeroed_page() and its bare reference clear with the same
 * string store (bench_clear_page(), Orderly's clear_page()).
 *
 * Method.  Timing is rdtsc serialised (timing.h), converted to ns with the
 * TSC frequency calibrated against CLOCK_MONOTONIC_RAW.  A batch workload
 * times a whole loop and divides; it runs several times after a warm-up
 * and the median run is reported.  A workload with a distribution (churn,
 * cold pages) times each operation on its own, takes the cost of an empty
 * start/stop pair off each sample, and reports p50/p99/p99.9 (median of
 * the runs for each).  Output: CSV on stdout,
 *	backend,mem,workload,param,metric,value
 * progress on stderr.  --smoke runs every workload with tiny counts.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <unistd.h>
#include <sys/resource.h>
#include "timing.h"
#include BENCH_BACKEND_H
#ifdef BENCH_INSTR
#include <valgrind/callgrind.h>
#endif

#define NR_ORDERS	11

static int smoke;
static int gate;		/* --instr --gate: the perf gate's shorter counts */
static uint64_t arena_bytes;	/* the size being run, for fresh() */
static double tsc_ghz;		/* TSC cycles per ns */
static uint64_t timer_overhead;	/* cycles of an empty tsc_start/tsc_stop */
static const char *mem_label = "-";

/* ------------------------------------------------------------------ utils */

static void out(const char *workload, const char *param, const char *metric, double v)
{
	printf("%s,%s,%s,%s,%s,%.3f\n", BE_NAME, mem_label, workload, param, metric, v);
}

static void out_cycles(const char *workload, const char *param, double cycles)
{
	out(workload, param, "cycles", cycles);
	out(workload, param, "ns", cycles / tsc_ghz);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n & 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* @q in [0,1] of sorted @v: nearest-rank percentile */
static double pct(const uint32_t *v, size_t n, double q)
{
	size_t i = (size_t)(q * (double)n + 0.999999);

	if (i < 1)
		i = 1;
	if (i > n)
		i = n;
	return v[i - 1];
}

static uint32_t lap(uint64_t t0, uint64_t t1)
{
	uint64_t d = t1 - t0;

	return d > timer_overhead ? (uint32_t)(d - timer_overhead) : 0;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static inline uint64_t rng(void)
{
	/* xorshift64*: fixed seed, so every backend sees the same sequence */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static void calibrate(void)
{
	uint64_t t0, n0, t1, n1, best = ~0ull;
	int i;

	n0 = mono_raw_ns();
	t0 = tsc_start();
	do
		n1 = mono_raw_ns();
	while (n1 - n0 < (smoke ? 20000000ull : 200000000ull));
	t1 = tsc_stop();
	tsc_ghz = (double)(t1 - t0) / (double)(n1 - n0);

	for (i = 0; i < 10000; i++) {
		uint64_t a = tsc_start(), b = tsc_stop();

		if (b - a < best)
			best = b - a;
	}
	timer_overhead = best;
	fprintf(stderr, "bench[%s]: TSC %.4f GHz, empty timed interval %llu cycles\n",
		BE_NAME, tsc_ghz, (unsigned long long)timer_overhead);
	printf("%s,-,meta,-,tsc_ghz,%.4f\n", BE_NAME, tsc_ghz);
	printf("%s,-,meta,-,timer_overhead_cycles,%llu\n", BE_NAME, (unsigned long long)timer_overhead);
	{
		/* timings mean little on a busy machine: say how busy it was */
		double load = -1;
		FILE *f = fopen("/proc/loadavg", "r");

		if (f) {
			if (fscanf(f, "%lf", &load) != 1)
				load = -1;
			fclose(f);
		}
		printf("%s,-,meta,-,loadavg_1min,%.2f\n", BE_NAME, load);
		if (load > 1.0)
			fprintf(stderr, "bench[%s]: warning: load average %.2f: timings will be noisy"
				" (instruction counts are not)\n", BE_NAME, load);
	}
}

/* ------------------------------------------------- states between workloads */

static unsigned int churn_order(void);

struct live {
	void *h;
	unsigned int order;
};

/*
 * A backend with zones: verify_free_lists() (fatal on an error), then a
 * node set up afresh - fully merged, the arena pre-faulted - so that a
 * workload does not measure what the previous one left.  The others keep
 * their warmed heap (warm()).
 */
static void fresh(const char *after)
{
#if BE_ZONE
	be_check(after);
	be_teardown();
	if (be_setup(arena_bytes)) {
		fprintf(stderr, "bench[%s]: setup again after %s failed\n", BE_NAME, after);
		exit(1);
	}
#endif
}

#if !BE_ZONE
/*
 * Warm a comparator with the benchmark's working set, untimed: the
 * churn's fill (half the arena in its order mix, from the churn's own
 * seed) and four blocks of every order 4..10, each page written once,
 * then all freed.  Set up to keep freed memory (be_*.h), the backend then
 * serves the timed loops from resident memory, as Orderly's pre-faulted
 * arena does, and the table compares allocation algorithms, not the
 * host's page faults.
 */
static void warm(uint64_t bytes)
{
	long target = (long)(bytes >> 12) / 2, nr = 0, pages = 0, i, k;
	uint64_t saved = rng_state;
	struct live *live;
	unsigned int o;

	if (smoke && target > 4096)
		target = 4096;
	live = malloc(sizeof(*live) * (size_t)(target + 16 + 4 * NR_ORDERS));
	rng_state = 0x9e3779b97f4a7c15ull;
	while (pages < target) {
		void *h;

		o = churn_order();
		if (!(h = be_alloc(o)))
			break;
		live[nr++] = (struct live){ h, o };
		pages += 1L << o;
	}
	for (o = 4; o < NR_ORDERS; o++)
		for (k = 0; k < 4 && (be_capacity(o) < 0 || k < be_capacity(o)); k++) {
			void *h = be_alloc(o);

			if (!h)
				break;
			live[nr++] = (struct live){ h, o };
		}
	for (i = 0; i < nr; i++) {
		volatile char *p = be_addr(live[i].h);

		for (k = 0; k < (1L << live[i].order); k++)
			p[k << 12] = 1;
	}
	for (i = nr - 1; i >= 0; i--)
		be_free(live[i].h, live[i].order);
	free(live);
	rng_state = saved;
}
#endif

/* ------------------------------------------------------- 1: order-0 hot pair */

static void w1_hot_pair(void)
{
	long k, iters = smoke ? 64 : 1 << 20;
	int r, runs = smoke ? 1 : 9;
	double v[16];

	for (r = -1; r < runs; r++) {		/* run -1 warms up */
		uint64_t t0 = tsc_start(), t1;

		for (k = 0; k < iters; k++) {
			void *h = be_alloc(0);

			if (!h) {
				fprintf(stderr, "w1: allocation failed\n");
				exit(1);
			}
			bench_keep(h);
			be_free(h, 0);
		}
		t1 = tsc_stop();
		if (r >= 0)
			v[r] = (double)(t1 - t0 - timer_overhead) / (double)iters;
	}
	out_cycles("1_hot_pair", "order0", median(v, runs));
}

/* ------------------------------------------------- 2: alloc N then free N */

static void w2_batch(void)
{
	static void *h[16384];
	unsigned int n;
	char param[16];

	for (n = 1; n <= 16384; n <<= 1) {
		long reps = smoke ? 2 : (1 << 19) / n, r, i;
		double *v;

		if (reps < 15)
			reps = 15;
		if (be_capacity(0) >= 0 && be_capacity(0) < (long)n)
			break;
		v = malloc(sizeof(*v) * (size_t)reps);
		for (r = -1; r < reps; r++) {
			uint64_t t0 = tsc_start(), t1;

			for (i = 0; i < n; i++) {
				if (!(h[i] = be_alloc(0)))
					break;
				bench_keep(h[i]);
			}
			for (long j = 0; j < i; j++)
				be_free(h[j], 0);
			t1 = tsc_stop();
			if (i < n) {
				fprintf(stderr, "w2: N=%u: allocation %ld failed, stopping\n", n, i);
				free(v);
				return;
			}
			if (r >= 0)
				v[r] = (double)(t1 - t0 - timer_overhead) / n;
		}
		snprintf(param, sizeof(param), "%u", n);
		out_cycles("2_batch", param, median(v, (int)reps));
		free(v);
	}
}

/* ------------------------------------------------ 3: pairs at every order */

/* one alloc+free pair, the result kept alive */
static inline void pair(unsigned int order)
{
	void *h = be_alloc(order);

	if (!h) {
		fprintf(stderr, "pair: order %u failed\n", order);
		exit(1);
	}
	bench_keep(h);
	be_free(h, order);
}

/*
 * Workload 3 measures each order in two defined states, entered by
 * w3_state() in the timed run and under --instr alike:
 *
 * "3_order_pair", fully merged: the per-CPU lists drained, then every
 * free block of orders order..9 on the zone's buddy lists held, so the
 * zone's free memory is in order-10 blocks only: an allocation splits an
 * order-10 block down to the order and its free merges it back up,
 * 2 x (10 - order) levels - the worst case of a buddy allocator.  In a
 * zone with per-CPU lists (the 1 GiB node's Normal) orders 0-3 are
 * served by the list after its first refill, in both states (a pcp hit,
 * as in Linux), so there only orders 4-9 are held; the 16 MiB node has
 * no lists (its zone is under 32 MiB) and splits and merges at every
 * order.
 *
 * "3_pair_held", a block held: from the merged state, one block of the
 * order held, split off an order-10 block, so that its buddy stays free
 * on the order's list, as on a running system where memory is in use:
 * the allocation finds a block of the right size and the free finds its
 * buddy taken - no split, no merge, the O(1) case.
 *
 * A backend without zones (LIFO, glibc, jemalloc, mimalloc) has no merged
 * state to enter; "held" holds one block of the order the same way.
 */
enum w3_state { W3_MERGED, W3_HELD };

#define MAX_HELD	256
static struct live held[MAX_HELD];
static int nr_held;

static void hold(unsigned int order)
{
	void *h;

	if (nr_held == MAX_HELD || !(h = be_alloc(order))) {
		fprintf(stderr, "w3: cannot hold a block of order %u (%d held)\n", order, nr_held);
		exit(1);
	}
	bench_keep(h);
	held[nr_held++] = (struct live){ h, order };
}

static void release_held(void)
{
	while (nr_held > 0) {
		nr_held--;
		be_free(held[nr_held].h, held[nr_held].order);
	}
}

static void w3_state(unsigned int order, enum w3_state state)
{
#if BE_ZONE
	unsigned long nr_free[NR_ORDERS], pcp;
	unsigned int k, first = order;

	if (be_pcp_high() && first < 4)
		first = 4;
	be_drain();
	for (;;) {
		be_free_area(nr_free, &pcp);
		for (k = first; k < NR_ORDERS - 1 && !nr_free[k]; k++)
			;
		if (k >= NR_ORDERS - 1)
			break;
		hold(k);
	}
#endif
	if (state == W3_HELD)
		hold(order);
#if BE_ZONE
	/* the state is what it says: the order's buddy free, or a pcp hit */
	if (state == W3_HELD && order < NR_ORDERS - 1 && !(order < 4 && be_pcp_high())) {
		be_free_area(nr_free, &pcp);
		if (!nr_free[order]) {
			fprintf(stderr, "w3: held state of order %u: no free block of the order\n", order);
			exit(1);
		}
	}
#endif
}

static double w3_pairs(unsigned int order, long iters, int runs)
{
	double v[8];
	int r;

	for (r = -1; r < runs; r++) {
		uint64_t t0 = tsc_start(), t1;
		long k;

		for (k = 0; k < iters; k++)
			pair(order);
		t1 = tsc_stop();
		if (r >= 0)
			v[r] = (double)(t1 - t0 - timer_overhead) / (double)iters;
	}
	return median(v, runs);
}

static void w3_orders(void)
{
	unsigned int order;
	char param[16];

	for (order = 0; order < NR_ORDERS; order++) {
		long iters = smoke ? 16 : (order <= 3 ? 1 << 18 : (1 << 21) >> order);
		int runs = smoke ? 1 : 7;
		double m;

		if (be_capacity(order) == 0)
			continue;
		snprintf(param, sizeof(param), "%u", order);
		w3_state(order, W3_MERGED);
		m = w3_pairs(order, iters, runs);
		release_held();
		out_cycles("3_order_pair", param, m);
		out("3_order_pair", param, "ns_per_4k", m / tsc_ghz / (double)(1u << order));
		if (be_capacity(order) >= 0 && be_capacity(order) < 2)
			continue;
		w3_state(order, W3_HELD);
		out_cycles("3_pair_held", param, w3_pairs(order, iters, runs));
		release_held();
	}
}

/* --------------------------- 4: churn at 50% occupancy, 7: fragmentation */

static unsigned int churn_order(void)
{
	unsigned int r = (unsigned int)(rng() % 100);

	return r < 70 ? 0 : r < 85 ? 1 : r < 95 ? 2 : 3;
}

#if BE_ZONE
static void w7_fragmentation(void)
{
	unsigned long nr_free[NR_ORDERS], free_pages = 0, pcp = 0, suitable;
	int o, largest = -1;
	char param[16];

	be_free_area(nr_free, &pcp);
	for (o = 0; o < NR_ORDERS; o++) {
		free_pages += nr_free[o] << o;
		if (nr_free[o])
			largest = o;
	}
	out("7_fragmentation", "-", "largest_free_order", largest);
	out("7_fragmentation", "-", "free_pages_buddy", (double)free_pages);
	out("7_fragmentation", "-", "free_pages_pcp", (double)pcp);
	/* Linux's unusable_free_index (mm/vmstat.c): share of free memory
	 * that is in blocks too small for an allocation of this order */
	for (o = 0; o < NR_ORDERS; o++) {
		int k;

		suitable = 0;
		for (k = o; k < NR_ORDERS; k++)
			suitable += nr_free[k] << k;
		snprintf(param, sizeof(param), "%d", o);
		out("7_fragmentation", param, "unusable_index",
		    free_pages ? (double)(free_pages - suitable) / (double)free_pages : 0);
	}
}
#endif

static void w4_churn(uint64_t bytes)
{
	long target;
	long ops = smoke ? 256 : 1 << 20, i;
	int r, runs = smoke ? 1 : 3;
	double p50[4], p99[4], p999[4], mean[4], maxv[4], faults[4];

#if BE_ZONE
	target = (long)(be_total_pages() / 2);
#else
	target = (long)(bytes >> 12) / 2;
#endif
	if (smoke && target > 4096)
		target = 4096;

	for (r = 0; r < runs; r++) {
		struct live *live = malloc(sizeof(*live) * (size_t)(target + 16));
		uint32_t *lat = malloc(sizeof(*lat) * (size_t)ops);
		long nr_live = 0, live_pages = 0;
		uint64_t sum = 0;
		struct rusage ru0, ru1;

		/* the benchmark's own arrays faulted in now, not in the timed
		 * loop (not with zeroes: GCC would make malloc + memset 0 a
		 * calloc, which leaves fresh mmap memory untouched) */
		memset(live, 0xff, sizeof(*live) * (size_t)(target + 16));
		memset(lat, 0xff, sizeof(*lat) * (size_t)ops);

		rng_state = 0x9e3779b97f4a7c15ull + (uint64_t)r;
		/* fill to the target occupancy, untimed */
		while (live_pages < target) {
			unsigned int o = churn_order();
			void *h = be_alloc(o);

			if (!h) {
				fprintf(stderr, "w4: fill failed at %ld pages\n", live_pages);
				exit(1);
			}
			bench_keep(h);
			live[nr_live++] = (struct live){ h, o };
			live_pages += 1L << o;
		}
		/* then hold it there: free a random block when at or above, else allocate */
		getrusage(RUSAGE_SELF, &ru0);
		for (i = 0; i < ops; i++) {
			uint64_t t0, t1;

			if (live_pages >= target || (live_pages > target - 8 && (rng() & 1))) {
				long j = (long)(rng() % (uint64_t)nr_live);
				struct live l = live[j];

				t0 = tsc_start();
				be_free(l.h, l.order);
				t1 = tsc_stop();
				live[j] = live[--nr_live];
				live_pages -= 1L << l.order;
			} else {
				unsigned int o = churn_order();
				void *h;

				t0 = tsc_start();
				h = be_alloc(o);
				t1 = tsc_stop();
				if (!h) {
					fprintf(stderr, "w4: allocation failed at %ld live pages\n", live_pages);
					exit(1);
				}
				bench_keep(h);
				live[nr_live++] = (struct live){ h, o };
				live_pages += 1L << o;
			}
			lat[i] = lap(t0, t1);
			sum += lat[i];
		}
		getrusage(RUSAGE_SELF, &ru1);
		/* page faults taken by the timed operations (the host's, not the allocator's) */
		faults[r] = (double)(ru1.ru_minflt - ru0.ru_minflt + ru1.ru_majflt - ru0.ru_majflt);
		qsort(lat, (size_t)ops, sizeof(*lat), cmp_u32);
		p50[r] = pct(lat, (size_t)ops, 0.50);
		p99[r] = pct(lat, (size_t)ops, 0.99);
		p999[r] = pct(lat, (size_t)ops, 0.999);
		maxv[r] = lat[ops - 1];
		mean[r] = (double)sum / (double)ops;
#if BE_ZONE
		if (r == runs - 1)
			w7_fragmentation();
#endif
		for (i = 0; i < nr_live; i++)
			be_free(live[i].h, live[i].order);
		free(live);
		free(lat);
	}
	out("4_churn", "50pct", "mean_ns", median(mean, runs) / tsc_ghz);
	out("4_churn", "50pct", "p50_ns", median(p50, runs) / tsc_ghz);
	out("4_churn", "50pct", "p99_ns", median(p99, runs) / tsc_ghz);
	out("4_churn", "50pct", "p999_ns", median(p999, runs) / tsc_ghz);
	out("4_churn", "50pct", "max_ns", median(maxv, runs) / tsc_ghz);
	out("4_churn", "50pct", "mean_cycles", median(mean, runs));
	out("4_churn", "50pct", "page_faults", median(faults, runs));
}

/* ------------------------ 5: failing order-1 request after a checkerboard */

#if BE_ZONE
static void w5_checkerboard(void)
{
	unsigned long cap = be_total_pages() + 1024, n = 0, i;
	void **h = malloc(sizeof(*h) * cap);
	long tries = smoke ? 16 : 10001, t;
	uint32_t *lat = malloc(sizeof(*lat) * (size_t)tries);
	unsigned long kept = 0;

	be_fill_prepare();
	while (n < cap && (h[n] = be_alloc(0)))
		n++;
	/* free every page with an odd pfn: no two free pages are buddies */
	for (i = 0; i < n; i++) {
		if (be_pfn(h[i]) & 1)
			be_free(h[i], 0);
		else
			h[kept++] = h[i];
	}
	for (t = 0; t < tries; t++) {
		uint64_t t0 = tsc_start(), t1;
		void *p = be_alloc(1);

		t1 = tsc_stop();
		if (p) {
			fprintf(stderr, "w5: order-1 request succeeded after the checkerboard\n");
			exit(1);
		}
		lat[t] = lap(t0, t1);
	}
	out("5_checkerboard", "order1_fail", "first_ns", lat[0] / tsc_ghz);
	qsort(lat + 1, (size_t)tries - 1, sizeof(*lat), cmp_u32);
	out("5_checkerboard", "order1_fail", "p50_ns", pct(lat + 1, (size_t)tries - 1, 0.5) / tsc_ghz);
	out("5_checkerboard", "order1_fail", "p99_ns", pct(lat + 1, (size_t)tries - 1, 0.99) / tsc_ghz);
	out("5_checkerboard", "order1_fail", "p50_cycles", pct(lat + 1, (size_t)tries - 1, 0.5));
	out("5_checkerboard", "-", "pages_filled", (double)n);
	for (i = 0; i < kept; i++)
		be_free(h[i], 0);
	be_fill_restore();
	free(h);
	free(lat);
}
#endif

/* ------------------------- 6: get_zeroed_page hot and cold, bare clear_page */

static void w6_zeroed(void)
{
	long k, iters = smoke ? 16 : 1 << 18;
	int r, runs = smoke ? 1 : 7;
	long n = smoke ? 8 : 2048, i;
	double hot[8], hot_ms[8], cold[16], cold_ms[16], ratio[16];
	void **h = malloc(sizeof(*h) * (size_t)n);
	uint32_t *lat = malloc(sizeof(*lat) * (size_t)n);
	void *page;

	if (be_capacity(0) >= 0 && n > be_capacity(0) / 2)
		n = be_capacity(0) / 2;

	for (r = -1; r < runs; r++) {
		uint64_t t0, t1;
		void *z;

		t0 = tsc_start();
		for (k = 0; k < iters; k++) {
			z = be_zalloc();

			if (!z) {
				fprintf(stderr, "w6: get_zeroed_page failed\n");
				exit(1);
			}
			bench_keep(be_zaddr(z));
			be_zfree(z);
		}
		t1 = tsc_stop();
		if (r >= 0)
			hot[r] = (double)(t1 - t0 - timer_overhead) / (double)iters;
		/* the same page (the allocator hands the hot one out again),
		 * held this time, cleared with the same clear_page() */
		z = be_zalloc();
		page = be_zaddr(z);
		t0 = tsc_start();
		for (k = 0; k < iters; k++) {
			bench_clear_page(page);
			bench_keep(page);
		}
		t1 = tsc_stop();
		be_zfree(z);
		if (r >= 0)
			hot_ms[r] = (double)(t1 - t0 - timer_overhead) / (double)iters;
	}

	/* cold: the noisiest figure (DRAM, a shared VM): more runs */
	for (r = 0; r < (smoke ? 1 : 11); r++) {
		/* make n free pages cold: take them, dirty them (so that no
		 * allocator can know them to be zero already and skip the
		 * clear), flush them, give them back in reverse so that the
		 * allocator hands them out again */
		for (i = 0; i < n; i++)
			if (!(h[i] = be_zalloc())) {
				fprintf(stderr, "w6: cold set failed\n");
				exit(1);
			}
		for (i = 0; i < n; i++) {
			memset(be_zaddr(h[i]), 0x5a, 4096);
			bench_keep(be_zaddr(h[i]));
			for (k = 0; k < 4096; k += 64)
				clflush_line((char *)be_zaddr(h[i]) + k);
		}
		for (i = n - 1; i >= 0; i--)
			be_zfree(h[i]);
		mfence();
		for (i = 0; i < n; i++) {
			uint64_t t0 = tsc_start(), t1;

			h[i] = be_zalloc();
			t1 = tsc_stop();
			lat[i] = lap(t0, t1);
		}
		/* untimed: each page really is zero (it was dirtied above) */
		for (i = 0; i < n; i++) {
			const uint64_t *q = h[i] ? be_zaddr(h[i]) : NULL;

			if (!q || q[0] || q[255] || q[511]) {
				fprintf(stderr, "w6: get_zeroed_page failed or returned a page that is not zero\n");
				exit(1);
			}
		}
		qsort(lat, (size_t)n, sizeof(*lat), cmp_u32);
		cold[r] = pct(lat, (size_t)n, 0.5);
		/* the same pages, flushed again, with the bare clear_page() */
		for (i = 0; i < n; i++)
			for (k = 0; k < 4096; k += 64)
				clflush_line((char *)be_zaddr(h[i]) + k);
		mfence();
		for (i = 0; i < n; i++) {
			void *p = be_zaddr(h[i]);
			uint64_t t0 = tsc_start(), t1;

			bench_clear_page(p);
			bench_keep(p);
			t1 = tsc_stop();
			lat[i] = lap(t0, t1);
		}
		qsort(lat, (size_t)n, sizeof(*lat), cmp_u32);
		cold_ms[r] = pct(lat, (size_t)n, 0.5);
		for (i = 0; i < n; i++)
			be_zfree(h[i]);
	}
	out_cycles("6_zeroed_page", "hot", median(hot, runs));
	out_cycles("6_clear_page", "hot", median(hot_ms, runs));
	/*
	 * the two loops of a run ran back to back, under the same machine
	 * conditions: the median of the per-run ratios is steadier than the
	 * ratio of the medians on a shared VM
	 */
	for (r = 0; r < runs; r++)
		ratio[r] = hot[r] / hot_ms[r];
	out("6_zeroed_page", "hot", "ratio_to_clear", median(ratio, runs));
	out_cycles("6_zeroed_page", "cold_p50", median(cold, smoke ? 1 : 11));
	out_cycles("6_clear_page", "cold_p50", median(cold_ms, smoke ? 1 : 11));
	for (r = 0; r < (smoke ? 1 : 11); r++)
		ratio[r] = cold[r] / cold_ms[r];
	out("6_zeroed_page", "cold_p50", "ratio_to_clear", median(ratio, smoke ? 1 : 11));
	free(h);
	free(lat);
}

/* ------------------------------------- --instr: counts under callgrind */

#ifdef BENCH_INSTR
/*
 * Run under valgrind --tool=callgrind --collect-atstart=no: collection is
 * on only inside each measured loop, and each loop ends in a dump named
 * "instr:<backend>:<mem>:<workload>:<param>:<operations>", so bench/instr.py
 * reads the instructions of that loop alone and divides.  No timing at
 * all.  The workloads run in the timed run's order, each from the same
 * state (fresh(), w3_state()).  --gate (make bench-gate): fewer
 * operations per loop, the same states.
 */
#define INSTR_BEGIN()		CALLGRIND_TOGGLE_COLLECT
#define INSTR_END(w, p, n)	do {						\
	char __name[96];							\
	CALLGRIND_TOGGLE_COLLECT;						\
	snprintf(__name, sizeof(__name), "instr:%s:%s:%s:%s:%ld", BE_NAME, mem_label, w, p, (long)(n)); \
	CALLGRIND_DUMP_STATS_AT(__name);					\
} while (0)

static void instr_run(uint64_t bytes)
{
	long k, n = smoke ? 64 : gate ? 20000 : 100000, ops = smoke ? 256 : gate ? 50000 : 200000, i;
	unsigned int order;
	char param[16];

	/* 1: as timed, the warm-up fills the pcp lists */
	for (k = 0; k < 1000; k++)
		pair(0);
	INSTR_BEGIN();
	for (k = 0; k < n; k++)
		pair(0);
	INSTR_END("1_hot_pair", "order0", n);

	/* 3: both states of every order (w3_orders()) */
	fresh("1_hot_pair");
	for (order = 0; order < NR_ORDERS; order++) {
		if (be_capacity(order) == 0)
			continue;
		snprintf(param, sizeof(param), "%u", order);
		w3_state(order, W3_MERGED);
		for (k = 0; k < 16; k++)
			pair(order);
		INSTR_BEGIN();
		for (k = 0; k < n / 10; k++)
			pair(order);
		INSTR_END("3_order_pair", param, n / 10);
		release_held();
		if (be_capacity(order) >= 0 && be_capacity(order) < 2)
			continue;
		w3_state(order, W3_HELD);
		for (k = 0; k < 16; k++)
			pair(order);
		INSTR_BEGIN();
		for (k = 0; k < n / 10; k++)
			pair(order);
		INSTR_END("3_pair_held", param, n / 10);
		release_held();
	}

	/* 4: the first run of w4_churn(): the same seed, fill and sequence */
	fresh("3_order_pair");
	{
		long target = (long)(bytes >> 12) / 2, nr_live = 0, live_pages = 0;
		struct live *live;

#if BE_ZONE
		target = (long)(be_total_pages() / 2);
#endif
		if (smoke && target > 4096)
			target = 4096;
		live = malloc(sizeof(*live) * (size_t)(target + 16));
		rng_state = 0x9e3779b97f4a7c15ull;
		while (live_pages < target) {
			unsigned int o = churn_order();
			void *h = be_alloc(o);

			if (!h) {
				fprintf(stderr, "w4: fill failed at %ld pages\n", live_pages);
				exit(1);
			}
			live[nr_live++] = (struct live){ h, o };
			live_pages += 1L << o;
		}
		INSTR_BEGIN();
		for (i = 0; i < ops; i++) {
			if (live_pages >= target || (live_pages > target - 8 && (rng() & 1))) {
				long j = (long)(rng() % (uint64_t)nr_live);

				be_free(live[j].h, live[j].order);
				live_pages -= 1L << live[j].order;
				live[j] = live[--nr_live];
			} else {
				unsigned int o = churn_order();
				void *h = be_alloc(o);

				bench_keep(h);
				live[nr_live++] = (struct live){ h, o };
				live_pages += 1L << o;
			}
		}
		INSTR_END("4_churn", "50pct", ops);
		for (i = 0; i < nr_live; i++)
			be_free(live[i].h, live[i].order);
		free(live);
	}

	/* 6, hot: get_zeroed_page + free_page, and the bare clear of that page */
	fresh("4_churn");
	{
		void *z = be_zalloc();

		be_zfree(z);
		INSTR_BEGIN();
		for (k = 0; k < n / 10; k++) {
			z = be_zalloc();
			bench_keep(be_zaddr(z));
			be_zfree(z);
		}
		INSTR_END("6_zeroed_page", "hot", n / 10);
		z = be_zalloc();
		INSTR_BEGIN();
		for (k = 0; k < n / 10; k++) {
			bench_clear_page(be_zaddr(z));
			bench_keep(be_zaddr(z));
		}
		INSTR_END("6_clear_page", "hot", n / 10);
		be_zfree(z);
	}
}
#endif

/* ------------------------------------------------------------------ main */

/* BENCH_ONLY=4 (say) in the environment: that one workload, for a quick before/after */
static int bench_only(const char *w)
{
	const char *only = getenv("BENCH_ONLY");

	return only && *only && !strstr(only, w);
}

/*
 * The workloads in order, each from a fresh node (a backend with zones;
 * fresh() also runs verify_free_lists() on what the previous one left).
 */
static void run_all(uint64_t bytes)
{
	if (getenv("BENCH_ONLY") && *getenv("BENCH_ONLY")) {
		if (!bench_only("1"))
			w1_hot_pair();
		if (!bench_only("4")) {
			fresh("1_hot_pair");
			w4_churn(bytes);
		}
		if (!bench_only("6")) {
			fresh("4_churn");
			w6_zeroed();
		}
		return;
	}
	fprintf(stderr, "bench[%s]: mem %s: 1", BE_NAME, mem_label);
	w1_hot_pair();
	fprintf(stderr, " 2");
	fresh("1_hot_pair");
	w2_batch();
	fprintf(stderr, " 3");
	fresh("2_batch");
	w3_orders();
	fprintf(stderr, " 4+7");
	fresh("3_order_pair");
	w4_churn(bytes);
#if BE_ZONE
	fprintf(stderr, " 5");
	fresh("4_churn");
	w5_checkerboard();
#endif
	fprintf(stderr, " 6");
	fresh("5_checkerboard");
	w6_zeroed();
	fprintf(stderr, "\n");
}

static void end_size(void)
{
#if BE_ZONE
	be_check("6_zeroed_page");
#endif
	be_teardown();
}

int main(int argc, char **argv)
{
	static const struct { const char *label; uint64_t bytes; } sizes[] = {
		{ "16M", 16ull << 20 },
		{ "1G", 1ull << 30 },
	};
	cpu_set_t set;
	size_t s;
	int i, instr = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--smoke"))
			smoke = 1;
		if (!strcmp(argv[i], "--instr"))
			instr = 1;
		if (!strcmp(argv[i], "--gate"))
			gate = 1;
	}
	/* stay on one CPU: one TSC, one cache hierarchy */
	CPU_ZERO(&set);
	CPU_SET(sched_getcpu(), &set);
	sched_setaffinity(0, sizeof(set), &set);
	setvbuf(stdout, NULL, _IOLBF, 0);

#ifdef BENCH_INSTR
	if (instr) {
		/*
		 * Both sizes: an instruction count does not depend on caches,
		 * so equal counts at 16 MiB and 1 GiB show that a difference
		 * in time between them is the memory hierarchy's
		 */
		for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			mem_label = BE_SIZED ? sizes[s].label : "-";
			if (!BE_SIZED && s != sizeof(sizes) / sizeof(sizes[0]) - 1)
				continue;
			arena_bytes = sizes[s].bytes;
			if (be_setup(sizes[s].bytes))
				return 1;
#if !BE_ZONE
			warm(sizes[s].bytes);
#endif
			instr_run(sizes[s].bytes);
			end_size();
		}
		return 0;
	}
#else
	if (instr) {
		fprintf(stderr, "bench[%s]: built without BENCH_INSTR\n", BE_NAME);
		return 1;
	}
#endif
	calibrate();
	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		if (!BE_SIZED && s != sizeof(sizes) / sizeof(sizes[0]) - 1)
			continue;
		mem_label = BE_SIZED ? sizes[s].label : "-";
		arena_bytes = sizes[s].bytes;
		if (be_setup(sizes[s].bytes)) {
			fprintf(stderr, "bench[%s]: setup of %s failed\n", BE_NAME, sizes[s].label);
			return 1;
		}
#if !BE_ZONE
		warm(sizes[s].bytes);
#endif
		run_all(sizes[s].bytes);
		end_size();
	}
	return 0;
}
