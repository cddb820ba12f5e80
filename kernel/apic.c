// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC, xAPIC mode: just what starting CPUs and sending them
 * work needs.  No APIC timer, no I/O APIC: the kernel's only interrupts
 * are the IPIs kernel/smp.c sends.
 *
 * The registers are 4 KiB of MMIO at the address the MADT gives, mapped
 * uncached through ioremap() once by the boot CPU; every CPU uses the same
 * virtual address and reaches its own APIC there.  Each register is a
 * 32-bit word at a 16-byte boundary and must be accessed as one.
 *
 * The interrupt command register (ICR) is two words: the destination
 * goes into ICR2 first, and writing the low word sends.  Delivery status
 * (bit 12) says the APIC has not yet accepted the IPI from the bus; Linux
 * waits for it to clear before the next send, and so do we, for at most
 * a few milliseconds (safe_apic_wait_icr_idle()).
 */
#include <asm/apic.h>
#include <asm/pgtable.h>
#include <asm/irqflags.h>
#include <linux/kernel.h>
#include <linux/delay.h>

static volatile u32 *apic_base;		/* ioremap()ed registers, NULL if none */

bool apic_present(void)
{
	return apic_base != NULL;
}

u32 apic_read(u32 reg)
{
	return apic_base[reg / 4];
}

void apic_write(u32 reg, u32 val)
{
	apic_base[reg / 4] = val;
}

unsigned int read_apic_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

static bool cpu_has_apic(void)
{
	u32 eax = 1, ebx, ecx = 0, edx;

	__asm__ __volatile__("cpuid" : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	return edx & (1u << 9);
}

bool apic_init_mappings(phys_addr_t phys)
{
	if (!cpu_has_apic()) {
		pr_info("APIC: the CPU has no local APIC (CPUID.1:EDX bit 9)\n");
		return false;
	}
	if (phys & ~PAGE_MASK || phys >= (1ULL << 32)) {
		pr_warn("APIC: local APIC address 0x%llx is not a page below 4 GiB, not used\n", phys);
		return false;
	}
	apic_base = ioremap(phys, PAGE_SIZE);
	if (!apic_base)
		return false;
	pr_info("APIC: local APIC at 0x%llx, version 0x%x, boot CPU APIC id %u\n",
		phys, apic_read(APIC_LVR) & 0xff, read_apic_id());
	return true;
}

void apic_setup_local(bool boot_cpu)
{
	/* nothing but IPIs: the local interrupt pins and the timer stay masked */
	apic_write(APIC_LVTT, APIC_LVT_MASKED);
	apic_write(APIC_LVTERR, APIC_LVT_MASKED);
	if (!boot_cpu) {
		/* the boot CPU's LINT0/1 stay as the firmware wired them (8259, NMI) */
		apic_write(APIC_LVT0, APIC_LVT_MASKED);
		apic_write(APIC_LVT1, APIC_LVT_MASKED);
	}
	apic_write(APIC_TASKPRI, 0);
	apic_write(APIC_SPIV, APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
}

int apic_wait_icr_idle(void)
{
	unsigned int us;

	for (us = 0; us < 10000; us++) {
		if (!(apic_read(APIC_ICR) & APIC_ICR_BUSY))
			return 0;
		udelay(1);
	}
	return -ETIMEDOUT;
}

int apic_send_ipi(unsigned int apicid, u32 low)
{
	unsigned long flags = arch_local_irq_save();
	int err = apic_wait_icr_idle();

	apic_write(APIC_ICR2, apicid << 24);
	apic_write(APIC_ICR, low);
	arch_local_irq_restore(flags);
	return err;
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}
