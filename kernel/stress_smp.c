// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator on every CPU at once: the shell's `stress --cpus N`
 * and `bench --cpus N`, and the in-kernel suite pcp_smp.
 *
 * How the CPUs are set going: the calling CPU sends each other CPU the
 * worker through smp_call_function_single() without waiting, so it runs
 * there in the IPI handler (interrupts off), runs its own share itself,
 * and then waits for every worker's done flag.  All wait at a start line
 * first so that they really overlap.
 *
 * stress: each CPU allocates and frees random orders (0 half the time,
 * up to 10) from every zone (GFP_KERNEL, GFP_HIGHUSER, GFP_DMA,
 * GFP_ATOMIC), holds up to STRESS_SMP_HELD blocks, stamps the first and
 * last 16 bytes of every page of a block with (cpu, sequence, page),
 * through this CPU's kmap_local slot for HighMem, and checks the stamp
 * before freeing it; a block another CPU was also given, or one a drain
 * or a merge scribbled on, breaks it.  At the end: every block
 * freed, drain_all_pages(), buddyinfo equal to the one before, and
 * verify_free_lists() (check_zone() of every zone) clean.
 *
 * bench: order-0 alloc_pages + __free_pages pairs, GFP_KERNEL, on every
 * CPU at once; pairs per second in all (the slowest CPU's time), with
 * the per-CPU lists on, or off (zone_pcp_disable(): every request takes
 * zone->lock).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/mmdebug.h>
#include <linux/vmstat.h>
#include <linux/highmem.h>
#include <linux/timekeeping.h>
#include <linux/mm_stress.h>
#include <asm/smp.h>
#include "../mm/internal.h"

#define STRESS_SMP_HELD	32

struct stress_held {
	struct page *page;
	unsigned int order;
	u32 seq;
};

struct stress_cpu {
	unsigned int cpu;
	unsigned long ops, allocs, failures, bad_pages, errors;
	unsigned long long pairs;
	u64 ns;
	u32 x, seq;
	int done;
	struct stress_held held[STRESS_SMP_HELD];
} __aligned(64);

static struct stress_cpu stress_cpus[CONFIG_NR_CPUS];
static unsigned long stress_ops;
static unsigned long long bench_pairs;
static int stress_go;

static const gfp_t stress_smp_gfps[] = { GFP_KERNEL, GFP_HIGHUSER, GFP_DMA, GFP_ATOMIC };

static u32 xorshift(u32 *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

static u32 stamp(unsigned int cpu, u32 seq, unsigned long i)
{
	return (cpu << 26) ^ (seq << 10) ^ (u32)i;
}

/* write (@check false) or check the stamps of a block; returns the pages found broken */
static unsigned long stamp_block(struct stress_cpu *c, const struct stress_held *h, bool check)
{
	unsigned long i, bad = 0;

	for (i = 0; i < (1UL << h->order); i++) {
		u32 *p = kmap_local_page(h->page + i), v = stamp(c->cpu, h->seq, i);

		if (!check) {
			p[0] = p[1] = p[2] = p[3] = v;
			p[1020] = p[1021] = p[1022] = p[1023] = ~v;
		} else if (p[0] != v || p[3] != v || p[1020] != ~v || p[1023] != ~v) {
			bad++;
		}
		kunmap_local(p);
	}
	return bad;
}

static void wait_for_go(void)
{
	while (!__atomic_load_n(&stress_go, __ATOMIC_ACQUIRE))
		__builtin_ia32_pause();
}

static void stress_worker(void *info)
{
	struct stress_cpu *c = info;
	unsigned int n = 0;

	smp_set_doing("stress --cpus");
	wait_for_go();
	while (c->ops < stress_ops) {
		u32 r = xorshift(&c->x);

		if (n && (n == STRESS_SMP_HELD || (r & 1))) {
			struct stress_held *h = &c->held[(r >> 1) % n];

			c->bad_pages += stamp_block(c, h, true);
			__free_pages(h->page, h->order);
			*h = c->held[--n];
		} else {
			unsigned int o = (r >> 4) % 16;
			unsigned int order = o < 8 ? 0 : o < 13 ? o - 7 : o - 9;
			gfp_t gfp = stress_smp_gfps[(r >> 12) % ARRAY_SIZE(stress_smp_gfps)] | __GFP_NOWARN;
			struct page *page = alloc_pages(gfp, order);

			c->allocs++;
			if (!page) {
				c->failures++;
			} else {
				struct stress_held *h = &c->held[n++];

				if (page_to_pfn(page) & ((1UL << order) - 1))
					c->errors++;
				h->page = page;
				h->order = order;
				h->seq = ++c->seq;
				stamp_block(c, h, false);
			}
		}
		c->ops++;
	}
	while (n) {
		struct stress_held *h = &c->held[--n];

		c->bad_pages += stamp_block(c, h, true);
		__free_pages(h->page, h->order);
	}
	smp_set_doing("idle");
	__atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
}

static void bench_worker(void *info)
{
	struct stress_cpu *c = info;
	unsigned long long i;
	u64 t0;

	smp_set_doing("bench --cpus");
	wait_for_go();
	t0 = ktime_get_ns();
	for (i = 0; i < bench_pairs; i++) {
		struct page *page = alloc_pages(GFP_KERNEL, 0);

		if (unlikely(!page)) {
			c->failures++;
			continue;
		}
		__free_pages(page, 0);
	}
	c->ns = ktime_get_ns() - t0;
	c->pairs = i;
	smp_set_doing("idle");
	__atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
}

/* @fn on up to @cpus online CPUs (this one included) at once; returns how many ran it */
static unsigned int run_on_cpus(unsigned int cpus, smp_call_func_t fn, u32 seed)
{
	unsigned int cpu, me = smp_processor_id(), used = 0, i;
	unsigned int which[CONFIG_NR_CPUS];

	__atomic_store_n(&stress_go, 0, __ATOMIC_RELAXED);
	memset(stress_cpus, 0, sizeof(stress_cpus));
	which[used++] = me;
	for_each_online_cpu(cpu)
		if (cpu != me && used < cpus)
			which[used++] = cpu;
	for (i = 0; i < used; i++) {
		struct stress_cpu *c = &stress_cpus[which[i]];

		c->cpu = which[i];
		c->x = seed * 2654435761u + 0x9e3779b9u * (which[i] + 1);
		if (!c->x)
			c->x = 1;
	}
	for (i = 1; i < used; i++)
		if (smp_call_function_single(which[i], fn, &stress_cpus[which[i]], false)) {
			/* not reachable (CPU 0 from another CPU): run with one fewer */
			which[i--] = which[--used];
		}
	__atomic_store_n(&stress_go, 1, __ATOMIC_RELEASE);
	fn(&stress_cpus[me]);
	for (i = 0; i < used; i++)
		while (!__atomic_load_n(&stress_cpus[which[i]].done, __ATOMIC_ACQUIRE))
			__builtin_ia32_pause();
	return used;
}

int stress_smp(unsigned int cpus, unsigned long ops_per_cpu, u32 seed, struct stress_smp_result *res)
{
	struct pglist_data *pgdat = &contig_page_data;
	static unsigned long before[MAX_NR_ZONES][MAX_ORDER], after[MAX_NR_ZONES][MAX_ORDER];
	unsigned int cpu;
	u64 t0;

	memset(res, 0, sizeof(*res));
	drain_all_pages(NULL);
	buddyinfo_snapshot(pgdat, before);
	stress_ops = ops_per_cpu;
	t0 = ktime_get_ns();
	res->cpus = run_on_cpus(cpus, stress_worker, seed);
	res->ns = ktime_get_ns() - t0;
	for (cpu = 0; cpu < CONFIG_NR_CPUS; cpu++) {
		const struct stress_cpu *c = &stress_cpus[cpu];

		if (!c->done)
			continue;
		res->ops += c->ops;
		res->allocs += c->allocs;
		res->failures += c->failures;
		res->bad_pages += c->bad_pages;
		res->errors += c->errors;
	}
	drain_all_pages(NULL);
	buddyinfo_snapshot(pgdat, after);
	res->restored = !memcmp(before, after, sizeof(before));
	res->check_errors = verify_free_lists(pgdat);
	return res->bad_pages || res->errors || !res->restored || res->check_errors ? -EIO : 0;
}

int bench_smp(unsigned int cpus, unsigned long long pairs_per_cpu, bool nopcp,
	      struct stress_smp_result *res)
{
	struct pglist_data *pgdat = &contig_page_data;
	struct zone *zone;
	unsigned int cpu;

	memset(res, 0, sizeof(*res));
	if (nopcp)
		for_each_zone_pgdat(zone, pgdat)
			if (populated_zone(zone))
				zone_pcp_disable(zone);
	bench_pairs = pairs_per_cpu;
	res->cpus = run_on_cpus(cpus, bench_worker, 1);
	for (cpu = 0; cpu < CONFIG_NR_CPUS; cpu++) {
		const struct stress_cpu *c = &stress_cpus[cpu];

		if (!c->done)
			continue;
		res->ops += c->pairs;
		res->failures += c->failures;
		res->ns = max(res->ns, c->ns);
	}
	if (nopcp)
		for_each_zone_pgdat(zone, pgdat)
			if (populated_zone(zone))
				zone_pcp_enable(zone);
	return res->failures ? -ENOMEM : 0;
}

/* ------------------------------------------------------------ the shell's side */

#include "shell_internal.h"

#define STRESS_SMP_DEFAULT_OPS	20000UL
#define BENCH_SMP_DEFAULT_PAIRS	200000ULL

/* "--cpus N" at argv[1], argv[2]: N, or 0 after an error */
static unsigned int shell_cpus_arg(int argc, char **argv)
{
	unsigned long n;

	if (argc < 3) {
		shell_error("%s: --cpus needs a number", argv[0]);
		return 0;
	}
	if (!shell_arg_ulong(argv[2], "cpus", CONFIG_NR_CPUS, &n))
		return 0;
	if (!n) {
		shell_error("%s: --cpus 0: at least one CPU", argv[0]);
		return 0;
	}
	return (unsigned int)n;
}

/* stress --cpus N [ops per CPU] [seed] */
void cmd_stress_smp(int argc, char **argv)
{
	unsigned int cpus = shell_cpus_arg(argc, argv);
	unsigned long ops = STRESS_SMP_DEFAULT_OPS, seed = 1;
	struct stress_smp_result r;

	if (!cpus)
		return;
	if (argc > 3 && !shell_arg_ulong(argv[3], "ops", 100000000UL, &ops))
		return;
	if (argc > 4 && !shell_arg_ulong(argv[4], "seed", 0xffffffffUL, &seed))
		return;
	stress_smp(cpus, ops, (u32)seed, &r);
	shell_printf("stress: %u CPUs at once, %lu ops (seed %lu) in %llu ms: %lu allocs, %lu failures, "
		     "%lu pages with a broken stamp, %lu misaligned\n", r.cpus, r.ops, seed,
		     (unsigned long long)(r.ns / 1000000), r.allocs, r.failures, r.bad_pages, r.errors);
	shell_printf("buddyinfo restored: %s, check_zone: %s\n", r.restored ? "yes" : "no",
		     r.check_errors ? "errors (above)" : "ok");
}

/* bench --cpus N [--nopcp] [pairs per CPU] */
void cmd_bench_smp(int argc, char **argv)
{
	unsigned int cpus = shell_cpus_arg(argc, argv);
	unsigned long pairs = BENCH_SMP_DEFAULT_PAIRS;
	bool nopcp = false;
	struct stress_smp_result r;
	int i;

	if (!cpus)
		return;
	for (i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "--nopcp"))
			nopcp = true;
		else if (!shell_arg_ulong(argv[i], "pairs", 100000000UL, &pairs))
			return;
	}
	if (bench_smp(cpus, pairs, nopcp, &r))
		shell_printf("bench: %lu allocations failed\n", r.failures);
	shell_printf("bench: order-0 pairs, %u CPU%s at once, per-CPU lists %s: %lu pairs in %llu us, "
		     "%llu k pairs/s\n", r.cpus, r.cpus == 1 ? "" : "s", nopcp ? "off" : "on", r.ops,
		     (unsigned long long)(r.ns / 1000),
		     r.ns ? (unsigned long long)r.ops * 1000000ULL / r.ns : 0ULL);
}
