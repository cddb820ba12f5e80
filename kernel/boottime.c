// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time accounting: a list of (phase, TSC) marks taken by
 * start_kernel(), printed as a table before the first prompt:
 *
 *   Boot time: entry to prompt 41234567 cycles (15.9 ms at 2596 MHz)
 *     phase                      cycles   share   per managed page
 *     memblock                   123456    0.3%
 *     page tables               2345678    5.7%
 *     mm: mem_map init          5678901   13.8%   7.2
 *     mm: free to buddy         3456789    8.4%   4.4
 *     mm total                                    11.6 (786176 managed pages)
 *
 * Under QEMU -icount shift=0 a TSC tick is one instruction, so "cycles"
 * there are instructions.  Marks cost one rdtsc each and nothing is
 * printed until boot_time_report(), so measuring does not move the
 * figures it measures.
 */
#include <linux/boottime.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/mmzone.h>
#include <linux/timekeeping.h>

#define MAX_BOOT_MARKS	16

static struct boot_mark {
	const char *phase;	/* the phase ending at @tsc; NULL for the entry */
	u64 tsc;
} boot_marks[MAX_BOOT_MARKS];
static unsigned int nr_boot_marks;	/* marks used; 0 until boot_mark_start() */
static bool boot_marks_overflow;

void boot_mark_start(void)
{
	boot_marks[0] = (struct boot_mark){ NULL, get_cycles() };
	nr_boot_marks = 1;
}

void boot_mark(const char *phase)
{
	u64 now = get_cycles();

	if (!nr_boot_marks)		/* no start: count from TSC 0 (reset) */
		boot_marks[nr_boot_marks++] = (struct boot_mark){ NULL, 0 };
	if (nr_boot_marks == MAX_BOOT_MARKS) {
		boot_marks_overflow = true;
		return;
	}
	boot_marks[nr_boot_marks++] = (struct boot_mark){ phase, now };
}

static unsigned long managed_pages_total(void)
{
	struct zone *zone;
	unsigned long n = 0;

	for_each_zone_pgdat(zone, &contig_page_data)
		n += zone->managed_pages;
	return n;
}

/* @num / @den with one decimal, as "12.3", without floating point */
static const char *tenths(char *buf, size_t size, u64 num, u64 den)
{
	u64 t;

	if (!den)
		return "-";
	t = (num * 10 + den / 2) / den;
	snprintf(buf, size, "%llu.%llu", t / 10, t % 10);
	return buf;
}

static void print_phase(const char *phase, u64 d, u64 total, unsigned long managed, bool per_page)
{
	char share[24], per[24];

	printk(KERN_INFO "  %-24s %12llu %6s%%   %s\n", phase, d,
	       tenths(share, sizeof(share), d * 100, total),
	       per_page ? tenths(per, sizeof(per), d, managed) : "");
}

void boot_time_report(void)
{
	u64 end = get_cycles(), total, mm_total = 0, khz = tsc_khz_get();
	unsigned long managed = managed_pages_total();
	char per[24];
	unsigned int i;

	if (!nr_boot_marks) {
		pr_info("Boot time: no marks (boot_mark_start() was not called)\n");
		return;
	}
	total = end - boot_marks[0].tsc;
	if (khz)
		pr_info("Boot time: entry to prompt %llu cycles (%llu us at %llu MHz)\n",
			total, total * 1000 / khz, khz / 1000);
	else
		pr_info("Boot time: entry to prompt %llu cycles\n", total);
	pr_info("  %-24s %12s %7s   %s\n", "phase", "cycles", "share", "per managed page");
	for (i = 1; i < nr_boot_marks; i++) {
		const char *p = boot_marks[i].phase;
		u64 d = boot_marks[i].tsc - boot_marks[i - 1].tsc;
		bool per_page = p[0] == 'm' && p[1] == 'm' && p[2] == ':';

		print_phase(p, d, total, managed, per_page);
		if (per_page)
			mm_total += d;
	}
	print_phase("rest (to prompt)", end - boot_marks[nr_boot_marks - 1].tsc, total, managed, false);
	pr_info("  %-24s %12llu %7s   %s (%lu managed pages)\n", "mm total", mm_total, "",
		tenths(per, sizeof(per), mm_total, managed), managed);
	if (boot_marks_overflow)
		pr_warn("  (more than %d marks: the last ones were dropped)\n", MAX_BOOT_MARKS);
}
