// SPDX-License-Identifier: GPL-2.0
/*
 * Whole-system tests: the kernel's own allocator (node 0, every zone the
 * machine has), run inside the booted kernel only.
 *
 * The host suites test the algorithm on private nodes; these test the
 * instance that boot built from the firmware's memory map, at whatever
 * size QEMU was given, through the public API alone: alloc_pages(),
 * __get_free_pages(), __free_pages(), free_pages(), kmap*().  Each test
 * leaves node 0 exactly as it found it: buddyinfo (nr_free of every zone
 * and order) and the zones' free page counts must come back identical, and
 * the free lists must pass verify_free_lists().  The per-CPU lists are
 * drained before each snapshot, so that order-0 pages cached there are
 * back on (and merged into) the buddy lists being compared.
 *
 * Allocated blocks are tracked through page->lru of their head page (the
 * owner's to use while the block is allocated) and the order in
 * page->private, so no test needs memory of its own beyond the stack.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/vmstat.h>
#include <linux/mmdebug.h>
#include <linux/selftest.h>
#include <linux/string.h>
#include "../../mm/internal.h"

#define SYS	(&contig_page_data)

struct sys_state {
	unsigned long buddy[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free[MAX_NR_ZONES];
	unsigned long total_free;
};

static void sys_snapshot(struct sys_state *st)
{
	struct zone *z;

	drain_all_pages(NULL);
	buddyinfo_snapshot(SYS, st->buddy);
	for_each_zone_pgdat(z, SYS)
		st->free[zone_idx(z)] = z->free_pages;
	st->total_free = pgdat_free_pages(SYS);
}

static bool sys_same(const struct sys_state *a, const struct sys_state *b)
{
	return !memcmp(a, b, sizeof(*a));
}

/* the node is back where it was, and its free lists are sound */
static void expect_restored(struct kunit *test, const struct sys_state *before)
{
	struct sys_state after;
	int z, o;

	sys_snapshot(&after);
	KUNIT_EXPECT_EQ(test, after.total_free, before->total_free);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		KUNIT_EXPECT_EQ(test, after.free[z], before->free[z]);
		for (o = 0; o < MAX_ORDER; o++)
			if (after.buddy[z][o] != before->buddy[z][o])
				KUNIT_FAIL(test, "zone %s order %d: nr_free %lu, was %lu",
					   zone_names[z], o, after.buddy[z][o], before->buddy[z][o]);
	}
	KUNIT_EXPECT_EQ(test, verify_free_lists(SYS), 0);
}

/* ------------------------------------------------------------ block lists */

struct blocks {
	struct list_head list;
	unsigned long nr_blocks, nr_pages;
	unsigned long per_zone[MAX_NR_ZONES];	/* pages */
};

static void blocks_init(struct blocks *b)
{
	memset(b, 0, sizeof(*b));
	INIT_LIST_HEAD(&b->list);
}

static void blocks_add(struct blocks *b, struct page *page, unsigned int order)
{
	page->private = order;
	list_add(&page->lru, &b->list);
	b->nr_blocks++;
	b->nr_pages += 1UL << order;
	b->per_zone[page_zonenum(page)] += 1UL << order;
}

static void blocks_free_all(struct blocks *b)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, &b->list, lru) {
		unsigned int order = page->private;

		list_del(&page->lru);
		page->private = 0;
		__free_pages(page, order);
	}
	b->nr_blocks = b->nr_pages = 0;
	memset(b->per_zone, 0, sizeof(b->per_zone));
}

static struct zone *sys_zone(enum zone_type idx)
{
	struct zone *z = &SYS->node_zones[idx];

	return populated_zone(z) && z->managed_pages ? z : NULL;
}

/* the mask whose preferred zone is @idx */
static const gfp_t zone_gfp[MAX_NR_ZONES] = {
	[ZONE_DMA] = __GFP_DMA,
	[ZONE_NORMAL] = 0,
	[ZONE_HIGHMEM] = __GFP_HIGHMEM,
};

/* take every block @gfp can get, largest orders first */
static unsigned long grab_all(struct blocks *b, gfp_t gfp)
{
	unsigned long got = 0;
	int order;

	for (order = MAX_ORDER - 1; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages(gfp | __GFP_NOWARN, order))) {
			blocks_add(b, page, order);
			got += 1UL << order;
		}
	}
	return got;
}

/* ------------------------------------------------------------ patterns */

static u32 pattern_word(unsigned long pfn, unsigned int i, u32 seed)
{
	u32 x = (u32)pfn * 0x9e3779b1u ^ (i * 0x85ebca6bu) ^ seed;

	return x ^ (x >> 15);
}

static void fill_page(struct page *page, u32 seed)
{
	u32 *p = kmap_local_page(page);
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		p[i] = pattern_word(page_to_pfn(page), i, seed);
	kunmap_local(p);
}

/* number of words of @page that do not hold the pattern */
static unsigned int check_page(struct page *page, u32 seed)
{
	u32 *p = kmap_local_page(page);
	unsigned int i, bad = 0;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		bad += p[i] != pattern_word(page_to_pfn(page), i, seed);
	kunmap_local(p);
	return bad;
}

static unsigned int nonzero_words(struct page *page)
{
	u32 *p = kmap_local_page(page);
	unsigned int i, bad = 0;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		bad += p[i] != 0;
	kunmap_local(p);
	return bad;
}

/*
 * A captured report does not reach the console (kernel/printk.c); show
 * its key lines as KTAP diagnostics so the log still shows what the
 * kernel said about the fault.
 */
static void show_captured(const struct printk_capture *cap, const char *a, const char *b)
{
	const char *p = cap->buf;

	while (*p) {
		const char *nl = strchr(p, '\n');
		int len = nl ? (int)(nl - p) : (int)strlen(p);

		if (!strncmp(p, a, strlen(a)) || !strncmp(p, b, strlen(b)))
			printk("        # captured: %.*s\n", len, p);
		p += len + (nl ? 1 : 0);
	}
}

/* ------------------------------------------------------------ the tests */

/* the zones' counters agree with each other and with the free lists */
static void system_zones_consistent(struct kunit *test)
{
	unsigned long managed = 0, free = 0;
	struct zone *z;

	drain_all_pages(NULL);
	for_each_zone_pgdat(z, SYS) {
		unsigned long sum = 0;
		int o;

		KUNIT_EXPECT_LE(test, z->managed_pages, z->present_pages);
		KUNIT_EXPECT_LE(test, z->present_pages, z->spanned_pages);
		KUNIT_EXPECT_LE(test, z->free_pages, z->managed_pages);
		for (o = 0; o < MAX_ORDER; o++)
			sum += z->free_area[o].nr_free << o;
		/* the buddy lists only: pcp pages are not in free_pages */
		KUNIT_EXPECT_EQ(test, sum, z->free_pages);
		if (populated_zone(z)) {
			KUNIT_EXPECT_LE(test, min_wmark_pages(z), low_wmark_pages(z));
			KUNIT_EXPECT_LE(test, low_wmark_pages(z), high_wmark_pages(z));
		}
		managed += z->managed_pages;
		free += z->free_pages;
	}
	KUNIT_EXPECT_EQ(test, managed, pgdat_managed_pages(SYS));
	KUNIT_EXPECT_EQ(test, free, pgdat_free_pages(SYS));
	KUNIT_EXPECT_GT(test, free, 0);
	/* zone boundaries are Linux/i386's */
	z = &SYS->node_zones[ZONE_DMA];
	KUNIT_EXPECT_LE(test, zone_end_pfn(z), PFN_DOWN(16UL << 20));
	z = &SYS->node_zones[ZONE_NORMAL];
	if (populated_zone(z))
		KUNIT_EXPECT_LE(test, zone_end_pfn(z), max_low_pfn);
	z = &SYS->node_zones[ZONE_HIGHMEM];
	if (populated_zone(z))
		KUNIT_EXPECT_GE(test, z->zone_start_pfn, max_low_pfn);
	KUNIT_EXPECT_EQ(test, verify_free_lists(SYS), 0);
}

/*
 * Drain every zone through its own preferred mask, first as GFP_KERNEL
 * would, then as GFP_ATOMIC, which must still succeed below the point
 * where GFP_KERNEL failed (the min watermark) and leave the zone under
 * min.  Then free everything: buddyinfo comes back exactly.
 */
static void system_exhaust_every_zone(struct kunit *test)
{
	struct sys_state before;
	struct blocks b;
	int idx, zones = 0;

	sys_snapshot(&before);
	blocks_init(&b);
	for (idx = MAX_NR_ZONES - 1; idx >= 0; idx--) {
		struct zone *z = sys_zone(idx);
		unsigned long kernel_got, atomic_got;

		if (!z)
			continue;
		zones++;
		kernel_got = grab_all(&b, GFP_KERNEL | zone_gfp[idx]);
		KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | zone_gfp[idx] | __GFP_NOWARN, 0));
		atomic_got = grab_all(&b, GFP_ATOMIC | zone_gfp[idx]);
		if (min_wmark_pages(z) >= 4)
			KUNIT_EXPECT_GT(test, atomic_got, 0);
		KUNIT_EXPECT_LT(test, z->free_pages, min_wmark_pages(z) + 1);
		printk("        # %s: GFP_KERNEL took %lu pages, GFP_ATOMIC %lu more; %lu left (min %lu)\n",
		       z->name, kernel_got, atomic_got, z->free_pages, min_wmark_pages(z));
	}
	KUNIT_EXPECT_GT(test, zones, 0);
	/* every page taken is accounted for */
	KUNIT_EXPECT_EQ(test, b.nr_pages + pgdat_free_pages(SYS) + pgdat_pcp_pages(SYS), before.total_free);
	KUNIT_EXPECT_EQ(test, verify_free_lists(SYS), 0);
	blocks_free_all(&b);
	expect_restored(test, &before);
}

/*
 * With every zone under its low watermark for GFP_KERNEL, a GFP_ATOMIC
 * request (ALLOC_HIGH|ALLOC_HARDER: 3/8 of min) is still served and a
 * GFP_KERNEL one is not; freeing a few pages lets GFP_KERNEL in again.
 */
static void system_watermarks_atomic_below_min(struct kunit *test)
{
	struct sys_state before;
	struct page *atomic;
	struct blocks b;
	struct zone *z;
	enum zone_type pref = sys_zone(ZONE_NORMAL) ? ZONE_NORMAL : ZONE_DMA;

	z = sys_zone(pref);
	KUNIT_ASSERT_NOT_NULL(test, z);
	if (min_wmark_pages(z) < 4)
		kunit_skip(test, "min watermark too small to test");
	sys_snapshot(&before);
	blocks_init(&b);
	grab_all(&b, GFP_KERNEL);
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));
	KUNIT_EXPECT_LE(test, z->free_pages, min_wmark_pages(z) + z->lowmem_reserve[pref]
			+ (1UL << (MAX_ORDER - 1)));
	atomic = alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0);
	KUNIT_EXPECT_NOT_NULL(test, atomic);
	if (atomic)
		blocks_add(&b, atomic, 0);
	blocks_free_all(&b);
	KUNIT_EXPECT_NOT_NULL(test, atomic = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));
	if (atomic)
		__free_pages(atomic, 0);
	expect_restored(test, &before);
}

/* __GFP_ZERO hands out zeroed pages in every zone, also recycled dirty ones */
static void system_gfp_zero_every_zone(struct kunit *test)
{
	struct sys_state before;
	int idx, tested = 0;

	sys_snapshot(&before);
	for (idx = 0; idx < MAX_NR_ZONES; idx++) {
		unsigned int order, i;

		if (!sys_zone(idx))
			continue;
		for (order = 0; order <= 3; order += 3) {
			gfp_t gfp = (idx == ZONE_HIGHMEM ? GFP_HIGHUSER : GFP_KERNEL | zone_gfp[idx]);
			struct page *page = alloc_pages(gfp, order);

			KUNIT_ASSERT_NOT_NULL(test, page);
			/* dirty the block, free it, take the (likely same) block zeroed */
			for (i = 0; i < (1U << order); i++)
				fill_page(page + i, 0xdead0000 + idx);
			__free_pages(page, order);
			page = alloc_pages(gfp | __GFP_ZERO, order);
			KUNIT_ASSERT_NOT_NULL(test, page);
			if (idx != ZONE_HIGHMEM || !sys_zone(ZONE_HIGHMEM))
				KUNIT_EXPECT_EQ(test, page_zonenum(page), idx);
			for (i = 0; i < (1U << order); i++) {
				unsigned int bad = nonzero_words(page + i);

				if (bad)
					KUNIT_FAIL(test, "%s order %u: page %u has %u non-zero words",
						   zone_names[idx], order, i, bad);
			}
			__free_pages(page, order);
			tested++;
		}
	}
	/* the address API */
	{
		unsigned long addr = get_zeroed_page(GFP_KERNEL);

		KUNIT_ASSERT_NE(test, addr, 0);
		KUNIT_EXPECT_EQ(test, nonzero_words(virt_to_page(addr)), 0);
		free_page(addr);
	}
	KUNIT_EXPECT_GT(test, tested, 0);
	expect_restored(test, &before);
}

/*
 * Misuse: each is reported ("BUG: Bad page state") and changes nothing:
 * a double free, a free with the wrong order (smaller and larger), a
 * page the allocator never handed out (reserved: the kernel image), a
 * tail page of an allocated block.
 */
static void system_misuse_reported_state_unchanged(struct kunit *test)
{
	static struct printk_capture cap;
	struct sys_state before, mid;
	struct page *page;

	sys_snapshot(&before);

	page = alloc_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);

	/* wrong order, smaller and larger */
	sys_snapshot(&mid);
	kunit_capture_start(&cap);
	__free_pages(page, 1);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: Bad page state");
	kunit_capture_start(&cap);
	__free_pages(page, 3);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: Bad page state");
	/* a tail page of the block */
	kunit_capture_start(&cap);
	__free_pages(page + 1, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: Bad page state");
	{
		struct sys_state now;

		sys_snapshot(&now);
		KUNIT_EXPECT_TRUE(test, sys_same(&now, &mid));
	}
	KUNIT_EXPECT_EQ(test, page_count(page), 1);

	/* the real free, then a double free */
	__free_pages(page, 2);
	sys_snapshot(&mid);
	kunit_capture_start(&cap);
	__free_pages(page, 2);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: Bad page state");
	{
		struct sys_state now;

		sys_snapshot(&now);
		KUNIT_EXPECT_TRUE(test, sys_same(&now, &mid));
	}

	/* never handed out: the kernel's own text */
	kunit_capture_start(&cap);
	free_pages((unsigned long)&system_misuse_reported_state_unchanged & PAGE_MASK, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: Bad page state");
	KUNIT_EXPECT_TRUE(test, PageReserved(virt_to_page(&system_misuse_reported_state_unchanged)));

	expect_restored(test, &before);
}

/*
 * The stress workload: random alloc/free of mixed orders and masks, a
 * pattern written into every block and verified before it is freed,
 * alignment, zone and no-overlap checked on every allocation; everything
 * freed at the end and buddyinfo restored.
 */
#define STRESS_LIVE	192
#define STRESS_OPS	3000

struct stress_block {
	struct page *page;
	unsigned long pfn;
	unsigned int order;
	u32 seed;
};

static u32 stress_rand(u32 *s)
{
	u32 x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *s = x;
}

static void system_stress_patterns(struct kunit *test)
{
	static struct stress_block live[STRESS_LIVE];
	static const gfp_t masks[] = {
		GFP_KERNEL, GFP_HIGHUSER, GFP_DMA, GFP_KERNEL | __GFP_ZERO,
		GFP_ATOMIC, GFP_HIGHUSER | __GFP_ZERO,
	};
	unsigned int nr = 0, ops, failures = 0, corrupt = 0, allocs = 0, i, j;
	struct sys_state before;
	u32 rnd = 0x2545f491;

	sys_snapshot(&before);
	for (ops = 0; ops < STRESS_OPS; ops++) {
		bool do_alloc = nr == 0 || (nr < STRESS_LIVE && (stress_rand(&rnd) % 100) < 55);

		if (do_alloc) {
			u32 r = stress_rand(&rnd);
			unsigned int order = (r & 7) < 4 ? 0 : (r & 7) < 6 ? 1 + (r >> 3) % 3 : (r >> 3) % 7;
			gfp_t gfp = masks[(r >> 8) % ARRAY_SIZE(masks)];
			struct stress_block *blk = &live[nr];
			struct page *page = alloc_pages(gfp | __GFP_NOWARN, order);
			unsigned long pfn;

			if (!page) {
				failures++;
				continue;
			}
			allocs++;
			pfn = page_to_pfn(page);
			if (pfn & ((1UL << order) - 1))
				KUNIT_FAIL(test, "order-%u block at pfn %#lx is misaligned", order, pfn);
			if ((gfp & __GFP_DMA) && page_zonenum(page) != ZONE_DMA)
				KUNIT_FAIL(test, "GFP_DMA gave a page of zone %s", zone_names[page_zonenum(page)]);
			if (!(gfp & __GFP_HIGHMEM) && PageHighMem(page))
				KUNIT_FAIL(test, "a lowmem mask gave HighMem pfn %#lx", pfn);
			for (j = 0; j < nr; j++)
				if (pfn < live[j].pfn + (1UL << live[j].order) &&
				    live[j].pfn < pfn + (1UL << order))
					KUNIT_FAIL(test, "pfn %#lx order %u overlaps live pfn %#lx order %u",
						   pfn, order, live[j].pfn, live[j].order);
			if (gfp & __GFP_ZERO)
				for (i = 0; i < (1U << order); i++)
					if (nonzero_words(page + i))
						KUNIT_FAIL(test, "__GFP_ZERO pfn %#lx not zeroed", pfn + i);
			blk->page = page;
			blk->pfn = pfn;
			blk->order = order;
			blk->seed = stress_rand(&rnd);
			for (i = 0; i < (1U << order); i++)
				fill_page(page + i, blk->seed);
			nr++;
		} else {
			unsigned int k = stress_rand(&rnd) % nr;
			struct stress_block *blk = &live[k];

			for (i = 0; i < (1U << blk->order); i++)
				if (check_page(blk->page + i, blk->seed)) {
					corrupt++;
					KUNIT_FAIL(test, "pfn %#lx: pattern overwritten", blk->pfn + i);
				}
			__free_pages(blk->page, blk->order);
			live[k] = live[--nr];
		}
	}
	while (nr) {
		struct stress_block *blk = &live[--nr];

		for (i = 0; i < (1U << blk->order); i++)
			if (check_page(blk->page + i, blk->seed))
				corrupt++;
		__free_pages(blk->page, blk->order);
	}
	printk("        # stress: %u ops, %u allocations, %u failures, %u integrity errors\n",
	       STRESS_OPS, allocs, failures, corrupt);
	KUNIT_EXPECT_EQ(test, corrupt, 0);
	KUNIT_EXPECT_GT(test, allocs, STRESS_OPS / 3);
	expect_restored(test, &before);
}

/* A stale kmap address faults, and the report names the PKMAP window. */
static void system_highmem_stale_kmap_faults(struct kunit *test)
{
	static struct printk_capture cap;
	struct fault_expect fe;
	struct page *page;
	u32 *p, v = 0;
	int ret;

	if (!sys_zone(ZONE_HIGHMEM))
		kunit_skip(test, "no HighMem on this machine");
	page = alloc_pages(GFP_HIGHUSER, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	p = kmap(page);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, probe_write_u32(p, 0x5a5a5a5a, NULL), 0);
	KUNIT_EXPECT_EQ(test, probe_read_u32(p, &v, NULL), 0);
	KUNIT_EXPECT_EQ(test, v, 0x5a5a5a5a);
	kunmap(page);
	kmap_flush_unused();
	kunit_capture_start(&cap);
	ret = probe_read_u32(p, &v, &fe);
	kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, ret, -EFAULT);
	KUNIT_EXPECT_TRUE(test, fe.hit);
	KUNIT_EXPECT_EQ(test, fe.cr2, (unsigned long)p);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "PKMAP");
	show_captured(&cap, "Oops:", "CR2:");
	__free_pages(page, 0);
}

/*
 * debug_pagealloc=on: a freed lowmem block leaves the direct map, so a
 * use after free faults at once; the page-fault handler reports it and
 * the test, which expected it, goes on.  Reallocated, it is mapped again.
 */
static void system_debug_pagealloc_use_after_free(struct kunit *test)
{
	static struct printk_capture cap;
	struct fault_expect fe;
	unsigned long addr;
	u32 v = 0;
	int ret;

	if (!(SYS->debug_flags & PGDAT_DEBUG_PAGEALLOC))
		kunit_skip(test, "debug_pagealloc is off");
	addr = __get_free_pages(GFP_KERNEL, 1);
	KUNIT_ASSERT_NE(test, addr, 0);
	KUNIT_EXPECT_EQ(test, probe_write_u32((void *)(addr + 4100), 0x12345678, NULL), 0);
	KUNIT_EXPECT_EQ(test, probe_read_u32((void *)(addr + 4100), &v, NULL), 0);
	KUNIT_EXPECT_EQ(test, v, 0x12345678);
	free_pages(addr, 1);

	kunit_capture_start(&cap);
	ret = probe_read_u32((void *)(addr + 4100), &v, &fe);
	kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, ret, -EFAULT);
	KUNIT_EXPECT_TRUE(test, fe.hit);
	KUNIT_EXPECT_EQ(test, fe.cr2, addr + 4100);
	KUNIT_EXPECT_FALSE(test, fe.error_code & 1);	/* not present */
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "page fault");
	show_captured(&cap, "Oops:", "CR2:");

	kunit_capture_start(&cap);
	ret = probe_write_u32((void *)addr, 0, &fe);
	kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, ret, -EFAULT);
	KUNIT_EXPECT_TRUE(test, fe.error_code & 2);	/* a write */

	/* the same block, allocated again, is mapped again */
	addr = __get_free_pages(GFP_KERNEL, 1);
	KUNIT_ASSERT_NE(test, addr, 0);
	KUNIT_EXPECT_EQ(test, probe_write_u32((void *)addr, 1, NULL), 0);
	free_pages(addr, 1);
}

/*
 * page_poison=on (without debug_pagealloc, so the freed page stays
 * mapped): a write after free is found and reported when the page is
 * next allocated.
 */
static void system_page_poison_write_after_free(struct kunit *test)
{
	static struct printk_capture cap;
	struct sys_state before;
	unsigned long addr, again;

	if (!(SYS->debug_flags & PGDAT_PAGE_POISON))
		kunit_skip(test, "page_poison is off");
	if (SYS->debug_flags & PGDAT_DEBUG_PAGEALLOC)
		kunit_skip(test, "freed pages are unmapped (debug_pagealloc)");
	sys_snapshot(&before);
	addr = __get_free_page(GFP_KERNEL);
	KUNIT_ASSERT_NE(test, addr, 0);
	free_page(addr);
	KUNIT_EXPECT_EQ(test, *(volatile u8 *)(addr + 100), PAGE_POISON);
	*(volatile u8 *)(addr + 100) = 0x42;	/* the use after free */
	kunit_capture_start(&cap);
	again = __get_free_page(GFP_KERNEL);	/* LIFO: the same page */
	kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, again, addr);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "poison");
	show_captured(&cap, "BUG:", "page dumped");
	if (again)
		free_page(again);
	expect_restored(test, &before);
}

static struct kunit_case system_cases[] = {
	KUNIT_CASE(system_zones_consistent),
	KUNIT_CASE(system_gfp_zero_every_zone),
	KUNIT_CASE(system_misuse_reported_state_unchanged),
	KUNIT_CASE(system_watermarks_atomic_below_min),
	KUNIT_CASE(system_exhaust_every_zone),
	KUNIT_CASE(system_stress_patterns),
	KUNIT_CASE(system_highmem_stale_kmap_faults),
	KUNIT_CASE(system_debug_pagealloc_use_after_free),
	KUNIT_CASE(system_page_poison_write_after_free),
	{}
};

static struct kunit_suite system_suite = {
	.name = "system",
	.test_cases = system_cases,
	.flags = KUNIT_SUITE_KERNEL_ONLY,
};
kunit_test_suite(system_suite);
