/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfl; popl %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("pushl %0; popfl" : : "r"(flags) : "memory", "cc");
}

#endif
