/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU exceptions (kernel/traps.c).  Every exception prints a report (name,
 * error code, EIP as symbol+offset, CR2 and what lies there for a page
 * fault, registers, stack trace) and panics -- unless a die hook claims it.
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <linux/types.h>
#include <asm/ptrace.h>

enum x86_trap {
	X86_TRAP_DE = 0, X86_TRAP_DB, X86_TRAP_NMI, X86_TRAP_BP, X86_TRAP_OF,
	X86_TRAP_BR, X86_TRAP_UD, X86_TRAP_NM, X86_TRAP_DF, X86_TRAP_OLD_MF,
	X86_TRAP_TS, X86_TRAP_NP, X86_TRAP_SS, X86_TRAP_GP, X86_TRAP_PF,
	X86_TRAP_SPURIOUS, X86_TRAP_MF, X86_TRAP_AC, X86_TRAP_MC, X86_TRAP_XF,
	X86_TRAP_VE,
};

/* page-fault error code bits */
#define X86_PF_PROT	0x1	/* 0: page not present, 1: protection violation */
#define X86_PF_WRITE	0x2
#define X86_PF_USER	0x4
#define X86_PF_RSVD	0x8
#define X86_PF_INSTR	0x10

/* GDT, IDT (all 256 vectors), the double-fault task, PIC masked. */
void trap_init(void);

/*
 * A die hook sees every CPU exception after its report is printed and
 * before panic.  It returns false to let the panic happen, or does not
 * return at all (e.g. __builtin_longjmp() back into a self-test that
 * expected the fault: the exception frame is on the same stack and is
 * simply abandoned).  One hook at a time; NULL removes it.  @cr2 is only
 * meaningful for X86_TRAP_PF.
 */
typedef bool (*die_hook_t)(struct pt_regs *regs, unsigned long cr2);
void set_die_hook(die_hook_t hook);

/* exceptions seen so far (including ones a hook claimed), for tests */
extern unsigned int nr_exceptions;

/* kernel/smp.c, on each other CPU: its TSS, double-fault task and the IDT */
void trap_init_ap(unsigned int cpu, u64 *gdt, unsigned long df_stack_top);

/* paging_init(): the double-fault task must run on the kernel's page tables */
void trap_set_cr3(unsigned long cr3);

/* Print a frame-pointer backtrace starting at frame @bp. */
void show_stack_bp(unsigned long bp);
/* Backtrace of the caller. */
void dump_stack(void);

#endif
