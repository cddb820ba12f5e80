/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The register frame boot/isr.asm builds on the stack for every interrupt
 * and exception, lowest address first.  Kernel-mode only: the CPU pushed no
 * %esp/%ss, so the interrupted stack pointer is just above @flags
 * (regs_sp()).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <linux/types.h>

struct pt_regs {
	u32 gs, fs, es, ds;		/* pushed by the common stub */
	u32 di, si, bp, sp_pusha;	/* pusha (sp_pusha is meaningless) */
	u32 bx, dx, cx, ax;
	u32 trapnr;			/* vector number, pushed by the stub */
	u32 error_code;			/* CPU's, or 0 pushed by the stub */
	u32 ip, cs, flags;		/* pushed by the CPU */
};

static inline unsigned long regs_sp(const struct pt_regs *regs)
{
	return (unsigned long)&regs->flags + sizeof(regs->flags);
}

#endif
