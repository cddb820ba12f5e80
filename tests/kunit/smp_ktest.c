// SPDX-License-Identifier: GPL-2.0
/*
 * Several CPUs (kernel/smp.c), on the real machine: every online CPU runs
 * a function sent to it, knows its own number, runs on its own stack, and
 * the ticket spinlock keeps all of them out of one critical section.  With
 * one CPU (no -smp, nosmp, maxcpus=1) the same cases run on CPU 0 alone.
 */
#include <kunit/test.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/smp.h>
#include <asm/apic.h>
#include <asm/pgtable.h>

struct ran_record {
	unsigned int ran[CONFIG_NR_CPUS];
	unsigned int id[CONFIG_NR_CPUS];
	unsigned long sp[CONFIG_NR_CPUS];
	unsigned int apicid[CONFIG_NR_CPUS];
	unsigned int wrong_slot;
};

static struct ran_record rec;

/* each CPU writes only its own slots, so no lock is needed */
static void record_cpu(void *info)
{
	struct ran_record *r = info;
	unsigned int cpu = smp_processor_id();
	unsigned long here = (unsigned long)__builtin_frame_address(0);

	if (cpu >= CONFIG_NR_CPUS) {
		__atomic_fetch_add(&r->wrong_slot, 1, __ATOMIC_RELAXED);
		return;
	}
	r->ran[cpu]++;
	r->id[cpu] = cpu;
	r->sp[cpu] = here;
	r->apicid[cpu] = apic_present() ? read_apic_id() : 0;
}

/*
 * The cases that call every CPU must run on CPU 0 (the boot selftest, the
 * shell's `selftest`): from another CPU they could not reach CPU 0, which
 * takes no IPI (`on 2 selftest smp`).
 */
static bool not_on_cpu0(struct kunit *test)
{
	if (smp_processor_id() == 0)
		return false;
	kunit_skip(test, "runs on CPU 0 only: CPU 0 takes no IPI");
	return true;
}

static void smp_each_cpu_own_id_and_stack(struct kunit *test)
{
	unsigned int cpu, other, n = 0;

	if (not_on_cpu0(test))
		return;

	memset(&rec, 0, sizeof(rec));
	on_each_cpu(record_cpu, &rec, true);
	KUNIT_EXPECT_EQ(test, rec.wrong_slot, 0);
	for (cpu = 0; cpu < CONFIG_NR_CPUS; cpu++) {
		const struct pcpu_hot *h = cpu_info[cpu].hot;

		if (!cpu_online(cpu)) {
			KUNIT_EXPECT_EQ(test, rec.ran[cpu], 0);
			continue;
		}
		n++;
		KUNIT_EXPECT_EQ(test, rec.ran[cpu], 1);
		KUNIT_EXPECT_EQ(test, rec.id[cpu], cpu);
		KUNIT_EXPECT_EQ(test, rec.apicid[cpu], cpu_info[cpu].apicid);
		/* on that CPU's own stack, which no other CPU shares */
		KUNIT_EXPECT_GE(test, rec.sp[cpu], h->stack_lo);
		KUNIT_EXPECT_LT(test, rec.sp[cpu], h->stack_hi);
		for (other = 0; other < cpu; other++)
			if (cpu_online(other))
				KUNIT_EXPECT_TRUE(test, h->stack_hi <= cpu_info[other].hot->stack_lo ||
						  h->stack_lo >= cpu_info[other].hot->stack_hi);
	}
	KUNIT_EXPECT_EQ(test, n, num_online_cpus());
	printk("        # %u CPUs ran the function, each on its own stack\n", n);
}

/* every stack but the boot CPU's (tested in paging_ktest.c) has its guard page unmapped */
static void smp_stack_guard_pages(struct kunit *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		const struct pcpu_hot *h = cpu_info[cpu].hot;

		if (cpu == 0)
			continue;
		KUNIT_EXPECT_EQ(test, h->stack_hi - h->stack_lo, 32 * 1024);
		KUNIT_EXPECT_TRUE(test, kernel_page_present(h->stack_lo));
		KUNIT_EXPECT_FALSE(test, kernel_page_present(h->stack_lo - PAGE_SIZE));
	}
}

static void smp_call_single_runs_there(struct kunit *test)
{
	unsigned int cpu;

	if (not_on_cpu0(test))
		return;

	for_each_online_cpu(cpu) {
		memset(&rec, 0, sizeof(rec));
		KUNIT_EXPECT_EQ(test, smp_call_function_single(cpu, record_cpu, &rec, true), 0);
		KUNIT_EXPECT_EQ(test, rec.ran[cpu], 1);
		KUNIT_EXPECT_EQ(test, rec.id[cpu], cpu);
	}
	/* a CPU that is not running is refused, and nothing runs */
	memset(&rec, 0, sizeof(rec));
	KUNIT_EXPECT_EQ(test, smp_call_function_single(CONFIG_NR_CPUS - 1, record_cpu, &rec, true),
			cpu_online(CONFIG_NR_CPUS - 1) ? 0 : -ENXIO);
	KUNIT_EXPECT_EQ(test, smp_call_function_single(CONFIG_NR_CPUS, record_cpu, &rec, true), -ENXIO);
}

/* another CPU asking CPU 0, which takes no IPI, is refused instead of hanging */
static int call_cpu0_ret;

static void call_cpu0(void *info)
{
	call_cpu0_ret = smp_call_function_single(0, record_cpu, info, true);
}

static void smp_call_to_cpu0_refused(struct kunit *test)
{
	static struct printk_capture cap;

	if (not_on_cpu0(test))
		return;
	if (num_online_cpus() < 2) {
		/* alone, CPU 0 asking itself is a plain call */
		memset(&rec, 0, sizeof(rec));
		call_cpu0(&rec);
		KUNIT_EXPECT_EQ(test, call_cpu0_ret, 0);
		KUNIT_EXPECT_EQ(test, rec.ran[0], 1);
		return;
	}
	memset(&rec, 0, sizeof(rec));
	call_cpu0_ret = 1;
	kunit_capture_start(&cap);
	KUNIT_EXPECT_EQ(test, smp_call_function_single(1, call_cpu0, &rec, true), 0);
	kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, call_cpu0_ret, -EDEADLK);
	KUNIT_EXPECT_EQ(test, rec.ran[0], 0);
	KUNIT_EXPECT_LOG_CONTAINS(test, &cap, "CPU0 takes no IPI");
}

/*
 * Few rounds: under TCG on an oversubscribed host a ticket lock hands over
 * only when the host runs the next waiter's thread, a timeslice per round.
 */
#define LOCK_ROUNDS	200
#define LOCK_HOLD	2000	/* iterations inside: most of the time is spent holding the lock */

static DEFINE_SPINLOCK(test_lock);
static unsigned int shared_counter, arrived;

/*
 * A read-modify-write that loses updates unless the lock excludes the
 * others.  The CPUs first wait for each other, so that they really
 * overlap: an IPI takes longer to arrive than a few rounds take.
 */
static void hammer_lock(void *info)
{
	unsigned int i, j, n = num_online_cpus();

	__atomic_fetch_add(&arrived, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&arrived, __ATOMIC_ACQUIRE) < n)
		__asm__ __volatile__("pause");
	for (i = 0; i < LOCK_ROUNDS; i++) {
		unsigned long flags;
		unsigned int v;

		spin_lock_irqsave(&test_lock, flags);
		v = __atomic_load_n(&shared_counter, __ATOMIC_RELAXED);
		for (j = 0; j < LOCK_HOLD; j++)	/* the window a broken lock leaves open */
			__asm__ __volatile__("" ::: "memory");
		__atomic_store_n(&shared_counter, v + 1, __ATOMIC_RELAXED);
		spin_unlock_irqrestore(&test_lock, flags);
	}
}

static void smp_spinlock_excludes(struct kunit *test)
{
	if (not_on_cpu0(test))
		return;
	shared_counter = 0;
	arrived = 0;
	on_each_cpu(hammer_lock, NULL, true);
	KUNIT_EXPECT_EQ(test, shared_counter, LOCK_ROUNDS * num_online_cpus());
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&test_lock));
	KUNIT_EXPECT_EQ(test, test_lock.owner, test_lock.next);
}

static void smp_ticket_lock_fields(struct kunit *test)
{
	DEFINE_SPINLOCK(l);

	l.owner = l.next = 0xfffe;	/* the tickets wrap at 16 bits */
	spin_lock(&l);
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&l));
	KUNIT_EXPECT_EQ(test, l.next, 0xffff);
#ifdef CONFIG_DEBUG_SPINLOCK
	KUNIT_EXPECT_EQ(test, l.owner_cpu, (int)smp_processor_id());
#endif
	spin_unlock(&l);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&l));
	spin_lock(&l);
	spin_unlock(&l);
	KUNIT_EXPECT_EQ(test, l.owner, 0);
	KUNIT_EXPECT_EQ(test, l.next, 0);
#ifdef CONFIG_DEBUG_SPINLOCK
	KUNIT_EXPECT_EQ(test, l.owner_cpu, -1);
#endif
}

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(smp_each_cpu_own_id_and_stack),
	KUNIT_CASE(smp_stack_guard_pages),
	KUNIT_CASE(smp_call_single_runs_there),
	KUNIT_CASE(smp_call_to_cpu0_refused),
	KUNIT_CASE(smp_spinlock_excludes),
	KUNIT_CASE(smp_ticket_lock_fields),
	{}
};

static struct kunit_suite smp_suite = {
	.name = "smp",
	.test_cases = smp_cases,
	.flags = KUNIT_SUITE_KERNEL_ONLY,
};
kunit_test_suite(smp_suite);
