/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the libFuzzer targets over the boot path share: CHECK() aborts with
 * the broken invariant (libFuzzer then keeps the input as a crash), and
 * check_layout_accounting() holds for every mem_layout setup_memory_map()
 * returns 0 for, whatever the firmware map and command line were.
 *
 * No KUnit suite is needed: the kunit_suites section bounds are weak
 * (include/kunit/test.h), so a program without suites links.
 */
#ifndef _TESTS_FUZZ_H
#define _TESTS_FUZZ_H

#include <stdio.h>
#include <stdlib.h>
#include <linux/memblock.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <host_phys.h>

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "invariant broken: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
		abort();						\
	}								\
} while (0)

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

/*
 * setup_memory_map() grows memblock's memory table below 1 MiB when a map
 * has more RAM ranges than INIT_MEMBLOCK_REGIONS: __va() must reach that.
 */
static inline void fuzz_phys_once(void)
{
	if (!host_phys_base)
		CHECK(host_phys_setup(BIOS_END) == 0);
}

/*
 * Every byte of firmware RAM is either in memblock or counted as dropped,
 * and the pfn limits are ordered and within non-PAE reach.
 */
static inline void check_layout_accounting(const struct mem_layout *lay)
{
	CHECK(lay->ram_firmware == lay->ram + lay->ram_bios + lay->ram_above_4g + lay->ram_user_removed +
	      lay->ram_trimmed + lay->ram_no_memblock_slot + lay->ram_above_max_pfn);
	CHECK(memblock_phys_mem_size() == lay->ram);
	CHECK(lay->max_low_pfn <= lay->max_pfn && lay->max_pfn <= MAX_NONPAE_PFN);
	CHECK(memblock.memory.cnt <= memblock.memory.max);
	/* a grown memory table: below 1 MiB, reserved, in RAM, nothing else there */
	if (memblock.memory.max > INIT_MEMBLOCK_REGIONS) {
		phys_addr_t a = __pa(memblock.memory.regions);
		phys_addr_t sz = memblock.memory.max * sizeof(struct memblock_region);
		unsigned long i;

		CHECK(a >= PAGE_SIZE && a + sz <= BIOS_END);
		CHECK(a + sz <= lay->bios_start);
		for (i = 0; i < memblock.reserved.cnt; i++) {
			const struct memblock_region *r = &memblock.reserved.regions[i];

			if (r->base <= a && r->base + r->size >= a + sz)
				break;
		}
		CHECK(i < memblock.reserved.cnt);
	}
}

#endif /* _TESTS_FUZZ_H */
