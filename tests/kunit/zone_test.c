// SPDX-License-Identifier: GPL-2.0
/*
 * Zones (issue 3's zone part): spans, present and managed counts on
 * layouts with real PC boundaries (16 MiB, 896 MiB) - RAM smaller than a
 * boundary, just over it, holes straddling it, highmem= - and every page
 * accounted for, counted from the layout alone and from mem_map's page
 * states: holes + reserved + free = spanned.  Then watermarks,
 * lowmem_reserve and min_free_kbytes checked against numbers worked out by
 * hand from Linux 4.4's formulas, the zonelist, the /proc-format reports,
 * and the kernel's own free_area_init() + mem_init() path over memblock.
 *
 * The real-boundary layouts are larger than the 4 MiB arena the kernel can
 * give a fixture, so they run on the host; the scaled ones run in both.
 */
#include "mm_fixture.h"
#include <linux/gfp.h>
#include <linux/mmdebug.h>
#include <linux/memblock.h>
#include <linux/params.h>
#include "../../mm/internal.h"

#define DMA_END		4096UL		/* 16 MiB */
#define LOW_END		229376UL	/* 896 MiB */

struct zone_expect {
	unsigned long start, spanned, present, managed;
};

struct zone_case {
	struct mm_layout l;
	struct zone_expect z[MAX_NR_ZONES];
	int nr_zones;
};

static const struct zone_case zone_cases[] = {
	{	/* 8 MiB PC: the 640K-1M hole, kernel at 1 MiB; no Normal, no HighMem */
		.l = { .name = "8M", .nr_pages = 2048, .zone_end = { 2048, 2048, 2048 },
		       .ram = { { 0, 159 }, { 256, 2048 } }, .reserved = { { 0, 1 }, { 256, 300 } } },
		.z = { { 0, 2048, 1951, 1906 }, { 0 }, { 0 } }, .nr_zones = 1,
	},
	{	/* RAM one page short of 16 MiB */
		.l = { .name = "16M-4K", .nr_pages = DMA_END - 1,
		       .zone_end = { DMA_END - 1, DMA_END - 1, DMA_END - 1 } },
		.z = { { 0, 4095, 4095, 4095 }, { 0 }, { 0 } }, .nr_zones = 1,
	},
	{	/* one page over: a one-page Normal zone */
		.l = { .name = "16M+4K", .nr_pages = DMA_END + 1,
		       .zone_end = { DMA_END, DMA_END + 1, DMA_END + 1 } },
		.z = { { 0, 4096, 4096, 4096 }, { 4096, 1, 1, 1 }, { 0 } }, .nr_zones = 2,
	},
	{	/* a hole [12M, 20M) across the DMA boundary */
		.l = { .name = "hole@16M", .nr_pages = 8192, .zone_end = { DMA_END, 8192, 8192 },
		       .ram = { { 0, 3072 }, { 5120, 8192 } } },
		.z = { { 0, 4096, 3072, 3072 }, { 4096, 4096, 3072, 3072 }, { 0 } }, .nr_zones = 2,
	},
	{	/* RAM that starts above 16 MiB: DMA empty */
		.l = { .name = "no-DMA", .nr_pages = 8192, .zone_end = { DMA_END, 8192, 8192 },
		       .ram = { { 5000, 8192 } } },
		.z = { { 0, 4096, 0, 0 }, { 4096, 4096, 3192, 3192 }, { 0 } }, .nr_zones = 2,
	},
	{	/* just under 896 MiB: no HighMem */
		.l = { .name = "896M-4K", .nr_pages = LOW_END - 1,
		       .zone_end = { DMA_END, LOW_END - 1, LOW_END - 1 } },
		.z = { { 0, 4096, 4096, 4096 }, { 4096, LOW_END - 1 - DMA_END, LOW_END - 1 - DMA_END,
		       LOW_END - 1 - DMA_END }, { 0 } }, .nr_zones = 2,
	},
	{	/* just over: a one-page HighMem zone */
		.l = { .name = "896M+4K", .nr_pages = LOW_END + 1,
		       .zone_end = { DMA_END, LOW_END, LOW_END + 1 } },
		.z = { { 0, 4096, 4096, 4096 }, { 4096, LOW_END - DMA_END, LOW_END - DMA_END,
		       LOW_END - DMA_END }, { LOW_END, 1, 1, 1 } }, .nr_zones = 3,
	},
	{	/* 1 GiB with a hole [880M, 920M) across the HighMem boundary, reserved bits */
		.l = { .name = "hole@896M", .nr_pages = 262144, .zone_end = { DMA_END, LOW_END, 262144 },
		       .ram = { { 1, 159 }, { 256, 225280 }, { 235520, 262144 } },
		       .reserved = { { 256, 1280 }, { 240000, 240001 } } },
		.z = { { 0, 4096, 158 + 3840, 158 + 3840 - 1024 },
		       { 4096, LOW_END - DMA_END, 225280 - DMA_END, 225280 - DMA_END },
		       { LOW_END, 262144 - LOW_END, 262144 - 235520, 262144 - 235520 - 1 } },
		.nr_zones = 3,
	},
	{	/* highmem=256M with 512 MiB: the arch moved max_low_pfn down */
		.l = { .name = "highmem=256M", .nr_pages = 131072, .zone_end = { DMA_END, 65536, 131072 } },
		.z = { { 0, 4096, 4096, 4096 }, { 4096, 61440, 61440, 61440 }, { 65536, 65536, 65536, 65536 } },
		.nr_zones = 3,
	},
	{	/* scaled to one 4 MiB arena: three zones, two holes, a reserved range */
		.l = { .name = "scaled", .nr_pages = 1024, .zone_end = { 256, 768, 1024 },
		       .ram = { { 16, 700 }, { 800, 1024 } }, .reserved = { { 100, 110 } } },
		.z = { { 0, 256, 240, 230 }, { 256, 512, 444, 444 }, { 768, 256, 224, 224 } },
		.nr_zones = 3,
	},
};

static struct mm_fixture fx;

static void zone_exit(struct kunit *test)
{
	mm_fixture_destroy(&fx);
}

static bool layout_has_ram(const struct mm_layout *l, unsigned long rel)
{
	unsigned int i;

	if (!l->ram[0].end)
		return rel < l->nr_pages;
	for (i = 0; i < MM_LAYOUT_MAX_RANGES && l->ram[i].end; i++)
		if (rel >= l->ram[i].start && rel < l->ram[i].end)
			return true;
	return false;
}

static bool layout_reserves(const struct mm_layout *l, unsigned long rel)
{
	unsigned int i;

	for (i = 0; i < MM_LAYOUT_MAX_RANGES && l->reserved[i].end; i++)
		if (rel >= l->reserved[i].start && rel < l->reserved[i].end)
			return true;
	return false;
}

struct zone_census {
	unsigned long spanned, holes, reserved, free;
};

/*
 * Zone @z's pages by the layout alone (its max_zone_pfn[] and RAM and
 * reserved ranges), without asking mm/: what spanned, present and managed
 * must be.  free is what managed must be: RAM that is not reserved.
 */
static void census_by_layout(const struct mm_layout *l, int z, struct zone_census *n)
{
	unsigned long lo = z ? l->zone_end[z - 1] : 0, hi = min(l->zone_end[z], l->nr_pages), rel;

	memset(n, 0, sizeof(*n));
	for (rel = lo; rel < hi; rel++) {
		n->spanned++;
		if (!layout_has_ram(l, rel))
			n->holes++;
		else if (layout_reserves(l, rel))
			n->reserved++;
		else
			n->free++;
	}
}

/*
 * The same zone by its struct pages after boot, without the zone's
 * counters: PG_reserved pages (holes and kept-back RAM), pages inside a
 * free buddy block, and anything else (nothing, at boot).  Each page is
 * also checked against the layout: PG_reserved exactly where the layout
 * has a hole or a reserved range.
 */
static void census_by_mem_map(struct kunit *test, const struct mm_layout *l, int z,
			      struct zone_census *n, unsigned long *misplaced, unsigned long *other)
{
	unsigned long lo = z ? l->zone_end[z - 1] : 0, hi = min(l->zone_end[z], l->nr_pages), rel;

	memset(n, 0, sizeof(*n));
	*misplaced = *other = 0;
	for (rel = lo; rel < hi; ) {
		const struct page *page = mm_page(&fx, rel);
		bool keep = !layout_has_ram(l, rel) || layout_reserves(l, rel);
		unsigned long nr;

		n->spanned++;
		if (PageReserved(page)) {
			n->reserved++;
			*misplaced += !keep;
			rel++;
			continue;
		}
		if (!PageBuddy(page)) {
			(*other)++;
			*misplaced += keep;
			rel++;
			continue;
		}
		/* a free block: every page of it must be free RAM */
		nr = 1UL << buddy_order(page);
		KUNIT_ASSERT_LE(test, rel + nr, hi);
		n->spanned += nr - 1;
		n->free += nr;
		for (; nr; nr--, rel++)
			*misplaced += !layout_has_ram(l, rel) || layout_reserves(l, rel);
	}
}

static void check_case(struct kunit *test, const struct zone_case *c)
{
	unsigned long canon[MAX_NR_ZONES][MAX_ORDER];
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &c->l, 1, 0);
	unsigned char *free;
	int z, nz = 0;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = mm_zone(&fx, z);
		const struct zone_expect *e = &c->z[z];
		struct zone_census want, seen;
		unsigned long pfn, misplaced, other;

		KUNIT_EXPECT_EQ(test, zone->spanned_pages, e->spanned);
		KUNIT_EXPECT_EQ(test, zone->present_pages, e->present);
		KUNIT_EXPECT_EQ(test, zone->managed_pages, e->managed);
		KUNIT_EXPECT_EQ(test, zone->free_pages, e->managed);
		KUNIT_EXPECT_EQ(test, zone->zone_start_pfn, e->spanned ? fx.base_pfn + e->start : 0);
		for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++) {
			const struct page *page = mm_page(&fx, pfn - fx.base_pfn);

			KUNIT_ASSERT_EQ(test, page_zonenum(page), z);
			KUNIT_ASSERT_EQ(test, page_to_nid(page), 1);
		}
		/* the zone's counters against the layout ... */
		census_by_layout(&c->l, z, &want);
		KUNIT_EXPECT_EQ(test, zone->spanned_pages, want.spanned);
		KUNIT_EXPECT_EQ(test, zone->present_pages, want.spanned - want.holes);
		KUNIT_EXPECT_EQ(test, zone->managed_pages, want.free);
		/* ... and mem_map's page states against both */
		census_by_mem_map(test, &c->l, z, &seen, &misplaced, &other);
		KUNIT_EXPECT_EQ(test, seen.spanned, want.spanned);
		KUNIT_EXPECT_EQ(test, seen.reserved, want.holes + want.reserved);
		KUNIT_EXPECT_EQ(test, seen.free, want.free);
		KUNIT_EXPECT_EQ(test, seen.free, zone->free_pages);
		KUNIT_EXPECT_EQ(test, other, 0);
		KUNIT_EXPECT_EQ(test, misplaced, 0);
	}
	/* the zonelist: HighMem -> Normal -> DMA, populated zones only */
	for (z = MAX_NR_ZONES - 1; z >= 0; z--)
		if (populated_zone(mm_zone(&fx, z))) {
			KUNIT_EXPECT_PTR_EQ(test, pgdat->node_zonelist[nz], mm_zone(&fx, z));
			nz++;
		}
	KUNIT_EXPECT_NULL(test, pgdat->node_zonelist[nz]);
	/*
	 * zonelist_for_gfp: for each value of the zone modifiers, the first
	 * populated zone at or below gfp_zone() - what the fast path uses
	 * instead of walking the list - and NULL for __GFP_DMA|__GFP_HIGHMEM
	 */
	for (z = 0; z <= (int)GFP_ZONEMASK; z++) {
		const struct zonelist_start *start = &pgdat->zonelist_for_gfp[z];
		struct zone *want = NULL;
		int j;

		if (gfp_zone_bad((gfp_t)z)) {
			KUNIT_EXPECT_NULL(test, start->zone);
			KUNIT_EXPECT_NULL(test, start->zonelist);
			continue;
		}
		for (j = gfp_zone((gfp_t)z); j >= 0 && !want; j--)
			if (populated_zone(mm_zone(&fx, j)))
				want = mm_zone(&fx, j);
		KUNIT_EXPECT_PTR_EQ(test, start->zone, want);
		KUNIT_ASSERT_NOT_NULL(test, start->zonelist);
		KUNIT_EXPECT_PTR_EQ(test, *start->zonelist, want);
		if (want)
			KUNIT_EXPECT_EQ(test, start->classzone_idx, (int)zone_idx(want));
	}
	KUNIT_EXPECT_EQ(test, pgdat->nr_zones, c->nr_zones);
	KUNIT_EXPECT_EQ(test, pgdat->node_spanned_pages, c->l.nr_pages);
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
	free = mm_test_alloc(fx.nr_pages);
	KUNIT_ASSERT_NOT_NULL(test, free);
	mm_boot_free_map(&fx, free);
	mm_canonical_buddyinfo(&fx, free, canon);
	mm_test_free(free, fx.nr_pages);
	KUNIT_EXPECT_EQ(test, memcmp(canon, fx.boot_free, sizeof(canon)), 0);
}

#define ZONE_CASE_FN(i, fname)						\
static void fname(struct kunit *test) { check_case(test, &zone_cases[i]); }
ZONE_CASE_FN(0, layout_8M_no_normal)
ZONE_CASE_FN(1, layout_just_under_16M)
ZONE_CASE_FN(2, layout_just_over_16M)
ZONE_CASE_FN(3, layout_hole_across_16M)
ZONE_CASE_FN(4, layout_ram_above_16M_only)
ZONE_CASE_FN(5, layout_just_under_896M)
ZONE_CASE_FN(6, layout_just_over_896M)
ZONE_CASE_FN(7, layout_hole_across_896M)
ZONE_CASE_FN(8, layout_highmem_256M)
ZONE_CASE_FN(9, layout_scaled_all_zones)

static void empty_zones_unused(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &zone_cases[0].l, 1, 0);
	struct page *page;

	mm_fixture_no_watermarks(&fx);
	/* GFP_HIGHUSER on a DMA-only machine falls all the way to DMA */
	page = __alloc_pages_node(pgdat, GFP_HIGHUSER, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, page_zonenum(page), ZONE_DMA);
	__free_pages(page, 0);
	KUNIT_EXPECT_EQ(test, mm_zone(&fx, ZONE_NORMAL)->free_area[0].nr_free, 0);
	KUNIT_EXPECT_TRUE(test, free_area_empty(&mm_zone(&fx, ZONE_HIGHMEM)->free_area[0], MIGRATE_MOVABLE));
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
}

static const struct mm_layout scaled = {
	.name = "wm", .nr_pages = 1024, .zone_end = { 256, 768, 1024 },
};

/*
 * 256 DMA + 512 Normal + 256 HighMem pages, all free:
 *   lowmem 768 pages = 3072 KiB, int_sqrt(3072 * 16) = 221 = min_free_kbytes
 *   pages_min = 55
 *   DMA:     tmp = 55*256/768 = 18   min 18  low 18+4 = 22  high 18+9 = 27
 *   Normal:  tmp = 55*512/768 = 36   min 36  low 36+9 = 45  high 36+18 = 54
 *   HighMem: tmp = 18, min = 256/1024 clamped to 32: low 36, high 41
 *   lowmem_reserve: DMA (0, 512/256, 768/256) = (0, 2, 3); Normal (0, 0, 256/32 = 8)
 *   totalreserve = (3 + 27) + (8 + 54) + 41 = 133
 */
static void watermarks_linux_formula(struct kunit *test)
{
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &scaled, 1, 0);
	static const unsigned long wm[MAX_NR_ZONES][NR_WMARK] = {
		{ 18, 22, 27 }, { 36, 45, 54 }, { 32, 36, 41 } };
	static const long reserve[MAX_NR_ZONES][MAX_NR_ZONES] = {
		{ 0, 2, 3 }, { 0, 0, 8 }, { 0, 0, 0 } };
	int z, j;

	KUNIT_EXPECT_EQ(test, pgdat->min_free_kbytes, 221);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		for (j = 0; j < NR_WMARK; j++)
			KUNIT_EXPECT_EQ(test, mm_zone(&fx, z)->_watermark[j], wm[z][j]);
		for (j = 0; j < MAX_NR_ZONES; j++)
			KUNIT_EXPECT_EQ(test, mm_zone(&fx, z)->lowmem_reserve[j], reserve[z][j]);
	}
	KUNIT_EXPECT_EQ(test, pgdat->totalreserve_pages, 133);
}

/*
 * 16 MiB DMA + 48 MiB Normal + 32 MiB HighMem:
 *   lowmem 65536 KiB -> int_sqrt(1048576) = 1024 KiB, pages_min 256
 *   DMA 64/80/96, Normal 192/240/288, HighMem min 32 (8192/1024 = 8, clamped), tmp 128: 64/96
 *   lowmem_reserve DMA (0, 12288/256 = 48, 20480/256 = 80), Normal (0, 0, 8192/32 = 256)
 */
static void watermarks_realistic(struct kunit *test)
{
	static const struct mm_layout l = {
		.name = "96M", .nr_pages = 24576, .zone_end = { DMA_END, 16384, 24576 } };
	static const unsigned long wm[MAX_NR_ZONES][NR_WMARK] = {
		{ 64, 80, 96 }, { 192, 240, 288 }, { 32, 64, 96 } };
	static const long reserve[MAX_NR_ZONES][MAX_NR_ZONES] = {
		{ 0, 48, 80 }, { 0, 0, 256 }, { 0, 0, 0 } };
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &l, 1, 0);
	int z, j;

	KUNIT_EXPECT_EQ(test, pgdat->min_free_kbytes, 1024);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		for (j = 0; j < NR_WMARK; j++)
			KUNIT_EXPECT_EQ(test, mm_zone(&fx, z)->_watermark[j], wm[z][j]);
		for (j = 0; j < MAX_NR_ZONES; j++)
			KUNIT_EXPECT_EQ(test, mm_zone(&fx, z)->lowmem_reserve[j], reserve[z][j]);
	}
	/* pcp sizes (Linux 4.4 zone_batchsize): Normal 12288/1024/4 = 3 -> 4 - 1 = 3 */
	KUNIT_EXPECT_EQ(test, mm_zone(&fx, ZONE_NORMAL)->pcp[0].batch, 3);
	/* high (Linux 5.14 zone_highsize): the low watermark, at least 4 * batch */
	KUNIT_EXPECT_EQ(test, mm_zone(&fx, ZONE_NORMAL)->pcp[0].high, 240);
}

static void min_free_kbytes_clamped(struct kunit *test)
{
	static const struct mm_layout tiny = {
		.name = "tiny", .nr_pages = 64, .zone_end = { 64, 64, 64 } };
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &tiny, 1, 0);

	/* int_sqrt(256 * 16) = 64 < 128 */
	KUNIT_EXPECT_EQ(test, pgdat->min_free_kbytes, 128);
	KUNIT_EXPECT_EQ(test, min_wmark_pages(mm_zone(&fx, ZONE_DMA)), 32);
	KUNIT_EXPECT_EQ(test, low_wmark_pages(mm_zone(&fx, ZONE_DMA)), 40);
	KUNIT_EXPECT_EQ(test, high_wmark_pages(mm_zone(&fx, ZONE_DMA)), 48);
}

static void pages_above_last_zone_clipped(struct kunit *test)
{
	static struct printk_capture cap;
	static const struct mm_layout l = {
		.name = "clip", .nr_pages = 1024, .zone_end = { 256, 512, 768 } };
	struct pglist_data *pgdat;

	kunit_capture_start(&cap);
	pgdat = mm_fixture_setup(test, &fx, &l, 1, 0);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "lie above every zone; not managed");
	KUNIT_EXPECT_EQ(test, pgdat->node_spanned_pages, 768);
	KUNIT_EXPECT_EQ(test, pgdat_managed_pages(pgdat), 768);
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
}

static void report_buddyinfo(struct kunit *test)
{
	static struct printk_capture cap;
	static const struct mm_layout l = {
		.name = "bi", .nr_pages = 1024, .zone_end = { 0, 1024, 1024 } };
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &l, 1, 0);
	struct page *page;

	kunit_capture_start(&cap);
	show_buddyinfo(pgdat);
	kunit_capture_stop();
	KUNIT_EXPECT_STREQ(test, cap.buf,
		"Node 1, zone   Normal      0      0      0      0      0      0      0      0      0      0      1 \n");
	page = __alloc_pages_node(pgdat, GFP_KERNEL, 0);
	kunit_capture_start(&cap);
	show_buddyinfo(pgdat);
	kunit_capture_stop();
	KUNIT_EXPECT_STREQ(test, cap.buf,
		"Node 1, zone   Normal      1      1      1      1      1      1      1      1      1      1      0 \n");
	__free_pages(page, 0);
}

static void report_zoneinfo_meminfo_ranges(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &scaled, 1, 0);
	char line[96];

	kunit_capture_start(&cap);
	show_zoneinfo(pgdat);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"Node 1, zone      DMA\n"
		"  pages free     256\n"
		"        min      18\n"
		"        low      22\n"
		"        high     27\n"
		"        spanned  256\n"
		"        present  256\n"
		"        managed  256\n"
		"        protection: (0, 2, 3)\n"
		"  pagesets\n"
		"    cpu: 0\n"
		"              count: 0\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "Node 1, zone  HighMem\n  pages free     256\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "        protection: (0, 0, 8)\n");
	snprintf(line, sizeof(line), "  start_pfn:           %lu\n", fx.base_pfn + 768);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, line);

	kunit_capture_start(&cap);
	show_meminfo(pgdat);
	kunit_capture_stop();
	KUNIT_EXPECT_STREQ(test, cap.buf,
		"MemTotal:           4096 kB\n"
		"MemFree:            4096 kB\n"
		"HighTotal:          1024 kB\n"
		"HighFree:           1024 kB\n"
		"LowTotal:           3072 kB\n"
		"LowFree:            3072 kB\n");

	kunit_capture_start(&cap);
	show_zone_ranges(pgdat);
	kunit_capture_stop();
	snprintf(line, sizeof(line), "  DMA      [mem 0x%016llx-0x%016llx]\n",
		 (unsigned long long)PFN_PHYS(fx.base_pfn),
		 (unsigned long long)PFN_PHYS(fx.base_pfn + 256) - 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "Zone ranges:\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, line);
	snprintf(line, sizeof(line), "  HighMem  [mem 0x%016llx-0x%016llx]\n",
		 (unsigned long long)PFN_PHYS(fx.base_pfn + 768),
		 (unsigned long long)PFN_PHYS(fx.base_pfn + 1024) - 1);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, line);
}

static void report_empty_zone_range(struct kunit *test)
{
	static struct printk_capture cap;
	struct pglist_data *pgdat = mm_fixture_setup(test, &fx, &zone_cases[0].l, 1, 0);

	kunit_capture_start(&cap);
	show_zone_ranges(pgdat);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "  DMA      [mem 0x0000000000000000-0x00000000007fffff]\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "  Normal   empty\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "  HighMem  empty\n");
}

#ifdef __ORDERLY_HOST__
#include <host_phys.h>
#include <stdlib.h>

/*
 * The kernel's path on node 0: memblock -> free_area_init() -> mem_init()
 * on a 64 MiB machine with the 640K-1M hole and a 1 MiB kernel at 1 MiB.
 * Everything the memblock tables do not hold as free stays reserved, and
 * the mem_map that free_area_init() took from memblock is not managed.
 */
static void kernel_node_from_memblock(struct kunit *test)
{
	static struct printk_capture cap;
	static const unsigned long max_zone_pfn[MAX_NR_ZONES] = { 4096, 16384, 16384 };
	struct pglist_data *saved = malloc(sizeof(*saved));
	unsigned long saved_max_pfn = max_pfn, saved_max_low = max_low_pfn;
	struct pglist_data *pgdat = &contig_page_data;
	unsigned long map_pages = DIV_ROUND_UP(16384 * sizeof(struct page), PAGE_SIZE);
	char line[96];

	KUNIT_ASSERT_NOT_NULL(test, saved);
	memcpy(saved, &contig_page_data, sizeof(*saved));
	KUNIT_ASSERT_EQ(test, host_phys_setup(64 << 20), 0);
	memblock_reset();
	memblock_add(0, 0x9f000);
	memblock_add(0x100000, (63 << 20));
	memblock_reserve(0, PAGE_SIZE);
	memblock_reserve(0x100000, 1 << 20);
	max_pfn = max_low_pfn = 16384;

	kunit_capture_start(&cap);
	free_area_init(max_zone_pfn);
	kunit_capture_stop();
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "Zone ranges:\n"
				  "  DMA      [mem 0x0000000000000000-0x0000000000ffffff]\n"
				  "  Normal   [mem 0x0000000001000000-0x0000000003ffffff]\n"
				  "  HighMem  empty\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "  node   0: [mem 0x0000000000100000-0x0000000003ffffff]\n");
	snprintf(line, sizeof(line), "mem_map: 16384 pages, %lu KiB (%u bytes per struct page)",
		 (unsigned long)(16384 * sizeof(struct page) / 1024), (unsigned int)sizeof(struct page));
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, line);
	KUNIT_EXPECT_EQ(test, pgdat->node_present_pages, 159 + 16128);

	kunit_capture_start(&cap);
	mem_init();
	kunit_capture_stop();
	/* present - page 0 - the kernel's 256 pages - mem_map */
	KUNIT_EXPECT_EQ(test, pgdat_managed_pages(pgdat), 159 + 16128 - 1 - 256 - map_pages);
	KUNIT_EXPECT_EQ(test, pgdat_free_pages(pgdat), pgdat_managed_pages(pgdat));
	snprintf(line, sizeof(line), "Memory: %luK/%luK available",
		 pgdat_managed_pages(pgdat) * 4, (159UL + 16128) * 4);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, line);
	snprintf(line, sizeof(line), "MemTotal:       %8lu kB\n", pgdat_managed_pages(pgdat) * 4);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, line);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "HighTotal:             0 kB\n");
	KUNIT_EXPECT_EQ(test, verify_free_lists(pgdat), 0);
	/* the global API now works on this node */
	{
		unsigned long addr = __get_free_pages(GFP_KERNEL, 3);

		KUNIT_EXPECT_NE(test, addr, 0);
		KUNIT_EXPECT_TRUE(test, pfn_valid(virt_to_pfn(addr)));
		free_pages(addr, 3);
		/* the block waits on a pcp list: free, but not in free_pages */
		KUNIT_EXPECT_EQ(test, pgdat_free_pages(pgdat) + zone_pcp_pages(&pgdat->node_zones[ZONE_NORMAL]),
				pgdat_managed_pages(pgdat));
	}

	memblock_reset();
	memcpy(&contig_page_data, saved, sizeof(*saved));
	free(saved);
	max_pfn = saved_max_pfn;
	max_low_pfn = saved_max_low;
	host_phys_teardown();
}
#endif

static struct kunit_case zone_cases_list[] = {
	KUNIT_CASE(layout_8M_no_normal),
	KUNIT_CASE(layout_just_under_16M),
	KUNIT_CASE(layout_just_over_16M),
	KUNIT_CASE(layout_hole_across_16M),
	KUNIT_CASE(layout_ram_above_16M_only),
	KUNIT_CASE(layout_just_under_896M),
	KUNIT_CASE(layout_just_over_896M),
	KUNIT_CASE(layout_hole_across_896M),
	KUNIT_CASE(layout_highmem_256M),
	KUNIT_CASE(layout_scaled_all_zones),
	KUNIT_CASE(empty_zones_unused),
	KUNIT_CASE(watermarks_linux_formula),
	KUNIT_CASE(watermarks_realistic),
	KUNIT_CASE(min_free_kbytes_clamped),
	KUNIT_CASE(pages_above_last_zone_clipped),
	KUNIT_CASE(report_buddyinfo),
	KUNIT_CASE(report_zoneinfo_meminfo_ranges),
	KUNIT_CASE(report_empty_zone_range),
#ifdef __ORDERLY_HOST__
	KUNIT_CASE(kernel_node_from_memblock),
#endif
	{}
};

static struct kunit_suite zone_suite = {
	.name = "zone",
	.exit = zone_exit,
	.test_cases = zone_cases_list,
};
kunit_test_suite(zone_suite);
