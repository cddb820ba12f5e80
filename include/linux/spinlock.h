/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Uniprocessor spinlocks: taking the lock disables interrupts, which is all
 * the exclusion one CPU needs.  The lock word still exists and is checked,
 * so that an SMP implementation can replace this header without touching
 * its callers, and a recursive acquisition is caught today.
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

static inline void spin_lock(spinlock_t *l)
{
	BUG_ON(l->locked);
	l->locked = 1;
}

static inline void spin_unlock(spinlock_t *l)
{
	BUG_ON(!l->locked);
	l->locked = 0;
}

#define spin_lock_irqsave(l, flags)	\
	do { (flags) = arch_local_irq_save(); spin_lock(l); } while (0)
#define spin_unlock_irqrestore(l, flags) \
	do { spin_unlock(l); arch_local_irq_restore(flags); } while (0)

#define local_irq_save(flags)		do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags)	arch_local_irq_restore(flags)

#endif
