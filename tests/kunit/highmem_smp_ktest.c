// SPDX-License-Identifier: GPL-2.0
/*
 * kmap from every CPU at once, on the real machine (multi-threaded TCG
 * under QEMU -smp N).
 *
 * The kmap storm: every online CPU kmap()s HighMem pages of its own,
 * checks the (cpu, sequence) pattern it wrote there last time, writes a
 * new one, kunmap()s, and now and then flushes the PKMAP window - so the
 * next kmap() of a page is a fresh mapping, in a slot that another CPU
 * may have used for another frame a moment ago.  Almost every slot is
 * held by kmap()s taken before the storm, so the STORM_FREE_SLOTS free
 * ones (fewer than the storm's pages) are recycled for other frames after
 * every STORM_FREE_SLOTS new mappings, while the old translations are
 * still in the CPUs' TLBs.  Without the TLB shootdown in flush_all_zero_pkmaps() a
 * CPU reaches the frame it mapped in that slot before, and a pattern
 * breaks: a write lands in another page, or a read finds one.
 *
 * The per-CPU kmap_local stacks: every CPU fills its whole stack at the
 * same time, and each sees only its own pages at its own addresses.
 *
 * The CPUs run the work in cross-CPU calls, interrupts off; the
 * shootdown's NMI reaches them anyway (kernel/tlb.c).  The cases call
 * every CPU, so they run from CPU 0 only (CPU 0 takes no call from
 * another CPU).
 */
#include <kunit/test.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>
#include <asm/pgtable_32_areas.h>
#include <linux/timekeeping.h>

#define STORM_FREE_SLOTS	48	/* PKMAP slots left to the storm */
#define STORM_PAGES		24	/* HighMem pages per CPU */
#define STORM_ROUNDS		600	/* kmaps per CPU */

struct storm_cpu {
	struct page *page[STORM_PAGES];
	u32 seq[STORM_PAGES];		/* the sequence last written, 0: none yet */
	unsigned int kmaps, flushes, local_checks;
	unsigned int errors;
	unsigned long bad_pfn;		/* the first page whose pattern broke */
	unsigned int bad_word;
	u32 bad_value, bad_want;
} __aligned(64);

static struct storm_cpu storm[CONFIG_NR_CPUS];
static unsigned int storm_arrived, storm_cpus;

static u32 storm_word(unsigned int cpu, unsigned long pfn, u32 seq, unsigned int i)
{
	return ((u32)cpu << 28) ^ (seq << 10) ^ (u32)pfn * 2654435761u ^ i;
}

static void storm_fill(u32 *w, unsigned int cpu, unsigned long pfn, u32 seq)
{
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		w[i] = storm_word(cpu, pfn, seq, i);
}

/* false, and the first difference recorded, if @w is not the pattern */
static bool storm_check(struct storm_cpu *s, const u32 *w, unsigned int cpu,
			unsigned long pfn, u32 seq)
{
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		if (w[i] != storm_word(cpu, pfn, seq, i)) {
			if (!s->errors++) {
				s->bad_pfn = pfn;
				s->bad_word = i;
				s->bad_value = w[i];
				s->bad_want = storm_word(cpu, pfn, seq, i);
			}
			return false;
		}
	return true;
}

static void storm_wait_for_all(void)
{
	__atomic_fetch_add(&storm_arrived, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&storm_arrived, __ATOMIC_ACQUIRE) < storm_cpus)
		__asm__ __volatile__("pause");
}

static void kmap_storm_cpu(void *info)
{
	unsigned int cpu = smp_processor_id(), r;
	struct storm_cpu *s = &storm[cpu];
	u32 rnd = 12345 + cpu * 7919;

	storm_wait_for_all();
	for (r = 1; r <= STORM_ROUNDS; r++) {
		unsigned int j;
		unsigned long pfn;
		u32 *w;

		rnd = rnd * 1103515245u + 12345u;
		j = (rnd >> 16) % STORM_PAGES;
		pfn = page_to_pfn(s->page[j]);
		w = kmap(s->page[j]);
		if (!w) {
			s->errors++;
			continue;
		}
		s->kmaps++;
		if (s->seq[j])
			storm_check(s, w, cpu, pfn, s->seq[j]);
		s->seq[j] = r;
		storm_fill(w, cpu, pfn, r);
		kunmap(s->page[j]);
		/* the same frame through this CPU's own fixmap slot */
		if (r % 8 == 0) {
			w = kmap_local_page(s->page[j]);
			storm_check(s, w, cpu, pfn, r);
			kunmap_local(w);
			s->local_checks++;
		}
		/* now and then a flush: the next kmap()s are fresh mappings */
		if ((r + 50 * cpu) % 200 == 0) {
			kmap_flush_unused();
			s->flushes++;
		}
	}
}

/* CPU 0 only: the cases reach every CPU with on_each_cpu() */
static bool storm_not_on_cpu0(struct kunit *test)
{
	if (smp_processor_id() == 0)
		return false;
	kunit_skip(test, "runs on CPU 0 only: CPU 0 takes no IPI");
	return true;
}

static void hms_need_highmem(struct kunit *test, unsigned long nr_pages)
{
	const struct zone *z = &contig_page_data.node_zones[ZONE_HIGHMEM];

	if (!populated_zone(z))
		kunit_skip(test, "no HighMem zone (boot with -m 2G or highmem=)");
	if (z->free_pages < nr_pages + high_wmark_pages(z))
		kunit_skip(test, "too little free HighMem");
}

static void hms_kmap_storm(struct kunit *test)
{
	unsigned int cpu, j, pinned, in_use0 = nr_pkmaps_in_use(), n = num_online_cpus();
	unsigned long errors = 0, kmaps = 0, flushes = 0, checks = 0;
	struct tlb_flush_stats t0, t1;
	struct page *pin;
	u64 c0;

	if (storm_not_on_cpu0(test))
		return;
	hms_need_highmem(test, LAST_PKMAP + CONFIG_NR_CPUS * STORM_PAGES);
	KUNIT_ASSERT_LT(test, in_use0 + STORM_FREE_SLOTS, LAST_PKMAP);
	pinned = LAST_PKMAP - STORM_FREE_SLOTS - in_use0;
	pin = alloc_pages(GFP_HIGHUSER, 10);
	KUNIT_ASSERT_NOT_NULL(test, pin);
	for (j = 0; j < pinned; j++)
		KUNIT_ASSERT_NOT_NULL(test, kmap(pin + j));

	memset(storm, 0, sizeof(storm));
	for_each_online_cpu(cpu)
		for (j = 0; j < STORM_PAGES; j++) {
			storm[cpu].page[j] = alloc_pages(GFP_HIGHUSER, 0);
			KUNIT_ASSERT_NOT_NULL(test, storm[cpu].page[j]);
		}
	storm_arrived = 0;
	storm_cpus = n;
	tlb_flush_get_stats(&t0);
	c0 = get_cycles();
	on_each_cpu(kmap_storm_cpu, NULL, true);
	c0 = get_cycles() - c0;
	tlb_flush_get_stats(&t1);

	for_each_online_cpu(cpu) {
		struct storm_cpu *s = &storm[cpu];

		if (s->errors)
			KUNIT_FAIL(test, "CPU%u: %u broken patterns; first pfn 0x%lx word %u: 0x%08x, wrote 0x%08x",
				   cpu, s->errors, s->bad_pfn, s->bad_word, s->bad_value, s->bad_want);
		KUNIT_EXPECT_EQ(test, s->kmaps, STORM_ROUNDS);
		/* the last patterns, through a fresh mapping on CPU 0 */
		for (j = 0; j < STORM_PAGES; j++) {
			u32 *w;

			if (!s->seq[j])
				continue;
			w = kmap_local_page(s->page[j]);
			KUNIT_EXPECT_TRUE(test, storm_check(s, w, cpu, page_to_pfn(s->page[j]), s->seq[j]));
			kunmap_local(w);
		}
		errors += s->errors;
		kmaps += s->kmaps;
		flushes += s->flushes;
		checks += s->local_checks;
	}
	/* every flush that cleared a slot had to reach every other CPU */
	if (n > 1) {
		KUNIT_EXPECT_GT(test, t1.remote_flush, t0.remote_flush);
		KUNIT_EXPECT_EQ(test, t1.remote_flush_received - t0.remote_flush_received,
				(t1.remote_flush - t0.remote_flush) * (n - 1));
	}
	printk("        # kmap storm: %u CPUs, %lu kmaps, %lu flush calls, %lu TLB shootdowns (%llu cycles each), %lu kmap_local checks, %lu broken patterns, %llu Mcycles\n",
	       n, kmaps, flushes, t1.remote_flush - t0.remote_flush,
	       t1.remote_flush > t0.remote_flush ?
	       (t1.remote_cycles - t0.remote_cycles) / (t1.remote_flush - t0.remote_flush) : 0ULL,
	       checks, errors, c0 >> 20);

	for_each_online_cpu(cpu)
		for (j = 0; j < STORM_PAGES; j++)
			__free_pages(storm[cpu].page[j], 0);
	for (j = 0; j < pinned; j++)
		kunmap(pin + j);
	__free_pages(pin, 10);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), in_use0);
}

/* ------------------------------------------------------- kmap_local per CPU */

struct local_cpu {
	struct page *page[KM_MAX_IDX];
	unsigned long addr[KM_MAX_IDX];
	unsigned int errors, foreign_visible, depth_full, depth_after;
} __aligned(64);

static struct local_cpu local[CONFIG_NR_CPUS];

static void kmap_local_all_cpu(void *info)
{
	unsigned int cpu = smp_processor_id(), i, other;
	struct local_cpu *l = &local[cpu];
	u32 *w[KM_MAX_IDX];

	storm_wait_for_all();
	for (i = 0; i < KM_MAX_IDX; i++) {
		w[i] = kmap_local_page(l->page[i]);
		l->addr[i] = (unsigned long)w[i];
		if (w[i])
			storm_fill(w[i], cpu, page_to_pfn(l->page[i]), i + 1);
	}
	l->depth_full = kmap_local_depth();
	/* every CPU holds its whole stack now */
	__atomic_fetch_add(&storm_arrived, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&storm_arrived, __ATOMIC_ACQUIRE) < 2 * storm_cpus)
		__asm__ __volatile__("pause");
	for (i = 0; i < KM_MAX_IDX; i++)
		if (!w[i] || !storm_check(&storm[cpu], w[i], cpu,
					  page_to_pfn(l->page[i]), i + 1))
			l->errors++;
	/* another CPU's addresses are not this CPU's mappings */
	for (other = 0; other < CONFIG_NR_CPUS; other++)
		if (other != cpu && cpu_online(other))
			for (i = 0; i < KM_MAX_IDX; i++)
				l->foreign_visible += kmap_to_page((void *)local[other].addr[i]) != NULL;
	for (i = KM_MAX_IDX; i-- > 0; )
		if (w[i])
			kunmap_local(w[i]);
	l->depth_after = kmap_local_depth();
}

static void hms_kmap_local_every_cpu(struct kunit *test)
{
	unsigned int cpu, other, i, j, n = num_online_cpus();

	if (storm_not_on_cpu0(test))
		return;
	hms_need_highmem(test, CONFIG_NR_CPUS * KM_MAX_IDX);
	memset(local, 0, sizeof(local));
	memset(storm, 0, sizeof(storm));
	for_each_online_cpu(cpu)
		for (i = 0; i < KM_MAX_IDX; i++) {
			local[cpu].page[i] = alloc_pages(GFP_HIGHUSER, 0);
			KUNIT_ASSERT_NOT_NULL(test, local[cpu].page[i]);
		}
	storm_arrived = 0;
	storm_cpus = n;
	on_each_cpu(kmap_local_all_cpu, NULL, true);

	for_each_online_cpu(cpu) {
		struct local_cpu *l = &local[cpu];

		KUNIT_EXPECT_EQ(test, l->errors, 0);
		KUNIT_EXPECT_EQ(test, l->foreign_visible, 0);
		KUNIT_EXPECT_EQ(test, l->depth_full, KM_MAX_IDX);
		KUNIT_EXPECT_EQ(test, l->depth_after, 0);
		/* its own fixmap range: KM_MAX_IDX slots of its own, shared with nobody */
		for (i = 0; i < KM_MAX_IDX; i++) {
			KUNIT_EXPECT_EQ(test, l->addr[i], __fix_to_virt(FIX_KMAP_BEGIN + KM_MAX_IDX * cpu + i));
			for (other = 0; other < cpu; other++)
				if (cpu_online(other))
					for (j = 0; j < KM_MAX_IDX; j++)
						KUNIT_EXPECT_NE(test, l->addr[i], local[other].addr[j]);
		}
		for (i = 0; i < KM_MAX_IDX; i++)
			__free_pages(l->page[i], 0);
	}
	printk("        # %u CPUs held %u kmap_local mappings each at once\n", n, KM_MAX_IDX);
}

static struct kunit_case highmem_smp_cases[] = {
	KUNIT_CASE(hms_kmap_storm),
	KUNIT_CASE(hms_kmap_local_every_cpu),
	{}
};

static struct kunit_suite highmem_smp_suite = {
	.name = "highmem_smp",
	.test_cases = highmem_smp_cases,
	/*
	 * Only when named (selftest=highmem_smp): at -smp 4 under QEMU on a
	 * busy host each shootdown waits for vCPU threads the host has
	 * descheduled, and the storm would lengthen every selftest run.
	 */
	.flags = KUNIT_SUITE_KERNEL_ONLY | KUNIT_SUITE_ON_REQUEST,
};
kunit_test_suite(highmem_smp_suite);
