// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: arbitrary bytes as Multiboot2 boot information.
 *
 * The input is exactly as long as libFuzzer's buffer, so ASan catches any
 * read past @len.  After parsing, the result must be plain, consistent
 * data (terminated strings, a bounded table, a valid RSDP if any), and it
 * then goes the rest of the boot path: the command line through
 * parse_kernel_params() and the map through setup_memory_map(), whose
 * layout invariants are checked as well.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/bootinfo.h>
#include <linux/params.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/setup.h>
#include "fuzz.h"
#include <asm/pgtable_32_areas.h>

static struct boot_info bi;
static struct kernel_params kp;
static struct mem_layout lay;

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	u32 total = 0;
	int ret;

	ret = multiboot2_parse(data, size, &bi);
	if (size >= 4)
		memcpy(&total, data, 4);
	if (ret) {
		CHECK(ret == -EINVAL);
		CHECK(size < 8 || total < 8 || total > size);
		return 0;
	}
	CHECK(size >= 8 && total >= 8 && total <= size);
	CHECK(strnlen(bi.cmdline, sizeof(bi.cmdline)) < sizeof(bi.cmdline));
	CHECK(strnlen(bi.loader, sizeof(bi.loader)) < sizeof(bi.loader));
	CHECK(bi.e820.nr_entries <= E820_MAX_ENTRIES);
	CHECK(bi.mmap_source != BOOT_MMAP_NONE || bi.e820.nr_entries == 0);
	CHECK(bi.mmap_source != BOOT_MMAP_MEMINFO || bi.e820.nr_entries <= 2);
	CHECK(bi.rsdp_present == (bi.rsdp_len != 0));
	CHECK(bi.rsdp_len == 0 || bi.rsdp_len == 20 || bi.rsdp_len == 36);
	if (bi.rsdp_present)
		CHECK(!memcmp(bi.rsdp, "RSD PTR ", 8));
	CHECK(bi.fb.type <= BOOT_FB_EGA_TEXT);
	if (bi.fb.type != BOOT_FB_NONE)
		CHECK(bi.fb.width && bi.fb.height && bi.fb.pitch && bi.fb.bpp);
	/* every malformed tag costs at least 8 bytes of the buffer */
	CHECK(bi.nr_bad_tags <= total / 8);

	/* the rest of the boot path */
	parse_kernel_params(bi.cmdline, &kp);
	CHECK(kp.nr_memmap <= MAX_MEMMAP_RESERVE);
	CHECK(kp.loglevel >= -1 && kp.loglevel <= 8);
	fuzz_phys_once();
	if (setup_memory_map(&bi.e820, &kp, 0x100000, 0x400000, 0x9fc00, &lay)) {
		/*
		 * no RAM at all, or mem_map for the span up to the end of RAM
		 * or of the kernel image (0x400000 here), whichever is higher,
		 * did not fit in the largest free lowmem range, so setup tried
		 * to clip and not even the span up to the kernel's end fitted
		 * (kernel/setup.c clip_to_mem_map())
		 */
		unsigned long start = PFN_UP(memblock_start_of_DRAM());
		unsigned long floor = max(PFN_UP(0x400000UL), start + 1);

		unsigned long end = max(floor, (unsigned long)PFN_UP(memblock_end_of_DRAM()));

		CHECK(lay.ram == 0 ||
		      ALIGN((u64)(end - start) * sizeof(struct page), (u64)PAGE_SIZE) >
		      lay.mem_map_largest_free);
		return 0;
	}
	check_layout_accounting(&lay);
	CHECK(lay.max_zone_pfn[ZONE_DMA] <= lay.max_zone_pfn[ZONE_NORMAL]);
	CHECK(lay.max_zone_pfn[ZONE_NORMAL] == lay.max_low_pfn);
	CHECK(lay.max_low_pfn <= MAXMEM_PFN);
	CHECK(memblock_end_of_DRAM() <= PFN_PHYS(lay.max_pfn));
	CHECK(memblock.current_limit == PFN_PHYS(lay.max_low_pfn));
	return 0;
}
