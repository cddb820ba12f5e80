// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/setup.c: setup_memory_map() from synthetic firmware maps (QEMU's
 * own layouts at 16M/512M/2G/4G) with mem=, memmap= and highmem=, checking
 * max_pfn, max_low_pfn, max_zone_pfn[], what memblock holds and reserves,
 * what is printed, and that every byte of RAM the firmware named is either
 * used or reported.  Then, host only ("setup_zones"), the same layouts go
 * through the zones code (free_area_init_node) and memblock_free_all() on a
 * private node, and spanned/present/managed of every zone are checked
 * exactly (managed + reserved + holes = spanned).
 */
#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/e820.h>
#include <linux/memblock.h>
#include <linux/params.h>
#include <asm/setup.h>
#include <asm/pgtable_32_areas.h>
#include "memblock_save.h"

#define RAM	E820_TYPE_RAM
#define RES	E820_TYPE_RESERVED
#define M	(1ULL << 20)
#define G	(1ULL << 30)

#define KSTART	0x100000ULL		/* the "kernel image" of these tests */
#define KEND	0x400000ULL
#define EBDA	0x9fc00ULL

struct rng { u64 start, end; u32 type; };

/* QEMU i440fx / SeaBIOS maps for -m <top of low RAM>, plus optional RAM above 4 GiB */
#define QEMU_MAP(top)						\
	{ 0x0, 0x9fc00, RAM }, { 0x9fc00, 0xa0000, RES },	\
	{ 0xf0000, 0x100000, RES }, { 0x100000, (top) - 0x20000, RAM }, \
	{ (top) - 0x20000, (top), RES }, { 0xfeffc000, 0xff000000, RES }, \
	{ 0xfffc0000, 0x100000000ULL, RES }

static const struct rng qemu_16m[] = { QEMU_MAP(16 * M) };
static const struct rng qemu_128m[] = { QEMU_MAP(128 * M) };
static const struct rng qemu_512m[] = { QEMU_MAP(512 * M) };
static const struct rng qemu_2g[] = { QEMU_MAP(2 * G) };
/* -m 4G: QEMU keeps 3 GiB below the PCI hole and puts 1 GiB above 4 GiB */
static const struct rng qemu_4g[] = { QEMU_MAP(3 * G), { 4 * G, 5 * G, RAM } };

static struct e820_table raw;
static struct kernel_params kp;
static struct mem_layout lay;
static struct printk_capture cap;
static struct memblock_saved saved;

/* these maps are judged as the non-PAE kernel sees them (tests/kunit/pae_test.c: PAE) */
static unsigned long saved_max_arch_pfn;

static int setup_suite_init(struct kunit_suite *suite)
{
	memblock_save(&saved);
	saved_max_arch_pfn = max_arch_pfn;
	max_arch_pfn = MAX_NONPAE_PFN;
	return 0;
}

static void setup_suite_exit(struct kunit_suite *suite)
{
	max_arch_pfn = saved_max_arch_pfn;
	memblock_restore(&saved);
}

static void load(const struct rng *r, unsigned int n)
{
	unsigned int i;

	raw.nr_entries = n;
	for (i = 0; i < n; i++)
		raw.entries[i] = (struct e820_entry){ r[i].start, r[i].end - r[i].start, r[i].type };
}

/* bytes of memblock.memory inside [base, end) */
static u64 mem_in(u64 base, u64 end)
{
	const struct memblock_region *r;
	u64 n = 0;

	for_each_mem_region(r) {
		u64 lo = max(base, r->base), hi = min(end, r->base + r->size);

		if (lo < hi)
			n += hi - lo;
	}
	return n;
}

static u64 free_bytes(void)
{
	phys_addr_t start, end;
	u64 i, n = 0;

	for_each_free_mem_range(i, &start, &end)
		n += end - start;
	return n;
}

/* bytes memblock reserved for tables it grew: only the current arrays stay reserved */
static u64 grown_arrays(void)
{
	u64 n = 0;

	if (memblock.memory.max > INIT_MEMBLOCK_REGIONS)
		n += ALIGN(memblock.memory.max * sizeof(struct memblock_region), (u64)PAGE_SIZE);
	if (memblock.reserved.max > INIT_MEMBLOCK_REGIONS)
		n += ALIGN(memblock.reserved.max * sizeof(struct memblock_region), (u64)PAGE_SIZE);
	return n;
}

/* run the setup core; check what must hold for every map */
static int run(struct kunit *test, const struct rng *map, unsigned int n, const char *cmdline)
{
	int ret;

	load(map, n);
	kunit_capture_start(&cap);
	parse_kernel_params(cmdline, &kp);
	ret = setup_memory_map(&raw, &kp, KSTART, KEND, EBDA, &lay);
	kunit_capture_stop();
	if (ret)
		return ret;

	KUNIT_EXPECT_EQ(test, lay.ram_firmware,
			lay.ram + lay.ram_bios + lay.ram_above_limit + lay.ram_user_removed +
			lay.ram_trimmed + lay.ram_no_memblock_slot + lay.ram_above_max_pfn + lay.ram_no_mem_map);
	/* trim_bios_range(): neither page 0 nor [640 KiB, 1 MiB) is RAM */
	KUNIT_EXPECT_EQ(test, mem_in(0, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, mem_in(BIOS_BEGIN, BIOS_END), 0);
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), lay.ram);
	KUNIT_EXPECT_LE(test, lay.max_zone_pfn[ZONE_DMA], lay.max_zone_pfn[ZONE_NORMAL]);
	KUNIT_EXPECT_EQ(test, lay.max_zone_pfn[ZONE_NORMAL], lay.max_low_pfn);
	KUNIT_EXPECT_LE(test, lay.max_low_pfn, lay.max_pfn);
	KUNIT_EXPECT_EQ(test, lay.max_zone_pfn[ZONE_HIGHMEM], lay.max_pfn);
	KUNIT_EXPECT_LE(test, lay.max_pfn, max_arch_pfn);
	KUNIT_EXPECT_LE(test, lay.max_low_pfn, MAXMEM_PFN);
	KUNIT_EXPECT_EQ(test, lay.highmem_pages, lay.max_pfn - lay.max_low_pfn);
	KUNIT_EXPECT_EQ(test, memblock.current_limit, PFN_PHYS(lay.max_low_pfn));
	KUNIT_EXPECT_LE(test, memblock_end_of_DRAM(), PFN_PHYS(lay.max_pfn));
	/* page 0 (not RAM, reserved anyway), the BIOS area and the image are reserved */
	KUNIT_EXPECT_TRUE(test, memblock_is_region_reserved(0, 1));
	KUNIT_EXPECT_TRUE(test, memblock_is_region_reserved(0xfffff, 1));
	KUNIT_EXPECT_EQ(test, memblock_reserved_size(), PAGE_SIZE + (BIOS_END - lay.bios_start) +
			(KEND - KSTART) + grown_arrays());
	return 0;
}

static void setup_qemu_2g(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, run(test, qemu_2g, ARRAY_SIZE(qemu_2g), ""), 0);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"BIOS-provided physical RAM map:\n"
		"BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		"BIOS-e820: [mem 0x0000000000100000-0x000000007ffdffff] usable\n"
		"BIOS-e820: [mem 0x000000007ffe0000-0x000000007fffffff] reserved\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "1151MB HIGHMEM available.\n896MB LOWMEM available.\n");
	KUNIT_EXPECT_FALSE(test, strstr(cap.buf, "user-defined"));
	KUNIT_EXPECT_EQ(test, lay.max_pfn, 0x7ffe0);
	KUNIT_EXPECT_EQ(test, lay.max_low_pfn, 0x38000);
	KUNIT_EXPECT_EQ(test, lay.max_zone_pfn[ZONE_DMA], 0x1000);
	KUNIT_EXPECT_EQ(test, lay.ram, 0x9e000 + 0x7fee0000);	/* page 0 is not RAM */
	KUNIT_EXPECT_EQ(test, lay.ram_bios, 0x1000);
	KUNIT_EXPECT_EQ(test, lay.ram_trimmed, 0xc00);
	KUNIT_EXPECT_EQ(test, lay.ram_above_limit, 0);
	KUNIT_EXPECT_EQ(test, lay.bios_start, 0x9f000);
	/* what stays free: RAM minus the image (page 0 and the BIOS area are holes) */
	KUNIT_EXPECT_EQ(test, free_bytes(), lay.ram - 0x300000);
	/* the firmware's table is kept as printed, page 0 usable; the working one reserves it */
	KUNIT_EXPECT_EQ(test, lay.e820_firmware.entries[0].addr, 0);
	KUNIT_EXPECT_EQ(test, lay.e820_firmware.entries[0].size, 0x9fc00);
	KUNIT_EXPECT_EQ(test, lay.e820_firmware.entries[0].type, RAM);
	KUNIT_EXPECT_EQ(test, lay.e820.entries[0].size, 0x1000);
	KUNIT_EXPECT_EQ(test, lay.e820.entries[0].type, RES);
}

static void setup_qemu_16m_no_normal_no_highmem(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, run(test, qemu_16m, ARRAY_SIZE(qemu_16m), ""), 0);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, 0xfe0);
	KUNIT_EXPECT_EQ(test, lay.max_low_pfn, 0xfe0);
	KUNIT_EXPECT_EQ(test, lay.max_zone_pfn[ZONE_DMA], 0xfe0);
	KUNIT_EXPECT_EQ(test, lay.max_zone_pfn[ZONE_NORMAL], 0xfe0);
	KUNIT_EXPECT_EQ(test, lay.highmem_pages, 0);
	/* Linux prints the HIGHMEM line even with none */
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "0MB HIGHMEM available.\n15MB LOWMEM available.");
}

static void setup_qemu_4g_drops_above_4g(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, run(test, qemu_4g, ARRAY_SIZE(qemu_4g), ""), 0);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"BIOS-e820: [mem 0x0000000100000000-0x000000013fffffff] usable\n");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"e820: 1024 MiB of RAM above 4 GiB ignored (no PAE): 1073741824 bytes");
	KUNIT_EXPECT_EQ(test, lay.ram_above_limit, G);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, 0xbffe0);
	KUNIT_EXPECT_EQ(test, lay.max_low_pfn, MAXMEM_PFN);
	KUNIT_EXPECT_EQ(test, memblock_end_of_DRAM(), 0xbffe0000);
	/*
	 * the shell's e820 prints e820_firmware: the RAM above 4 GiB and the
	 * partial page ...9fbff are still there, only the working map lost them
	 */
	{
		const struct e820_table *fw = &lay.e820_firmware, *w = &lay.e820;

		KUNIT_ASSERT_EQ(test, fw->nr_entries, 8);
		KUNIT_EXPECT_EQ(test, fw->entries[0].size, 0x9fc00);
		KUNIT_EXPECT_EQ(test, fw->entries[7].addr, 4 * G);
		KUNIT_EXPECT_EQ(test, fw->entries[7].size, G);
		KUNIT_EXPECT_EQ(test, fw->entries[7].type, RAM);
		KUNIT_ASSERT_GT(test, w->nr_entries, 0);
		KUNIT_EXPECT_LE(test, w->entries[w->nr_entries - 1].addr + w->entries[w->nr_entries - 1].size,
				4 * G);
	}
}

static void setup_mem_limit_user_map(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, run(test, qemu_2g, ARRAY_SIZE(qemu_2g), "mem=512M"), 0);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"user-defined physical RAM map:\n"
		"user: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"user: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"user: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		"user: [mem 0x0000000000100000-0x000000001fffffff] usable\n"
		"user: [mem 0x000000007ffe0000-0x000000007fffffff] reserved\n");
	KUNIT_EXPECT_EQ(test, lay.max_pfn, 0x20000);
	KUNIT_EXPECT_EQ(test, lay.max_low_pfn, 0x20000);
	KUNIT_EXPECT_EQ(test, lay.ram_user_removed, 0x7ffe0000 - 512 * M);
	KUNIT_EXPECT_TRUE(test, lay.user_defined);
}

static void setup_memmap_reserves_hole(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, run(test, qemu_128m, ARRAY_SIZE(qemu_128m), "memmap=4M\\$64M"), 0);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"user: [mem 0x0000000000100000-0x0000000003ffffff] usable\n"
		"user: [mem 0x0000000004000000-0x00000000043fffff] reserved\n"
		"user: [mem 0x0000000004400000-0x0000000007fdffff] usable\n");
	KUNIT_EXPECT_EQ(test, mem_in(64 * M, 68 * M), 0);
	KUNIT_EXPECT_EQ(test, lay.ram_user_removed, 4 * M);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, 0x7fe0);
}

static void setup_highmem_small_machine(struct kunit *test)
{
	/* Linux's highmem= on a machine below 896 MiB: HighMem is carved off the top */
	KUNIT_ASSERT_EQ(test, run(test, qemu_512m, ARRAY_SIZE(qemu_512m), "highmem=256M"), 0);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, 0x1ffe0);
	KUNIT_EXPECT_EQ(test, lay.max_low_pfn, 0xffe0);
	KUNIT_EXPECT_EQ(test, lay.highmem_pages, 0x10000);	/* exactly 256 MiB */
	KUNIT_EXPECT_EQ(test, lay.max_zone_pfn[ZONE_DMA], 0x1000);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "256MB HIGHMEM available.\n255MB LOWMEM available.");
	KUNIT_EXPECT_EQ(test, memblock.current_limit, 0xffe0000);
}

static void setup_highmem_bad_values(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, run(test, qemu_512m, ARRAY_SIZE(qemu_512m), "highmem=600M"), 0);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "highmem size (600MB) is bigger than pages available (511MB)!");
	KUNIT_EXPECT_EQ(test, lay.max_low_pfn, lay.max_pfn);

	KUNIT_ASSERT_EQ(test, run(test, qemu_128m, ARRAY_SIZE(qemu_128m), "highmem=100M"), 0);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "highmem size (100MB) results in <64MB lowmem, ignoring it!");
	KUNIT_EXPECT_EQ(test, lay.max_low_pfn, 0x7fe0);

	KUNIT_ASSERT_EQ(test, run(test, qemu_2g, ARRAY_SIZE(qemu_2g), "highmem=2G"), 0);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "only 1151MB highmem pages available, ignoring highmem size of 2048MB!");
	KUNIT_EXPECT_EQ(test, lay.max_pfn, 0x7ffe0);
}

static void setup_highmem_lowers_max_pfn(struct kunit *test)
{
	/* above 896 MiB, highmem= smaller than what exists caps max_pfn (Linux) */
	KUNIT_ASSERT_EQ(test, run(test, qemu_2g, ARRAY_SIZE(qemu_2g), "highmem=512M"), 0);
	KUNIT_EXPECT_EQ(test, lay.max_low_pfn, MAXMEM_PFN);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, MAXMEM_PFN + 0x20000);
	KUNIT_EXPECT_EQ(test, lay.ram_above_max_pfn, 0x7ffe0000 - (896 + 512) * M);
	KUNIT_EXPECT_EQ(test, memblock_end_of_DRAM(), (896 + 512) * M);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "512MB HIGHMEM available.");

	KUNIT_ASSERT_EQ(test, run(test, qemu_2g, ARRAY_SIZE(qemu_2g), "highmem=0"), 0);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, MAXMEM_PFN);
	KUNIT_EXPECT_EQ(test, lay.highmem_pages, 0);
}

static void setup_bios_area_from_ebda(struct kunit *test)
{
	static const u64 ebda[][2] = {
		{ 0, BIOS_START_MAX },		/* unknown: 636 KiB */
		{ 0x9fc00, 0x9f000 },		/* QEMU: page-aligned down */
		{ 0x80000, 0x80000 },		/* a large EBDA */
		{ 0x10000, BIOS_START_MAX },	/* below 128 KiB: insane, ignored */
		{ 0xa0000, BIOS_START_MAX },	/* above the maximum: ignored */
	};
	unsigned int i;

	load(qemu_128m, ARRAY_SIZE(qemu_128m));
	parse_kernel_params("", &kp);
	for (i = 0; i < ARRAY_SIZE(ebda); i++) {
		kunit_capture_start(&cap);
		KUNIT_ASSERT_EQ(test, setup_memory_map(&raw, &kp, KSTART, KEND, ebda[i][0], &lay), 0);
		kunit_capture_stop();
		KUNIT_EXPECT_EQ(test, lay.bios_start, ebda[i][1]);
		KUNIT_EXPECT_TRUE(test, memblock_is_region_reserved(ebda[i][1], 1));
		KUNIT_EXPECT_FALSE(test, memblock_is_region_reserved(ebda[i][1] - 1, 1));
	}
}

static void setup_no_ram_fails_clearly(struct kunit *test)
{
	static const struct rng none[] = { { 0, 0xa0000, RES }, { 0xf0000, 0x100000, RES } };
	static const struct rng high_only[] = { { 0xf0000, 0x100000, RES }, { 4 * G, 8 * G, RAM } };

	KUNIT_EXPECT_EQ(test, run(test, none, ARRAY_SIZE(none), ""), -ENOMEM);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "e820: no usable RAM below 4 GiB in the memory map (2 entries given, 0 bytes usable before clipping)");
	KUNIT_EXPECT_EQ(test, run(test, high_only, ARRAY_SIZE(high_only), ""), -ENOMEM);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "4096 MiB of RAM above 4 GiB ignored");
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "4294967296 bytes usable before clipping");
	KUNIT_EXPECT_EQ(test, run(test, none, 0, ""), -ENOMEM);
	/* mem= below all RAM leaves none */
	KUNIT_EXPECT_EQ(test, run(test, qemu_16m, ARRAY_SIZE(qemu_16m), "mem=0x800"), -ENOMEM);
}

/*
 * 200 separate RAM ranges and no free RAM below 1 MiB, where the memory
 * table would grow during setup: the first 128 are used, the rest is
 * reported, not lost silently.  (Nothing is written, so this also runs in
 * the booted kernel; a table that does grow is tested in setup_big_maps.)
 */
static void setup_ram_ranges_table_cannot_grow(struct kunit *test)
{
	unsigned long fit;
	unsigned int i;

	raw.nr_entries = 200;
	for (i = 0; i < 200; i++)
		raw.entries[i] = (struct e820_entry){ (u64)(i + 1) << 20, 0x80000, RAM };
	parse_kernel_params("", &kp);
	kunit_capture_start(&cap);
	KUNIT_ASSERT_EQ(test, setup_memory_map(&raw, &kp, KSTART, KEND, EBDA, &lay), 0);
	kunit_capture_stop();
	/* the report comes after a 200-line table, beyond what a capture holds */
	KUNIT_EXPECT_TRUE(test, cap.overflow);
	KUNIT_EXPECT_EQ(test, memblock.memory.max, INIT_MEMBLOCK_REGIONS);
	KUNIT_EXPECT_EQ(test, lay.ram + lay.ram_no_mem_map, 128 * 0x80000ULL);
	KUNIT_EXPECT_EQ(test, lay.ram_no_memblock_slot, 72 * 0x80000ULL);
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), lay.ram);
	/*
	 * mem_map up to the last range memblock holds (pfn 0x8080) needs
	 * more than the largest free range, 512 KiB: RAM is clipped to the
	 * whole MAX_ORDER blocks 512 KiB of struct pages covers from pfn 256
	 */
	fit = ALIGN_DOWN(256 + 0x80000 / sizeof(struct page), MAX_ORDER_NR_PAGES);
	KUNIT_EXPECT_LT(test, fit, (128UL << 8) + 0x80);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, fit);
	/* one half-MiB range at every MiB from 1 MiB below the limit */
	KUNIT_EXPECT_EQ(test, lay.ram, ((fit >> 8) - 1) * 0x80000ULL);
}

static void setup_kernel_outside_ram_warned(struct kunit *test)
{
	static const struct rng low_only[] = { { 0, 0x9fc00, RAM }, { 0x1000000, 0x2000000, RAM } };

	KUNIT_ASSERT_EQ(test, run(test, low_only, ARRAY_SIZE(low_only), ""), 0);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"setup: kernel image [mem 0x0000000000100000-0x00000000003fffff] is not all usable RAM");
}

/* a BIOS that calls the whole first MiB RAM: Linux's trim_bios_range() */
static void setup_trim_bios_range(struct kunit *test)
{
	static const struct rng all_ram[] = { { 0, 0x100000, RAM }, { 0x100000, 16 * M, RAM } };

	KUNIT_ASSERT_EQ(test, run(test, all_ram, ARRAY_SIZE(all_ram), ""), 0);
	/* page 0 and [640 KiB, 1 MiB) are gone from RAM, and counted */
	KUNIT_EXPECT_EQ(test, lay.ram_bios, 0x1000 + (BIOS_END - BIOS_BEGIN));
	KUNIT_EXPECT_EQ(test, lay.ram, 16 * M - 0x1000 - (BIOS_END - BIOS_BEGIN));
	KUNIT_EXPECT_EQ(test, memblock_start_of_DRAM(), 0x1000);
	/* the firmware's table, as printed and kept for the shell, is untouched */
	KUNIT_EXPECT_EQ(test, lay.e820_firmware.nr_entries, 1);
	KUNIT_EXPECT_EQ(test, lay.e820_firmware.entries[0].size, 16 * M);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
		"BIOS-e820: [mem 0x0000000000000000-0x0000000000ffffff] usable\n");
	/* the working table: reserved page 0, RAM to 640 KiB, RAM from 1 MiB */
	KUNIT_ASSERT_EQ(test, lay.e820.nr_entries, 3);
	KUNIT_EXPECT_EQ(test, lay.e820.entries[0].type, RES);
	KUNIT_EXPECT_EQ(test, lay.e820.entries[0].size, 0x1000);
	KUNIT_EXPECT_EQ(test, lay.e820.entries[1].addr + lay.e820.entries[1].size, BIOS_BEGIN);
	KUNIT_EXPECT_EQ(test, lay.e820.entries[2].addr, BIOS_END);
}

/*
 * mem_map is one memblock block; when not even the struct pages up to the
 * kernel image's end fit in a free lowmem range, setup fails naming the
 * sizes (setup_arch() panics with it) instead of a BUG_ON later.  Here
 * the image covers [1 MiB, 64 MiB - 16 KiB) of the only RAM.
 */
static void setup_mem_map_cannot_fit_fails_clearly(struct kunit *test)
{
	static const struct rng only_image[] = { { 0x100000, 64 * M, RAM } };
	char line[200];

	load(only_image, ARRAY_SIZE(only_image));
	parse_kernel_params("", &kp);
	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, setup_memory_map(&raw, &kp, KSTART, 64 * M - 0x4000, 0, &lay), -ENOMEM);
	kunit_capture_stop();
	/* struct page is 32 bytes in the kernel, 64 in the 64-bit host build */
	snprintf(line, sizeof(line),
		 "mem_map: no %lu KiB block free below 64 MiB for RAM up to 0x0000000004000000, nor %lu KiB for RAM up to the kernel's end at 0x0000000003ffc000; largest free block 16 KiB\n",
		 (unsigned long)(ALIGN((16384UL - 256) * sizeof(struct page), PAGE_SIZE) >> 10),
		 (unsigned long)(ALIGN((16380UL - 256) * sizeof(struct page), PAGE_SIZE) >> 10));
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, line);
	KUNIT_EXPECT_EQ(test, lay.ram, 63 * M);	/* the RAM is there: not the "no RAM" failure */
	KUNIT_EXPECT_EQ(test, lay.mem_map_largest_free, 0x4000);
}

/*
 * mem_map is one memblock block: with 14 RAM ranges of 4 MiB spread over
 * 836 MiB, mem_map for all of it (6.5 MiB) fits in no free range, so RAM
 * is clipped from the top, in whole MAX_ORDER blocks, to what 4 MiB of
 * struct pages covers - 512 MiB (256 MiB with the 64-bit host's 64-byte
 * struct page) - and the boot line says how much went.
 */
static void setup_mem_map_clipped_to_fit(struct kunit *test)
{
	static struct rng spread[3 + 14];
	unsigned long limit, need_kib;
	u64 gone = 0;
	unsigned int n = 0, k;
	char line[160];

	spread[n++] = (struct rng){ 0, 0x9fc00, RAM };
	spread[n++] = (struct rng){ 0x9fc00, 0xa0000, RES };
	spread[n++] = (struct rng){ 0xf0000, 0x100000, RES };
	spread[n++] = (struct rng){ M, 5 * M, RAM };		/* the image is [1 MiB, 4 MiB) */
	for (k = 1; k <= 13; k++)
		spread[n++] = (struct rng){ k * 64 * M, k * 64 * M + 4 * M, RAM };
	limit = ALIGN_DOWN(1 + 4 * M / sizeof(struct page), MAX_ORDER_NR_PAGES);
	for (k = 1; k <= 13; k++)
		if (k * 64 * M >= PFN_PHYS(limit))
			gone += 4 * M;
	need_kib = ALIGN((PFN_DOWN(836 * M) - 1) * sizeof(struct page), PAGE_SIZE) >> 10;

	KUNIT_ASSERT_EQ(test, run(test, spread, n, ""), 0);
	KUNIT_EXPECT_FALSE(test, cap.overflow);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, limit);
	KUNIT_EXPECT_EQ(test, lay.max_low_pfn, limit);
	KUNIT_EXPECT_EQ(test, lay.ram_no_mem_map, gone);
	KUNIT_EXPECT_EQ(test, mem_in(PFN_PHYS(limit), 4 * G), 0);
	KUNIT_EXPECT_EQ(test, lay.mem_map_largest_free, 4 * M);
	snprintf(line, sizeof(line), "mem_map: no %lu KiB block free below 836 MiB; RAM above 0x%016llx ignored (%llu MiB)\n",
		 need_kib, (unsigned long long)PFN_PHYS(limit), (unsigned long long)(gone >> 20));
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, line);
	if (sizeof(struct page) == 32)
		KUNIT_EXPECT_LOG_CONTAINS(test, &cap,
					  "mem_map: no 6688 KiB block free below 836 MiB; RAM above 0x0000000020000000 ignored (24 MiB)\n");
	snprintf(line, sizeof(line), "0MB HIGHMEM available.\n%luMB LOWMEM available.\n", limit >> 8);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, line);
	/* and now it fits, below the new max_low_pfn */
	KUNIT_EXPECT_LE(test, ALIGN((lay.max_pfn - 1) * sizeof(struct page), PAGE_SIZE), lay.mem_map_largest_free);
}

static struct kunit_case setup_cases[] = {
	KUNIT_CASE(setup_trim_bios_range),
	KUNIT_CASE(setup_qemu_2g),
	KUNIT_CASE(setup_qemu_16m_no_normal_no_highmem),
	KUNIT_CASE(setup_qemu_4g_drops_above_4g),
	KUNIT_CASE(setup_mem_limit_user_map),
	KUNIT_CASE(setup_memmap_reserves_hole),
	KUNIT_CASE(setup_highmem_small_machine),
	KUNIT_CASE(setup_highmem_bad_values),
	KUNIT_CASE(setup_highmem_lowers_max_pfn),
	KUNIT_CASE(setup_bios_area_from_ebda),
	KUNIT_CASE(setup_no_ram_fails_clearly),
	KUNIT_CASE(setup_ram_ranges_table_cannot_grow),
	KUNIT_CASE(setup_kernel_outside_ram_warned),
	KUNIT_CASE(setup_mem_map_cannot_fit_fails_clearly),
	KUNIT_CASE(setup_mem_map_clipped_to_fit),
	{}
};

static struct kunit_suite setup_suite = {
	.name = "setup",
	.suite_init = setup_suite_init,
	.suite_exit = setup_suite_exit,
	.test_cases = setup_cases,
};
kunit_test_suite(setup_suite);

/* ------------------------------------------------ zone layouts, host only */
#ifdef __ORDERLY_HOST__
#include <stdlib.h>

#define ZONES_NID	5

struct zone_expect { unsigned long start, spanned, present, managed; };

struct zone_case {
	const char *name;
	const struct rng *map;
	unsigned int n;
	const char *cmdline;
	struct zone_expect z[MAX_NR_ZONES];
};

/* extra synthetic maps around the boundaries */
#define LOW_MB	{ 0x0, 0x9fc00, RAM }, { 0x9fc00, 0xa0000, RES }, { 0xf0000, 0x100000, RES }
static const struct rng tiny_8m[] = { LOW_MB, { 0x100000, 0x7e0000, RAM } };
static const struct rng under_16m[] = { LOW_MB, { 0x100000, 0xfff000, RAM } };
static const struct rng over_16m[] = { LOW_MB, { 0x100000, 0x1001000, RAM } };
static const struct rng hole_16m[] = { LOW_MB, { 0x100000, 0xf00000, RAM }, { 0xf00000, 0x1100000, RES },
				       { 0x1100000, 0x4000000, RAM } };
static const struct rng over_896m[] = { LOW_MB, { 0x100000, 0x38001000, RAM } };
static const struct rng hole_896m[] = { LOW_MB, { 0x100000, 0x37000000, RAM }, { 0x39000000, 0x40000000, RAM } };

/*
 * DMA of a map with low RAM [0, 0x9f) and [0x100, x): page 0 is not RAM
 * (trim_bios_range), so the node and DMA start at pfn 1 as in Linux;
 * present 0x9e + x - 0x100, managed = present - the image (0x300 pages)
 */
#define DMA_FULL	{ 1, 0xfff, 0xf9e, 0xf9e - 0x300 }
static const struct zone_case zone_cases[] = {
	{ "8M", tiny_8m, ARRAY_SIZE(tiny_8m), "",
	  { { 1, 0x7df, 0x77e, 0x77e - 0x300 }, {}, {} } },
	{ "just under 16M", under_16m, ARRAY_SIZE(under_16m), "",
	  { { 1, 0xffe, 0xf9d, 0xf9d - 0x300 }, {}, {} } },
	{ "just over 16M", over_16m, ARRAY_SIZE(over_16m), "",
	  { DMA_FULL, { 0x1000, 1, 1, 1 }, {} } },
	{ "hole across 16M", hole_16m, ARRAY_SIZE(hole_16m), "",
	  { { 1, 0xfff, 0xe9e, 0xe9e - 0x300 }, { 0x1000, 0x3000, 0x2f00, 0x2f00 }, {} } },
	{ "just over 896M", over_896m, ARRAY_SIZE(over_896m), "",
	  { DMA_FULL, { 0x1000, 0x37000, 0x37000, 0x37000 }, { 0x38000, 1, 1, 1 } } },
	{ "hole across 896M", hole_896m, ARRAY_SIZE(hole_896m), "",
	  { DMA_FULL, { 0x1000, 0x37000, 0x36000, 0x36000 }, { 0x38000, 0x8000, 0x7000, 0x7000 } } },
	{ "QEMU 2G", qemu_2g, ARRAY_SIZE(qemu_2g), "",
	  { DMA_FULL, { 0x1000, 0x37000, 0x37000, 0x37000 }, { 0x38000, 0x47fe0, 0x47fe0, 0x47fe0 } } },
	{ "QEMU 4G (1G above 4G)", qemu_4g, ARRAY_SIZE(qemu_4g), "",
	  { DMA_FULL, { 0x1000, 0x37000, 0x37000, 0x37000 }, { 0x38000, 0x87fe0, 0x87fe0, 0x87fe0 } } },
	{ "mem=512M on 2G", qemu_2g, ARRAY_SIZE(qemu_2g), "mem=512M",
	  { DMA_FULL, { 0x1000, 0x1f000, 0x1f000, 0x1f000 }, {} } },
	{ "memmap=4M$64M on 128M", qemu_128m, ARRAY_SIZE(qemu_128m), "memmap=4M$64M",
	  { DMA_FULL, { 0x1000, 0x6fe0, 0x6be0, 0x6be0 }, {} } },
	{ "highmem=256M on 512M", qemu_512m, ARRAY_SIZE(qemu_512m), "highmem=256M",
	  { DMA_FULL, { 0x1000, 0xefe0, 0xefe0, 0xefe0 }, { 0xffe0, 0x10000, 0x10000, 0x10000 } } },
};

static void setup_zone_layouts_exact(struct kunit *test)
{
	static struct pglist_data pgdat;
	unsigned int c;
	int j;

	for (c = 0; c < ARRAY_SIZE(zone_cases); c++) {
		const struct zone_case *zc = &zone_cases[c];
		struct page *map;
		unsigned long freed, managed = 0;

		KUNIT_ASSERT_EQ(test, run(test, zc->map, zc->n, zc->cmdline), 0);
		map = calloc(lay.max_pfn, sizeof(*map));
		KUNIT_ASSERT_NOT_NULL(test, map);
		memset(&pgdat, 0, sizeof(pgdat));
		kunit_capture_start(&cap);
		/* the node starts where memblock's RAM does, as in free_area_init() */
		free_area_init_node(&pgdat, ZONES_NID, lay.max_zone_pfn,
				    PFN_UP(memblock_start_of_DRAM()), lay.max_pfn, &memblock.memory, map);
		freed = memblock_free_all(&pgdat);
		kunit_capture_stop();
		for (j = 0; j < MAX_NR_ZONES; j++) {
			const struct zone *z = &pgdat.node_zones[j];
			const struct zone_expect *e = &zc->z[j];

			if (z->zone_start_pfn != e->start || z->spanned_pages != e->spanned ||
			    z->present_pages != e->present || z->managed_pages != e->managed)
				KUNIT_FAIL(test, "%s: zone %s start %#lx spanned %#lx present %#lx managed %#lx, expected %#lx %#lx %#lx %#lx",
					   zc->name, zone_names[j], z->zone_start_pfn, z->spanned_pages,
					   z->present_pages, z->managed_pages, e->start, e->spanned,
					   e->present, e->managed);
			KUNIT_EXPECT_LE(test, z->managed_pages, z->present_pages);
			KUNIT_EXPECT_LE(test, z->present_pages, z->spanned_pages);
			managed += z->managed_pages;
		}
		/* managed = RAM minus what memblock kept reserved, to the page */
		KUNIT_EXPECT_EQ(test, managed, freed);
		KUNIT_EXPECT_EQ(test, PFN_PHYS(freed),
				lay.ram - (mem_in(0, PAGE_SIZE) + mem_in(lay.bios_start, BIOS_END) +
					   mem_in(KSTART, KEND)));
		node_data[ZONES_NID] = NULL;
		free(map);
	}
}

/*
 * GRUB's "cutmem" of 140 one-MiB holes in 1 GiB: 142 RAM ranges.  The
 * memory table doubles below 1 MiB (after the BIOS area and the image are
 * reserved: the firmware here calls [0, 640 KiB) RAM, so the highest free
 * page below 1 MiB is the EBDA's unless reservations come first), and
 * every byte of RAM is used.
 */
#include <host_phys.h>

static int setup_big_maps_init(struct kunit *test)
{
	return host_phys_setup(BIOS_END);
}

static void setup_big_maps_exit(struct kunit *test)
{
	memblock_reset();	/* off any array in the memory about to go */
	host_phys_teardown();
}

static struct rng cut_map[E820_MAX_ENTRIES];

static unsigned int build_cutmem_1g(unsigned int holes)
{
	unsigned int n = 0, h;
	u64 at = 0x100000;

	cut_map[n++] = (struct rng){ 0, 0xa0000, RAM };
	cut_map[n++] = (struct rng){ 0xf0000, 0x100000, RES };
	/* a hole every 3 MiB from 16 MiB (tests/qemu/run_tests.py's cutmem case) */
	for (h = 0; h < holes; h++) {
		u64 hole = 16 * M + (u64)h * 3 * M;

		cut_map[n++] = (struct rng){ at, hole, RAM };
		at = hole + M;
	}
	cut_map[n++] = (struct rng){ at, G - 0x20000, RAM };
	cut_map[n++] = (struct rng){ G - 0x20000, G, RES };
	return n;
}

static void setup_cutmem_140_holes_uses_all_ram(struct kunit *test)
{
	unsigned int n = build_cutmem_1g(140);
	u64 low = 0xa0000 - PAGE_SIZE;		/* page 0 goes (trim_bios_range) */

	KUNIT_ASSERT_EQ(test, run(test, cut_map, n, ""), 0);
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, 142);
	KUNIT_EXPECT_EQ(test, memblock.memory.max, 256);
	KUNIT_EXPECT_EQ(test, lay.ram_no_memblock_slot, 0);
	KUNIT_EXPECT_EQ(test, lay.ram, low + (G - 0x20000 - 0x100000) - 140 * M);
	/* below the EBDA's page (0x9f000, reserved): the image and BIOS area are already reserved */
	KUNIT_EXPECT_PTR_EQ(test, memblock.memory.regions, __va(0x9e000));
	KUNIT_EXPECT_TRUE(test, memblock_is_region_reserved(0x9e000, PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, lay.bios_start, 0x9f000);
	KUNIT_EXPECT_EQ(test, memblock.memory.regions[141].base + memblock.memory.regions[141].size,
			G - 0x20000);
}

/*
 * GRUB cutmem of a one-MiB hole every 7 MiB across 1 GiB (QEMU -m 1G, and
 * tests/qemu/run_tests.py's boot-bios-cutmem-every-7m): no free range is
 * larger than 6 MiB, and mem_map for [pfn 1, 1 GiB - 128 KiB) needs
 * 8 MiB in one block.  RAM is clipped from the top, in whole MAX_ORDER
 * blocks, to the span 6 MiB of struct pages covers: 768 MiB, which lowers
 * max_low_pfn too (no HighMem left).  Then the kernel's path: mem_map
 * from memblock (it must fit), free_area_init_node(), memblock_free_all(),
 * and every page of RAM below 768 MiB is managed but the reserved ones.
 */
static unsigned int build_cutmem_every_7m(void)
{
	unsigned int n = 0;
	u64 at = 0x100000, hole;

	cut_map[n++] = (struct rng){ 0, 0x9fc00, RAM };
	cut_map[n++] = (struct rng){ 0x9fc00, 0xa0000, RES };
	cut_map[n++] = (struct rng){ 0xf0000, 0x100000, RES };
	for (hole = 7 * M; hole + M <= G - 0x20000; hole += 7 * M) {
		cut_map[n++] = (struct rng){ at, hole, RAM };
		at = hole + M;
	}
	cut_map[n++] = (struct rng){ at, G - 0x20000, RAM };
	cut_map[n++] = (struct rng){ G - 0x20000, G, RES };
	return n;
}

/* RAM of cut_map[0..n) inside [lo, hi) */
static u64 cut_map_ram(unsigned int n, u64 lo, u64 hi)
{
	unsigned int i;
	u64 sum = 0;

	for (i = 0; i < n; i++) {
		u64 a = max(lo, cut_map[i].start), b = min(hi, cut_map[i].end);

		if (cut_map[i].type == RAM && a < b)
			sum += b - a;
	}
	return sum;
}

static void setup_cutmem_every_7m_clips_for_mem_map(struct kunit *test)
{
	static struct pglist_data pgdat;
	unsigned int n = build_cutmem_every_7m();
	unsigned long start, freed, managed = 0, limit;
	phys_addr_t map_phys, map_bytes, reserved;
	struct page *map;
	int j;

	/*
	 * 6 MiB of struct pages from pfn 1, in whole MAX_ORDER blocks: 768 MiB
	 * with the kernel's 32-byte struct page (384 MiB with the 64-bit
	 * host's 64 bytes); no free range below it is larger than 6 MiB
	 */
	limit = ALIGN_DOWN(1 + 6 * M / sizeof(struct page), MAX_ORDER_NR_PAGES);
	if (sizeof(struct page) == 32)
		KUNIT_EXPECT_EQ(test, limit, 768 * M >> PAGE_SHIFT);

	KUNIT_ASSERT_EQ(test, run(test, cut_map, n, ""), 0);
	KUNIT_EXPECT_EQ(test, lay.ram_no_memblock_slot, 0);
	KUNIT_EXPECT_EQ(test, lay.max_pfn, limit);
	KUNIT_EXPECT_EQ(test, lay.max_low_pfn, limit);
	KUNIT_EXPECT_EQ(test, lay.highmem_pages, 0);
	KUNIT_EXPECT_EQ(test, lay.max_zone_pfn[ZONE_HIGHMEM], limit);
	KUNIT_EXPECT_EQ(test, lay.ram_no_mem_map, cut_map_ram(n, PFN_PHYS(limit), 4 * G));
	/* page 0 and the partial page at 0x9f000 are not RAM */
	KUNIT_EXPECT_EQ(test, lay.ram, cut_map_ram(n, PAGE_SIZE, PFN_PHYS(limit)) - 0xc00);
	KUNIT_EXPECT_EQ(test, mem_in(PFN_PHYS(limit), 4 * G), 0);
	KUNIT_EXPECT_EQ(test, lay.mem_map_largest_free, 6 * M);
	/* the boot line comes after a 150-line e820 table, beyond what a capture holds: setup_mem_map_clipped_to_fit checks it */
	KUNIT_EXPECT_TRUE(test, cap.overflow);

	/* free_area_init(): mem_map is one memblock block below max_low_pfn */
	start = PFN_UP(memblock_start_of_DRAM());
	KUNIT_EXPECT_EQ(test, start, 1);
	map_bytes = ALIGN((phys_addr_t)(lay.max_pfn - start) * sizeof(struct page), (phys_addr_t)PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, map_bytes, 6 * M);
	map_phys = memblock_phys_alloc(map_bytes, PAGE_SIZE);
	KUNIT_ASSERT_NE(test, map_phys, 0);
	KUNIT_EXPECT_LE(test, map_phys + map_bytes, PFN_PHYS(lay.max_low_pfn));

	map = calloc(lay.max_pfn, sizeof(*map));
	KUNIT_ASSERT_NOT_NULL(test, map);
	memset(&pgdat, 0, sizeof(pgdat));
	kunit_capture_start(&cap);
	free_area_init_node(&pgdat, ZONES_NID, lay.max_zone_pfn, start, lay.max_pfn, &memblock.memory, map);
	freed = memblock_free_all(&pgdat);
	kunit_capture_stop();
	for (j = 0; j < MAX_NR_ZONES; j++)
		managed += pgdat.node_zones[j].managed_pages;
	KUNIT_EXPECT_EQ(test, pgdat.node_zones[ZONE_HIGHMEM].spanned_pages, 0);
	KUNIT_EXPECT_EQ(test, managed, freed);
	/* every usable byte below the limit is free but page 0, the BIOS area, the image, memblock's tables and mem_map */
	reserved = mem_in(0, PAGE_SIZE) + mem_in(lay.bios_start, BIOS_END) + mem_in(KSTART, KEND) +
		   grown_arrays() + map_bytes;
	KUNIT_EXPECT_EQ(test, PFN_PHYS(freed), lay.ram - reserved);
	node_data[ZONES_NID] = NULL;
	free(map);
}

static struct kunit_case setup_big_maps_cases[] = {
	KUNIT_CASE(setup_cutmem_140_holes_uses_all_ram),
	KUNIT_CASE(setup_cutmem_every_7m_clips_for_mem_map),
	{}
};

static struct kunit_suite setup_big_maps_suite = {
	.name = "setup_big_maps",
	.suite_init = setup_suite_init,
	.suite_exit = setup_suite_exit,
	.init = setup_big_maps_init,
	.exit = setup_big_maps_exit,
	.test_cases = setup_big_maps_cases,
	.flags = KUNIT_SUITE_HOST_ONLY,
};
kunit_test_suite(setup_big_maps_suite);

static struct kunit_case setup_zones_cases[] = {
	KUNIT_CASE(setup_zone_layouts_exact),
	{}
};

static struct kunit_suite setup_zones_suite = {
	.name = "setup_zones",
	.suite_init = setup_suite_init,
	.suite_exit = setup_suite_exit,
	.test_cases = setup_zones_cases,
	.flags = KUNIT_SUITE_HOST_ONLY,
};
kunit_test_suite(setup_zones_suite);
#endif
