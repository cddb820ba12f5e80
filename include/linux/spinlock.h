/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Uniprocessor spinlocks: taking the lock disables interrupts, which is all
 * the exclusion one CPU needs.  The lock word still exists, so that an SMP
 * implementation can replace this header without touching its callers;
 * with CONFIG_DEBUG_SPINLOCK (on whenever CONFIG_DEBUG_VM is, i.e. in the
 * kernel and the tests) it is set, cleared and checked, so a recursive
 * acquisition or a stray unlock is caught.  Without it (the benchmarks)
 * a lock costs nothing, as Linux's UP spinlocks do.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/kernel.h>
#include <asm/irqflags.h>

typedef struct {
	volatile int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED	{ 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *l) { l->locked = 0; }

#ifndef ORDERLY_NO_DEBUG_VM
#define CONFIG_DEBUG_SPINLOCK 1
#endif

static inline void spin_lock(spinlock_t *l)
{
#ifdef CONFIG_DEBUG_SPINLOCK
	BUG_ON(l->locked);
	l->locked = 1;
#endif
}

static inline void spin_unlock(spinlock_t *l)
{
#ifdef CONFIG_DEBUG_SPINLOCK
	BUG_ON(!l->locked);
	l->locked = 0;
#endif
}

#define spin_lock_irqsave(l, flags)	\
	do { (flags) = arch_local_irq_save(); spin_lock(l); } while (0)
#define spin_unlock_irqrestore(l, flags) \
	do { spin_unlock(l); arch_local_irq_restore(flags); } while (0)

#define local_irq_save(flags)		do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags)	arch_local_irq_restore(flags)

#endif
