// SPDX-License-Identifier: GPL-2.0
/*
 * Model-based random test: random alloc/free/misuse sequences on several
 * layouts (holes, odd sizes, reserved ranges, an unaligned node start)
 * checked against a reference model that knows only which pages are free
 * and who owns each allocated page:
 *
 *  - every block returned is naturally aligned, inside a zone the mask
 *    allows (DMA only for GFP_DMA, never HighMem without __GFP_HIGHMEM),
 *    made only of pages the model had free (no overlap), zeroed when asked;
 *  - a pattern written into every page of a live block is intact when it
 *    is freed (nobody else was handed those pages);
 *  - an allocation fails only if no allowed zone has a free naturally
 *    aligned run of 2^order pages (watermarks are zeroed for this test;
 *    their arithmetic has its own tests);
 *  - misuse (double free, wrong order, reserved page) is reported and
 *    leaves the node byte-for-byte as it was;
 *  - the free lists equal the canonical buddy decomposition of the model's
 *    free set and the checker finds nothing (every step at first, sampled
 *    later); by migrate type too: each canonical block on the list of its
 *    pageblock's type, and no block elsewhere (unmovable, movable and
 *    reclaimable requests are mixed, so pageblocks change type);
 *  - after freeing everything, buddyinfo equals the boot state exactly;
 *  - blocks allocated with __GFP_MOVABLE are movable (linux/migrate.h),
 *    the model their owner: now and then a zone is compacted (the whole
 *    zone or for a random order), and direct compaction may run inside an
 *    allocation; every move updates the model's free set, after which the
 *    free lists must again equal the canonical decomposition and every
 *    live block must hold its pattern where it now is.
 *
 * "model" runs a few seconds in make test-host and in the kernel's
 * selftest.  "model_long" (host only) runs other seeds for longer: an
 * eighth of its length in every make test-host, the whole of it (millions
 * of steps, a few minutes) with ORDERLY_SLOW=1.
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include <linux/mmdebug.h>
#include <linux/migrate.h>
#include <linux/compaction.h>
#include "../../mm/internal.h"

static const struct mm_layout model_layouts[] = {
	{ .name = "three-zones-holes", .nr_pages = 1024, .zone_end = { 256, 768, 1024 },
	  .ram = { { 0, 400 }, { 420, 900 }, { 901, 1024 } }, .reserved = { { 100, 103 }, { 700, 701 } } },
	{ .name = "odd-1000", .nr_pages = 1000, .zone_end = { 333, 777, 1000 },
	  .ram = { { 1, 500 }, { 517, 1000 } }, .reserved = { { 600, 611 } } },
	{ .name = "dma-only-97", .nr_pages = 97, .zone_end = { 97, 97, 97 } },
	{ .name = "unaligned-5000", .nr_pages = 5000, .zone_end = { 1000, 3001, 5000 },
	  .ram = { { 0, 2990 }, { 3010, 4500 }, { 4600, 5000 } }, .reserved = { { 1500, 1600 } },
	  .host_base_pfn = 0x123 },
};

struct live {
	struct page *page;
	unsigned int order;
	u32 id;
	bool compound;
};

struct model {
	struct mm_fixture *f;
	unsigned char *free;	/* per relative pfn */
	u32 *owner;		/* id of the live block holding the pfn, 0 if none */
	struct live *live;
	unsigned int nr_live, max_live;
	u32 rng, next_id;
	unsigned long allocs, fails, frees, misuses, checks, compactions, moved;
	bool moved_onto_used;	/* a migration destination the model had as used */
};

static struct model model_cur;

/* ------------------------------------------------------------ the model as owner of movable blocks */

static int model_live_of(const struct page *page)
{
	unsigned int i;

	for (i = 0; i < model_cur.nr_live; i++)
		if (model_cur.live[i].page == page)
			return (int)i;
	return -1;
}

static bool model_isolate_page(struct page *page)
{
	return model_live_of(page) >= 0;
}

static int model_migrate_page(struct page *dst, struct page *src)
{
	struct model *m = &model_cur;
	int idx = model_live_of(src);
	unsigned long s, d, i, n;

	if (idx < 0)
		return -EBUSY;
	n = 1UL << m->live[idx].order;
	s = mm_rel_pfn(m->f, src);
	d = mm_rel_pfn(m->f, dst);
	for (i = 0; i < n; i++) {
		m->free[s + i] = 1;
		m->owner[s + i] = 0;
	}
	for (i = 0; i < n; i++) {
		if (!m->free[d + i] || m->owner[d + i])
			m->moved_onto_used = true;
		m->free[d + i] = 0;
		m->owner[d + i] = m->live[idx].id;
	}
	m->live[idx].page = dst;
	m->moved += n;
	return MIGRATEPAGE_SUCCESS;
}

static void model_putback_page(struct page *page)
{
}

static const struct movable_operations model_mops = {
	.isolate_page = model_isolate_page,
	.migrate_page = model_migrate_page,
	.putback_page = model_putback_page,
};

static u32 model_rand(struct model *m)
{
	m->rng ^= m->rng << 13;
	m->rng ^= m->rng >> 17;
	m->rng ^= m->rng << 5;
	return m->rng;
}

static const gfp_t model_gfps[] = {
	GFP_KERNEL, GFP_ATOMIC, GFP_DMA, GFP_HIGHUSER, GFP_KERNEL | __GFP_COMP,
	GFP_HIGHUSER | __GFP_ZERO, GFP_KERNEL | __GFP_ZERO, GFP_DMA | __GFP_ZERO | __GFP_COMP,
	GFP_NOIO, GFP_HIGHUSER | __GFP_COMP,
	GFP_HIGHUSER_MOVABLE, GFP_HIGHUSER_MOVABLE | __GFP_ZERO, GFP_KERNEL | __GFP_MOVABLE,
	GFP_KERNEL | __GFP_RECLAIMABLE, GFP_ATOMIC | __GFP_RECLAIMABLE,
};

static unsigned int model_order(struct model *m)
{
	u32 r = model_rand(m) % 100;

	if (r < 50)
		return 0;
	if (r < 65)
		return 1;
	if (r < 75)
		return 2;
	if (r < 83)
		return 3;
	return 4 + model_rand(m) % (MAX_ORDER - 4);
}

static u64 *page_words(struct model *m, struct page *page)
{
	return mm_page_lowmem_address(m->f, page);
}

#define WORDS_PER_PAGE	(PAGE_SIZE / sizeof(u64))

/* may an allocation of @order for @gfp succeed, by the model's free set? */
static bool model_can_alloc(struct model *m, gfp_t gfp, unsigned int order)
{
	enum zone_type high = gfp_zone(gfp);
	int z;

	for (z = 0; z <= (int)high; z++) {
		const struct zone *zone = mm_zone(m->f, z);
		unsigned long n = 1UL << order, pfn, i;

		if (!zone->spanned_pages)
			continue;
		for (pfn = ALIGN(zone->zone_start_pfn, n); pfn + n <= zone_end_pfn(zone); pfn += n) {
			for (i = 0; i < n && m->free[pfn - m->f->base_pfn + i]; i++)
				;
			if (i == n)
				return true;
		}
	}
	return false;
}

/*
 * The blocks on each type's lists, against the canonical decomposition of
 * the model's free set with each block filed under its pageblock's type.
 */
static void model_check_types(struct kunit *test, struct model *m)
{
	int z, t;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = mm_zone(m->f, z);
		unsigned long want[MAX_ORDER][MIGRATE_TYPES] = { { 0 } };
		unsigned long s = zone->zone_start_pfn, e = zone_end_pfn(zone), pfn = s;
		unsigned int order;

		if (!zone->spanned_pages)
			continue;
		while (pfn < e) {
			unsigned long n, i;

			if (!m->free[pfn - m->f->base_pfn]) {
				pfn++;
				continue;
			}
			for (order = MAX_ORDER - 1; order > 0; order--) {
				n = 1UL << order;
				if ((pfn & (n - 1)) || pfn + n > e)
					continue;
				for (i = 0; i < n && m->free[pfn - m->f->base_pfn + i]; i++)
					;
				if (i == n)
					break;
			}
			want[order][zone_pfnblock_migratetype(zone, pfn)]++;
			pfn += 1UL << order;
		}
		for (order = 0; order < MAX_ORDER; order++)
			for (t = 0; t < MIGRATE_TYPES; t++) {
				const struct list_head *pos;
				unsigned long n = 0;

				list_for_each(pos, &zone->free_area[order].free_list[t])
					n++;
				KUNIT_ASSERT_EQ(test, n, want[order][t]);
			}
	}
}

static void model_check(struct kunit *test, struct model *m)
{
	unsigned long canon[MAX_NR_ZONES][MAX_ORDER], now[MAX_NR_ZONES][MAX_ORDER];

	m->checks++;
	KUNIT_ASSERT_EQ(test, verify_free_lists(m->f->node), 0);
	mm_canonical_buddyinfo(m->f, m->free, canon);
	buddyinfo_snapshot(m->f->node, now);
	KUNIT_ASSERT_EQ(test, memcmp(canon, now, sizeof(now)), 0);
	model_check_types(test, m);
}

static void model_alloc(struct kunit *test, struct model *m)
{
	gfp_t gfp = model_gfps[model_rand(m) % ARRAY_SIZE(model_gfps)] | __GFP_NOWARN;
	unsigned int order = model_order(m), z;
	struct page *page = __alloc_pages_node(m->f->node, gfp, order);
	unsigned long rel, i, n = 1UL << order;
	struct live *l;

	if (!page) {
		m->fails++;
		KUNIT_ASSERT_FALSE(test, model_can_alloc(m, gfp, order));
		return;
	}
	m->allocs++;
	rel = mm_rel_pfn(m->f, page);
	KUNIT_ASSERT_LT(test, rel, m->f->nr_pages);
	KUNIT_ASSERT_EQ(test, page_to_pfn(page) & (n - 1), 0);
	z = page_zonenum(page);
	KUNIT_ASSERT_LE(test, z, gfp_zone(gfp));
	KUNIT_ASSERT_LE(test, rel + n, m->f->nr_pages);
	KUNIT_ASSERT_EQ(test, page->alloc_order, order);
	for (i = 0; i < n; i++) {
		KUNIT_ASSERT_EQ(test, m->free[rel + i], 1);
		KUNIT_ASSERT_EQ(test, m->owner[rel + i], 0);
		KUNIT_ASSERT_EQ(test, page_zonenum(page + i), z);
	}
	if (m->nr_live == m->max_live) {
		__free_pages(page, order);
		return;
	}
	l = &m->live[m->nr_live++];
	l->page = page;
	l->order = order;
	l->id = ++m->next_id;
	l->compound = (gfp & __GFP_COMP) && order;
	if ((gfp & __GFP_MOVABLE) && !l->compound)
		__SetPageMovable(page, &model_mops);
	for (i = 0; i < n; i++) {
		u64 *w = page_words(m, page + i);

		if (gfp & __GFP_ZERO) {
			KUNIT_ASSERT_EQ(test, w[0], 0);
			KUNIT_ASSERT_EQ(test, w[1], 0);
			KUNIT_ASSERT_EQ(test, w[WORDS_PER_PAGE / 2], 0);
			KUNIT_ASSERT_EQ(test, w[WORDS_PER_PAGE - 1], 0);
		}
		w[0] = ((u64)l->id << 32) | i;
		w[WORDS_PER_PAGE - 1] = ~w[0];
		m->free[rel + i] = 0;
		m->owner[rel + i] = l->id;
	}
}

static void model_free(struct kunit *test, struct model *m, unsigned int idx)
{
	struct live l = m->live[idx];
	unsigned long rel = mm_rel_pfn(m->f, l.page), i, n = 1UL << l.order;
	u32 how = model_rand(m) % 4;

	for (i = 0; i < n; i++) {
		u64 *w = page_words(m, l.page + i);

		KUNIT_ASSERT_EQ(test, w[0], ((u64)l.id << 32) | i);
		KUNIT_ASSERT_EQ(test, w[WORDS_PER_PAGE - 1], ~w[0]);
		m->free[rel + i] = 1;
		m->owner[rel + i] = 0;
	}
	m->live[idx] = m->live[--m->nr_live];
	m->frees++;
	__ClearPageMovable(l.page);
	switch (how) {
	case 0:
		__free_pages(l.page, l.order);
		break;
	case 1:
		put_page(l.compound ? l.page + n - 1 : l.page);
		break;
	case 2:		/* an extra reference: the first free only drops it */
		get_page(l.page);
		__free_pages(l.page, l.order);
		KUNIT_ASSERT_EQ(test, page_count(l.page), 1);
		__free_pages(l.page, l.order);
		break;
	default:
		if (l.compound)
			put_page(l.page);
		else
			__free_pages(l.page, l.order);
	}
}

/* a misuse must be reported and change nothing */
static void model_misuse(struct kunit *test, struct model *m)
{
	static struct printk_capture cap;
	static struct mm_state st;
	unsigned long rel = model_rand(m) % m->f->nr_pages;
	struct page *page = mm_page(m->f, rel);
	unsigned int order = 0;
	bool live = false;

	if (m->nr_live && (model_rand(m) & 1)) {
		struct live *l = &m->live[model_rand(m) % m->nr_live];

		page = l->page;
		order = (l->order + 1 + model_rand(m) % (MAX_ORDER - 1)) % MAX_ORDER;
		live = true;
	} else if (m->owner[rel] || !zone_spans_pfn(page_zone(page), page_to_pfn(page))) {
		return;		/* a live page (only its head's free is valid) or no zone */
	}
	m->misuses++;
	KUNIT_ASSERT_EQ(test, mm_state_save(m->f, &st), 0);
	kunit_capture_start(&cap);
	if (live || (model_rand(m) & 1))
		__free_pages(page, order);	/* a live block: always with a wrong order */
	else
		put_page(page);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "BUG: Bad page state");
	KUNIT_ASSERT_TRUE(test, mm_state_equal(m->f, &st));
	mm_state_free(&st);
}

static struct mm_fixture model_fx;

/* every live block holds its pattern, where it is now */
static void model_check_contents(struct kunit *test, struct model *m)
{
	unsigned int b;
	unsigned long i;

	for (b = 0; b < m->nr_live; b++) {
		const struct live *l = &m->live[b];
		unsigned long rel = mm_rel_pfn(m->f, l->page);

		for (i = 0; i < (1UL << l->order); i++) {
			u64 *w = page_words(m, l->page + i);

			KUNIT_ASSERT_EQ(test, w[0], ((u64)l->id << 32) | i);
			KUNIT_ASSERT_EQ(test, w[WORDS_PER_PAGE - 1], ~w[0]);
			KUNIT_ASSERT_EQ(test, m->owner[rel + i], l->id);
		}
	}
}

/* compact one zone, whole or for a random order; then check everything */
static void model_compact(struct kunit *test, struct model *m)
{
	struct zone *zone = mm_zone(m->f, model_rand(m) % MAX_NR_ZONES);
	int order = (int)(model_rand(m) % (MAX_ORDER + 1)) - 1;

	compact_zone_order(zone, order, GFP_KERNEL, NULL);
	m->compactions++;
	KUNIT_ASSERT_FALSE(test, m->moved_onto_used);
	model_check(test, m);
	model_check_contents(test, m);
}

/* also after a failed ASSERT: nothing leaks, the node is unregistered */
static void model_exit(struct kunit *test)
{
	struct model *m = &model_cur;

	mm_test_free(m->free, model_fx.nr_pages);
	mm_test_free(m->owner, model_fx.nr_pages * sizeof(*m->owner));
	mm_test_free(m->live, m->max_live * sizeof(*m->live));
	memset(m, 0, sizeof(*m));
	mm_fixture_destroy(&model_fx);
}

static void model_run(struct kunit *test, const struct mm_layout *l, unsigned long ops, u32 seed)
{
	struct model *m = &model_cur;
	unsigned long step;
	int ret;

	ret = mm_fixture_init(&model_fx, l, 5, 0);
	if (ret == -EFBIG)
		kunit_skip(test, "layout larger than one 4 MiB arena block");
	KUNIT_ASSERT_EQ(test, ret, 0);
	mm_fixture_no_watermarks(&model_fx);
	memset(m, 0, sizeof(*m));
	m->f = &model_fx;
	m->rng = seed | 1;
	m->max_live = 4096;
	m->free = mm_test_alloc(model_fx.nr_pages);
	m->owner = mm_test_alloc(model_fx.nr_pages * sizeof(*m->owner));
	m->live = mm_test_alloc(m->max_live * sizeof(*m->live));
	KUNIT_ASSERT_TRUE(test, m->free && m->owner && m->live);
	mm_boot_free_map(&model_fx, m->free);
	model_check(test, m);

	for (step = 0; step < ops; step++) {
		u32 r = model_rand(m) % 100;

		if (r < 2)
			model_misuse(test, m);
		else if (r < 3)
			model_compact(test, m);
		else if (r < 55 || !m->nr_live)
			model_alloc(test, m);
		else
			model_free(test, m, model_rand(m) % m->nr_live);
		KUNIT_ASSERT_FALSE(test, m->moved_onto_used);
		if (step < 2000 || (step & 15) == 0)
			model_check(test, m);
		/* now and then, drain everything: the boot state must come back */
		if ((model_rand(m) & 0x3fff) == 0) {
			while (m->nr_live)
				model_free(test, m, m->nr_live - 1);
			KUNIT_ASSERT_TRUE(test, mm_fixture_at_boot_state(&model_fx));
		}
	}
	while (m->nr_live)
		model_free(test, m, m->nr_live - 1);
	model_check(test, m);
	KUNIT_EXPECT_TRUE(test, mm_fixture_at_boot_state(&model_fx));
	KUNIT_EXPECT_GT(test, m->allocs, 0);
	KUNIT_EXPECT_GT(test, m->fails, 0);
	KUNIT_EXPECT_GT(test, m->misuses, 0);
	KUNIT_EXPECT_GT(test, m->compactions, 0);
	printk(KERN_INFO "model %s: %lu ops, %lu allocs, %lu failed, %lu frees, %lu misuses, %lu checks, "
	       "%lu compactions, %lu pages moved\n", l->name, ops, m->allocs, m->fails, m->frees,
	       m->misuses, m->checks, m->compactions, m->moved);
}

#define MODEL_CASE(i, fname, ops, seed)					\
static void fname(struct kunit *test)					\
{ model_run(test, &model_layouts[i], ops, seed); }

MODEL_CASE(0, model_three_zones_holes, 100000, 0x1234567)
MODEL_CASE(1, model_odd_1000, 100000, 0x9e3779b9)
MODEL_CASE(2, model_dma_only_97, 100000, 0xdeadbeef)
MODEL_CASE(3, model_unaligned_5000, 100000, 0x31415926)

static struct kunit_case model_cases[] = {
	KUNIT_CASE(model_three_zones_holes),
	KUNIT_CASE(model_odd_1000),
	KUNIT_CASE(model_dma_only_97),
	KUNIT_CASE(model_unaligned_5000),
	{}
};

static struct kunit_suite model_suite = {
	.name = "model",
	.exit = model_exit,
	.test_cases = model_cases,
};
kunit_test_suite(model_suite);

/*
 * Host only: the kernel's selftest runs in every QEMU case, and "model"
 * already runs there.
 */
#ifdef __ORDERLY_HOST__
#define MODEL_LONG_CASE(i, fname, ops, seed)				\
static void fname(struct kunit *test)					\
{ model_run(test, &model_layouts[i], (test->where & KUNIT_RUN_SLOW) ? ops : ops / 8, seed); }

MODEL_LONG_CASE(0, model_long_three_zones_holes, 1000000, 0x2545f491)
MODEL_LONG_CASE(1, model_long_odd_1000, 1000000, 0x5bd1e995)
MODEL_LONG_CASE(2, model_long_dma_only_97, 500000, 0x85ebca6b)
MODEL_LONG_CASE(3, model_long_unaligned_5000, 1000000, 0xc2b2ae35)

static struct kunit_case model_long_cases[] = {
	KUNIT_CASE(model_long_three_zones_holes),
	KUNIT_CASE(model_long_odd_1000),
	KUNIT_CASE(model_long_dma_only_97),
	KUNIT_CASE(model_long_unaligned_5000),
	{}
};

static struct kunit_suite model_long_suite = {
	.name = "model_long",
	.exit = model_exit,
	.test_cases = model_long_cases,
};
kunit_test_suite(model_long_suite);
#endif
