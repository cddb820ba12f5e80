/* SPDX-License-Identifier: GPL-2.0 */
/* Power and exit paths (kernel/power.c). */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>
#include <linux/types.h>

void __noreturn machine_power_off(void);	/* ACPI S5, QEMU ports, then halt */
void __noreturn machine_restart(void);		/* keyboard controller, then triple fault */
void __noreturn machine_halt(void);

/*
 * isa-debug-exit (QEMU -device isa-debug-exit,iobase=0xf4): QEMU exits with
 * status (code << 1) | 1.  Only acts when running under QEMU (fw_cfg seen);
 * returns if there is no such device.
 */
#define QEMU_EXIT_PASS	0x10	/* QEMU exit status 33 */
#define QEMU_EXIT_FAIL	0x11	/* QEMU exit status 35 */
void qemu_exit(u32 code);
bool running_on_qemu(void);

/*
 * acpi_power_init - find what machine_power_off() writes for ACPI S5:
 * RSDP -> RSDT/XSDT -> FADT (PM1a/PM1b control ports) -> DSDT (\_S5_
 * package).  @rsdp is the copy from the boot loader, or NULL to search the
 * BIOS areas.  Call after paging_init() (tables may lie above lowmem and
 * are reached through ioremap).  Prints one line saying what it found.
 */
void acpi_power_init(const u8 *rsdp, u32 rsdp_len);

#endif
