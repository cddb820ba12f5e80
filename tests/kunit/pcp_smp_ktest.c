// SPDX-License-Identifier: GPL-2.0
/*
 * The per-CPU page lists on the real machine with every online CPU: each
 * CPU's free lands on its own list, drain_all_pages() on one CPU empties
 * every CPU's lists (remotely, under each pcp->lock), and all CPUs
 * allocating and freeing at once lose no page and break no stamp
 * (kernel/stress_smp.c).  With one CPU the same cases run on CPU 0 alone.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/mm_stress.h>
#include <asm/smp.h>
#include "../../mm/internal.h"

#define PCP_SMP_OPS	2000

struct on_cpu_page {
	struct page *page;
	unsigned int cpu;
};

static void alloc_free_here(void *info)
{
	struct on_cpu_page *p = info;

	p->cpu = smp_processor_id();
	p->page = alloc_pages(GFP_KERNEL, 0);
	if (p->page)
		__free_pages(p->page, 0);
}

/* the zone an order-0 GFP_KERNEL page comes from */
static struct zone *kernel_zone(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	struct zone *zone;

	KUNIT_ASSERT_NOT_NULL(test, page);
	zone = page_zone(page);
	__free_pages(page, 0);
	return zone;
}

/* each CPU's freed page is at the head of that CPU's list, and of no other's */
static void pcp_smp_free_goes_to_own_list(struct kunit *test)
{
	struct zone *zone = kernel_zone(test);
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct on_cpu_page p = { NULL, ~0u };
		const struct list_head *list;

		KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, alloc_free_here, &p, true), 0);
		KUNIT_ASSERT_NOT_NULL(test, p.page);
		KUNIT_EXPECT_EQ(test, p.cpu, cpu);
		if (zone->pcp[cpu].high == 0) {	/* a zone too small for lists: straight back */
			KUNIT_EXPECT_EQ(test, zone->pcp[cpu].count, 0);
			continue;
		}
		list = &zone->pcp[cpu].lists[order_to_pindex(get_pageblock_migratetype(p.page), 0)];
		KUNIT_EXPECT_PTR_EQ(test, list_first_entry(list, struct page, lru), p.page);
		KUNIT_EXPECT_GT(test, zone->pcp[cpu].count, 0);
	}
}

/* drain_all_pages() on CPU 0 empties every CPU's lists, CPU 0's included */
static void pcp_smp_drain_all_cpus(struct kunit *test)
{
	struct zone *zone = kernel_zone(test);
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct on_cpu_page p;

		KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, alloc_free_here, &p, true), 0);
	}
	drain_all_pages(NULL);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		KUNIT_EXPECT_EQ(test, zone->pcp[cpu].count, 0);
	KUNIT_EXPECT_EQ(test, check_zone(zone), 0);
}

/* every CPU at once: no page lost, no stamp broken, buddyinfo restored, check_zone() clean */
static void pcp_smp_stress_all_cpus(struct kunit *test)
{
	struct stress_smp_result r;

	KUNIT_EXPECT_EQ(test, stress_smp(num_online_cpus(), PCP_SMP_OPS, 16, &r), 0);
	KUNIT_EXPECT_EQ(test, r.cpus, num_online_cpus());
	KUNIT_EXPECT_EQ(test, r.ops, (unsigned long)PCP_SMP_OPS * num_online_cpus());
	KUNIT_EXPECT_EQ(test, r.bad_pages, 0);
	KUNIT_EXPECT_EQ(test, r.errors, 0);
	KUNIT_EXPECT_TRUE(test, r.restored);
	KUNIT_EXPECT_EQ(test, r.check_errors, 0);
	printk("    # pcp_smp_stress_all_cpus: %u CPUs, %lu ops, %lu allocations (%lu failed) in %llu ms\n",
	       r.cpus, r.ops, r.allocs, r.failures, (unsigned long long)(r.ns / 1000000));
}

static struct kunit_case pcp_smp_cases[] = {
	KUNIT_CASE(pcp_smp_free_goes_to_own_list),
	KUNIT_CASE(pcp_smp_drain_all_cpus),
	KUNIT_CASE(pcp_smp_stress_all_cpus),
	{}
};

static struct kunit_suite pcp_smp_suite = {
	.name = "pcp_smp",
	.test_cases = pcp_smp_cases,
	.flags = KUNIT_SUITE_KERNEL_ONLY,
};
kunit_test_suite(pcp_smp_suite);
