// SPDX-License-Identifier: GPL-2.0
/*
 * In-kernel allocator benchmark (see include/linux/bench.h for the output).
 *
 * The host benchmark (bench/) measures the same mm/ code against
 * userspace comparators with percentiles over millions of operations;
 * this one answers "what does it cost on the machine it runs on", with
 * the kernel's own zones, watermarks and memory.  Each batch workload
 * times a loop with two TSC reads and divides.  The churn workload times
 * every operation and sorts the samples.  Interrupts are off while a
 * workload runs, so a timer tick does not land in a sample.
 *
 * Under QEMU TCG with -icount shift=0 the TSC is the guest instruction
 * count (virtual time at 1 ns per instruction), so every figure is an
 * instruction count and repeats exactly from run to run.  Nothing models
 * caches there, so the "cold page" half of workload 6 is left to the host
 * benchmark.
 */
#include <linux/bench.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <linux/mmdebug.h>

#ifdef CONFIG_DEBUG_VM
#define IS_DEBUG_VM	1	/* check_new_pages() walks every page of a block */
#else
#define IS_DEBUG_VM	0
#endif

#define BENCH_PAIRS		20000	/* workload 1 */
#define BENCH_ORDER_PAIRS	2000	/* workload 3, per order (fewer above 6) */
#define BENCH_CHURN_OPS		16384	/* workload 4, timed operations */
#define BENCH_ZERO_PAIRS	2000	/* workload 6 */

static unsigned long bench_xorshift = 2463534242UL;

static u32 bench_rand(void)
{
	/* Marsaglia's xorshift32: fixed seed, the same sequence every run */
	u32 x = bench_xorshift;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	bench_xorshift = x;
	return x;
}

static u32 lap(u64 t0, u64 t1)
{
	u64 d = t1 - t0;

	return d > 0xffffffffu ? 0xffffffffu : (u32)d;
}

/* "1.07" for @num / @den, two decimals, no floating point */
static const char *ratio(char *buf, size_t size, u64 num, u64 den)
{
	u64 h = den ? (num * 100 + den / 2) / den : 0;

	snprintf(buf, size, "%llu.%02llu", h / 100, h % 100);
	return buf;
}

static void sort_u32(u32 *v, unsigned long n)
{
	/* heapsort: in place, O(n log n) worst case, no recursion */
	unsigned long start = n / 2, end = n, root, child;
	u32 t;

	while (end > 1) {
		if (start > 0) {
			start--;
		} else {
			end--;
			t = v[end];
			v[end] = v[0];
			v[0] = t;
		}
		root = start;
		while ((child = 2 * root + 1) < end) {
			if (child + 1 < end && v[child] < v[child + 1])
				child++;
			if (v[root] >= v[child])
				break;
			t = v[root];
			v[root] = v[child];
			v[child] = t;
			root = child;
		}
	}
}

static u32 percentile(const u32 *sorted, unsigned long n, unsigned int per_mille)
{
	unsigned long i = (n * per_mille + 999) / 1000;

	return sorted[i ? i - 1 : 0];
}

/* a scratch buffer from the allocator itself: the smallest order that fits */
static unsigned int order_for(unsigned long bytes)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < bytes)
		order++;
	return order;
}

static int bench_pair(void)
{
	unsigned long flags;
	u64 t0, t1;
	int i;

	local_irq_save(flags);
	t0 = get_cycles();
	for (i = 0; i < BENCH_PAIRS; i++) {
		struct page *page = alloc_page(GFP_KERNEL);

		if (!page)
			break;
		__free_page(page);
	}
	t1 = get_cycles();
	local_irq_restore(flags);
	if (i < BENCH_PAIRS)
		return -ENOMEM;
	printk("bench: 1 order-0 alloc+free pair: %llu cycles\n", (t1 - t0) / BENCH_PAIRS);
	return 0;
}

/*
 * Hold up to 4 blocks of @order until one of that order stays free on its
 * zone's buddy lists (a block split off a larger one leaves its buddy
 * there): then a pair neither splits nor merges.  Orders with per-CPU
 * lists need nothing held.  Returns how many are held in @held.
 */
static int bench_hold(unsigned int order, struct page **held)
{
	int n = 0;

	if (order <= PAGE_ALLOC_COSTLY_ORDER)
		return 0;
	while (n < 4 && (held[n] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, order)) != NULL)
		if (page_zone(held[n++])->free_area[order].nr_free)
			break;
	return n;
}

/*
 * @tag "" for the kernel as built (CONFIG_DEBUG_VM: check_new_pages()
 * walks every page of a block), ", check_new_pages off" for a second pass
 * without that walk: the figure a kernel without CONFIG_DEBUG_VM gets.
 * With @hold, a block of the order is held first (bench_hold()): the
 * pair from a block already free, the O(1) case; without, the pair from
 * whatever is free, fully merged memory at boot (a split and a merge of
 * every level above the order).
 */
static void bench_orders(const char *tag, bool hold)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		int i, n = order <= 6 ? BENCH_ORDER_PAIRS : BENCH_ORDER_PAIRS / 8;
		struct page *held[4];
		int nr_held = hold ? bench_hold(order, held) : 0;
		unsigned long flags;
		u64 t0, t1, per;

		local_irq_save(flags);
		t0 = get_cycles();
		for (i = 0; i < n; i++) {
			struct page *page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, order);

			if (!page)
				break;
			__free_pages(page, order);
		}
		t1 = get_cycles();
		local_irq_restore(flags);
		while (nr_held > 0)
			__free_pages(held[--nr_held], order);
		if (i < n) {
			printk("bench: 3 order %u alloc+free pair%s: no block of this order free\n",
			       order, tag);
			continue;
		}
		per = (t1 - t0) / n;
		printk("bench: 3 order %u alloc+free pair%s: %llu cycles (%llu per 4 KiB)\n",
		       order, tag, per, per >> order);
	}
}

/* the order of the next block workload 4 allocates: 0/1/2/3 at 70/15/10/5 % */
static unsigned int churn_order(void)
{
	u32 r = bench_rand() % 100;

	return r < 70 ? 0 : r < 85 ? 1 : r < 95 ? 2 : 3;
}

/*
 * Workload 4: hold the lowmem zones at half their free pages with blocks
 * of order 0/1/2/3 (70/15/10/5 %), then free a random block whenever at
 * or above the target, allocate one when below, timing each operation.
 * Blocks are kept as struct page pointers with the order in the low bits
 * (struct page is 32-byte aligned).
 */
static int bench_churn(void)
{
	unsigned long target = 0, live_pages = 0, nr_live = 0, cap, i, flags;
	unsigned int lorder, sorder = order_for(BENCH_CHURN_OPS * sizeof(u32));
	struct zone *zone;
	unsigned long *live;
	u32 *lat;
	u64 sum = 0;
	int ret = 0;

	for_each_zone_pgdat(zone, &contig_page_data)
		if (!is_highmem(zone))
			target += zone->free_pages / 2;
	if (target > 256UL << 10)	/* keep the live table within one 4 MiB block */
		target = 256UL << 10;
	cap = target + 16;
	lorder = order_for(cap * sizeof(*live));
	live = (unsigned long *)__get_free_pages(GFP_KERNEL | __GFP_NOWARN, lorder);
	lat = (u32 *)__get_free_pages(GFP_KERNEL | __GFP_NOWARN, sorder);
	if (!live || !lat) {
		ret = -ENOMEM;
		goto out;
	}
	/* the tables themselves took memory: aim at half of what is left */
	if (target <= (1UL << lorder) / 2 + (1UL << sorder) / 2 + 64) {
		ret = -ENOMEM;
		goto out;
	}
	target -= (1UL << lorder) / 2 + (1UL << sorder) / 2;

	local_irq_save(flags);
	while (live_pages < target) {
		unsigned int o = churn_order();
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, o);

		if (!page) {
			ret = -ENOMEM;
			break;
		}
		live[nr_live++] = (unsigned long)page | o;
		live_pages += 1UL << o;
	}
	for (i = 0; !ret && i < BENCH_CHURN_OPS; i++) {
		u64 t0, t1;

		if (live_pages >= target || (live_pages + 8 > target && (bench_rand() & 1))) {
			unsigned long j = bench_rand() % nr_live, l = live[j];
			unsigned int o = l & 3;

			t0 = get_cycles();
			__free_pages((struct page *)(l & ~3UL), o);
			t1 = get_cycles();
			live[j] = live[--nr_live];
			live_pages -= 1UL << o;
		} else {
			unsigned int o = churn_order();
			struct page *page;

			t0 = get_cycles();
			page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, o);
			t1 = get_cycles();
			if (!page) {
				ret = -ENOMEM;
				break;
			}
			live[nr_live++] = (unsigned long)page | o;
			live_pages += 1UL << o;
		}
		lat[i] = lap(t0, t1);
		sum += lat[i];
	}
	for (i = 0; i < nr_live; i++)
		__free_pages((struct page *)(live[i] & ~3UL), live[i] & 3);
	local_irq_restore(flags);
	if (ret) {
		printk("bench: 4 churn 50%%: out of memory at %lu live pages\n", live_pages);
		goto out;
	}
	sort_u32(lat, BENCH_CHURN_OPS);
	printk("bench: 4 churn 50%%: %d ops at %lu pages, mean %llu p50 %u p99 %u p99.9 %u max %u cycles\n",
	       BENCH_CHURN_OPS, target, sum / BENCH_CHURN_OPS,
	       percentile(lat, BENCH_CHURN_OPS, 500), percentile(lat, BENCH_CHURN_OPS, 990),
	       percentile(lat, BENCH_CHURN_OPS, 999), lat[BENCH_CHURN_OPS - 1]);
out:
	if (live)
		free_pages((unsigned long)live, lorder);
	if (lat)
		free_pages((unsigned long)lat, sorder);
	return ret;
}

static int bench_zeroed(void)
{
	unsigned long flags, addr = 0, page;
	u64 t0, t1, t2;
	char buf[16];
	int i;

	local_irq_save(flags);
	t0 = get_cycles();
	for (i = 0; i < BENCH_ZERO_PAIRS; i++) {
		addr = get_zeroed_page(GFP_KERNEL);
		if (!addr)
			break;
		free_page(addr);
	}
	t1 = get_cycles();
	/* the same page (handed out again at once), held, cleared by memset */
	page = get_zeroed_page(GFP_KERNEL);
	t2 = get_cycles();
	for (i = 0; page && i < BENCH_ZERO_PAIRS; i++) {
		memset((void *)page, 0, PAGE_SIZE);
		barrier();
	}
	t2 = get_cycles() - t2;
	local_irq_restore(flags);
	if (!addr || !page) {
		if (page)
			free_page(page);
		return -ENOMEM;
	}
	free_page(page);
	printk("bench: 6 get_zeroed_page hot: %llu cycles, memset %llu cycles (%sx)\n",
	       (t1 - t0) / BENCH_ZERO_PAIRS, t2 / BENCH_ZERO_PAIRS,
	       ratio(buf, sizeof(buf), t1 - t0, t2));
	return 0;
}

int bench_run(void)
{
	u64 khz = tsc_khz_get();
	int ret;

	printk("bench: TSC %llu kHz (under -icount shift=0: cycles are instructions), VM_BUG_ON checks %s\n",
	       khz, IS_DEBUG_VM ? "on" : "off");
	ret = bench_pair();
	if (!ret) {
		bench_orders("", false);
		if (check_pages_enabled) {
			check_pages_enabled = false;
			bench_orders(", check_new_pages off", false);
			bench_orders(", check_new_pages off, a block of the order held", true);
			check_pages_enabled = true;
		} else {
			bench_orders(", a block of the order held", true);
		}
		ret = bench_churn();
	}
	if (!ret)
		ret = bench_zeroed();
	if (ret)
		printk("bench: failed: not enough free memory\n");
	printk("bench: done\n");
	return ret;
}
