// SPDX-License-Identifier: GPL-2.0
/*
 * mm/e820.c - cleaning, editing and printing the firmware memory map.
 *
 * The boot code hands us an e820_table exactly as the firmware (or the
 * boot loader's conversion of an EFI map) described it: unsorted, with
 * overlaps, zero-length entries, ranges above 4 GiB and RAM that does not
 * begin or end on a page boundary.  Everything after this file relies on a
 * clean table, so the first step is always e820__update_table().
 *
 * Sanitizing (Linux's e820__update_table, "change point" algorithm):
 * every entry contributes two change points, its start and its end.  The
 * points are sorted by address, a start before an end at the same address
 * (so that touching ranges of one type run together).  Sweeping the points
 * in order, we keep the set of entries that cover the current address (the
 * "overlap list").  The type in force is the largest type value in that
 * set: E820_TYPE_RAM is 1, the smallest, so usable RAM is the weakest claim
 * and any reserved, ACPI, NVS or unknown type that overlaps it wins.  A new
 * output entry begins whenever the type in force changes; an output entry
 * of size zero is overwritten by the next.  Because only a *change* of type
 * starts a new entry, adjacent ranges of the same type come out merged.
 * Entries of type 0 describe nothing and are dropped, as Linux does.
 *
 * The output can have more entries than the input (a reserved range in the
 * middle of RAM splits it in two), at most 2n - 1; if that exceeds
 * E820_MAX_ENTRIES the highest ranges are dropped and the count is
 * reported -- never a silent truncation.
 *
 * The other helpers edit a table in place without re-sorting it (they may
 * leave zero-size entries and overlaps); callers run e820__update_table()
 * after a series of edits, exactly like Linux's mem=/memmap= handling.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/e820.h>
#include <asm/page.h>

#define U64_MAX		(~0ULL)

/* end of an entry, saturating at U64_MAX instead of wrapping */
static u64 e820_entry_end(const struct e820_entry *e)
{
	return e->size > U64_MAX - e->addr ? U64_MAX : e->addr + e->size;
}

const char *e820_type_name(u32 type, char *buf, size_t len)
{
	switch (type) {
	case E820_TYPE_RAM:		return "usable";
	case E820_TYPE_RESERVED:	return "reserved";
	case E820_TYPE_SOFT_RESERVED:	return "soft reserved";
	case E820_TYPE_ACPI:		return "ACPI data";
	case E820_TYPE_NVS:		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:	return "unusable";
	case E820_TYPE_PMEM:
	case E820_TYPE_PRAM:
		/* Linux prints the number too: both kinds are "persistent" */
		snprintf(buf, len, "persistent (type %u)", type);
		return buf;
	default:
		snprintf(buf, len, "type %u", type);
		return buf;
	}
}

/*
 * Linux prints "%#018Lx", whose "0x" its vsprintf adds even for zero; the
 * C library's does not, so spell the prefix out to get the same text in
 * both worlds.
 */
void e820__print_table(const struct e820_table *table, const char *who)
{
	char buf[32];
	u32 i;

	for (i = 0; i < table->nr_entries; i++) {
		const struct e820_entry *e = &table->entries[i];
		u64 end = e820_entry_end(e);

		pr_info("%s: [mem 0x%016llx-0x%016llx] %s\n", who,
			(unsigned long long)e->addr,
			(unsigned long long)(end ? end - 1 : 0),
			e820_type_name(e->type, buf, sizeof(buf)));
	}
}

/* ------------------------------------------------------------ sanitizing */

struct change_member {
	u64 addr;		/* where the type may change */
	u32 entry;		/* index of the input entry it belongs to */
	bool start;		/* true: entry begins here; false: it ends here */
};

/* static like Linux's __initdata arrays: 12 KiB is too much for a stack */
static struct change_member change_point_list[2 * E820_MAX_ENTRIES];
static u32 overlap_list[E820_MAX_ENTRIES];
static struct e820_entry new_entries[2 * E820_MAX_ENTRIES];

/* a before b: lower address first; at one address, starts before ends */
static bool cp_before(const struct change_member *a, const struct change_member *b)
{
	if (a->addr != b->addr)
		return a->addr < b->addr;
	return a->start && !b->start;
}

/* binary-insertion sort: stable, in place, n <= 512 */
static void sort_change_points(struct change_member *cp, u32 n)
{
	u32 i;

	for (i = 1; i < n; i++) {
		struct change_member key = cp[i];
		u32 lo = 0, hi = i;

		while (lo < hi) {
			u32 mid = lo + (hi - lo) / 2;

			if (cp_before(&key, &cp[mid]))
				hi = mid;
			else
				lo = mid + 1;
		}
		memmove(&cp[lo + 1], &cp[lo], (i - lo) * sizeof(*cp));
		cp[lo] = key;
	}
}

int e820__update_table(struct e820_table *table)
{
	struct e820_entry *entries = table->entries;
	u32 nr_in = table->nr_entries, nr_cp = 0, nr_overlap = 0, nr_new = 0;
	u32 last_type = 0, i, j;
	u64 last_addr = 0;

	if (nr_in > E820_MAX_ENTRIES) {
		pr_err("e820: table claims %u entries, only %u exist; extra ignored\n",
		       nr_in, E820_MAX_ENTRIES);
		nr_in = E820_MAX_ENTRIES;
	}

	for (i = 0; i < nr_in; i++) {
		const struct e820_entry *e = &entries[i];

		if (!e->size || !e->type)
			continue;
		if (e->size > U64_MAX - e->addr)
			pr_warn("e820: entry %u [mem 0x%016llx-...] wraps past 2^64, cut there\n",
				i, (unsigned long long)e->addr);
		change_point_list[nr_cp++] = (struct change_member){ e->addr, i, true };
		change_point_list[nr_cp++] = (struct change_member){ e820_entry_end(e), i, false };
	}
	sort_change_points(change_point_list, nr_cp);

	for (i = 0; i < nr_cp; i++) {
		const struct change_member *cp = &change_point_list[i];
		u32 current_type = 0;

		if (cp->start) {
			overlap_list[nr_overlap++] = cp->entry;
		} else {
			for (j = 0; j < nr_overlap; j++)
				if (overlap_list[j] == cp->entry)
					break;
			BUG_ON(j == nr_overlap);	/* an end without its start */
			overlap_list[j] = overlap_list[--nr_overlap];
		}
		for (j = 0; j < nr_overlap; j++)
			if (entries[overlap_list[j]].type > current_type)
				current_type = entries[overlap_list[j]].type;

		if (current_type == last_type)
			continue;
		if (last_type) {
			new_entries[nr_new].size = cp->addr - last_addr;
			if (new_entries[nr_new].size)
				nr_new++;
		}
		if (current_type) {
			new_entries[nr_new].addr = cp->addr;
			new_entries[nr_new].type = current_type;
			last_addr = cp->addr;
		}
		last_type = current_type;
	}
	/* every start has its end, so the sweep closes the last entry */
	BUG_ON(nr_overlap || last_type);

	if (nr_new > E820_MAX_ENTRIES) {
		pr_err("e820: sanitized map needs %u entries, only %u fit: dropped %u entries from [mem 0x%016llx] up\n",
		       nr_new, E820_MAX_ENTRIES, nr_new - E820_MAX_ENTRIES,
		       (unsigned long long)new_entries[E820_MAX_ENTRIES].addr);
		memcpy(entries, new_entries, E820_MAX_ENTRIES * sizeof(*entries));
		table->nr_entries = E820_MAX_ENTRIES;
		return -1;
	}
	memcpy(entries, new_entries, nr_new * sizeof(*entries));
	table->nr_entries = nr_new;
	return 0;
}

/* ------------------------------------------------------------- editing */

int e820__range_add(struct e820_table *table, u64 start, u64 size, u32 type)
{
	char buf[32];

	if (table->nr_entries >= E820_MAX_ENTRIES) {
		pr_err("e820: too many entries; ignoring [mem 0x%016llx-0x%016llx] %s\n",
		       (unsigned long long)start, (unsigned long long)(start + size - 1),
		       e820_type_name(type, buf, sizeof(buf)));
		return -ENOMEM;
	}
	table->entries[table->nr_entries++] = (struct e820_entry){ start, size, type };
	return 0;
}

/*
 * Shared by update and remove: for every entry that overlaps [start, end)
 * (and has @old_type, if @check_type), give the overlapping part @new_type,
 * or drop it when @new_type is 0.  A range in the middle of an entry needs
 * one extra slot for the entry's tail; if the table is full the edit of
 * that entry is refused and reported, leaving it as it was.
 */
static u64 e820_range_edit(struct e820_table *table, u64 start, u64 size,
			   u32 old_type, bool check_type, u32 new_type)
{
	u64 end, done = 0;
	u32 i, n = table->nr_entries;

	if (size > U64_MAX - start)
		size = U64_MAX - start;
	end = start + size;
	if (!size)
		return 0;

	for (i = 0; i < n && i < E820_MAX_ENTRIES; i++) {
		struct e820_entry *e = &table->entries[i];
		u64 e_end = e820_entry_end(e), lo, hi;

		if (check_type && e->type != old_type)
			continue;
		if (!e->size || e_end <= start || e->addr >= end)
			continue;
		if (new_type && e->type == new_type)
			continue;
		lo = max(e->addr, start);
		hi = min(e_end, end);

		if (lo == e->addr && hi == e_end) {
			/* wholly inside: retype, or drop (sanitizing removes size 0) */
			if (new_type)
				e->type = new_type;
			else
				e->size = 0;
		} else if (lo > e->addr && hi < e_end) {
			/* strictly inside: keep the head, add the tail (and the middle) */
			u32 need = new_type ? 2 : 1;

			if (table->nr_entries + need > E820_MAX_ENTRIES) {
				pr_err("e820: table full, cannot split [mem 0x%016llx-0x%016llx] at 0x%016llx\n",
				       (unsigned long long)e->addr, (unsigned long long)(e_end - 1),
				       (unsigned long long)lo);
				continue;
			}
			table->entries[table->nr_entries++] =
				(struct e820_entry){ hi, e_end - hi, e->type };
			if (new_type)
				table->entries[table->nr_entries++] =
					(struct e820_entry){ lo, hi - lo, new_type };
			e->size = lo - e->addr;
		} else {
			/* overlaps one end: trim, and add the retyped part */
			if (new_type) {
				if (table->nr_entries >= E820_MAX_ENTRIES) {
					pr_err("e820: table full, cannot retype [mem 0x%016llx-0x%016llx]\n",
					       (unsigned long long)lo, (unsigned long long)(hi - 1));
					continue;
				}
				table->entries[table->nr_entries++] =
					(struct e820_entry){ lo, hi - lo, new_type };
			}
			if (lo == e->addr) {		/* head overlapped: keep [hi, end) */
				e->addr = hi;
				e->size = e_end - hi;
			} else {			/* tail overlapped: keep [addr, lo) */
				e->size = lo - e->addr;
			}
		}
		done += hi - lo;
	}
	return done;
}

u64 e820__range_update(struct e820_table *table, u64 start, u64 size, u32 old_type, u32 new_type)
{
	char b1[32], b2[32];

	if (!new_type || old_type == new_type) {
		WARN_ON(!new_type);
		return 0;
	}
	printk(KERN_DEBUG "e820: update [mem 0x%08llx-0x%08llx] %s ==> %s\n",
	       (unsigned long long)start, (unsigned long long)(start + size - 1),
	       e820_type_name(old_type, b1, sizeof(b1)), e820_type_name(new_type, b2, sizeof(b2)));
	return e820_range_edit(table, start, size, old_type, true, new_type);
}

u64 e820__range_remove(struct e820_table *table, u64 start, u64 size, u32 old_type, bool check_type)
{
	char buf[32];

	printk(KERN_DEBUG "e820: remove [mem 0x%08llx-0x%08llx] %s\n",
	       (unsigned long long)start, (unsigned long long)(start + size - 1),
	       check_type ? e820_type_name(old_type, buf, sizeof(buf)) : "");
	return e820_range_edit(table, start, size, old_type, check_type, 0);
}

/* ----------------------------------------------------- queries, clipping */

u64 e820__total_ram(const struct e820_table *table)
{
	u64 total = 0;
	u32 i;

	for (i = 0; i < table->nr_entries && i < E820_MAX_ENTRIES; i++)
		if (table->entries[i].type == E820_TYPE_RAM)
			total += table->entries[i].size;
	return total;
}

/* squeeze out entries of size 0, keeping the order */
static void e820_drop_empty(struct e820_table *table)
{
	u32 i, n = 0;

	for (i = 0; i < table->nr_entries && i < E820_MAX_ENTRIES; i++)
		if (table->entries[i].size)
			table->entries[n++] = table->entries[i];
	table->nr_entries = n;
}

u64 e820__trim_ram_to_pages(struct e820_table *table)
{
	u64 dropped = 0;
	u32 i;

	for (i = 0; i < table->nr_entries && i < E820_MAX_ENTRIES; i++) {
		struct e820_entry *e = &table->entries[i];
		u64 end = e820_entry_end(e), s, t;

		if (e->type != E820_TYPE_RAM || !e->size)
			continue;
		s = e->addr > U64_MAX - (PAGE_SIZE - 1) ? U64_MAX : ALIGN(e->addr, (u64)PAGE_SIZE);
		t = ALIGN_DOWN(end, (u64)PAGE_SIZE);
		if (t <= s) {
			dropped += e->size;
			e->size = 0;
			continue;
		}
		dropped += e->size - (t - s);
		e->addr = s;
		e->size = t - s;
	}
	e820_drop_empty(table);
	return dropped;
}

u64 e820__remove_above(struct e820_table *table, u64 limit)
{
	u64 dropped = 0;
	u32 i;

	for (i = 0; i < table->nr_entries && i < E820_MAX_ENTRIES; i++) {
		struct e820_entry *e = &table->entries[i];
		u64 end = e820_entry_end(e), cut;

		if (end <= limit)
			continue;
		cut = e->addr >= limit ? e->size : end - limit;
		if (e->type == E820_TYPE_RAM)
			dropped += cut;
		e->size -= cut;
	}
	e820_drop_empty(table);
	return dropped;
}

unsigned long e820__end_of_ram_pfn(const struct e820_table *table, unsigned long limit_pfn)
{
	unsigned long last_pfn = 0;
	u32 i;

	for (i = 0; i < table->nr_entries && i < E820_MAX_ENTRIES; i++) {
		const struct e820_entry *e = &table->entries[i];
		u64 start_pfn = e->addr >> PAGE_SHIFT;
		u64 end_pfn = e820_entry_end(e) >> PAGE_SHIFT;

		if (e->type != E820_TYPE_RAM || start_pfn >= limit_pfn || end_pfn <= start_pfn)
			continue;
		if (end_pfn > limit_pfn)
			end_pfn = limit_pfn;
		if (end_pfn > last_pfn)
			last_pfn = (unsigned long)end_pfn;
	}
	return last_pfn;
}
