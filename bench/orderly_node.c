// SPDX-License-Identifier: GPL-2.0
/*
 * The Orderly backend's set-up, outside the timed paths: the kernel's
 * node 0 rebuilt over a host arena with the tests' fixture
 * (tests/kunit/mm_fixture.c: free_area_init_node, __free_pages_memory,
 * init_per_zone_wmark_min - the kernel's own three steps), so that the
 * global API (alloc_pages, __free_pages, get_zeroed_page) runs exactly
 * as in the kernel.  Layouts: 16 MiB (all ZONE_DMA) and 1 GiB (DMA 16 MiB,
 * Normal to 896 MiB, HighMem 128 MiB above), pfn 0 reserved as on a PC.
 */
#include <stdio.h>
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/vmstat.h>
#include <linux/string.h>
#include <asm/pgtable_32_areas.h>
#include "../mm/internal.h"
#include "../tests/kunit/mm_fixture.h"
#include "orderly_node.h"

static struct mm_fixture fixture;
static struct mm_layout layout;
static unsigned long saved_wmark[MAX_NR_ZONES][NR_WMARK];
static long saved_reserve[MAX_NR_ZONES][MAX_NR_ZONES];

int orderly_setup(unsigned long long bytes)
{
	unsigned long pages = (unsigned long)(bytes >> PAGE_SHIFT);

	layout = (struct mm_layout){
		.name = "bench",
		.nr_pages = pages,
		.zone_end = { min(pages, 4096UL), min(pages, MAXMEM_PFN), pages },
		.reserved = { { 0, 1 } },
	};
	return mm_fixture_init(&fixture, &layout, 0, 0);
}

void orderly_teardown(void)
{
	mm_fixture_destroy(&fixture);
}

/* free pages that GFP_KERNEL can reach (DMA + Normal) */
unsigned long orderly_lowmem_free_pages(void)
{
	return fixture.node->node_zones[ZONE_DMA].free_pages +
	       fixture.node->node_zones[ZONE_NORMAL].free_pages;
}

unsigned long orderly_pfn(const void *page)
{
	return page_to_pfn(page);
}

void orderly_fill_prepare(void)
{
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		memcpy(saved_wmark[z], fixture.node->node_zones[z]._watermark, sizeof(saved_wmark[z]));
		memcpy(saved_reserve[z], fixture.node->node_zones[z].lowmem_reserve, sizeof(saved_reserve[z]));
	}
	mm_fixture_no_watermarks(&fixture);
}

void orderly_fill_restore(void)
{
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		memcpy(fixture.node->node_zones[z]._watermark, saved_wmark[z], sizeof(saved_wmark[z]));
		memcpy(fixture.node->node_zones[z].lowmem_reserve, saved_reserve[z], sizeof(saved_reserve[z]));
	}
}

/* the zone GFP_KERNEL is served from first: Normal at 1 GiB, DMA at 16 MiB */
static struct zone *kernel_zone(void)
{
	struct zone *z = &fixture.node->node_zones[ZONE_NORMAL];

	return populated_zone(z) ? z : &fixture.node->node_zones[ZONE_DMA];
}

void orderly_free_area(unsigned long nr_free[11], unsigned long *pcp)
{
	struct zone *z = kernel_zone();
	int o;

	for (o = 0; o < MAX_ORDER; o++)
		nr_free[o] = z->free_area[o].nr_free;
	*pcp = (unsigned long)z->pcp[0].count;
}

/* the kernel zone's pcp high: 0 when it has no per-CPU lists (under 32 MiB) */
int orderly_pcp_high(void)
{
	return kernel_zone()->pcp[0].high;
}

/* every page on the kernel zone's per-CPU lists back to its buddy lists */
void orderly_drain(void)
{
	drain_all_pages(kernel_zone());
}

/*
 * verify_free_lists() of the node; its report (printk, which goes to
 * stdout - the CSV - or nowhere under ORDERLY_QUIET) is captured and
 * copied to stderr, where bench-smoke shows it
 */
int orderly_check(void)
{
	static struct printk_capture cap;
	int errors;

	kunit_capture_start(&cap);
	errors = verify_free_lists(fixture.node);
	kunit_capture_stop();
	if (errors)
		fprintf(stderr, "%s%s", cap.buf, cap.overflow ? "(report truncated)\n" : "");
	return errors;
}

/*
 * The fixture links lib/kunit.c (for its kunit_skip()), whose runner walks
 * the "kunit_suites" section; the benchmark registers no suite, so give
 * the section its one empty slot.  The runner is never called here.
 */
static struct kunit_suite *bench_no_suite __attribute__((used, section("kunit_suites"),
							  aligned(sizeof(void *))));
