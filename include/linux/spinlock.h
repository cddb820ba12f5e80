/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ticket spinlocks, as Linux/x86 had them from 2.6.25 to 4.2.
 *
 * The lock is two 16-bit counters: @next, the ticket the next comer draws,
 * and @owner, the ticket being served.  spin_lock() draws a ticket with one
 * "lock xadd" on @next and spins until @owner reaches it; spin_unlock()
 * hands the lock to the next ticket by incrementing @owner (only the holder
 * writes it).  Waiters are served
 * in arrival order, so no CPU starves; the lock is free when next == owner.
 * Uncontended, a lock/unlock pair is a "lock xadd", a compare and a "lock add".
 *
 * The spinlock does not disable interrupts: spin_lock_irqsave() does, as
 * in Linux, and is what code shared with an interrupt handler must use.
 *
 * With CONFIG_DEBUG_SPINLOCK (on whenever CONFIG_DEBUG_VM is, i.e. in the
 * kernel and the tests; off in the benchmarks) the lock also records its
 * owner CPU, so that taking a lock this CPU already holds (which would
 * spin for ever) and releasing a lock that is free or held by another CPU
 * are a BUG at the culprit, not a hang somewhere later.
 *
 * The header stays host-compilable: the atomics are GCC builtins, and the
 * host's asm/percpu.h says every caller is CPU 0.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/kernel.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>

typedef struct {
	u16 owner;		/* ticket being served */
	u16 next;		/* ticket the next spin_lock() draws */
#ifndef ORDERLY_NO_DEBUG_VM
	int owner_cpu;		/* CONFIG_DEBUG_SPINLOCK: holder, or -1 */
#endif
} spinlock_t;

#ifndef ORDERLY_NO_DEBUG_VM
#define CONFIG_DEBUG_SPINLOCK 1
#define __SPIN_LOCK_UNLOCKED	{ 0, 0, -1 }
#else
#define __SPIN_LOCK_UNLOCKED	{ 0, 0 }
#endif
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED

/*
 * CONFIG_DEBUG_SPINLOCK's sleep-point check (Linux's might_sleep() with
 * CONFIG_DEBUG_ATOMIC_SLEEP): each CPU counts the spinlocks it holds;
 * a function that may sleep (an allocation that may wait, kmap()) asks
 * might_sleep() and, with a lock held, gets Linux's "BUG: sleeping
 * function called from invalid context" report - and carries on, since
 * nothing here actually sleeps.  Per CPU, so only its CPU writes a slot.
 */
#define SPIN_DEBUG_CPUS	32
extern int spin_locks_held[SPIN_DEBUG_CPUS];
void __might_sleep(const char *file, int line);
#ifdef CONFIG_DEBUG_SPINLOCK
#define might_sleep()							\
	do {								\
		if (unlikely(spin_locks_held[raw_smp_processor_id() % SPIN_DEBUG_CPUS])) \
			__might_sleep(__FILE__, __LINE__);		\
	} while (0)
#else
#define might_sleep()	do { } while (0)
#endif
#define might_sleep_if(cond)	do { if (cond) might_sleep(); } while (0)

static inline void spin_lock_init(spinlock_t *l)
{
	*l = (spinlock_t)__SPIN_LOCK_UNLOCKED;
}

#ifdef ORDERLY_HOST_YIELD
/*
 * Host threads as CPUs (tests/tsan/, built with -DORDERLY_HOST_YIELD):
 * the host may deschedule them, and there are more of them than cores,
 * so after a short spin a waiter gives its core to the holder instead of
 * spinning out its time slice.  Not in the other builds: a call in the
 * spin path makes GCC save six registers in every function that inlines
 * a lock (callgrind: +27 instructions on the order 1-10 pairs).
 */
extern int sched_yield(void);
extern __thread unsigned int host_relax_spins;
#endif

static inline void __ticket_relax(void)
{
#ifdef ORDERLY_HOST_YIELD
	if (++host_relax_spins % 128)
		__builtin_ia32_pause();
	else
		sched_yield();
#elif defined(__i386__) || defined(__x86_64__)
	__builtin_ia32_pause();
#endif
}

static inline bool spin_is_locked(spinlock_t *l)
{
	return __atomic_load_n(&l->owner, __ATOMIC_RELAXED) !=
	       __atomic_load_n(&l->next, __ATOMIC_RELAXED);
}

static inline void spin_lock(spinlock_t *l)
{
	u16 ticket;

#ifdef CONFIG_DEBUG_SPINLOCK
	/* only this CPU can have stored its own number here */
	BUG_ON(__atomic_load_n(&l->owner_cpu, __ATOMIC_RELAXED) == (int)raw_smp_processor_id());
#endif
#if (defined(__i386__) || defined(__x86_64__)) && !defined(ORDERLY_HOST_YIELD)
	/*
	 * As Linux/x86's __ticket_spin_lock() (2.6.25): draw, compare @owner
	 * in memory, spin with "rep; nop" - uncontended, four instructions
	 * (GCC's atomics would load @owner into a register first and keep
	 * the spin loop's address live).  The "memory" clobber is the
	 * acquire barrier; x86 orders the loads after the locked xadd.
	 */
	ticket = 1;
	__asm__ __volatile__("lock xaddw %w0, %1\n\t"
			     "cmpw %w0, %2\n\t"
			     "je 2f\n"
			     "1:\tpause\n\t"
			     "cmpw %w0, %2\n\t"
			     "jne 1b\n"
			     "2:"
			     : "+r"(ticket), "+m"(l->next)
			     : "m"(l->owner)
			     : "memory", "cc");
#else
	/* the host threads of tests/tsan/: TSan sees the builtins, not asm */
	ticket = __atomic_fetch_add(&l->next, 1, __ATOMIC_ACQUIRE);
	if (unlikely(__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != ticket)) {
		do
			__ticket_relax();
		while (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != ticket);
	}
#endif
#ifdef CONFIG_DEBUG_SPINLOCK
	__atomic_store_n(&l->owner_cpu, (int)raw_smp_processor_id(), __ATOMIC_RELAXED);
	spin_locks_held[raw_smp_processor_id() % SPIN_DEBUG_CPUS]++;
#endif
}

static inline void spin_unlock(spinlock_t *l)
{
#ifdef CONFIG_DEBUG_SPINLOCK
	BUG_ON(!spin_is_locked(l));
	BUG_ON(__atomic_load_n(&l->owner_cpu, __ATOMIC_RELAXED) != (int)raw_smp_processor_id());
	__atomic_store_n(&l->owner_cpu, -1, __ATOMIC_RELAXED);
	spin_locks_held[raw_smp_processor_id() % SPIN_DEBUG_CPUS]--;
#endif
	/* one "lock add": fewer instructions than load, add, store */
	__atomic_fetch_add(&l->owner, 1, __ATOMIC_RELEASE);
}

#define spin_lock_irqsave(l, flags)	\
	do { (flags) = arch_local_irq_save(); spin_lock(l); } while (0)
#define spin_unlock_irqrestore(l, flags) \
	do { spin_unlock(l); arch_local_irq_restore(flags); } while (0)

#define local_irq_save(flags)		do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags)	arch_local_irq_restore(flags)

#endif
