// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: bytes -> e820 table -> e820__update_table() and the
 * clipping helpers, checked against an oracle.
 *
 * Input: byte 0 picks the encoding of the entries that follow.
 *   even: 20-byte records (u64 addr, u64 size, u32 type) - any value at all;
 *   odd:  5-byte records (u16 page, u16 size in 256-byte units, u8 type % 8)
 *         - small, dense addresses, so overlaps of every shape are common.
 * The last 3 bytes, if any, also drive a mem=/memmap=/highmem= run of
 * setup_memory_map().
 *
 * Checks: the output is sorted, disjoint, merged (touching entries differ
 * in type), without empty or type-0 entries; at every input boundary the
 * output type equals the largest input type covering that address (the
 * Linux rule); RAM never grows through trimming or clipping, whatever is
 * clipped is accounted for; sanitizing is idempotent.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/e820.h>
#include <linux/params.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/setup.h>
#include "fuzz.h"

static struct e820_table in, out, again;
static struct kernel_params kp;
static struct mem_layout lay;

static u64 end_of(const struct e820_entry *e)
{
	return e->size > ~0ULL - e->addr ? ~0ULL : e->addr + e->size;
}

/* the type the Linux rule gives address @a: the largest covering type, 0 if none */
static u32 oracle_type(u64 a)
{
	u32 i, t = 0;

	for (i = 0; i < in.nr_entries; i++)
		if (in.entries[i].size && a >= in.entries[i].addr && a < end_of(&in.entries[i]) &&
		    in.entries[i].type > t)
			t = in.entries[i].type;
	return t;
}

static u32 output_type(u64 a)
{
	u32 i;

	for (i = 0; i < out.nr_entries; i++)
		if (a >= out.entries[i].addr && a < end_of(&out.entries[i]))
			return out.entries[i].type;
	return 0;
}

static void check_clean(const struct e820_table *t)
{
	u32 i;

	CHECK(t->nr_entries <= E820_MAX_ENTRIES);
	for (i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		CHECK(e->size && e->type);
		if (i) {
			const struct e820_entry *p = &t->entries[i - 1];

			CHECK(end_of(p) <= e->addr);
			CHECK(end_of(p) != e->addr || p->type != e->type);
		}
	}
}

static void decode(const u8 *data, size_t size)
{
	size_t rec = (data[0] & 1) ? 5 : 20, off = 1;

	in.nr_entries = 0;
	while (off + rec <= size && in.nr_entries < E820_MAX_ENTRIES) {
		struct e820_entry *e = &in.entries[in.nr_entries++];

		if (rec == 20) {
			memcpy(&e->addr, data + off, 8);
			memcpy(&e->size, data + off + 8, 8);
			memcpy(&e->type, data + off + 16, 4);
		} else {
			u16 page, len;

			memcpy(&page, data + off, 2);
			memcpy(&len, data + off + 2, 2);
			e->addr = (u64)page << 12;
			e->size = (u64)len << 8;
			e->type = data[off + 4] % 8;
		}
		off += rec;
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	u64 ram, ram2, dropped;
	u32 i;
	int ret;

	if (!size)
		return 0;
	decode(data, size);
	out = in;
	ret = e820__update_table(&out);
	check_clean(&out);
	if (ret == 0) {
		/* the Linux rule at every boundary and just before it */
		for (i = 0; i < in.nr_entries; i++) {
			const struct e820_entry *e = &in.entries[i];

			if (!e->size)
				continue;
			CHECK(output_type(e->addr) == oracle_type(e->addr));
			if (e->addr)
				CHECK(output_type(e->addr - 1) == oracle_type(e->addr - 1));
			if (end_of(e) != ~0ULL)
				CHECK(output_type(end_of(e)) == oracle_type(end_of(e)));
			CHECK(output_type(end_of(e) - 1) == oracle_type(end_of(e) - 1));
		}
	} else {
		CHECK(out.nr_entries == E820_MAX_ENTRIES);
	}
	again = out;
	CHECK(e820__update_table(&again) == 0);
	CHECK(again.nr_entries == out.nr_entries);
	CHECK(!memcmp(again.entries, out.entries, out.nr_entries * sizeof(out.entries[0])));

	/* RAM never grows; what is cut is what is reported */
	ram = e820__total_ram(&out);
	dropped = e820__remove_above(&again, 1ULL << 32);
	ram2 = e820__total_ram(&again);
	CHECK(ram2 + dropped == ram);
	for (i = 0; i < again.nr_entries; i++)
		CHECK(end_of(&again.entries[i]) <= 1ULL << 32);
	dropped = e820__trim_ram_to_pages(&again);
	CHECK(e820__total_ram(&again) + dropped == ram2);
	for (i = 0; i < again.nr_entries; i++)
		if (again.entries[i].type == E820_TYPE_RAM)
			CHECK(!(again.entries[i].addr & 0xfff) && !(again.entries[i].size & 0xfff));
	CHECK(e820__end_of_ram_pfn(&again, 1UL << 20) <= 1UL << 20);

	/* the setup core on the raw table, with parameters from the tail */
	memset(&kp, 0, sizeof(kp));
	kp.loglevel = -1;
	if (size >= 4) {
		const u8 *t = data + size - 3;

		kp.mem_limit = (t[0] & 0x80) ? (u64)(t[0] & 0x7f) << 24 : 0;
		kp.highmem_set = t[1] & 0x80;
		kp.highmem_size = (u64)(t[1] & 0x7f) << 23;
		if (t[2] & 0x80) {
			kp.nr_memmap = 1;
			kp.memmap[0].start = (u64)(t[2] & 0x3f) << 22;
			kp.memmap[0].size = 4ULL << 20;
		}
	}
	fuzz_phys_once();
	if (setup_memory_map(&in, &kp, 0x100000, 0x400000, 0, &lay) == 0) {
		check_layout_accounting(&lay);
		CHECK(lay.ram_firmware == ram);
		CHECK(lay.ram <= ram2);
		check_clean(&lay.e820);
	}
	return 0;
}
