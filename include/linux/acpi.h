/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few ACPI tables Orderly reads (kernel/acpi.c): the RSDP from the boot
 * loader or the BIOS areas, RSDT/XSDT, and the MADT's processor entries.
 * kernel/power.c reads the FADT and DSDT through the same helpers.
 */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H

#include <linux/types.h>

#define ACPI_MAX_TABLE		(4u << 20)	/* anything longer is corrupt */

bool acpi_checksum_ok(const u8 *p, u32 len);

/*
 * The RSDP: the boot loader's copy (@rsdp, @rsdp_len from the Multiboot2
 * ACPI tags, so BIOS and UEFI both work), else a search of the EBDA and
 * 0xE0000-0xFFFFF.  Sets *@len_out (20 for ACPI 1.0, 36 after); NULL if none.
 */
const u8 *acpi_find_rsdp(const u8 *rsdp, u32 rsdp_len, u32 *len_out);
/* a kernel pointer to @len bytes of firmware memory at @phys, or NULL */
const u8 *acpi_map(u64 phys, u32 len);
/* the whole table at @phys after checking signature, length, checksum */
const u8 *acpi_map_table(u64 phys, const char *sig);
/* the first table with signature @sig listed in the XSDT (else RSDT), or NULL */
const u8 *acpi_find_table(const u8 *rsdp, u32 rsdp_len, const char *sig);

/* ---------------------------------------------------------------- MADT */

#define ACPI_MADT_TYPE_LOCAL_APIC		0
#define ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE	5
#define ACPI_MADT_TYPE_LOCAL_X2APIC		9
#define ACPI_MADT_ENABLED		(1u << 0)
#define ACPI_MADT_ONLINE_CAPABLE	(1u << 1)

#define ACPI_MADT_MAX_CPUS	256

/* a processor entry of the MADT, as found (the caller decides what it uses) */
struct acpi_madt_cpu {
	u32 apicid;
	u32 acpi_id;		/* processor UID */
	u8 type;		/* ACPI_MADT_TYPE_LOCAL_APIC or _X2APIC */
	bool enabled;		/* usable now */
	bool online_capable;	/* could be enabled later (hotplug) */
};

struct acpi_madt_info {
	u64 lapic_addr;		/* the 32-bit field, or the 64-bit override */
	u32 flags;		/* bit 0: PC-AT dual 8259 */
	unsigned int nr_cpus;
	unsigned int nr_dropped;	/* processor entries beyond ACPI_MADT_MAX_CPUS */
	struct acpi_madt_cpu cpu[ACPI_MADT_MAX_CPUS];
};

/*
 * Parse the MADT at @madt, @len bytes mapped.  0, or -EINVAL with one line
 * naming what is wrong (signature, length, checksum, the entry at offset N);
 * a rejected table leaves *@out with no CPUs.
 */
int acpi_parse_madt(const u8 *madt, u32 len, struct acpi_madt_info *out);

#endif
