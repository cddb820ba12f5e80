/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The local APIC in xAPIC mode (kernel/apic.c): memory-mapped registers at
 * the address the MADT gives (0xfee00000 on every PC), mapped once with
 * ioremap() at the same virtual address for every CPU -- each CPU's
 * accesses reach its own APIC.  Register names as Linux's apicdef.h.
 */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <linux/types.h>

#define APIC_DEFAULT_PHYS_BASE	0xfee00000
#define APIC_ID		0x20
#define APIC_LVR	0x30
#define APIC_TASKPRI	0x80
#define APIC_EOI	0xB0
#define APIC_SPIV	0xF0
#define  APIC_SPIV_APIC_ENABLED	(1u << 8)
#define APIC_ESR	0x280
#define APIC_ICR	0x300
#define  APIC_DEST_SELF		0x40000
#define  APIC_DEST_ALLBUT	0xC0000
#define  APIC_INT_LEVELTRIG	0x08000
#define  APIC_INT_ASSERT	0x04000
#define  APIC_ICR_BUSY		0x01000
#define  APIC_DM_FIXED		0x00000
#define  APIC_DM_NMI		0x00400
#define  APIC_DM_INIT		0x00500
#define  APIC_DM_STARTUP	0x00600
#define APIC_ICR2	0x310
#define APIC_LVTT	0x320
#define APIC_LVT0	0x350
#define APIC_LVT1	0x360
#define APIC_LVTERR	0x370
#define  APIC_LVT_MASKED	(1u << 16)

/* vectors, as Linux's irq_vectors.h */
#define SPURIOUS_APIC_VECTOR		0xff
#define CALL_FUNCTION_SINGLE_VECTOR	0xfb

/* the BSP maps the APIC (@phys from the MADT); false if there is none */
bool apic_init_mappings(phys_addr_t phys);
/* this CPU's APIC on: spurious vector, LVTs masked, accept every priority */
void apic_setup_local(bool boot_cpu);
/* true once apic_init_mappings() succeeded */
bool apic_present(void);
u32 apic_read(u32 reg);
void apic_write(u32 reg, u32 val);
/* this CPU's local APIC id (bits 31:24 of APIC_ID) */
unsigned int read_apic_id(void);
/* send an IPI: @low is the ICR low word (delivery mode, vector) */
int apic_send_ipi(unsigned int apicid, u32 low);
/* wait for the ICR's delivery status to clear; 0 or -ETIMEDOUT */
int apic_wait_icr_idle(void);
/* acknowledge the interrupt being serviced */
void apic_eoi(void);

#endif
